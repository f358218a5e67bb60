import { formatMinutes } from "~/domain/duration";

/** Horizontal bars: where the critical path's time goes, by stage or department. */
export function BreakdownChart({ title, data }: { title: string; data: Record<string, number> }) {
  const entries = Object.entries(data).filter(([, minutes]) => minutes > 0);
  const max = Math.max(...entries.map(([, m]) => m), 1);
  return (
    <figure>
      <figcaption className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</figcaption>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing on the critical path yet.</p>
      ) : (
        <ul className="space-y-1.5" aria-label={title}>
          {entries.map(([name, minutes]) => (
            <li key={name} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate text-slate-700">{name}</span>
                <span className="shrink-0 tabular-nums text-slate-500">{formatMinutes(minutes)}</span>
              </div>
              <div className="mt-0.5 h-1.5 rounded-full bg-slate-100">
                <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${(minutes / max) * 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
