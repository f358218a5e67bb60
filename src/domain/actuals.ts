/**
 * Planned versus actual: what the recorded runs of a process say about each step's real
 * duration, the wait before it, and the lead time per case, beside the estimates. Pure: the
 * service gathers the runs, this summarizes them.
 */
import { workingMinutesBetween, type WorkingCalendar } from "./calendar";
import { stepInstances, type RunEvent } from "./runs";

/** The p-quantile (0..1) of sorted values, interpolated between neighbours; null for none. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export type ActualStepInput = { id: string; label: string; estimate: number; calendar: WorkingCalendar | null };
export type ActualRunInput = { id: string; name: string; startedAt: number; events: RunEvent[] };

export type StepActual = {
  id: string;
  label: string;
  /** The estimate's most likely working minutes. */
  estimate: number;
  /** Passes with a start and a finish: a step that ran twice in a case counts twice. */
  samples: number;
  /** Cases in which the step ran more than once (rework), and how many passes it had in all of them. */
  repeated: { cases: number; passes: number };
  /** Working minutes from start to finish in the step's calendar, over every recorded pass. */
  p10: number | null;
  median: number | null;
  p80: number | null;
  p90: number | null;
  /** Median elapsed minutes from the last dependency's finish (or the run's start) to the step's first start. */
  waitMedian: number | null;
  /** median / estimate; null without samples or without an estimate. */
  ratio: number | null;
  /** Off by more than the chosen factor, either way. */
  flagged: boolean;
};

export type ActualsSummary = {
  steps: StepActual[];
  runs: number;
  /** Runs in which every step has finished: their lead times, start to last finish, elapsed minutes. */
  finishedRuns: number;
  lead: { p10: number | null; median: number | null; p80: number | null; p90: number | null; values: number[] };
  /** Runs in which a step finished while a step it depends on has no record at all. */
  skipped: { count: number; runs: string[] };
  /** Runs in which a step started before a step it depends on had finished (or while it was unfinished). */
  outOfOrder: { count: number; runs: string[] };
};

const MINUTE = 60_000;
const LISTED = 20;
const sortedOf = (values: number[]) => [...values].sort((a, b) => a - b);

export function summarizeActuals(
  steps: ActualStepInput[],
  deps: { source: string; target: string }[],
  runs: ActualRunInput[],
  factor: number,
): ActualsSummary {
  const into = new Map<string, string[]>();
  for (const d of deps) into.set(d.target, [...(into.get(d.target) ?? []), d.source]);
  const durations = new Map<string, number[]>(steps.map((s) => [s.id, []]));
  const repeated = new Map(steps.map((s) => [s.id, { cases: 0, passes: 0 }]));
  const waits = new Map<string, number[]>(steps.map((s) => [s.id, []]));
  const calendar = new Map(steps.map((s) => [s.id, s.calendar]));
  const leads: number[] = [];
  const skipped: string[] = [];
  const outOfOrder: string[] = [];

  for (const run of runs) {
    // A step's first start and its last finish; every complete pass is a sample of its duration.
    const passes = stepInstances(run.events);
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    for (const [id, list] of passes) {
      const first = list.find((p) => p.start !== undefined)?.start;
      const last = list.findLast((p) => p.finish !== undefined)?.finish;
      if (first !== undefined) started.set(id, first);
      if (last !== undefined) finished.set(id, last);
    }
    let skips = false;
    let disorder = false;
    for (const s of steps) {
      const begin = started.get(s.id);
      const end = finished.get(s.id);
      const list = passes.get(s.id) ?? [];
      for (const p of list)
        if (p.start !== undefined && p.finish !== undefined)
          durations.get(s.id)!.push(workingMinutesBetween(p.start, p.finish, calendar.get(s.id)!));
      if (list.length > 1) {
        const r = repeated.get(s.id)!;
        r.cases++;
        r.passes += list.length;
      }
      const before = into.get(s.id) ?? [];
      if ((begin !== undefined || end !== undefined) && before.some((p) => !started.has(p) && !finished.has(p))) skips = true;
      // Started while a step it depends on was still going (or only finished later).
      if (begin !== undefined && before.some((p) => (finished.has(p) ? finished.get(p)! > begin : started.has(p)))) disorder = true;
      if (begin !== undefined) {
        const ready = before.reduce((latest, p) => Math.max(latest, finished.get(p) ?? -Infinity), run.startedAt);
        if (before.every((p) => finished.has(p))) waits.get(s.id)!.push(Math.max(0, (begin - ready) / MINUTE));
      }
    }
    if (skips) skipped.push(run.name);
    if (disorder) outOfOrder.push(run.name);
    if (steps.length > 0 && steps.every((s) => finished.has(s.id))) leads.push((Math.max(...finished.values()) - run.startedAt) / MINUTE);
  }

  const lead = sortedOf(leads);
  return {
    steps: steps.map((s) => {
      const values = sortedOf(durations.get(s.id)!);
      const median = quantile(values, 0.5);
      const ratio = median !== null && s.estimate > 0 ? median / s.estimate : null;
      return {
        id: s.id,
        label: s.label,
        estimate: s.estimate,
        samples: values.length,
        repeated: repeated.get(s.id)!,
        p10: quantile(values, 0.1),
        median,
        p80: quantile(values, 0.8),
        p90: quantile(values, 0.9),
        waitMedian: quantile(sortedOf(waits.get(s.id)!), 0.5),
        ratio,
        flagged: ratio !== null && (ratio > factor || ratio < 1 / factor),
      };
    }),
    runs: runs.length,
    finishedRuns: lead.length,
    lead: { p10: quantile(lead, 0.1), median: quantile(lead, 0.5), p80: quantile(lead, 0.8), p90: quantile(lead, 0.9), values: lead },
    skipped: { count: skipped.length, runs: skipped.slice(0, LISTED) },
    outOfOrder: { count: outOfOrder.length, runs: outOfOrder.slice(0, LISTED) },
  };
}

/** Minutes as a duration text in hours and minutes ("1h30m"), which means the same in every calendar. */
export function hoursText(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h && m ? `${h}h${m}m` : h ? `${h}h` : `${m}m`;
}

/**
 * The estimate each measured step would get from its runs: the median, or P10 / P50 / P90 as
 * a three-point estimate. Steps without a measured run keep theirs.
 */
export function estimatesFromActuals(steps: StepActual[], mode: "median" | "range"): Map<string, string> {
  const next = new Map<string, string>();
  for (const s of steps) {
    if (s.samples === 0 || s.median === null) continue;
    next.set(s.id, mode === "median" ? hoursText(s.median) : `${hoursText(s.p10!)} / ${hoursText(s.median)} / ${hoursText(s.p90!)}`);
  }
  return next;
}
