import { randomUUID } from "node:crypto";
import { and, arrayContains, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { restoreOps } from "~/domain/diff";
import type { GraphSnapshot } from "~/domain/graph";
import { MAX_BATCH } from "~/domain/operations";
import type { DbOrTx, Transaction } from "~/server/db";
import { containing } from "~/server/db/like";
import { templates, type templateCategory } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { OrgAccess } from "../access";
import { logActivity } from "../activity";
import type { OrgContext, ProjectContext } from "../context";
import { forbidden, notFound } from "../errors";
import { applyBatch, loadGraph } from "../graph";
import { createProject } from "../projects";
import { leadTimeOf, readSnapshot } from "../versions/snapshot";
import { previewOf, templateSnapshot } from "./preview";

export { ensureBuiltinTemplates } from "./builtins";
export type { TemplatePreview } from "./preview";

export type TemplateCategory = (typeof templateCategory.enumValues)[number];
export type TemplateFields = { name: string; description: string | null; category: TemplateCategory; tags: string[] };
type Filter = { category?: TemplateCategory; tag?: string; search?: string };

/** Built-ins (organization NULL) and this organization's own, never another's. */
const visibleTo = (organizationId: string) =>
  and(isNull(templates.deletedAt), or(isNull(templates.organizationId), eq(templates.organizationId, organizationId)));

export async function listTemplates({ db, access }: OrgContext, filter: Filter) {
  const conditions: (SQL | undefined)[] = [visibleTo(access.organizationId)];
  if (filter.category) conditions.push(eq(templates.category, filter.category));
  if (filter.tag) conditions.push(arrayContains(templates.tags, [filter.tag]));
  if (filter.search?.trim()) conditions.push(ilike(templates.name, containing(filter.search.trim())));
  const found = await db
    .select()
    .from(templates)
    .where(and(...conditions))
    .orderBy(sql`${templates.organizationId} IS NULL`, asc(templates.name), asc(templates.id));
  return found.map(({ snapshot, organizationId, ...row }) => {
    const graph = readSnapshot(snapshot);
    return {
      ...row,
      builtin: organizationId === null,
      stepCount: graph.nodes.length,
      leadTimeMinutes: leadTimeOf(graph).minutes,
      preview: previewOf(graph),
    };
  });
}

async function findTemplate(db: DbOrTx, access: OrgAccess, templateId: string) {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), visibleTo(access.organizationId)));
  if (!row) throw notFound("Template");
  return row;
}

export async function getTemplate({ db, access }: OrgContext, { templateId }: { templateId: string }) {
  const { snapshot, organizationId, ...row } = await findTemplate(db, access, templateId);
  return { ...row, builtin: organizationId === null, graph: readSnapshot(snapshot) };
}

/** The same graph under fresh ids, so a template can be used any number of times. */
export function withNewIds(graph: GraphSnapshot): GraphSnapshot {
  const ids = new Map<string, string>();
  const fresh = (id: string | null) => {
    if (id === null) return null;
    if (!ids.has(id)) ids.set(id, randomUUID());
    return ids.get(id)!;
  };
  return {
    departments: graph.departments.map((a) => ({ ...a, id: fresh(a.id)! })),
    stages: graph.stages.map((a) => ({ ...a, id: fresh(a.id)! })),
    nodes: graph.nodes.map((n) => ({ ...n, id: fresh(n.id)!, departmentId: fresh(n.departmentId), stageId: fresh(n.stageId) })),
    edges: graph.edges.map((e) => ({ ...e, id: fresh(e.id)!, sourceId: fresh(e.sourceId)!, targetId: fresh(e.targetId)! })),
  };
}

/**
 * A new project in the organization holding `graph` (already under fresh ids). The project is
 * created the usual way (limits, slug, owner membership, activity); its default lanes are then
 * swapped for the graph's and the steps written as ordinary operation batches, so the graph
 * passes the same validation (durations, no cycles) as an edit and lands in the project's
 * history. Callers run it in their transaction: a graph that fails validation leaves no
 * half-made project behind.
 */
export async function createProjectFromGraph(
  ctx: OrgContext & { db: Transaction },
  details: { name: string; description?: string },
  graph: GraphSnapshot,
) {
  const project = await createProject(ctx, details);
  // The caller created it, so they own it.
  const inProject: ProjectContext = { ...ctx, access: { ...ctx.access, project, projectRole: "OWNER" } };
  const ops = restoreOps(await loadGraph(ctx.db, project.id, project.revision), graph);
  // Chunks keep their order: lanes, then steps, then the edges between them.
  for (let i = 0; i < ops.length; i += MAX_BATCH) {
    await applyBatch(inProject, { clientOpId: randomUUID(), ops: ops.slice(i, i + MAX_BATCH) });
  }
  return project;
}

/** A new project in the organization drawn from a template (in one transaction). */
export async function useTemplate(ctx: OrgContext, { templateId, name }: { templateId: string; name: string }) {
  return withTransaction(ctx.db, async (tx) => {
    const template = await findTemplate(tx, ctx.access, templateId);
    const graph = withNewIds(readSnapshot(template.snapshot));
    const project = await createProjectFromGraph({ ...ctx, db: tx }, { name, description: template.description ?? undefined }, graph);
    // Built-in templates belong to no tenant, so only a definer function may count their use.
    await tx.execute(sql`SELECT app_count_template_use(${template.id})`);
    return project;
  });
}

/**
 * Stores a project's live graph as one of its organization's templates, under new ids. Step
 * progress is reset (status PENDING, progress 0): a template is the shape of a process, not a run of it.
 */
export async function saveTemplateFromProject(
  { db, actor, access }: ProjectContext,
  { name, description, category, tags }: TemplateFields,
) {
  return withTransaction(db, async (tx) => {
    const live = await loadGraph(tx, access.project.id, access.project.revision);
    // Fresh ids: the template is seen by the whole organization, the project's ids are not theirs to learn.
    const graph = withNewIds({
      departments: live.departments,
      stages: live.stages,
      nodes: live.nodes.map((n) => ({ ...n, status: "PENDING", progress: 0 })),
      edges: live.edges,
    });
    const [template] = await tx
      .insert(templates)
      .values({
        organizationId: access.organizationId,
        name,
        description,
        category,
        tags,
        snapshot: templateSnapshot(graph),
        createdBy: actor.userId,
      })
      .returning();
    await logActivity(tx, actor, {
      organizationId: access.organizationId,
      projectId: access.project.id,
      action: "CREATE",
      entityType: "TEMPLATE",
      entityId: template!.id,
      details: { new_value: { name, category } },
    });
    const { snapshot: _snapshot, ...row } = template!;
    return { ...row, builtin: false };
  });
}

/** The organization's own template, or FORBIDDEN for a built-in (seen by all, changed by none). */
async function ownTemplate(db: DbOrTx, access: OrgAccess, templateId: string) {
  const row = await findTemplate(db, access, templateId);
  if (row.organizationId === null) throw forbidden("Built-in templates are read-only");
  return row;
}

export async function updateTemplate(
  { db, access }: OrgContext,
  { templateId, name, description, category, tags }: { templateId: string } & Partial<TemplateFields>,
) {
  await ownTemplate(db, access, templateId);
  // Fields left out are undefined, which drizzle leaves unchanged.
  const [row] = await db
    .update(templates)
    .set({ name, description, category, tags, updatedAt: new Date() })
    .where(eq(templates.id, templateId))
    .returning();
  const { snapshot: _snapshot, ...rest } = row!;
  return { ...rest, builtin: false };
}

export async function deleteTemplate({ db, access }: OrgContext, { templateId }: { templateId: string }) {
  await ownTemplate(db, access, templateId);
  await db.update(templates).set({ deletedAt: new Date() }).where(eq(templates.id, templateId));
  return { id: templateId };
}
