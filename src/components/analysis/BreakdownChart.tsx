import { formatMinutes } from "~/domain/duration";
import type { LaneFlow } from "~/domain/flow";
import { percent } from "./format";

/**
 * Horizontal bars, one per lane in matrix order: the critical path's time in that lane, split
 * into work (solid) and waiting (amber), with the lane's flow efficiency.
 */
export function BreakdownChart({ title, lanes }: { title: string; lanes: LaneFlow[] }) {
  const max = Math.max(...lanes.map((l) => l.leadMinutes), 1);
  return (
    <figure>
      <figcaption className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</figcaption>
      {lanes.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing on the critical path yet.</p>
      ) : (
        <ul className="space-y-2" aria-label={title}>
          {lanes.map((lane) => (
            <li key={lane.id ?? "unassigned"} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate text-slate-700">{lane.name}</span>
                <span className="shrink-0 tabular-nums text-slate-600">{formatMinutes(lane.leadMinutes)}</span>
              </div>
              <div className="mt-0.5 flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <div className="h-full bg-brand-500" style={{ width: `${(lane.processMinutes / max) * 100}%` }} />
                <div className="h-full bg-amber-400" style={{ width: `${(lane.waitingMinutes / max) * 100}%` }} />
              </div>
              <p className="mt-0.5 text-xs text-slate-500 tabular-nums">
                work {formatMinutes(lane.processMinutes)} · waiting {formatMinutes(lane.waitingMinutes)} · flow efficiency{" "}
                {percent(lane.flowEfficiency)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
