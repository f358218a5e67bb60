export function ProgressBar({ percent, className = "" }: { percent: number; className?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={className}>
      <div
        role="progressbar"
        aria-label="Completion"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${value}%` }} />
      </div>
      <p className="mt-1.5 text-xs text-slate-500 tabular-nums">{value}% complete</p>
    </div>
  );
}
