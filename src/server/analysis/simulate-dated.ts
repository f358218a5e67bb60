/**
 * The two passes of a dated Monte Carlo run (simulate.ts, input.start given): times are
 * elapsed minutes after the start, work advances on each step's calendar axis.
 */
import type { CalendarAxis } from "~/domain/calendar-axis";
import { RELATIVE_EPSILON, type Model, type Sums, type Times } from "./simulate-model";

const advance = (axis: CalendarAxis | null, t: number, minutes: number) => (axis ? axis.advance(t, minutes) : t + minutes);

/**
 * ES and EF in topological order, as planSchedule: a step starts when the last wait before it
 * ends (elapsed, or working time in its own calendar) and works its duration in its calendar.
 * Keeps each dependency's arrival for criticalDated; returns the makespan.
 */
export function forwardDated(model: Model, times: Times): number {
  const { nodeCount: n, inStart, inSource, duration, lag, working } = model;
  const axes = model.axes!;
  const { es, ef, arrive } = times;
  let makespan = 0;
  for (let v = 0; v < n; v++) {
    const axis = axes[v]!;
    let start = 0;
    for (let e = inStart[v]!, end = inStart[v + 1]!; e < end; e++) {
      const done = ef[inSource[e]!]!;
      const t = working[e] ? advance(axis, done, lag[e]!) : done + lag[e]!;
      arrive[e] = t;
      if (t > start) start = t;
    }
    es[v] = start;
    const finish = advance(axis, start, duration[v]!);
    ef[v] = finish;
    if (finish > makespan) makespan = finish;
  }
  return makespan;
}

/**
 * Criticality of a dated run: the steps that finish last are critical, and so is every
 * dependency into a critical step whose wait ends exactly when that step may start, with its
 * source. Without calendars this is the same set as zero slack; with them there is no
 * backward pass to take (working time does not run backwards from a finish in one way).
 */
export function criticalDated(model: Model, times: Times, makespan: number, sums: Sums) {
  const { nodeCount: n, inStart, inSource } = model;
  const { es, ef, arrive, critical } = times;
  const { nodeHits, edgeHits } = sums;
  const epsilon = RELATIVE_EPSILON * Math.max(1, makespan);
  critical.fill(0);
  for (let v = n - 1; v >= 0; v--) {
    if (!critical[v] && makespan - ef[v]! >= epsilon) continue;
    nodeHits[v]!++;
    const start = es[v]!;
    for (let e = inStart[v]!, end = inStart[v + 1]!; e < end; e++) {
      if (start - arrive[e]! >= epsilon) continue;
      edgeHits[e]!++;
      critical[inSource[e]!] = 1;
    }
  }
}
