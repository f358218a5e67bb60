import { eq } from "drizzle-orm";
import { explainDelta, type Delta, type Figures } from "~/domain/delta";
import { figuresOf } from "~/server/analysis/figures";
import { projects } from "~/server/db/schema";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";
import { loadGraph } from "../graph";
import { withSnapshot } from "../graph/snapshot";
import { refusingCycles } from "./index";

/** One step changed in a what-if: a new time, or automated (it takes no time). */
export type WhatIfChange = { nodeId: string; avgTime?: string | null; automated: boolean };

export type WhatIfAnswer = { before: Figures; after: Figures; delta: Delta };

/**
 * The project as it is and as it would be with some steps' times changed, compared as a
 * version comparison is (critical path, work and waiting, P80), with nothing saved.
 */
export async function whatIf({ db, access }: ProjectContext, { changes }: { changes: WhatIfChange[] }): Promise<WhatIfAnswer> {
  const { graph, distribution } = await withSnapshot(db, access.project.id, async (tx, revision) => {
    const [project] = await tx
      .select({ distribution: projects.estimateDistribution })
      .from(projects)
      .where(eq(projects.id, access.project.id));
    return { graph: await loadGraph(tx, access.project.id, revision), distribution: project?.distribution ?? "PERT" };
  });
  const byId = new Map(changes.map((c) => [c.nodeId, c]));
  const present = new Set(graph.nodes.map((n) => n.id));
  const missing = changes.find((c) => !present.has(c.nodeId));
  if (missing)
    throw new ServiceError("ENTITY_NOT_FOUND", "That step is not in this project any more: it may have just been deleted", {
      nodeId: missing.nodeId,
    });
  const variant = {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const change = byId.get(n.id);
      if (!change) return n;
      return { ...n, avgTime: change.automated ? null : change.avgTime === undefined ? n.avgTime : change.avgTime };
    }),
  };
  const [before, after] = refusingCycles(graph.nodes, () => [figuresOf(graph, distribution), figuresOf(variant, distribution)]);
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return { before, after, delta: explainDelta(before, after, (id) => labels.get(id) ?? "a step") };
}
