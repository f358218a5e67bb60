/**
 * Planned dates: the critical path method forward pass in instants instead of minutes. From
 * a start date, a step starts once every step it depends on has finished and the wait after
 * it has passed, and its duration is working time in its calendar:
 *   ES(n) = max(start, max over predecessors p of arrival(EF(p), lag(p, n)))
 *   EF(n) = advanceWork(ES(n), duration(n), calendar(n))
 * A wait is elapsed time (arrival = EF + lag), or working time in the target's calendar when
 * the connection says so (arrival = advanceWork(EF, lag, calendar(n)); its lag is then that
 * calendar's working minutes).
 * The step's planned start is the first working instant at or after ES (a step due on a
 * Saturday starts on Monday morning). The SQL engine (schedule-sql.ts, app_plan_schedule)
 * computes the same; this is its twin for tests and for graphs held in memory.
 * Rework loops are not scheduled: the plan is the run without rework.
 */
import { advanceWork, nextWorking, workingMinutesBetween, dayMinutes, type WorkingCalendar } from "~/domain/calendar";
import { topologicalOrder, type CpmEdge } from "./cpm";

export type ScheduleNode = { id: string; duration: number; calendar: WorkingCalendar | null };
/** A dependency; `working`: its lag is working minutes in the target's calendar, else elapsed minutes. */
export type ScheduleEdge = CpmEdge & { working?: boolean };

/** One step's plan; instants are UTC milliseconds. */
export type ScheduledStep = { id: string; earliest: number; start: number; finish: number };

const MINUTE = 60_000;
/** Two instants closer than this are the same (the database keeps microseconds, JavaScript milliseconds). */
const SAME_INSTANT = 1;

/** When a step may start after a predecessor that finishes at `finish`, across the connection's wait. */
export function arrival(finish: number, edge: ScheduleEdge, targetCalendar: WorkingCalendar | null): number {
  return edge.working ? advanceWork(finish, edge.lag, targetCalendar) : finish + edge.lag * MINUTE;
}

export function planSchedule(nodes: ScheduleNode[], deps: ScheduleEdge[], start: number): ScheduledStep[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: { to: number }[][] = nodes.map(() => []);
  const into: { from: number; lag: number; edge: ScheduleEdge }[][] = nodes.map(() => []);
  for (const e of deps) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    out[s]!.push({ to: t });
    into[t]!.push({ from: s, lag: e.lag, edge: e });
  }
  const finish = new Float64Array(nodes.length);
  const steps: ScheduledStep[] = new Array(nodes.length);
  for (const v of topologicalOrder(nodes, out, into)) {
    const node = nodes[v]!;
    let earliest = start;
    for (const { from, edge } of into[v]!) earliest = Math.max(earliest, arrival(finish[from]!, edge, node.calendar));
    finish[v] = advanceWork(earliest, node.duration, node.calendar);
    const begins = node.duration > 0 ? nextWorking(earliest, node.calendar) : earliest;
    steps[v] = { id: node.id, earliest, start: begins, finish: finish[v]! };
  }
  return steps;
}

export type ScheduleSummary = {
  start: number;
  finish: number;
  /** Elapsed days from start to finish, nights and weekends included. */
  calendarDays: number;
  /**
   * Working days between start and finish in the organization's calendar; without one, in the
   * calendar of the step that sets the finish date; elapsed days when neither has a calendar.
   */
  workingDays: number;
  /** The chain of steps that sets the finish date, first to last. */
  criticalChain: string[];
};

/**
 * The finish date, the lead time in calendar and working days, and the chain that sets the
 * finish: from the step that finishes last (first in the list on a tie), back through the
 * predecessor whose finish plus wait set each step's earliest start.
 */
export function summarizeSchedule(
  steps: ScheduledStep[],
  deps: ScheduleEdge[],
  start: number,
  organization: WorkingCalendar | null,
  calendarOf: (stepId: string) => WorkingCalendar | null = () => null,
): ScheduleSummary {
  const finish = steps.reduce((latest, s) => Math.max(latest, s.finish), start);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const into = new Map<string, ScheduleEdge[]>();
  for (const e of deps) into.set(e.target, [...(into.get(e.target) ?? []), e]);
  const chain: string[] = [];
  let current = steps.find((s) => Math.abs(s.finish - finish) < SAME_INSTANT && steps.length > 0);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current.id);
    const at = current.earliest;
    const binding = (into.get(current.id) ?? [])
      .map((e) => ({ e, from: byId.get(e.source) }))
      .find(({ e, from }) => from && Math.abs(arrival(from.finish, e, calendarOf(e.target)) - at) < SAME_INSTANT);
    current = binding?.from;
  }
  const measure = organization ?? (chain.length ? calendarOf(chain.at(-1)!) : null);
  const perDay = measure ? dayMinutes(measure) : 1440;
  return {
    start,
    finish,
    calendarDays: (finish - start) / 86_400_000,
    workingDays: workingMinutesBetween(start, finish, measure) / perDay,
    criticalChain: chain,
  };
}
