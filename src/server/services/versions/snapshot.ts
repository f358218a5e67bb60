import { durationMinutes } from "~/domain/duration";
import { DEFAULT_NODE_FIELDS, isDependency, type GraphNode, type GraphSnapshot } from "~/domain/graph";
import { round2 } from "~/domain/numbers";
import { computeCpm } from "~/server/analysis/cpm";

/**
 * project_versions.snapshot: the graph as the editor sees it, tagged with a format number so
 * a later change to the graph's shape can still read (or migrate) old versions.
 */
export const SNAPSHOT_FORMAT = 1;

export type StoredSnapshot = GraphSnapshot & { format: typeof SNAPSHOT_FORMAT; revision: number };

export function storedSnapshot(graph: GraphSnapshot, revision: number): StoredSnapshot {
  const { nodes, edges, departments, stages } = graph;
  return { format: SNAPSHOT_FORMAT, revision, nodes, edges, departments, stages };
}

export function readSnapshot(stored: unknown): GraphSnapshot {
  const s = stored as Partial<StoredSnapshot> | null;
  if (s?.format !== SNAPSHOT_FORMAT) throw new Error(`Unknown version snapshot format ${String(s?.format)}`);
  // Fields added to steps after a version was saved read as their defaults, so comparing an
  // old version with today's graph does not report every step as changed.
  const nodes = (s.nodes ?? []).map(
    (n: Partial<GraphNode>) =>
      ({ ...n, pca: n.pca ?? DEFAULT_NODE_FIELDS.pca, external: n.external ?? DEFAULT_NODE_FIELDS.external }) as GraphNode,
  );
  return { nodes, edges: s.edges ?? [], departments: s.departments ?? [], stages: s.stages ?? [] };
}

/**
 * Lead time and critical path of a graph held in memory (a saved version), by the same
 * critical path method the SQL engine is tested against, so it matches what the analysis
 * said when the version was the live graph.
 */
export function leadTimeOf(graph: GraphSnapshot): { minutes: number; criticalPath: string[] } {
  const deps = graph.edges.filter((e) => isDependency(e.relationType));
  const feedback = graph.edges.filter((e) => !isDependency(e.relationType));
  const cpm = computeCpm(
    graph.nodes.map((n) => ({ id: n.id, duration: durationMinutes(n.avgTime) })),
    deps.map((e) => ({ source: e.sourceId, target: e.targetId, lag: durationMinutes(e.lagTime) })),
    feedback.map((e) => ({ source: e.sourceId, target: e.targetId, frequency: e.frequency })),
  );
  return { minutes: round2(cpm.criticalPathMinutes + cpm.reworkMinutes), criticalPath: cpm.criticalPath };
}
