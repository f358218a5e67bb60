/**
 * Process runs: a real pass through the process measured against the plan it started on.
 * Pure: the runs service stores the plan and the step events, this says what they mean.
 */

import type { WorkingCalendar } from "./calendar";

/**
 * What a run is measured against: each step's working minutes and calendar, the dependencies
 * and their waits (elapsed minutes, or with `working` the target calendar's working minutes).
 * Planned dates follow from a run's start.
 */
export type RunPlan = {
  steps: { id: string; label: string; departmentId: string | null; duration: number; calendar: WorkingCalendar | null }[];
  deps: { source: string; target: string; lag: number; working?: true }[];
};

/** A plan dated from a run's start. */
export type DatedPlan = {
  steps: { id: string; label: string; plannedStart: string; plannedFinish: string }[];
  deps: { source: string; target: string }[];
};

export const RUN_EVENT_KINDS = ["START", "FINISH"] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

/** Recorded events in the order they were recorded; a later one of the same kind corrects an earlier one. */
export type RunEvent = { nodeId: string; kind: RunEventKind; at: number };

export type StepState = "DONE" | "IN_PROGRESS" | "NOT_STARTED";

export type RunStep = {
  id: string;
  label: string;
  state: StepState;
  plannedStart: string;
  plannedFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  /**
   * How late, in minutes, measured at `now`: a done step finished after its planned finish, a
   * step in progress is past its planned finish, a step not started is past its planned start.
   * 0 when on time.
   */
  lateMinutes: number;
};

export type RunStatus = {
  steps: RunStep[];
  counts: { done: number; inProgress: number; notStarted: number; late: number };
  finished: boolean;
  /** Start of the run to the last finish, once every step is done. */
  actualLeadMinutes: number | null;
  /** Once finished: the chain of steps, first to last, whose actual finishes held up the last one. */
  actualCriticalPath: string[];
};

const MINUTE = 60_000;
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** One pass of a step in a run: a rework loop gives a step several. */
export type StepInstance = { start?: number; finish?: number };

/**
 * A run's events (in the order they were recorded) as each step's passes. A start at or after
 * the last pass's finish begins a new pass (the step ran again); any other record corrects the
 * current pass: a second start before it finished, a finish recorded again, or a start moved
 * back before the finish it already has.
 */
export function stepInstances(events: readonly RunEvent[]): Map<string, StepInstance[]> {
  const passes = new Map<string, StepInstance[]>();
  for (const e of events) {
    const list = passes.get(e.nodeId) ?? [];
    passes.set(e.nodeId, list);
    const current = list.at(-1);
    if (e.kind === "START") {
      if (!current || (current.finish !== undefined && e.at >= current.finish)) list.push({ start: e.at });
      else current.start = e.at;
    } else if (current) current.finish = e.at;
    else list.push({ finish: e.at });
  }
  return passes;
}

export function runStatus(plan: DatedPlan, events: RunEvent[], startedAt: number, now: number): RunStatus {
  // The last pass of each step says where it stands (a step that runs again is in progress again).
  const started = new Map<string, number>();
  const finished = new Map<string, number>();
  for (const [id, list] of stepInstances(events)) {
    const last = list.at(-1)!;
    if (last.start !== undefined) started.set(id, last.start);
    if (last.finish !== undefined) finished.set(id, last.finish);
  }

  const steps = plan.steps.map((s): RunStep => {
    const actualStart = started.get(s.id);
    const actualFinish = finished.get(s.id);
    const state: StepState = actualFinish !== undefined ? "DONE" : actualStart !== undefined ? "IN_PROGRESS" : "NOT_STARTED";
    const due = Date.parse(state === "NOT_STARTED" ? s.plannedStart : s.plannedFinish);
    const measured = state === "DONE" ? actualFinish! : now;
    return {
      id: s.id,
      label: s.label,
      state,
      plannedStart: s.plannedStart,
      plannedFinish: s.plannedFinish,
      actualStart: iso(actualStart),
      actualFinish: iso(actualFinish),
      lateMinutes: Math.max(0, Math.round((measured - due) / MINUTE)),
    };
  });
  const count = (state: StepState) => steps.filter((s) => s.state === state).length;
  const done = steps.length > 0 && steps.every((s) => s.state === "DONE");
  return {
    steps,
    counts: {
      done: count("DONE"),
      inProgress: count("IN_PROGRESS"),
      notStarted: count("NOT_STARTED"),
      late: steps.filter((s) => s.lateMinutes > 0).length,
    },
    finished: done,
    actualLeadMinutes: done ? (Math.max(...finished.values()) - startedAt) / MINUTE : null,
    actualCriticalPath: done ? actualChain(plan, finished) : [],
  };
}

/** From the step that finished last, back through the predecessor that finished last before it. */
function actualChain(plan: DatedPlan, finished: Map<string, number>): string[] {
  const into = new Map<string, string[]>();
  for (const d of plan.deps) into.set(d.target, [...(into.get(d.target) ?? []), d.source]);
  const order = plan.steps.map((s) => s.id);
  let current: string | undefined = order.reduce((last, id) => (finished.get(id)! > finished.get(last)! ? id : last), order[0]!);
  const chain: string[] = [];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const before: string[] = into.get(current) ?? [];
    current = before.reduce<string | undefined>(
      (last, id) => (last === undefined || finished.get(id)! > finished.get(last)! ? id : last),
      undefined,
    );
  }
  return chain;
}
