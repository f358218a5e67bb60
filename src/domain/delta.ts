import { formatMinutes } from "./duration";

/** What a comparison reads off one side: the analysis of a version, of the live graph, or of a what-if. */
export type Figures = {
  totalMinutes: number;
  processMinutes: number;
  waitingMinutes: number;
  /** Expected rework from the loops (part of the total). */
  reworkMinutes: number;
  /** 0..1, null when there is no time at all. */
  flowEfficiency: number | null;
  /** Null when no simulation was run. */
  p80Minutes: number | null;
  criticalPath: string[];
  /** Each step's most likely minutes. */
  durations: Record<string, number>;
};

export type Delta = {
  leadMinutes: number;
  processMinutes: number;
  waitingMinutes: number;
  /** In percentage points. */
  flowEfficiencyPoints: number | null;
  p80Minutes: number | null;
  /** "−3d 2h: “Manual credit check” left the critical path; “Issue first invoice” now leads it." */
  sentence: string;
};

/** "+2h", "−3d 2h", "±0m". */
export function signedMinutes(minutes: number): string {
  if (Math.round(minutes) === 0) return "±0m";
  return `${minutes < 0 ? "−" : "+"}${formatMinutes(Math.abs(minutes))}`;
}

const quoted = (label: string) => `“${label}”`;

function names(ids: string[], label: (id: string) => string): string {
  const first = quoted(label(ids[0]!));
  return ids.length === 1 ? first : `${first} and ${ids.length - 1} more ${ids.length === 2 ? "step" : "steps"}`;
}

/** "2h less", "1d 4h more". */
const more = (minutes: number) => `${formatMinutes(Math.abs(minutes))} ${minutes < 0 ? "less" : "more"}`;

/** The step on either side whose own time changed the most, anywhere in the graph. */
function largestChange(before: Figures, after: Figures): { id: string; by: number } | undefined {
  return Object.keys(after.durations)
    .filter((id) => id in before.durations)
    .map((id) => ({ id, by: after.durations[id]! - before.durations[id]! }))
    .filter((c) => Math.round(c.by) !== 0)
    .sort((a, b) => Math.abs(b.by) - Math.abs(a.by) || a.id.localeCompare(b.id))[0];
}

/** The step holding the most time on the critical path (the first on the path among equals). */
function leader(f: Figures): string | null {
  let best: string | null = null;
  for (const id of f.criticalPath) if (best === null || (f.durations[id] ?? 0) > (f.durations[best] ?? 0)) best = id;
  return best;
}

/**
 * The change from `before` to `after` in figures and in words: which steps left or joined the
 * critical path and which one now holds the most of it, which step on either path changed its
 * time the most, what moved the expected rework, and, when the most-likely total stays, which
 * step changed off the path and what it did to the P80.
 */
export function explainDelta(before: Figures, after: Figures, label: (id: string) => string): Delta {
  const lead = after.totalMinutes - before.totalMinutes;
  const was = new Set(before.criticalPath);
  const now = new Set(after.criticalPath);
  const [oldLeader, newLeader] = [leader(before), leader(after)];
  const newLead = newLeader !== null && newLeader !== oldLeader ? newLeader : null;
  const left = before.criticalPath.filter((id) => !now.has(id));
  // A step that joined and now leads is said once, as the leader.
  const joined = after.criticalPath.filter((id) => !was.has(id) && id !== newLead);
  const reasons: string[] = [];
  if (left.length > 0) reasons.push(`${names(left, label)} left the critical path`);
  if (joined.length > 0) reasons.push(`${names(joined, label)} joined it`);
  if (newLead !== null) reasons.push(`${quoted(label(newLead))} now leads it`);
  // The step on either path whose own time changed the most, if it is not named already.
  const changed = [...new Set([...before.criticalPath, ...after.criticalPath])]
    .filter((id) => id in before.durations && id in after.durations && id !== newLead)
    .map((id) => ({ id, by: after.durations[id]! - before.durations[id]! }))
    .filter((c) => Math.round(c.by) !== 0)
    .sort((a, b) => Math.abs(b.by) - Math.abs(a.by))[0];
  if (changed) reasons.push(`${quoted(label(changed.id))} takes ${more(changed.by)}`);
  // Rework spans steps off the critical path too: a change there moves the total through the loops.
  const rework = after.reworkMinutes - before.reworkMinutes;
  if (Math.round(rework) !== 0) {
    const offPath = changed ? undefined : largestChange(before, after);
    const because = offPath ? `${quoted(label(offPath.id))} takes ${more(offPath.by)}, so ` : "";
    reasons.push(`${because}the expected rework is ${more(rework)}`);
  }
  if (reasons.length === 0) {
    const waiting = after.waitingMinutes - before.waitingMinutes;
    const offPath = largestChange(before, after);
    if (Math.round(waiting) !== 0) reasons.push(`the waits on the same critical path are ${more(waiting)}`);
    else if (Math.round(lead) !== 0) reasons.push("the times on the same critical path changed");
    else if (offPath) reasons.push(`${quoted(label(offPath.id))} takes ${more(offPath.by)}, off the critical path`);
    else reasons.push("the critical path and its times are the same");
  }
  // With the same most-likely total, a change can still move the spread.
  const p80 = before.p80Minutes === null || after.p80Minutes === null ? 0 : after.p80Minutes - before.p80Minutes;
  if (Math.round(lead) === 0 && Math.round(p80) !== 0) reasons.push(`the P80 is ${more(p80)}`);
  const efficiency =
    before.flowEfficiency === null || after.flowEfficiency === null
      ? null
      : Math.round((after.flowEfficiency - before.flowEfficiency) * 1000) / 10;
  return {
    leadMinutes: lead,
    processMinutes: after.processMinutes - before.processMinutes,
    waitingMinutes: after.waitingMinutes - before.waitingMinutes,
    flowEfficiencyPoints: efficiency,
    p80Minutes: before.p80Minutes === null || after.p80Minutes === null ? null : after.p80Minutes - before.p80Minutes,
    sentence: `${signedMinutes(lead)}: ${reasons.join("; ")}.`,
  };
}
