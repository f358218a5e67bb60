import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { OrgRole } from "~/domain/roles";
import type { Transaction } from "~/server/db";
import { organizationMembers, organizations, projectMembers, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { OrgAccess } from "../access";
import type { OrgContext } from "../context";
import { notFound, ServiceError } from "../errors";

export async function listMembers({ db, access }: OrgContext) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      avatarUrl: users.avatarUrl,
      role: organizationMembers.role,
      joinedAt: organizationMembers.createdAt,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, access.organizationId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Locks the organization row so concurrent membership changes see each other's counts. */
export async function lockOrganization(tx: Transaction, organizationId: string) {
  const [org] = await tx
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)))
    .for("update")
    .limit(1);
  if (!org) throw notFound("Organization");
  return org.settings;
}

async function countOwners(tx: Transaction, organizationId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "OWNER")));
  return row?.n ?? 0;
}

/** Only an owner may make someone an owner (or change or remove one). */
export function assertMayGrant(access: OrgAccess, role: OrgRole) {
  if (role === "OWNER" && access.orgRole !== "OWNER") {
    throw new ServiceError("OWNER_ONLY", "Only an owner can make someone an owner");
  }
}

async function memberRole(tx: Transaction, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  if (!row) throw new ServiceError("NOT_A_MEMBER", "That person is not a member of this organization");
  return row.role;
}

async function assertNotLastOwner(tx: Transaction, organizationId: string, currentRole: OrgRole, message: string) {
  if (currentRole === "OWNER" && (await countOwners(tx, organizationId)) <= 1) {
    throw new ServiceError("LAST_OWNER", message);
  }
}

export async function changeMemberRole({ db, access }: OrgContext, input: { userId: string; role: OrgRole }) {
  return withTransaction(db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    const current = await memberRole(tx, access.organizationId, input.userId);
    if (current === input.role) return { userId: input.userId, role: current };
    if (current === "OWNER" || input.role === "OWNER") assertMayGrant(access, "OWNER");
    await assertNotLastOwner(tx, access.organizationId, current, "The last owner cannot be demoted; make someone else an owner first");
    await tx
      .update(organizationMembers)
      .set({ role: input.role })
      .where(and(eq(organizationMembers.organizationId, access.organizationId), eq(organizationMembers.userId, input.userId)));
    return { userId: input.userId, role: input.role };
  });
}

async function deleteMembership(tx: Transaction, organizationId: string, userId: string) {
  await tx
    .delete(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  await tx.delete(projectMembers).where(and(eq(projectMembers.organizationId, organizationId), eq(projectMembers.userId, userId)));
}

export async function removeMember({ db, access }: OrgContext, input: { userId: string }) {
  return withTransaction(db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    const current = await memberRole(tx, access.organizationId, input.userId);
    if (current === "OWNER") assertMayGrant(access, "OWNER");
    await assertNotLastOwner(tx, access.organizationId, current, "The last owner cannot be removed; make someone else an owner first");
    await deleteMembership(tx, access.organizationId, input.userId);
    return { ok: true as const };
  });
}

export async function leaveOrganization({ db, access, actor }: OrgContext) {
  return withTransaction(db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    await assertNotLastOwner(
      tx,
      access.organizationId,
      access.orgRole,
      "You are the last owner; make someone else an owner before leaving",
    );
    await deleteMembership(tx, access.organizationId, actor.userId);
    return { ok: true as const };
  });
}
