"use client";

import { formatMinutes } from "~/domain/duration";
import type { RunStep } from "~/domain/runs";

const TONE = {
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  progress: "bg-sky-50 text-sky-800 ring-sky-300",
  idle: "bg-slate-50 text-slate-600 ring-slate-300",
  late: "bg-red-50 text-red-800 ring-red-300",
} as const;

/** A step's state in the run on the map, in words: "done", "in progress, 45m late", "not started". */
export function runWords(step: RunStep): string {
  const late = step.lateMinutes > 0 ? `${formatMinutes(step.lateMinutes)} late` : null;
  if (step.state === "DONE") return late ? `done, ${late}` : "done on time";
  if (step.state === "IN_PROGRESS") return late ? `in progress, ${late}` : "in progress";
  return late ? `not started, ${late}` : "not started";
}

/** The pill over a step while a run is shown on the map. */
export function RunMarker({ step }: { step: RunStep }) {
  const tone = step.lateMinutes > 0 ? "late" : step.state === "DONE" ? "done" : step.state === "IN_PROGRESS" ? "progress" : "idle";
  const icon = step.state === "DONE" ? "✓ " : step.state === "IN_PROGRESS" ? "▶ " : "";
  return (
    <span
      className={`absolute -top-2.5 left-3 z-10 max-w-[85%] truncate rounded-full px-1.5 text-[10px] leading-4 font-semibold ring-1 ring-inset ${TONE[tone]}`}
      data-testid="run-marker"
      data-run-state={step.state}
      data-late={step.lateMinutes > 0 || undefined}
    >
      {icon}
      {runWords(step)}
    </span>
  );
}

/** The pill under a step whose runs were off its estimate by more than the chosen factor. */
export function OffEstimateMarker({ ratio }: { ratio: number }) {
  return (
    <span
      className="absolute right-3 -bottom-2.5 z-10 rounded-full bg-amber-50 px-1.5 text-[10px] leading-4 font-semibold text-amber-900 ring-1 ring-amber-300 ring-inset"
      data-testid="off-estimate"
      title="The median of the recorded runs against the estimate"
    >
      runs take {ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}× the estimate
    </span>
  );
}
