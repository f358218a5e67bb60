import type { CpmTimes } from "./cpm";

export type Severity = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

export type Bottleneck = { nodeId: string; severity: Severity; reason: string };

type NodeFacts = { id: string; label: string; duration: number; status: string; dependencies: number };

const RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/**
 * Deterministic bottleneck rule, applied to critical nodes only (a node with slack cannot
 * delay the process):
 *   duration >= 40% of the critical path CRITICAL, >= 25% HIGH, >= 15% MEDIUM;
 *   a merge point with >= 3 dependencies LOW (waiting on many hand-offs);
 *   a BLOCKED node on the critical path at least HIGH.
 * The strongest rule wins; the reasons of all matching rules are kept.
 */
export function findBottlenecks(facts: NodeFacts[], times: CpmTimes[], criticalPathMinutes: number): Bottleneck[] {
  const timeById = new Map(times.map((t) => [t.id, t]));
  const result: Bottleneck[] = [];
  for (const node of facts) {
    if (!timeById.get(node.id)?.critical) continue;
    const matches: { severity: Severity; reason: string }[] = [];
    const share = criticalPathMinutes > 0 ? node.duration / criticalPathMinutes : 0;
    const percent = Math.round(share * 100);
    if (share >= 0.4) matches.push({ severity: "CRITICAL", reason: `takes ${percent}% of the critical path` });
    else if (share >= 0.25) matches.push({ severity: "HIGH", reason: `takes ${percent}% of the critical path` });
    else if (share >= 0.15) matches.push({ severity: "MEDIUM", reason: `takes ${percent}% of the critical path` });
    if (node.dependencies >= 3) matches.push({ severity: "LOW", reason: `waits for ${node.dependencies} dependencies` });
    if (node.status === "BLOCKED") matches.push({ severity: "HIGH", reason: "is blocked on the critical path" });
    if (matches.length === 0) continue;
    const severity = matches.reduce((best, m) => (RANK[m.severity] > RANK[best] ? m.severity : best), "LOW" as Severity);
    result.push({ nodeId: node.id, severity, reason: `${node.label} ${matches.map((m) => m.reason).join("; ")}` });
  }
  return result.sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.nodeId.localeCompare(b.nodeId));
}
