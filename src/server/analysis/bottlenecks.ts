import { formatMinutes } from "~/domain/duration";
import type { CpmTimes } from "./cpm";

export type Severity = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

export type Bottleneck = { nodeId: string; severity: Severity; reason: string };

type NodeFacts = { id: string; label: string; duration: number; status: string; worked: boolean };

const RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** A step must hold at least this share of the lead time to count as a bottleneck. */
export const BOTTLENECK_SHARE = 0.1;
/** However large the graph, the list names at most this many steps by their share. */
export const MAX_BOTTLENECKS = 5;

/**
 * Deterministic bottleneck rule: the worked steps (not triggers, not external steps) with no
 * slack, ranked by the lead time they hold (their own duration), largest first, ties by id.
 * The first MAX_BOTTLENECKS that hold at least BOTTLENECK_SHARE of the lead time are flagged:
 * >= 40% CRITICAL, >= 25% HIGH, >= 15% MEDIUM, else LOW. A BLOCKED step with no slack is
 * flagged at least HIGH whatever its share, since nothing after it can start.
 * So a large graph whose time is spread over many steps gets a short list, or none.
 */
export function findBottlenecks(facts: NodeFacts[], times: CpmTimes[], leadMinutes: number): Bottleneck[] {
  const critical = new Set(times.filter((t) => t.critical).map((t) => t.id));
  const candidates = facts.filter((n) => n.worked && critical.has(n.id)).sort((a, b) => b.duration - a.duration || (a.id < b.id ? -1 : 1));
  const holders = new Set(
    candidates
      .filter((n) => leadMinutes > 0 && n.duration / leadMinutes >= BOTTLENECK_SHARE)
      .slice(0, MAX_BOTTLENECKS)
      .map((n) => n.id),
  );
  const result: Bottleneck[] = [];
  for (const node of candidates) {
    const holds = holders.has(node.id);
    const blocked = node.status === "BLOCKED";
    if (!holds && !blocked) continue;
    const share = leadMinutes > 0 ? node.duration / leadMinutes : 0;
    const bySize: Severity = share >= 0.4 ? "CRITICAL" : share >= 0.25 ? "HIGH" : share >= 0.15 ? "MEDIUM" : "LOW";
    const severity: Severity = blocked && RANK[bySize] < RANK.HIGH ? "HIGH" : bySize;
    const sentences = [
      holds ? `Takes ${formatMinutes(node.duration)}, ${Math.round(share * 100)}% of the lead time, with no slack.` : null,
      blocked ? "It is blocked, and everything after it waits." : null,
    ];
    result.push({ nodeId: node.id, severity, reason: sentences.filter(Boolean).join(" ") });
  }
  return result.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}
