"use client";

import { useId, useState } from "react";
import { errorMessage } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/field-styles";

const MAX_LENGTH = 5000;

type ComposerProps = {
  label: string;
  /** Shows the label above the box; otherwise it is for screen readers only. */
  showLabel?: boolean;
  placeholder?: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  pending: boolean;
  error: unknown;
  /** Resolves once saved; the box then empties. */
  onSubmit: (content: string) => Promise<unknown>;
  onCancel?: () => void;
};

/** A plain-text box for a new comment, a reply or an edit. Ctrl/Cmd+Enter sends, Esc cancels. */
export function Composer({
  label,
  showLabel = false,
  placeholder,
  submitLabel,
  initial = "",
  autoFocus,
  pending,
  error,
  onSubmit,
  onCancel,
}: ComposerProps) {
  const id = useId();
  const [text, setText] = useState(initial);
  const empty = text.trim().length === 0;
  const submit = async () => {
    if (empty || pending) return;
    try {
      await onSubmit(text.trim());
      setText("");
    } catch {
      // The mutation's error is shown below; keep the text so nothing typed is lost.
    }
  };
  return (
    <form
      className="space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className={showLabel ? "block text-xs font-semibold text-slate-700" : "sr-only"}>
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={MAX_LENGTH}
        placeholder={placeholder}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void submit();
          } else if (event.key === "Escape" && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
        className={`${inputClass} max-h-60 min-h-16 resize-y`}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {errorMessage(error)}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-2">
        {text.length > MAX_LENGTH - 500 && (
          <span className="mr-auto text-xs text-slate-500 tabular-nums">
            {text.length.toLocaleString("en")} / {MAX_LENGTH.toLocaleString("en")}
          </span>
        )}
        {onCancel && (
          <Button variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" disabled={empty} pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
