import { labelClass } from "./field-styles";

export type FieldMeta = { label: React.ReactNode; hint?: React.ReactNode; error?: string | null; hideLabel?: boolean };

type FieldShellProps = FieldMeta & {
  id: string;
  className?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
};

/** Label, control, hint and error, wired together with ids so screen readers read them in order. */
export function FieldShell({ id, label, hint, error, hideLabel, className = "", children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : labelClass}>
        {label}
      </label>
      {children(describedBy)}
      {hint && !error && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
