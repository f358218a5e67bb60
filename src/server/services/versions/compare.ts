import { explainDelta, type Delta, type Figures } from "~/domain/delta";
import { diffGraphs, type DiffKind, type GraphDiff } from "~/domain/diff";
import type { GraphSnapshot } from "~/domain/graph";
import { eq } from "drizzle-orm";
import { figuresOf } from "~/server/analysis/figures";
import { projects } from "~/server/db/schema";
import { loadGraph } from "../graph";
import { withSnapshot } from "../graph/snapshot";
import { leadTimeOf } from "./snapshot";
import type { ProjectContext } from "../context";
import { getVersion } from "./store";

export type ComparedSide = {
  /** Null for the live graph ("now"). */
  versionNumber: number | null;
  revision: number;
  nodes: number;
  edges: number;
  leadTimeMinutes: number;
  criticalPath: { id: string; label: string }[];
  /** Lead, process and waiting time, flow efficiency and P80 of this side. */
  figures: Figures;
};

type Counts = Record<DiffKind, number>;

export type Comparison = {
  from: ComparedSide;
  to: ComparedSide;
  before: GraphSnapshot;
  after: GraphSnapshot;
  diff: GraphDiff;
  counts: { nodes: Counts; edges: Counts };
  /** From `from` to `to`, in figures and in words. */
  delta: Delta;
};

function side(
  graph: GraphSnapshot,
  versionNumber: number | null,
  revision: number,
  storedLeadTime: number | null,
  figures: Figures,
): ComparedSide {
  const lead = leadTimeOf(graph);
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return {
    versionNumber,
    revision,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    leadTimeMinutes: storedLeadTime ?? lead.minutes,
    criticalPath: lead.criticalPath.map((id) => ({ id, label: labels.get(id) ?? "?" })),
    figures,
  };
}

function count(list: { kind: DiffKind }[]): Counts {
  const counts: Counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const d of list) counts[d.kind]++;
  return counts;
}

/** A version against another version, or against the live graph ("current"). */
export async function compareVersions(ctx: ProjectContext, { from, to }: { from: string; to: string | "current" }): Promise<Comparison> {
  const { db, access } = ctx;
  const older = await getVersion(ctx, { versionId: from });
  const newer =
    to === "current"
      ? await withSnapshot(db, access.project.id, async (tx, revision) => ({
          graph: await loadGraph(tx, access.project.id, revision),
          versionNumber: null,
          revision,
          leadTimeMinutes: null,
        }))
      : await getVersion(ctx, { versionId: to });
  const { nodes, edges, departments, stages } = newer.graph;
  const after: GraphSnapshot = { nodes, edges, departments, stages };
  const diff = diffGraphs(older.graph, after);
  const [project] = await db
    .select({ distribution: projects.estimateDistribution })
    .from(projects)
    .where(eq(projects.id, access.project.id));
  const distribution = project?.distribution ?? "PERT";
  const [fromFigures, toFigures] = [figuresOf(older.graph, distribution), figuresOf(after, distribution)];
  const labels = new Map([...older.graph.nodes, ...after.nodes].map((n) => [n.id, n.label]));
  return {
    from: side(older.graph, older.versionNumber, older.revision, older.leadTimeMinutes, fromFigures),
    to: side(after, newer.versionNumber, newer.revision, newer.leadTimeMinutes, toFigures),
    before: older.graph,
    after,
    diff,
    counts: { nodes: count(diff.nodes), edges: count(diff.edges) },
    delta: explainDelta(fromFigures, toFigures, (id) => labels.get(id) ?? "a deleted step"),
  };
}
