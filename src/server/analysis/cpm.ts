/**
 * The critical path method in memory: the reference the SQL engine is tested against and
 * the physical-limit baseline of the benchmark. O(V + E) over a topological order.
 * Definitions (docs/ARCHITECTURE.md, "6. Lead time"):
 *   ES(n) = max over predecessors p of EF(p) + lag(p, n), or 0;  EF = ES + duration
 *   T = max EF;  LF(n) = min over successors s of LS(s) - lag(n, s), or T;  LS = LF - duration
 *   slack = LS - ES; critical iff slack = 0.
 */
export type CpmNode = { id: string; duration: number };
export type CpmEdge = { source: string; target: string; lag: number };
export type CpmFeedback = { source: string; target: string; frequency: number };

export type CpmTimes = { id: string; es: number; ef: number; ls: number; lf: number; slack: number; critical: boolean };

export type CpmResult = {
  criticalPathMinutes: number;
  reworkMinutes: number;
  nodes: CpmTimes[];
  criticalPath: string[];
};

export class CycleError extends Error {
  constructor(readonly nodeIds: string[]) {
    super(`The dependencies form a cycle through ${nodeIds.length} nodes`);
  }
}

/**
 * Two times closer than this are equal: float noise from decimal durations must not turn a
 * critical node into a 1e-13-slack one. The SQL engine (cpm-sql.ts) compares with the same.
 */
export const TIME_EPSILON = 1e-9;

export function computeCpm(nodes: CpmNode[], deps: CpmEdge[], feedback: CpmFeedback[] = []): CpmResult {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: { to: number; lag: number }[][] = nodes.map(() => []);
  const into: { from: number; lag: number }[][] = nodes.map(() => []);
  for (const e of deps) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    out[s]!.push({ to: t, lag: e.lag });
    into[t]!.push({ from: s, lag: e.lag });
  }

  const order = topologicalOrder(nodes, out, into);
  const es = new Float64Array(nodes.length);
  const ef = new Float64Array(nodes.length);
  for (const v of order) {
    let start = 0;
    for (const { from, lag } of into[v]!) start = Math.max(start, ef[from]! + lag);
    es[v] = start;
    ef[v] = start + nodes[v]!.duration;
  }
  const total = nodes.length ? Math.max(...ef) : 0;
  const lf = new Float64Array(nodes.length);
  const ls = new Float64Array(nodes.length);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k]!;
    let finish = total;
    for (const { to, lag } of out[v]!) finish = Math.min(finish, ls[to]! - lag);
    lf[v] = finish;
    ls[v] = finish - nodes[v]!.duration;
  }

  const times: CpmTimes[] = nodes.map((n, i) => {
    const slack = Math.abs(ls[i]! - es[i]!) < TIME_EPSILON ? 0 : ls[i]! - es[i]!;
    return { id: n.id, es: es[i]!, ef: ef[i]!, ls: ls[i]!, lf: lf[i]!, slack, critical: slack === 0 };
  });

  let rework = 0;
  for (const f of feedback) {
    const s = index.get(f.source);
    const t = index.get(f.target);
    if (s === undefined || t === undefined) continue;
    rework += f.frequency * Math.max(0, ef[s]! - es[t]!);
  }

  return { criticalPathMinutes: total, reworkMinutes: rework, nodes: times, criticalPath: criticalPath(nodes, times, out, into) };
}

export function topologicalOrder(nodes: CpmNode[], out: { to: number }[][], into: unknown[][]): number[] {
  const indegree = into.map((list) => list.length);
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  for (let head = 0; head < queue.length; head++) {
    for (const { to } of out[queue[head]!]!) if (--indegree[to]! === 0) queue.push(to);
  }
  if (queue.length < nodes.length) {
    throw new CycleError(nodes.filter((_, i) => indegree[i]! > 0).map((n) => n.id));
  }
  return queue;
}

/**
 * From the critical source with the smallest id, repeatedly step to the tight critical
 * successor with the smallest id. Every critical node has such a successor unless it
 * finishes at T, so the walk always ends at a sink on the critical path.
 */
function criticalPath(nodes: CpmNode[], times: CpmTimes[], out: { to: number; lag: number }[][], into: unknown[][]): string[] {
  const byId = (a: number, b: number) => (nodes[a]!.id < nodes[b]!.id ? -1 : 1);
  const sources = nodes
    .map((_, i) => i)
    .filter((i) => into[i]!.length === 0 && times[i]!.critical)
    .sort(byId);
  const path: string[] = [];
  let current = sources[0];
  while (current !== undefined) {
    path.push(nodes[current]!.id);
    const from = current;
    const next = out[from]!.filter(({ to, lag }) => times[to]!.critical && Math.abs(times[from]!.ef + lag - times[to]!.es) < TIME_EPSILON)
      .map(({ to }) => to)
      .sort(byId);
    current = next[0];
  }
  return path;
}
