import { and, asc, eq, isNotNull, isNull, like, sql } from "drizzle-orm";
import { can, type OrgRole, type ProjectRole } from "~/domain/roles";
import type { DbOrTx, Transaction } from "~/server/db";
import { departments, nodes, organizations, projectMembers, projects, stages, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { logActivity, type Actor } from "../activity";
import { DomainError, isUniqueViolation } from "../errors";
import { lockOrganization } from "../organizations/members";
import { firstFreeSlug, slugPrefixPattern } from "../slugs";

export { listProjects } from "./list";
export { addProjectMember, changeProjectMemberRole, listProjectMembers, removeProjectMember } from "./members";

type ProjectAccess = { organizationId: string; orgRole: OrgRole; project: typeof projects.$inferSelect; projectRole: ProjectRole };

async function assertBelowProjectLimit(tx: Transaction, organizationId: string) {
  const settings = await lockOrganization(tx, organizationId);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), isNull(projects.deletedAt)));
  if ((row?.n ?? 0) >= settings.max_projects) {
    throw new DomainError("LIMIT_REACHED", `This organization has reached its limit of ${settings.max_projects} projects`);
  }
  return settings;
}

export async function createProject({
  db,
  actor,
  organizationId,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  organizationId: string;
  input: { name: string; description?: string; slug?: string };
}) {
  return withTransaction(db, async (tx) => {
    const settings = await assertBelowProjectLimit(tx, organizationId);
    const slug = input.slug ?? (await freeProjectSlug(tx, organizationId, input.name));
    const [project] = await tx
      .insert(projects)
      .values({ organizationId, name: input.name, description: input.description || null, slug, createdBy: actor.userId })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError("SLUG_TAKEN", `A project with the address "${slug}" already exists`);
        throw error;
      });
    const projectId = project!.id;
    const axis = (list: typeof settings.departments) =>
      list.map((a, position) => ({ organizationId, projectId, name: a.name, color: a.color, position }));
    if (settings.departments.length) await tx.insert(departments).values(axis(settings.departments));
    if (settings.stages.length) await tx.insert(stages).values(axis(settings.stages));
    await tx.insert(projectMembers).values({ organizationId, projectId, userId: actor.userId, role: "OWNER" });
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

async function freeProjectSlug(db: DbOrTx, organizationId: string, name: string) {
  const taken = await db
    .select({ slug: projects.slug })
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), like(projects.slug, slugPrefixPattern(name))));
  return firstFreeSlug(
    name,
    taken.map((r) => r.slug),
  );
}

export async function getProject(db: DbOrTx, access: ProjectAccess) {
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
  actor: Actor,
  access: ProjectAccess,
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

export async function updateProject({
  db,
  actor,
  access,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  access: ProjectAccess;
  input: { name?: string; description?: string; estimateDistribution?: "PERT" | "TRIANGULAR" };
}) {
  const set: Partial<typeof projects.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description || null;
  if (input.estimateDistribution !== undefined) set.estimateDistribution = input.estimateDistribution;
  if (Object.keys(set).length === 0) return access.project;
  return withTransaction(db, (tx) => updateProjectRow(tx, actor, access, set, "UPDATE"));
}

export async function setProjectArchived({ db, actor, access, archived }: { db: DbOrTx; actor: Actor; access: ProjectAccess; archived: boolean }) {
  const status = archived ? "ARCHIVED" : "ACTIVE";
  if (access.project.status === status) return access.project;
  return withTransaction(db, (tx) => updateProjectRow(tx, actor, access, { status }, archived ? "ARCHIVE" : "RESTORE"));
}

export async function softDeleteProject({ db, actor, access }: { db: DbOrTx; actor: Actor; access: ProjectAccess }) {
  return withTransaction(db, (tx) =>
    updateProjectRow(tx, actor, access, { deletedAt: new Date(), deletedBy: actor.userId }, "DELETE"),
  );
}

export async function restoreProject({ db, actor, access }: { db: DbOrTx; actor: Actor; access: ProjectAccess }) {
  if (!access.project.deletedAt) return access.project;
  return withTransaction(db, async (tx) => {
    await assertBelowProjectLimit(tx, access.organizationId);
    return updateProjectRow(tx, actor, access, { deletedAt: null, deletedBy: null }, "RESTORE");
  });
}

/** Deleted projects the caller could restore: the ones they own, or all for org owners/admins. */
export async function listTrash(db: DbOrTx, access: { organizationId: string; orgRole: OrgRole; userId: string }) {
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
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, access.userId)))
    .where(
      and(
        eq(projects.organizationId, access.organizationId),
        isNotNull(projects.deletedAt),
        seesAll ? undefined : eq(projectMembers.role, "OWNER"),
      ),
    )
    .orderBy(sql`${projects.deletedAt} DESC`, asc(projects.id));
}
