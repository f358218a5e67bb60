"use client";

import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { OperationError } from "~/domain/apply";
import { sameValue } from "~/domain/graph";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A value checked by the field's operation schema, with its first message on failure. */
export function check<T>(schema: z.ZodType<T, unknown>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error.issues[0]?.message ?? "Invalid value" };
}

export const parseWith =
  <T>(schema: z.ZodType<T, unknown>) =>
  (text: string): Parsed<T> =>
    check(schema, text);

type DraftOptions<T> = {
  /** The value in the editor state right now. */
  value: T;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  /** Writes `next` as one compare-and-set update that expects `start`. */
  commit: (next: T, start: T) => OperationError | null;
  multiline?: boolean;
  /** My value from an edit that lost to someone else's: shown instead of theirs until resolved. */
  held?: { value: T } | null;
};

type Draft<T> = { text: string; start: T };

/**
 * A text field over one entity field. While nobody types it shows the live value, so remote
 * changes appear at once; the first keystroke opens a draft that remembers the value it
 * started from, and blur/Enter commits it with that value as `expect`. An unmount (the
 * selection moved on) still commits, so switching steps never drops an edit.
 */
export function useDraft<T>({ value, format, parse, commit, multiline = false, held = null }: DraftOptions<T>) {
  const [draft, setDraft] = useState<Draft<T> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pending = useRef<Draft<T> | null>(null);
  const latest = useRef({ parse, commit });

  useEffect(() => {
    latest.current = { parse, commit };
  });

  useEffect(
    () => () => {
      const left = pending.current;
      if (left) save(left, latest.current);
    },
    [],
  );

  const finish = () => {
    const current = pending.current;
    if (!current || !parse(current.text).ok) return;
    pending.current = null;
    setDraft(null);
    setFailure(save(current, { parse, commit }));
  };

  const revert = () => {
    pending.current = null;
    setDraft(null);
    setFailure(null);
  };

  const parsed = draft ? parse(draft.text) : null;
  return {
    value: draft ? draft.text : format(held ? held.value : value),
    error: parsed && !parsed.ok ? parsed.error : held && !draft ? HELD : failure,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      pending.current = { text: event.target.value, start: pending.current ? pending.current.start : value };
      setDraft(pending.current);
      setFailure(null);
    },
    onBlur: finish,
    onKeyDown: (event: React.KeyboardEvent) => {
      const submit = event.key === "Enter" && (!multiline || event.metaKey || event.ctrlKey);
      if (submit) {
        event.preventDefault();
        finish();
      } else if (event.key === "Escape" && pending.current) {
        event.stopPropagation();
        revert();
      }
    },
  };
}

const HELD = "Not saved: someone else changed it too. Choose Apply mine or Keep theirs above.";

function save<T>(draft: Draft<T>, { parse, commit }: Pick<DraftOptions<T>, "parse" | "commit">): string | null {
  const parsed = parse(draft.text);
  if (!parsed.ok || sameValue(parsed.value, draft.start)) return null;
  const error = commit(parsed.value, draft.start);
  return error && error.code !== "STALE_WRITE" ? error.message : null;
}
