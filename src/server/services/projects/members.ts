import { and, asc, eq, sql } from "drizzle-orm";
import type { ProjectRole } from "~/domain/roles";
import type { Transaction } from "~/server/db";
import { projectMembers, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { ProjectAccess } from "../access";
import { logActivity } from "../activity";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";
import { lockOrganization } from "../organizations/members";

export async function listProjectMembers({ db, access }: ProjectContext) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      avatarUrl: users.avatarUrl,
      role: projectMembers.role,
      joinedAt: projectMembers.createdAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, access.project.id))
    .orderBy(asc(users.name), asc(users.id));
}

async function currentRole(tx: Transaction, projectId: string, userId: string) {
  const [row] = await tx
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  if (!row) throw new ServiceError("NOT_A_MEMBER", "That person is not a member of this project");
  return row.role;
}

async function assertNotLastOwner(tx: Transaction, projectId: string, role: ProjectRole, message: string) {
  if (role !== "OWNER") return;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "OWNER")));
  if ((row?.n ?? 0) <= 1) throw new ServiceError("LAST_OWNER", message);
}

function memberLog(access: ProjectAccess, userId: string, details: Record<string, unknown>) {
  return {
    organizationId: access.organizationId,
    projectId: access.project.id,
    entityType: "MEMBER" as const,
    entityId: userId,
    details,
  };
}

export async function changeProjectMemberRole({ db, actor, access }: ProjectContext, input: { userId: string; role: ProjectRole }) {
  return withTransaction(db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    const role = await currentRole(tx, access.project.id, input.userId);
    if (role === input.role) return { userId: input.userId, role };
    await assertNotLastOwner(tx, access.project.id, role, "The last project owner cannot be demoted; make someone else an owner first");
    await tx
      .update(projectMembers)
      .set({ role: input.role })
      .where(and(eq(projectMembers.projectId, access.project.id), eq(projectMembers.userId, input.userId)));
    await logActivity(tx, actor, {
      ...memberLog(access, input.userId, { fields_changed: ["role"], old_value: { role }, new_value: { role: input.role } }),
      action: "UPDATE",
    });
    return { userId: input.userId, role: input.role };
  });
}

export async function removeProjectMember({ db, actor, access }: ProjectContext, input: { userId: string }) {
  return withTransaction(db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    const role = await currentRole(tx, access.project.id, input.userId);
    await assertNotLastOwner(tx, access.project.id, role, "The last project owner cannot be removed; make someone else an owner first");
    await tx.delete(projectMembers).where(and(eq(projectMembers.projectId, access.project.id), eq(projectMembers.userId, input.userId)));
    await logActivity(tx, actor, { ...memberLog(access, input.userId, { old_value: { role } }), action: "DELETE" });
    return { ok: true as const };
  });
}
