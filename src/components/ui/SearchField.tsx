"use client";

import { useId } from "react";
import { inputClass, labelClass } from "./field-styles";
import { Icon } from "./Icon";

type SearchFieldProps = { label: string; value: string; onChange(value: string): void; placeholder: string; className?: string };

/** A labelled search box with a magnifier, for filtering lists. */
export function SearchField({ label, value, onChange, placeholder, className = "" }: SearchFieldProps) {
  const id = useId();
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative">
        <Icon name="search" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id={id}
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          className={`${inputClass} pl-9`}
        />
      </div>
    </div>
  );
}
