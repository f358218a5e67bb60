import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { round2 } from "~/domain/numbers";
import { DomainError } from "../errors";
import { automationScore } from "~/domain/automation";
import { formatMinutes } from "~/domain/duration";
import type { DbOrTx, Transaction } from "~/server/db";
import { departments, edges, leadTimeCache, nodes, projects, stages } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { findBottlenecks, type Bottleneck } from "~/server/analysis/bottlenecks";
import { computeCpm, type CpmTimes } from "~/server/analysis/cpm";
import { computeCpmSql, SqlCycleError } from "~/server/analysis/cpm-sql";

type ProjectRef = { organizationId: string; project: { id: string; revision: number } };

export type LeadTimeResult = {
  criticalPathMinutes: number;
  reworkMinutes: number;
  totalMinutes: number;
  totalHours: number;
  totalDays: number;
  formatted: string;
  criticalPath: string[];
  nodes: CpmTimes[];
  stageBreakdown: Record<string, number>;
  departmentBreakdown: Record<string, number>;
  bottlenecks: Bottleneck[];
  undurationedNodes: number;
  revision: number;
  computedAt: string;
};


/**
 * The lead time of a project at its current revision. A cache hit is one indexed lookup;
 * a miss computes under a per-project advisory lock, so simultaneous requests for one
 * revision compute once (the second finds the first one's row after the lock).
 */
export async function leadTime({ db, access }: { db: DbOrTx; access: ProjectRef }): Promise<LeadTimeResult> {
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

async function readCache(db: DbOrTx, projectId: string, revision: number) {
  const [row] = await db
    .select({ result: leadTimeCache.result })
    .from(leadTimeCache)
    .where(and(eq(leadTimeCache.projectId, projectId), eq(leadTimeCache.revision, revision)))
    .limit(1);
  return (row?.result as LeadTimeResult | undefined) ?? null;
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
        stage: stages.name,
        department: departments.name,
      })
      .from(nodes)
      .leftJoin(stages, eq(stages.id, nodes.stageId))
      .leftJoin(departments, eq(departments.id, nodes.departmentId))
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
    db
      .select({ source: edges.sourceId, target: edges.targetId, lag: edges.lagMinutes, type: edges.relationType })
      .from(edges)
      .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt))),
  ]);
  return { nodeRows, depRows };
}

async function computeLeadTime(tx: Transaction, projectId: string, revision: number): Promise<LeadTimeResult> {
  const facts = await loadFacts(tx, projectId);
  const cpm = await computeCpmSql(tx, projectId).catch((error: unknown) => {
    if (!(error instanceof SqlCycleError)) throw error;
    const labels = facts.nodeRows.filter((n) => error.nodeIds.includes(n.id)).map((n) => n.label);
    throw new DomainError("CYCLE_DETECTED", `The dependencies form a cycle through: ${labels.join(", ")}`, { cycle: error.nodeIds });
  });
  const byId = new Map(facts.nodeRows.map((n) => [n.id, n]));
  const deps = facts.depRows.filter((e) => e.type !== "FEEDBACK_TO");
  const lagInto = new Map(deps.map((e) => [`${e.source}>${e.target}`, e.lag]));

  const stageBreakdown: Record<string, number> = {};
  const departmentBreakdown: Record<string, number> = {};
  cpm.criticalPath.forEach((id, i) => {
    const node = byId.get(id)!;
    const previous = cpm.criticalPath[i - 1];
    const minutes = node.duration + (previous ? (lagInto.get(`${previous}>${id}`) ?? 0) : 0);
    const stage = node.stage ?? "Unassigned";
    const department = node.department ?? "Unassigned";
    stageBreakdown[stage] = (stageBreakdown[stage] ?? 0) + minutes;
    departmentBreakdown[department] = (departmentBreakdown[department] ?? 0) + minutes;
  });

  const dependencies = new Map<string, number>();
  for (const e of deps) dependencies.set(e.target, (dependencies.get(e.target) ?? 0) + 1);
  const bottlenecks = findBottlenecks(
    facts.nodeRows.map((n) => ({ id: n.id, label: n.label, duration: n.duration, status: n.status, dependencies: dependencies.get(n.id) ?? 0 })),
    cpm.nodes,
    cpm.criticalPathMinutes,
  );
  const totalMinutes = cpm.criticalPathMinutes + cpm.reworkMinutes;
  return {
    criticalPathMinutes: cpm.criticalPathMinutes,
    reworkMinutes: round2(cpm.reworkMinutes),
    totalMinutes: round2(totalMinutes),
    totalHours: round2(totalMinutes / 60),
    totalDays: round2(totalMinutes / 1440),
    formatted: formatMinutes(totalMinutes),
    criticalPath: cpm.criticalPath,
    nodes: cpm.nodes,
    stageBreakdown,
    departmentBreakdown,
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
export async function automationCandidates({ db, access, limit }: { db: DbOrTx; access: ProjectRef; limit: number }) {
  const { nodeRows, depRows } = await loadFacts(db, access.project.id);
  const deps = depRows.filter((e) => e.type !== "FEEDBACK_TO").map((e) => ({ source: e.source, target: e.target, lag: e.lag }));
  const base = computeCpm(nodeRows.map((n) => ({ id: n.id, duration: n.duration })), deps).criticalPathMinutes;
  const scored = nodeRows
    .map((n) => ({
      node: n,
      reasoning: automationScore({
        type: n.type,
        isRepetitive: n.attributes.is_repetitive,
        brainUsage: n.attributes.brain_usage,
        tools: n.attributes.tool,
      }),
    }))
    .sort((a, b) => b.reasoning.final_score - a.reasoning.final_score || a.node.label.localeCompare(b.node.label))
    .slice(0, limit);
  return scored.map(({ node, reasoning }) => {
    const without = computeCpm(
      nodeRows.map((n) => ({ id: n.id, duration: n.id === node.id ? 0 : n.duration })),
      deps,
    ).criticalPathMinutes;
    return { nodeId: node.id, label: node.label, score: reasoning.final_score, reasoning, minutesFreed: round2(base - without) };
  });
}
