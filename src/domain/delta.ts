import { formatMinutes } from "./duration";

/** What a comparison reads off one side: the analysis of a version, of the live graph, or of a what-if. */
export type Figures = {
  totalMinutes: number;
  processMinutes: number;
  waitingMinutes: number;
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

/** The step holding the most time on the critical path (the first on the path among equals). */
function leader(f: Figures): string | null {
  let best: string | null = null;
  for (const id of f.criticalPath) if (best === null || (f.durations[id] ?? 0) > (f.durations[best] ?? 0)) best = id;
  return best;
}

/**
 * The change from `before` to `after` in figures and in words: which steps left or joined the
 * critical path and which one now holds the most of it, or, when the path is the same, which
 * step on it changed its time the most.
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
  if (changed) reasons.push(`${quoted(label(changed.id))} takes ${formatMinutes(Math.abs(changed.by))} ${changed.by < 0 ? "less" : "more"}`);
  if (reasons.length === 0) {
    reasons.push(Math.round(lead) !== 0 ? "the waits and rework on the same critical path changed" : "the critical path and its times are the same");
  }
  const efficiency =
    before.flowEfficiency === null || after.flowEfficiency === null ? null : Math.round((after.flowEfficiency - before.flowEfficiency) * 1000) / 10;
  return {
    leadMinutes: lead,
    processMinutes: after.processMinutes - before.processMinutes,
    waitingMinutes: after.waitingMinutes - before.waitingMinutes,
    flowEfficiencyPoints: efficiency,
    p80Minutes: before.p80Minutes === null || after.p80Minutes === null ? null : after.p80Minutes - before.p80Minutes,
    sentence: `${signedMinutes(lead)}: ${reasons.join("; ")}.`,
  };
}
