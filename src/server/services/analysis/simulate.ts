import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { edges, nodes, projects, simulationCache } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { CycleError, simulate, type Distribution, type Estimate, type SimulationResult } from "~/server/analysis/simulate";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";

export type SimulationAnswer = SimulationResult & {
  revision: number;
  /** How many steps and connections have a range; with none, every run gives the same lead time. */
  ranged: { steps: number; connections: number };
  computedAt: string;
};

const point = (mode: number, low: number | null, high: number | null): Estimate => ({ low: low ?? mode, mode, high: high ?? mode });

/**
 * Monte Carlo lead time of a project at its current revision (the engine is
 * server/analysis/simulate.ts). The same revision, runs, seed and distribution give the same
 * answer, so it is cached on exactly those; storing a revision's answer drops older ones.
 */
export async function simulateLeadTime(
  { db, access }: ProjectContext,
  { runs, seed }: { runs: number; seed: number },
): Promise<SimulationAnswer> {
  return withTransaction(db, async (tx) => {
    // FOR SHARE: graph batches wait, so the rows read below are the graph at this revision.
    const [current] = await tx
      .select({ revision: projects.revision, distribution: projects.estimateDistribution })
      .from(projects)
      .where(eq(projects.id, access.project.id))
      .for("share");
    const revision = current?.revision ?? access.project.revision;
    const distribution: Distribution = current?.distribution ?? "PERT";
    const key = and(
      eq(simulationCache.projectId, access.project.id),
      eq(simulationCache.revision, revision),
      eq(simulationCache.runs, runs),
      eq(simulationCache.seed, seed),
      eq(simulationCache.distribution, distribution),
    );
    const [cached] = await tx.select({ result: simulationCache.result }).from(simulationCache).where(key).limit(1);
    if (cached) return cached.result as SimulationAnswer;

    const [nodeRows, edgeRows] = await Promise.all([
      tx
        .select({ id: nodes.id, mode: nodes.durationMinutes, low: nodes.durationLowMinutes, high: nodes.durationHighMinutes })
        .from(nodes)
        .where(and(eq(nodes.projectId, access.project.id), isNull(nodes.deletedAt))),
      tx
        .select({
          id: edges.id,
          source: edges.sourceId,
          target: edges.targetId,
          type: edges.relationType,
          mode: edges.lagMinutes,
          low: edges.lagLowMinutes,
          high: edges.lagHighMinutes,
          frequency: sql<number | null>`(${edges.properties}->>'frequency')::float8`,
        })
        .from(edges)
        .where(and(eq(edges.projectId, access.project.id), isNull(edges.deletedAt))),
    ]);
    const deps = edgeRows.filter((e) => e.type !== "FEEDBACK_TO");
    let result: SimulationResult;
    try {
      result = simulate(
        {
          nodes: nodeRows.map((n) => ({ id: n.id, duration: point(n.mode, n.low, n.high) })),
          edges: deps.map((e) => ({ id: e.id, source: e.source, target: e.target, lag: point(e.mode, e.low, e.high) })),
          feedback: edgeRows
            .filter((e) => e.type === "FEEDBACK_TO")
            .map((e) => ({ id: e.id, source: e.source, target: e.target, frequency: e.frequency ?? 0 })),
        },
        { runs, seed, distribution },
      );
    } catch (error) {
      if (error instanceof CycleError) {
        throw new ServiceError("CYCLE_DETECTED", "The dependencies form a cycle, so the lead time cannot be simulated", {
          cycle: error.nodeIds,
        });
      }
      throw error;
    }
    const answer: SimulationAnswer = {
      ...result,
      revision,
      ranged: {
        steps: nodeRows.filter((n) => n.low !== null && n.low !== n.high).length,
        connections: deps.filter((e) => e.low !== null && e.low !== e.high).length,
      },
      computedAt: new Date().toISOString(),
    };
    await tx.delete(simulationCache).where(and(eq(simulationCache.projectId, access.project.id), lt(simulationCache.revision, revision)));
    await tx
      .insert(simulationCache)
      .values({ organizationId: access.organizationId, projectId: access.project.id, revision, runs, seed, distribution, result: answer })
      .onConflictDoNothing();
    return answer;
  });
}
