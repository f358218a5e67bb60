"use client";

import { useId, useState } from "react";
import type { z } from "zod";
import type { OperationError } from "~/domain/apply";
import { Icon } from "../../ui/Icon";
import { labelClass } from "../../ui/field-styles";

type TagInputProps = {
  label: string;
  /** Singular noun for the remove buttons: "Remove tool Slack". */
  noun: string;
  value: string[];
  schema: z.ZodType<string[], unknown>;
  /** Writes the whole list as one compare-and-set update expecting `start`. */
  commit: (next: string[], start: string[]) => OperationError | null;
  placeholder?: string;
};

/** Chips plus a text box: Enter, comma or leaving the box adds; Backspace on empty removes the last. */
export function TagInput({ label, noun, value, schema, commit, placeholder }: TagInputProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  const write = (next: string[]): boolean => {
    const parsed = schema.safeParse(next);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Invalid value");
      return false;
    }
    setError(commit(parsed.data, value)?.message ?? null);
    return true;
  };

  const add = () => {
    const entry = text.trim();
    const known = entry === "" || value.some((v) => v.toLowerCase() === entry.toLowerCase());
    if (known) setError(null);
    if (known || write([...value, entry])) setText("");
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      write(value.slice(0, -1));
    }
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div
        className={`flex flex-wrap items-center gap-1.5 rounded-lg border bg-white px-2 py-1.5 shadow-sm focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-brand-500/30 has-disabled:bg-slate-50 ${error ? "border-red-400" : "border-slate-300"}`}
      >
        {value.map((tag, index) => (
          <span
            key={`${index}:${tag}`}
            className="inline-flex max-w-full items-center gap-0.5 rounded-md bg-slate-100 py-0.5 pr-0.5 pl-2 text-xs font-medium text-slate-700"
          >
            <span className="truncate">{tag}</span>
            <button
              type="button"
              aria-label={`Remove ${noun} ${tag}`}
              onClick={() => write(value.filter((_, i) => i !== index))}
              className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700 disabled:hidden"
            >
              <Icon name="x" className="size-3" />
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          placeholder={value.length === 0 ? placeholder : undefined}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-20 flex-1 border-0 bg-transparent px-1 py-0.5 text-sm text-slate-900 placeholder:text-slate-400 focus:outline-none disabled:cursor-not-allowed"
        />
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
