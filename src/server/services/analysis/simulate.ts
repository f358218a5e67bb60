import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { workEstimate } from "~/domain/calendar";
import { edges, nodes, projects, simulationCache } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { CycleError, simulate, type Distribution, type Estimate, type SimulationResult } from "~/server/analysis/simulate";
import { calendarOfDepartment, projectCalendars } from "../calendars";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";

export type SimulationAnswer = SimulationResult & {
  revision: number;
  /** How many steps and connections have a range; with none, every run gives the same lead time. */
  ranged: { steps: number; connections: number };
  /**
   * With working calendars, the runs are dated from `start`: the lead times are elapsed time
   * from it (nights and weekends included), and `finishes` gives each percentile's date.
   */
  dated: { start: string; finishes: { p: number; date: string }[] } | null;
  computedAt: string;
};

const point = (mode: number, low: number | null, high: number | null): Estimate => ({ low: low ?? mode, mode, high: high ?? mode });
const HOUR = 3_600_000;

/** The next whole hour: where a dated simulation starts when the caller names no start. */
export const nextWholeHour = (now = Date.now()) => Math.ceil(now / HOUR) * HOUR;

/**
 * Monte Carlo lead time of a project at its current revision (the engine is
 * server/analysis/simulate.ts). Where working calendars are in force the runs are dated from
 * `start` (default: the next whole hour) in them, as the planned dates are. The same revision,
 * runs, seed, distribution and dating give the same answer, so it is cached on exactly those;
 * storing a revision's answer drops older ones.
 */
export async function simulateLeadTime(
  ctx: ProjectContext,
  { runs, seed, start }: { runs: number; seed: number; start?: string },
): Promise<SimulationAnswer> {
  const { db, access } = ctx;
  return withTransaction(db, async (tx) => {
    // FOR SHARE: graph batches wait, so the rows read below are the graph at this revision.
    const [current] = await tx
      .select({ revision: projects.revision, distribution: projects.estimateDistribution })
      .from(projects)
      .where(eq(projects.id, access.project.id))
      .for("share");
    const revision = current?.revision ?? access.project.revision;
    const distribution: Distribution = current?.distribution ?? "PERT";
    const calendars = await projectCalendars({ ...ctx, db: tx });
    const startsAt = calendars.inForce ? (start ? Date.parse(start) : nextWholeHour()) : null;
    const dating =
      startsAt === null
        ? ""
        : `${new Date(startsAt).toISOString()}|${createHash("sha256")
            .update(JSON.stringify([calendars.organization, calendars.departments.map((d) => [d.id, d.calendar])]))
            .digest("hex")}`;
    const key = and(
      eq(simulationCache.projectId, access.project.id),
      eq(simulationCache.revision, revision),
      eq(simulationCache.runs, runs),
      eq(simulationCache.seed, seed),
      eq(simulationCache.distribution, distribution),
      eq(simulationCache.dating, dating),
    );
    const [cached] = await tx.select({ result: simulationCache.result }).from(simulationCache).where(key).limit(1);
    if (cached) return cached.result as SimulationAnswer;

    const [nodeRows, edgeRows] = await Promise.all([
      tx
        .select({
          id: nodes.id,
          mode: nodes.durationMinutes,
          low: nodes.durationLowMinutes,
          high: nodes.durationHighMinutes,
          departmentId: nodes.departmentId,
          text: sql<string | null>`${nodes.attributes}->>'avg_time'`,
        })
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
          text: sql<string | null>`${edges.properties}->>'lag_time'`,
          working: sql<boolean>`coalesce((${edges.properties}->>'lag_working')::boolean, false)`,
        })
        .from(edges)
        .where(and(eq(edges.projectId, access.project.id), isNull(edges.deletedAt))),
    ]);
    const deps = edgeRows.filter((e) => e.type !== "FEEDBACK_TO");
    const ofDepartment = calendarOfDepartment(calendars);
    const calendarOf = new Map(nodeRows.map((n) => [n.id, ofDepartment(n.departmentId)]));
    const dated = startsAt !== null;
    let result: SimulationResult;
    try {
      result = simulate(
        {
          nodes: nodeRows.map((n) =>
            dated
              ? { id: n.id, duration: workEstimate(n.text, calendarOf.get(n.id)!), calendar: calendarOf.get(n.id)! }
              : { id: n.id, duration: point(n.mode, n.low, n.high) },
          ),
          edges: deps.map((e) =>
            dated && e.working
              ? { id: e.id, source: e.source, target: e.target, lag: workEstimate(e.text, calendarOf.get(e.target) ?? null), working: true }
              : { id: e.id, source: e.source, target: e.target, lag: point(e.mode, e.low, e.high) },
          ),
          feedback: edgeRows
            .filter((e) => e.type === "FEEDBACK_TO")
            .map((e) => ({ id: e.id, source: e.source, target: e.target, frequency: e.frequency ?? 0 })),
          ...(dated && { start: startsAt }),
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
      dated:
        startsAt === null
          ? null
          : {
              start: new Date(startsAt).toISOString(),
              finishes: result.percentiles.map(({ p, minutes }) => ({ p, date: new Date(startsAt + minutes * 60_000).toISOString() })),
            },
      computedAt: new Date().toISOString(),
    };
    await tx.delete(simulationCache).where(and(eq(simulationCache.projectId, access.project.id), lt(simulationCache.revision, revision)));
    await tx
      .insert(simulationCache)
      .values({
        organizationId: access.organizationId,
        projectId: access.project.id,
        revision,
        runs,
        seed,
        distribution,
        dating,
        result: answer,
      })
      .onConflictDoNothing();
    return answer;
  });
}
