"use client";

import { useId } from "react";
import { inputClass } from "./field-styles";
import { FieldShell, type FieldMeta } from "./FieldShell";

type TextAreaFieldProps = FieldMeta & Omit<React.ComponentProps<"textarea">, "id">;

export function TextAreaField({ label, hint, error, hideLabel, className = "", rows = 3, ...props }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      {(describedBy) => (
        <textarea
          id={id}
          rows={rows}
          className={`${inputClass} resize-y ${className}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...props}
        />
      )}
    </FieldShell>
  );
}
