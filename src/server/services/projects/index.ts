import { randomUUID } from "node:crypto";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { can } from "~/domain/roles";
import { rows, type DbOrTx, type Transaction } from "~/server/db";
import { departments, nodes, organizations, projectMembers, projects, stages, users } from "~/server/db/schema";
import { reloadAccess } from "~/server/db/acting";
import { withTransaction } from "~/server/db/transaction";
import { logActivity } from "../activity";
import type { OrgContext, ProjectContext } from "../context";
import { isUniqueViolation, ServiceError } from "../errors";
import { lockOrganization } from "../organizations/members";
import { firstFreeSlug, slugPrefixPattern } from "../slugs";

export { listProjects } from "./list";
export { changeProjectMemberRole, listProjectMembers, removeProjectMember } from "./members";

async function assertBelowProjectLimit(tx: Transaction, organizationId: string) {
  const settings = await lockOrganization(tx, organizationId);
  // Every live project counts, also those the caller may not open (a definer function counts them).
  const [row] = rows<{ n: number }>(await tx.execute(sql`SELECT app_live_project_count(${organizationId}) AS n`));
  if ((row?.n ?? 0) >= settings.max_projects) {
    throw new ServiceError("LIMIT_REACHED", `This organization has reached its limit of ${settings.max_projects} projects`);
  }
  return settings;
}

export async function createProject({ db, actor, access }: OrgContext, input: { name: string; description?: string; slug?: string }) {
  const { organizationId } = access;
  return withTransaction(db, async (tx) => {
    const settings = await assertBelowProjectLimit(tx, organizationId);
    const slug = input.slug ?? (await freeProjectSlug(tx, organizationId, input.name));
    // The id is chosen here and the row read back once its creator is a member: Row-Level
    // Security shows a project only to those who may open it, RETURNING included.
    const projectId = randomUUID();
    await tx
      .insert(projects)
      .values({ id: projectId, organizationId, name: input.name, description: input.description || null, slug, createdBy: actor.userId })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new ServiceError("SLUG_TAKEN", `A project with the address "${slug}" already exists`);
        throw error;
      });
    await tx.insert(projectMembers).values({ organizationId, projectId, userId: actor.userId, role: "OWNER" });
    await reloadAccess(tx);
    const [project] = await tx.select().from(projects).where(eq(projects.id, projectId));
    const axis = (list: typeof settings.departments) =>
      list.map((a, position) => ({ organizationId, projectId, name: a.name, color: a.color, position }));
    if (settings.departments.length) await tx.insert(departments).values(axis(settings.departments));
    if (settings.stages.length) await tx.insert(stages).values(axis(settings.stages));
    await logActivity(tx, actor, {
      organizationId,
      projectId,
      action: "CREATE",
      entityType: "PROJECT",
      entityId: projectId,
      details: { new_value: { name: input.name } },
    });
    return project!;
  });
}

/** Addresses are unique in the organization, projects the caller may not open included: a definer function lists the taken ones. */
async function freeProjectSlug(db: DbOrTx, organizationId: string, name: string) {
  const taken = rows<{ slug: string }>(
    await db.execute(sql`SELECT app_taken_project_slugs(${organizationId}, ${slugPrefixPattern(name)}) AS slug`),
  );
  return firstFreeSlug(
    name,
    taken.map((r) => r.slug),
  );
}

export async function getProject({ db, access }: ProjectContext) {
  const projectId = access.project.id;
  const [axesDepartments, axesStages, [org], nodeList] = await Promise.all([
    db.select().from(departments).where(eq(departments.projectId, projectId)).orderBy(asc(departments.position)),
    db.select().from(stages).where(eq(stages.projectId, projectId)).orderBy(asc(stages.position)),
    db
      .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
      .from(organizations)
      .where(eq(organizations.id, access.organizationId)),
    db
      .select({
        id: nodes.id,
        label: nodes.label,
        type: nodes.type,
        status: nodes.status,
        departmentId: nodes.departmentId,
        stageId: nodes.stageId,
      })
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt)))
      .orderBy(asc(nodes.positionY), asc(nodes.positionX), asc(nodes.id)),
  ]);
  return {
    ...access.project,
    organization: org!,
    myRole: access.projectRole,
    departments: axesDepartments,
    stages: axesStages,
    nodes: nodeList,
  };
}

async function updateProjectRow(
  tx: Transaction,
  { actor, access }: ProjectContext,
  set: Partial<typeof projects.$inferInsert>,
  action: "UPDATE" | "ARCHIVE" | "DELETE" | "RESTORE",
) {
  const [project] = await tx.update(projects).set(set).where(eq(projects.id, access.project.id)).returning();
  const changed = Object.keys(set).filter((k) => k !== "deletedBy") as (keyof typeof set)[];
  await logActivity(tx, actor, {
    organizationId: access.organizationId,
    projectId: access.project.id,
    action,
    entityType: "PROJECT",
    entityId: access.project.id,
    details: {
      fields_changed: changed,
      old_value: Object.fromEntries(changed.map((k) => [k, access.project[k as keyof typeof access.project] ?? null])),
      new_value: Object.fromEntries(changed.map((k) => [k, set[k] ?? null])),
    },
  });
  return project!;
}

export async function updateProject(
  ctx: ProjectContext,
  input: { name?: string; description?: string; estimateDistribution?: "PERT" | "TRIANGULAR" },
) {
  const { access } = ctx;
  const set: Partial<typeof projects.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description || null;
  if (input.estimateDistribution !== undefined) set.estimateDistribution = input.estimateDistribution;
  if (Object.keys(set).length === 0) return access.project;
  return withTransaction(ctx.db, (tx) => updateProjectRow(tx, ctx, set, "UPDATE"));
}

export async function setProjectArchived(ctx: ProjectContext, { archived }: { archived: boolean }) {
  const status = archived ? "ARCHIVED" : "ACTIVE";
  if (ctx.access.project.status === status) return ctx.access.project;
  return withTransaction(ctx.db, (tx) => updateProjectRow(tx, ctx, { status }, archived ? "ARCHIVE" : "RESTORE"));
}

export async function softDeleteProject(ctx: ProjectContext) {
  return withTransaction(ctx.db, (tx) => updateProjectRow(tx, ctx, { deletedAt: new Date(), deletedBy: ctx.actor.userId }, "DELETE"));
}

export async function restoreProject(ctx: ProjectContext) {
  const { access } = ctx;
  if (!access.project.deletedAt) return access.project;
  return withTransaction(ctx.db, async (tx) => {
    await assertBelowProjectLimit(tx, access.organizationId);
    return updateProjectRow(tx, ctx, { deletedAt: null, deletedBy: null }, "RESTORE");
  });
}

/** Deleted projects the caller could restore: the ones they own, or all for org owners/admins. */
export async function listTrash({ db, access, actor }: OrgContext) {
  const seesAll = can.manageOrganization(access.orgRole);
  return db
    .select({
      id: projects.id,
      name: projects.name,
      slug: projects.slug,
      nodesCount: projects.nodesCount,
      edgesCount: projects.edgesCount,
      deletedAt: projects.deletedAt,
      deletedByName: users.name,
    })
    .from(projects)
    .leftJoin(users, eq(users.id, projects.deletedBy))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
    .where(
      and(
        eq(projects.organizationId, access.organizationId),
        isNotNull(projects.deletedAt),
        seesAll ? undefined : eq(projectMembers.role, "OWNER"),
      ),
    )
    .orderBy(sql`${projects.deletedAt} DESC`, asc(projects.id));
}

/**
 * Deletes every project in the organization's trash for good (organization owners, after a
 * confirmation in the UI): their steps, history and comments go with them. Returns how many.
 */
export async function emptyTrash({ db, access }: OrgContext) {
  const removed = await db
    .delete(projects)
    .where(and(eq(projects.organizationId, access.organizationId), isNotNull(projects.deletedAt)))
    .returning({ id: projects.id });
  return { deleted: removed.length };
}
