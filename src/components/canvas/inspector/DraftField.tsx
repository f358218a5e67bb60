"use client";

import type { OperationError } from "~/domain/apply";
import { Field } from "../../ui/Field";
import { TextAreaField } from "../../ui/TextAreaField";
import { useDraft, type Parsed } from "./useDraft";

type DraftFieldProps<T> = {
  label: string;
  value: T;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  commit: (next: T, start: T) => OperationError | null;
  hint?: React.ReactNode;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  className?: string;
  held?: { value: T } | null;
};

/** A labelled input committing on blur / Enter (Cmd/Ctrl+Enter when multiline), Esc reverts. */
export function DraftField<T>({ label, hint, placeholder, multiline, inputMode, className, ...options }: DraftFieldProps<T>) {
  const draft = useDraft({ ...options, multiline });
  const common = { label, hint, placeholder, autoComplete: "off", spellCheck: multiline, ...draft };
  if (multiline) return <TextAreaField rows={3} {...common} />;
  return <Field inputMode={inputMode} wrapperClassName={className} {...common} />;
}

export const text = (value: string | null) => value ?? "";
