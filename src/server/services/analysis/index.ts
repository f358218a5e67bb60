import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { round2 } from "~/domain/numbers";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";
import { automationScore, explainAutomation, isAutomatable } from "~/domain/automation";
import { formatMinutes } from "~/domain/duration";
import type { DbOrTx, Transaction } from "~/server/db";
import { departments, edges, leadTimeCache, nodes, projects, stages } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { findBottlenecks, type Bottleneck } from "~/server/analysis/bottlenecks";
import { flowOf, type Flow } from "~/domain/flow";
import { computeCpm, CycleError, type CpmTimes } from "~/server/analysis/cpm";
import { computeCpmSql, SqlCycleError } from "~/server/analysis/cpm-sql";

export type LeadTimeResult = {
  /** RESULT_VERSION when it was computed: a cached result of an older shape is computed again. */
  version: number;
  criticalPathMinutes: number;
  reworkMinutes: number;
  totalMinutes: number;
  totalHours: number;
  totalDays: number;
  formatted: string;
  /** How a day is counted, in one sentence for the screen. */
  dayRule: string;
  criticalPath: string[];
  nodes: CpmTimes[];
  flow: Flow;
  bottlenecks: Bottleneck[];
  undurationedNodes: number;
  revision: number;
  computedAt: string;
};

/** Bump when LeadTimeResult changes shape, so cached rows of the old shape are recomputed. */
export const RESULT_VERSION = 2;

export const DAY_RULE = "Times are calendar time: a day is 24 hours and a week 7 days, weekends and nights included.";

/**
 * The lead time of a project at its current revision. A cache hit is one indexed lookup;
 * a miss computes under a per-project advisory lock, so simultaneous requests for one
 * revision compute once (the second finds the first one's row after the lock).
 */
export async function leadTime({ db, access }: ProjectContext): Promise<LeadTimeResult> {
  const cached = await readCache(db, access.project.id, access.project.revision);
  if (cached) return cached;
  return withTransaction(db, async (tx) => {
    // FOR SHARE holds off graph batches (they lock the project row FOR UPDATE) until this
    // transaction ends, so every statement below reads the graph at this one revision. It
    // comes before the advisory lock: a version save locks the row and then computes the lead
    // time here, so taking them in the other order would deadlock with it.
    const [current] = await tx
      .select({ revision: projects.revision })
      .from(projects)
      .where(eq(projects.id, access.project.id))
      .for("share");
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${access.project.id}, 7))`);
    const revision = current?.revision ?? access.project.revision;
    const again = await readCache(tx, access.project.id, revision);
    if (again) return again;
    const result = await computeLeadTime(tx, access.project.id, revision);
    await tx
      .insert(leadTimeCache)
      .values({ organizationId: access.organizationId, projectId: access.project.id, revision, result })
      .onConflictDoUpdate({ target: leadTimeCache.projectId, set: { revision, result, computedAt: new Date() } });
    await writeBottlenecks(tx, access.project.id, result.bottlenecks);
    return result;
  });
}

/**
 * A dependency cycle leaves a graph without a lead time; the editor refuses to make one, but
 * rows written another way can hold one. Refused as CYCLE_DETECTED, naming the steps on it
 * or behind it.
 */
function cycleError(nodeIds: string[], steps: readonly { id: string; label: string }[]): ServiceError {
  const labels = steps.filter((n) => nodeIds.includes(n.id)).map((n) => n.label);
  return new ServiceError("CYCLE_DETECTED", `The dependencies form a cycle through: ${labels.join(", ")}`, { cycle: nodeIds });
}

/** An in-memory critical-path computation over `steps`, with a cycle refused as CYCLE_DETECTED. */
export function refusingCycles<T>(steps: readonly { id: string; label: string }[], compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw error instanceof CycleError ? cycleError(error.nodeIds, steps) : error;
  }
}

async function readCache(db: DbOrTx, projectId: string, revision: number) {
  const [row] = await db
    .select({ result: leadTimeCache.result })
    .from(leadTimeCache)
    .where(and(eq(leadTimeCache.projectId, projectId), eq(leadTimeCache.revision, revision)))
    .limit(1);
  const result = row?.result as LeadTimeResult | undefined;
  return result?.version === RESULT_VERSION ? result : null;
}

async function loadFacts(db: DbOrTx, projectId: string) {
  const [nodeRows, depRows] = await Promise.all([
    db
      .select({
        id: nodes.id,
        label: nodes.label,
        type: nodes.type,
        status: nodes.status,
        duration: nodes.durationMinutes,
        avgTime: sql<string | null>`${nodes.attributes}->>'avg_time'`,
        attributes: nodes.attributes,
        stageId: nodes.stageId,
        departmentId: nodes.departmentId,
      })
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
    db
      .select({
        id: edges.id,
        source: edges.sourceId,
        target: edges.targetId,
        lag: edges.lagMinutes,
        type: edges.relationType,
        properties: edges.properties,
      })
      .from(edges)
      .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt))),
  ]);
  return { nodeRows, depRows };
}

async function loadLanes(db: DbOrTx, projectId: string) {
  const lanes = (table: typeof stages | typeof departments) =>
    db.select({ id: table.id, name: table.name }).from(table).where(eq(table.projectId, projectId)).orderBy(table.position, table.id);
  const [stageRows, departmentRows] = await Promise.all([lanes(stages), lanes(departments)]);
  return { stages: stageRows, departments: departmentRows };
}

async function computeLeadTime(tx: Transaction, projectId: string, revision: number): Promise<LeadTimeResult> {
  const facts = await loadFacts(tx, projectId);
  const cpm = await computeCpmSql(tx, projectId).catch((error: unknown) => {
    throw error instanceof SqlCycleError ? cycleError(error.nodeIds, facts.nodeRows) : error;
  });
  const lanes = await loadLanes(tx, projectId);
  const deps = facts.depRows.filter((e) => e.type !== "FEEDBACK_TO");
  const flow = flowOf({
    steps: facts.nodeRows.map((n) => ({
      id: n.id,
      duration: n.duration,
      stageId: n.stageId,
      departmentId: n.departmentId,
      external: n.attributes.external ?? false,
      pca: n.attributes.pca ?? 100,
    })),
    links: deps,
    loops: facts.depRows.filter((e) => e.type === "FEEDBACK_TO").map((e) => e.properties.frequency ?? 0),
    stages: lanes.stages,
    departments: lanes.departments,
    times: cpm.nodes,
    criticalPath: cpm.criticalPath,
    reworkMinutes: cpm.reworkMinutes,
  });
  const totalMinutes = cpm.criticalPathMinutes + cpm.reworkMinutes;
  const bottlenecks = findBottlenecks(
    facts.nodeRows.map((n) => ({
      id: n.id,
      label: n.label,
      duration: n.duration,
      status: n.status,
      worked: isAutomatable({ type: n.type, external: n.attributes.external ?? false }),
    })),
    cpm.nodes,
    totalMinutes,
  );
  return {
    version: RESULT_VERSION,
    criticalPathMinutes: cpm.criticalPathMinutes,
    reworkMinutes: round2(cpm.reworkMinutes),
    totalMinutes: round2(totalMinutes),
    totalHours: round2(totalMinutes / 60),
    totalDays: round2(totalMinutes / 1440),
    formatted: formatMinutes(totalMinutes),
    dayRule: DAY_RULE,
    criticalPath: cpm.criticalPath,
    nodes: cpm.nodes,
    flow,
    bottlenecks,
    undurationedNodes: facts.nodeRows.filter((n) => !n.avgTime).length,
    revision,
    computedAt: new Date().toISOString(),
  };
}

async function writeBottlenecks(tx: Transaction, projectId: string, bottlenecks: Bottleneck[]) {
  await tx
    .update(nodes)
    .set({ isBottleneck: false, bottleneckSeverity: null })
    .where(and(eq(nodes.projectId, projectId), eq(nodes.isBottleneck, true)));
  for (const severity of ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const) {
    const ids = bottlenecks.filter((b) => b.severity === severity).map((b) => b.nodeId);
    if (ids.length) await tx.update(nodes).set({ isBottleneck: true, bottleneckSeverity: severity }).where(inArray(nodes.id, ids));
  }
}

/**
 * The steps most worth automating, with the critical-path minutes each would free if it took
 * no time (a what-if CPM over the same rows with that one duration set to zero).
 */
export async function automationCandidates({ db, access }: ProjectContext, { limit }: { limit: number }) {
  const { nodeRows, depRows } = await loadFacts(db, access.project.id);
  const deps = depRows.filter((e) => e.type !== "FEEDBACK_TO").map((e) => ({ source: e.source, target: e.target, lag: e.lag }));
  const base = refusingCycles(nodeRows, () =>
    computeCpm(
      nodeRows.map((n) => ({ id: n.id, duration: n.duration })),
      deps,
    ),
  ).criticalPathMinutes;
  const scored = nodeRows
    .filter((n) => isAutomatable({ type: n.type, external: n.attributes.external ?? false }))
    .map((n) => ({
      node: n,
      reasoning: automationScore({
        type: n.type,
        isRepetitive: n.attributes.is_repetitive,
        brainUsage: n.attributes.brain_usage,
        tools: n.attributes.tool,
        external: n.attributes.external ?? false,
      }),
    }))
    .sort((a, b) => b.reasoning.final_score - a.reasoning.final_score || a.node.label.localeCompare(b.node.label))
    .slice(0, limit);
  return scored.map(({ node, reasoning }) => {
    const without = computeCpm(
      nodeRows.map((n) => ({ id: n.id, duration: n.id === node.id ? 0 : n.duration })),
      deps,
    ).criticalPathMinutes;
    const minutesFreed = round2(base - without);
    const freed = minutesFreed > 0 ? `Automating it frees ${formatMinutes(minutesFreed)} of the critical path. ` : "";
    return {
      nodeId: node.id,
      label: node.label,
      score: reasoning.final_score,
      reasoning,
      minutesFreed,
      explanation: `${freed}${explainAutomation(reasoning)}`,
    };
  });
}
