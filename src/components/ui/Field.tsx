"use client";

import { useId } from "react";
import { inputClass } from "./field-styles";
import { FieldShell, type FieldMeta } from "./FieldShell";

type FieldProps = FieldMeta & Omit<React.ComponentProps<"input">, "id"> & { id?: string; wrapperClassName?: string };

export function Field({ label, hint, error, hideLabel, id, wrapperClassName, className = "", ...props }: FieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={wrapperClassName}>
      {(describedBy) => (
        <input
          id={fieldId}
          className={`${inputClass} ${className}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...props}
        />
      )}
    </FieldShell>
  );
}
