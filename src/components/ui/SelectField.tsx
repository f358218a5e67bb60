"use client";

import { useId } from "react";
import { inputClass } from "./field-styles";
import { FieldShell, type FieldMeta } from "./FieldShell";

type SelectFieldProps = FieldMeta & Omit<React.ComponentProps<"select">, "id"> & { wrapperClassName?: string };

export function SelectField({ label, hint, error, hideLabel, wrapperClassName, className = "", children, ...props }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel} className={wrapperClassName}>
      {(describedBy) => (
        <select
          id={id}
          className={`${inputClass} pr-8 ${className}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...props}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}
