import type { RouterOutputs } from "~/trpc/react";
import { absoluteTime, relativeTime } from "../lib/format";
import { Avatar } from "../ui/Avatar";
import { ACTION_DOT } from "./labels";

export type ActivityEntry = RouterOutputs["activity"]["list"]["items"][number];

function ChangeChip({ change }: { change: ActivityEntry["changes"][number] }) {
  return (
    <li className="inline-flex max-w-full items-center gap-1 rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
      <span className="shrink-0 font-medium text-slate-500">{change.field}</span>
      {change.from && <del className="truncate text-slate-500 decoration-slate-400">{change.from}</del>}
      {change.from && (
        <span aria-label="changed to" className="shrink-0 text-slate-500">
          →
        </span>
      )}
      <span className="truncate font-medium text-slate-800">{change.to || <em className="font-normal">none</em>}</span>
    </li>
  );
}

/** One entry: who, what in words, the old -> new values, and when. Compact rows leave out a
 * single change: their sentence already names it. */
export function ActivityItem({ entry, now, compact = false }: { entry: ActivityEntry; now: number; compact?: boolean }) {
  return (
    <li data-testid="activity-item" className={`flex gap-3 ${compact ? "py-2" : "py-3"}`}>
      <div className="relative flex shrink-0 self-start">
        <Avatar name={entry.actor.name} size={compact ? 24 : 32} />
        <span
          aria-hidden="true"
          className={`absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full ring-2 ring-white ${ACTION_DOT[entry.action] ?? "bg-slate-400"}`}
        />
      </div>
      <div className="min-w-0 flex-1">
        <div className={`flex gap-x-3 ${compact ? "flex-col" : "flex-wrap items-baseline justify-between"}`}>
          <p className="min-w-0 text-sm break-words text-slate-700">
            <span className="font-semibold text-slate-900">{entry.actor.name}</span> {entry.summary}
          </p>
          <time
            dateTime={entry.at.toISOString()}
            title={absoluteTime(entry.at)}
            className="shrink-0 text-xs whitespace-nowrap text-slate-500"
          >
            {relativeTime(entry.at, now)}
          </time>
        </div>
        {entry.parts.length > 0 && !compact && (
          <details className="group mt-1.5 text-sm">
            <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">
              <span className="group-open:hidden">Show details</span>
              <span className="hidden group-open:inline">Hide details</span>
            </summary>
            <ul className="mt-1.5 space-y-1 border-l-2 border-slate-100 pl-3 text-slate-600" aria-label="Details">
              {entry.parts.map((part, i) => (
                <li key={i} className="break-words">
                  {part.summary}
                </li>
              ))}
              {entry.parts.length < entry.partsTotal && (
                <li className="text-xs text-slate-500">and {entry.partsTotal - entry.parts.length} more</li>
              )}
            </ul>
          </details>
        )}
        {entry.changes.length > (compact ? 1 : 0) && (
          <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label="Changes">
            {entry.changes.map((change, i) => (
              <ChangeChip key={i} change={change} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
