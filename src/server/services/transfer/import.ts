import { and, eq, isNull, sql } from "drizzle-orm";
import { automationScore } from "~/domain/automation";
import { diffGraphs, type GraphDiff } from "~/domain/diff";
import type { GraphEdge, GraphNode } from "~/domain/graph";
import { parseImport, type PlannedProject, type SubProcessMode } from "~/domain/interchange";
import type { Transaction } from "~/server/db";
import { departments, edges, nodes, projects, stages } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { logActivity } from "../activity";
import type { OrgContext } from "../context";
import { ServiceError } from "../errors";
import { automationInputHash } from "../guards";
import { loadGraph } from "../graph";
import { edgeColumns, nodeColumns } from "../graph/rows";
import { createProject } from "../projects";

export type ImportPreview = {
  format: "json" | "bpmn";
  problems: string[];
  /** What was left out or changed on the way in (BPMN from other tools), by element id. */
  notes: string[];
  /** How many sub-processes the file has: the dialog then offers to flatten them or keep each as one step. */
  subProcesses: number;
  projects: { name: string; nodes: number; edges: number; reworks: number; departments: string[]; stages: string[] }[];
};

export type ImportInput = { text: string; subProcesses?: SubProcessMode };

export type ImportedProject = {
  index: number;
  id: string;
  slug: string;
  name: string;
  /** The name in the file; `name` differs when a project of the organization already has it. */
  fileName: string;
  expected: { nodes: number; edges: number };
  /**
   * Read back inside the import's transaction and compared with the file field by field (every
   * step, connection, department and stage); a project that differs in anything is rolled
   * back, so these always equal `expected`.
   */
  stored: { nodes: number; edges: number };
};

export type ImportReport = {
  total: number;
  successful: number;
  failed: number;
  errors: { index: number; name: string; error: string }[];
  projects: ImportedProject[];
};

/** What importing the file would create; reads nothing and writes nothing, hence the unused ctx. */
export async function previewImport(_ctx: OrgContext, { text, subProcesses }: ImportInput): Promise<ImportPreview> {
  const parsed = await parseImport(text, { subProcesses });
  return {
    format: parsed.format,
    problems: parsed.problems,
    notes: parsed.notes,
    subProcesses: parsed.subProcesses ?? 0,
    projects: parsed.projects.map((p) => ({
      name: p.name,
      nodes: p.graph.nodes.length,
      edges: p.graph.edges.length,
      reworks: p.graph.edges.filter((e) => e.relationType === "FEEDBACK_TO").length,
      departments: p.graph.departments.map((d) => d.name),
      stages: p.graph.stages.map((s) => s.name),
    })),
  };
}

type Owner = { organizationId: string; projectId: string };

/*
 * Bulk inserts send the rows as one JSON document expanded by jsonb_to_recordset: one bind
 * parameter instead of tens of thousands, which is several times faster than a multi-row
 * VALUES list on both drivers (PGlite especially). The columns are the same ones the graph
 * service writes (nodeColumns / edgeColumns, and the explained automation score that
 * refreshAutomation keeps per node), so derived columns stay consistent.
 */
async function insertNodes(tx: Transaction, owner: Owner, list: GraphNode[]) {
  if (list.length === 0) return;
  const scores = list.map((n) => {
    const inputs = { type: n.type, isRepetitive: n.isRepetitive, brainUsage: n.brainUsage, tools: n.tools, external: n.external };
    // The same input hash refreshAutomation stores, so a later edit that changes nothing recomputes nothing.
    return { node_id: n.id, reasoning: automationScore(inputs), input_hash: automationInputHash(inputs) };
  });
  const rows = list.map((n) => {
    const c = nodeColumns(n);
    return {
      id: n.id,
      label: c.label,
      description: c.description,
      type: c.type,
      status: c.status,
      progress: c.progress,
      x: c.positionX,
      y: c.positionY,
      department_id: c.departmentId,
      stage_id: c.stageId,
      attributes: c.attributes,
      duration_minutes: c.durationMinutes,
      duration_low_minutes: c.durationLowMinutes,
      duration_high_minutes: c.durationHighMinutes,
      ontology_tags: c.ontologyTags,
      ai_score: c.aiScore,
    };
  });
  await tx.execute(sql`
    INSERT INTO nodes (id, organization_id, project_id, label, description, type, status, progress, position_x, position_y,
                       department_id, stage_id, attributes, duration_minutes, duration_low_minutes, duration_high_minutes, ontology_tags, ai_score)
    SELECT r.id, ${owner.organizationId}, ${owner.projectId}, r.label, r.description, r.type::node_type, r.status::node_status, r.progress,
           r.x, r.y, r.department_id, r.stage_id, r.attributes, r.duration_minutes, r.duration_low_minutes, r.duration_high_minutes,
           r.ontology_tags, r.ai_score
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, label text, description text, type text, status text,
      progress int, x float8, y float8, department_id uuid, stage_id uuid, attributes jsonb, duration_minutes float8,
      duration_low_minutes float8, duration_high_minutes float8, ontology_tags text[], ai_score int)`);
  await tx.execute(sql`
    INSERT INTO ai_analysis_cache (organization_id, project_id, node_id, score, reasoning, input_hash)
    SELECT ${owner.organizationId}, ${owner.projectId}, r.node_id, (r.reasoning->>'final_score')::int, r.reasoning, r.input_hash
    FROM jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) AS r(node_id uuid, reasoning jsonb, input_hash text)`);
}

async function insertEdges(tx: Transaction, owner: Owner, list: GraphEdge[]) {
  if (list.length === 0) return;
  const rows = list.map((e) => {
    const c = edgeColumns(e);
    return {
      id: e.id,
      source_id: c.sourceId,
      target_id: c.targetId,
      relation_type: c.relationType,
      properties: c.properties,
      lag_minutes: c.lagMinutes,
      lag_low_minutes: c.lagLowMinutes,
      lag_high_minutes: c.lagHighMinutes,
    };
  });
  await tx.execute(sql`
    INSERT INTO edges (id, organization_id, project_id, source_id, target_id, relation_type, properties, lag_minutes, lag_low_minutes, lag_high_minutes)
    SELECT r.id, ${owner.organizationId}, ${owner.projectId}, r.source_id, r.target_id, r.relation_type::relation_type, r.properties,
           r.lag_minutes, r.lag_low_minutes, r.lag_high_minutes
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, source_id uuid, target_id uuid, relation_type text, properties jsonb,
      lag_minutes float8, lag_low_minutes float8, lag_high_minutes float8)`);
}

/** "Onboarding", else "Onboarding (imported)", "Onboarding (imported 2)"...: among the projects the importer can see. */
async function importedName(tx: Transaction, organizationId: string, name: string) {
  const base = name.slice(0, 240);
  const taken = new Set(
    (
      await tx
        .select({ name: projects.name })
        .from(projects)
        .where(
          and(
            eq(projects.organizationId, organizationId),
            isNull(projects.deletedAt),
            sql`left(lower(${projects.name}), ${base.length}) = lower(${base})`,
          ),
        )
    ).map((p) => p.name.toLowerCase()),
  );
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 1; ; n++) {
    const candidate = `${base} (imported${n === 1 ? "" : ` ${n}`})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first differences between the file and what was stored, in words, for the error that rolls the import back. */
function describeDifferences(diff: GraphDiff): string {
  const lines = (["nodes", "edges", "departments", "stages"] as const).flatMap((kind) =>
    diff[kind].map((d) =>
      d.kind === "added"
        ? `${kind} ${d.id} missing`
        : d.kind === "removed"
          ? `${kind} ${d.id} extra`
          : `${kind} ${d.id}: ${d.fields.map((f) => f.field).join(", ")}`,
    ),
  );
  return lines.slice(0, 5).join("; ") + (lines.length > 5 ? `; and ${lines.length - 5} more` : "");
}

async function storedCounts(tx: Transaction, projectId: string) {
  const live = (table: typeof nodes | typeof edges) => and(eq(table.projectId, projectId), isNull(table.deletedAt));
  const [[n], [e], [counters]] = await Promise.all([
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(nodes)
      .where(live(nodes)),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(edges)
      .where(live(edges)),
    tx.select({ nodes: projects.nodesCount, edges: projects.edgesCount }).from(projects).where(eq(projects.id, projectId)),
  ]);
  return { nodes: n!.n, edges: e!.n, counters: counters! };
}

/**
 * One project, all or nothing: the project (through createProject, so the organization's
 * project limit and slug rules apply), exactly the file's axes in place of the organization
 * defaults, then the nodes and edges as bulk inserts. The graph was validated as a whole
 * beforehand (ids, ends, cycles), which is why this bypasses the per-operation applier: row by
 * row it would be far too slow for a 10,000-step file. The stored counts are read back inside
 * the transaction and a mismatch rolls everything back.
 */
async function importOne(ctx: OrgContext, plan: PlannedProject, format: string) {
  const { organizationId } = ctx.access;
  return withTransaction(ctx.db, async (tx) => {
    const name = await importedName(tx, organizationId, plan.name);
    const project = await createProject({ ...ctx, db: tx }, { name, description: plan.description ?? undefined });
    const owner = { organizationId, projectId: project.id };
    await tx.delete(departments).where(eq(departments.projectId, project.id));
    await tx.delete(stages).where(eq(stages.projectId, project.id));
    if (plan.graph.departments.length) await tx.insert(departments).values(plan.graph.departments.map((a) => ({ ...owner, ...a })));
    if (plan.graph.stages.length) await tx.insert(stages).values(plan.graph.stages.map((a) => ({ ...owner, ...a })));
    await insertNodes(tx, owner, plan.graph.nodes);
    await insertEdges(tx, owner, plan.graph.edges);
    await tx
      .update(projects)
      .set({ revision: sql`${projects.revision} + 1` })
      .where(eq(projects.id, project.id));

    const expected = { nodes: plan.graph.nodes.length, edges: plan.graph.edges.length };
    const stored = await storedCounts(tx, project.id);
    const matches =
      stored.nodes === expected.nodes &&
      stored.edges === expected.edges &&
      stored.counters.nodes === expected.nodes &&
      stored.counters.edges === expected.edges;
    if (!matches) {
      throw new ServiceError(
        "INVALID_OPERATION",
        `Stored ${stored.nodes} steps and ${stored.edges} connections, but the file has ${expected.nodes} and ${expected.edges}`,
      );
    }
    // Every field of every step, connection and lane, read back and compared with the file.
    const diff = diffGraphs(plan.graph, await loadGraph(tx, project.id, 0));
    const differences = describeDifferences(diff);
    if (differences) throw new ServiceError("INVALID_OPERATION", `What was stored differs from the file (${differences})`);
    await logActivity(tx, ctx.actor, {
      organizationId,
      projectId: project.id,
      action: "IMPORT",
      entityType: "PROJECT",
      entityId: project.id,
      details: { new_value: { format, nodes: expected.nodes, edges: expected.edges } },
    });
    return {
      id: project.id,
      slug: project.slug,
      name: project.name,
      fileName: plan.name,
      expected,
      stored: { nodes: stored.nodes, edges: stored.edges },
    };
  });
}

/**
 * Imports every project of a file that has no problems at all (a file with problems is refused
 * whole, with the list). Each project is its own transaction, so one that fails (say, the
 * project limit) leaves the others in place; the report says which.
 */
export async function importProjects(ctx: OrgContext, { text, subProcesses }: ImportInput): Promise<ImportReport> {
  const parsed = await parseImport(text, { subProcesses });
  if (parsed.problems.length) {
    const n = parsed.problems.length;
    throw new ServiceError("INVALID_OPERATION", `The file has ${n} problem${n === 1 ? "" : "s"}; nothing was imported`, {
      problems: parsed.problems,
    });
  }
  const report: ImportReport = { total: parsed.projects.length, successful: 0, failed: 0, errors: [], projects: [] };
  for (const [index, plan] of parsed.projects.entries()) {
    try {
      report.projects.push({ index, ...(await importOne(ctx, plan, parsed.format)) });
      report.successful++;
    } catch (error) {
      report.failed++;
      report.errors.push({
        index,
        name: plan.name,
        error: error instanceof ServiceError && error.domainCode ? error.message : "The project could not be saved",
      });
    }
  }
  return report;
}
