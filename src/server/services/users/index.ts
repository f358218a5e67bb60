import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { rows } from "~/server/db";
import { setActingUser } from "~/server/db/acting";
import { activityLogs, comments, organizationMembers, organizations, projectMembers, projects, sessions, users } from "~/server/db/schema";
import { hashPassword, TIMING_DECOY_HASH, verifyPassword } from "~/server/auth/password";
import { withTransaction } from "~/server/db/transaction";
import { keepWrite, type PublicContext, type ServiceContext } from "../context";
import {
  ACCOUNT_SIGN_IN_FAILURES,
  ADDRESS_SIGN_IN_FAILURES,
  clearUses,
  countUse,
  PASSWORD_CHANGE_FAILURES,
  refuseWhileLimited,
  signUpLimit,
} from "../limits";
import { endOtherSessions } from "../sessions";
import { isUniqueViolation, notFound, ServiceError } from "../errors";

const publicColumns = { id: users.id, email: users.email, name: users.name, avatarUrl: users.avatarUrl, createdAt: users.createdAt };

export type PublicUser = { id: string; email: string; name: string; avatarUrl: string | null; createdAt: Date };

/**
 * A new account. Each attempt from an address counts against its hourly limit, a refused one
 * (email taken) too: the count is kept past the refusal's rollback.
 */
export async function signUp(ctx: PublicContext, input: { name: string; email: string; password: string }) {
  const { db, ip } = ctx;
  if (ip) {
    const limit = signUpLimit();
    await refuseWhileLimited(db, limit, ip);
    await keepWrite(ctx, (kept) => countUse(kept, limit, ip));
  }
  const passwordHash = await hashPassword(input.password);
  // Row-Level Security shows an account only to itself: the new one acts from here on.
  const id = randomUUID();
  try {
    return await withTransaction(db, async (tx) => {
      await setActingUser(tx, id);
      const [user] = await tx.insert(users).values({ id, name: input.name, email: input.email, passwordHash }).returning(publicColumns);
      return user!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError("EMAIL_TAKEN", "An account with this email already exists");
    throw error;
  }
}

/**
 * Same answer (null) for an unknown email and a wrong password. After ten failures for one
 * email (known or not, so the limit says nothing about accounts) or a hundred from one
 * address in a quarter of an hour, every attempt is refused with RATE_LIMITED, the right
 * password included, until the window has passed; a success clears the email's failures.
 */
export async function verifyCredentials(
  { db, ip }: PublicContext,
  { email, password }: { email: string; password: string },
): Promise<PublicUser | null> {
  const account = email.trim().toLowerCase();
  await refuseWhileLimited(db, ACCOUNT_SIGN_IN_FAILURES, account);
  if (ip) await refuseWhileLimited(db, ADDRESS_SIGN_IN_FAILURES, ip);
  // Nobody is acting yet, so the account is read by a definer function that answers for one email only.
  const [user] = rows<PublicUser & { passwordHash: string }>(
    await db.execute(
      sql`SELECT id, email, name, avatar_url AS "avatarUrl", created_at AS "createdAt", password_hash AS "passwordHash" FROM app_sign_in_account(${account})`,
    ),
  );
  const ok = await verifyPassword(password, user?.passwordHash ?? TIMING_DECOY_HASH);
  if (!user || !ok) {
    await countUse(db, ACCOUNT_SIGN_IN_FAILURES, account);
    if (ip) await countUse(db, ADDRESS_SIGN_IN_FAILURES, ip);
    return null;
  }
  await clearUses(db, ACCOUNT_SIGN_IN_FAILURES, account);
  const { passwordHash: _, ...rest } = user;
  return rest;
}

export async function getUser({ db, actor }: ServiceContext): Promise<PublicUser> {
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, actor.userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw notFound("User");
  return user;
}

export async function updateProfile({ db, actor }: ServiceContext, input: { name: string; avatarUrl: string | null }) {
  const userId = actor.userId;
  const [user] = await db
    .update(users)
    .set({ name: input.name, avatarUrl: input.avatarUrl })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning(publicColumns);
  if (!user) throw notFound("User");
  return user;
}

/**
 * The signed-in person proves it is them (changing the password, deleting the account): ten
 * wrong passwords in a quarter of an hour, then they wait. Each failure is kept past the
 * refusal's rollback, or the guesses would never add up.
 */
async function requirePassword(ctx: ServiceContext, password: string, wrong: string) {
  const { db, actor } = ctx;
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw notFound("User");
  await refuseWhileLimited(db, PASSWORD_CHANGE_FAILURES, actor.userId);
  if (!(await verifyPassword(password, user.hash))) {
    await keepWrite(ctx, (kept) => countUse(kept, PASSWORD_CHANGE_FAILURES, actor.userId));
    throw new ServiceError("WRONG_PASSWORD", wrong);
  }
}

export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const { db, actor } = ctx;
  const userId = actor.userId;
  await requirePassword(ctx, input.currentPassword, "Your current password is not correct");
  const passwordHash = await hashPassword(input.newPassword);
  // Whoever knew the old password may hold a session: every other one ends with it.
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endOtherSessions(tx, { userId, keep: actor.sessionId });
  });
  return { ok: true as const };
}

/**
 * "Export my data": the account, its memberships, its sessions, and everything the person
 * wrote (comments and activity, also in projects they can no longer open), as one document.
 */
export async function exportAccountData(ctx: ServiceContext) {
  const { db, actor } = ctx;
  const userId = actor.userId;
  const account = await getUser(ctx);
  const [memberships, projectRoles, written, activity, signIns] = await Promise.all([
    db
      .select({
        organizationId: organizations.id,
        organization: organizations.name,
        role: organizationMembers.role,
        since: organizationMembers.createdAt,
      })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId))
      .orderBy(asc(organizations.name)),
    db
      .select({ projectId: projects.id, project: projects.name, role: projectMembers.role, since: projectMembers.createdAt })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, userId))
      .orderBy(asc(projects.name)),
    db
      .select({
        id: comments.id,
        projectId: comments.projectId,
        nodeId: comments.nodeId,
        parentId: comments.parentId,
        content: comments.content,
        resolved: comments.resolved,
        createdAt: comments.createdAt,
        updatedAt: comments.updatedAt,
        deletedAt: comments.deletedAt,
      })
      .from(comments)
      .where(eq(comments.userId, userId))
      .orderBy(asc(comments.createdAt)),
    db
      .select({
        id: activityLogs.id,
        projectId: activityLogs.projectId,
        action: activityLogs.action,
        entityType: activityLogs.entityType,
        entityId: activityLogs.entityId,
        details: activityLogs.details,
        ipAddress: activityLogs.ipAddress,
        userAgent: activityLogs.userAgent,
        createdAt: activityLogs.createdAt,
      })
      .from(activityLogs)
      .where(eq(activityLogs.userId, userId))
      .orderBy(asc(activityLogs.createdAt)),
    db
      .select({
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
  ]);
  return {
    exportedAt: new Date(),
    account,
    organizations: memberships,
    projects: projectRoles,
    comments: written,
    activity,
    sessions: signIns,
  };
}

/**
 * "Delete my account", confirmed with the password. Refused while the person is the last
 * owner of an organization, naming it (someone must be left to run it). Their comments and
 * activity stay, without their name (app_delete_account in drizzle/0012_account_data.sql).
 */
export async function deleteAccount(ctx: ServiceContext, input: { password: string }) {
  const { db, actor } = ctx;
  const userId = actor.userId;
  await requirePassword(ctx, input.password, "Your password is not correct");
  const owned = await db
    .select({
      name: organizations.name,
      owners: sql<number>`(SELECT count(*)::int FROM ${organizationMembers} o WHERE o.organization_id = ${organizations.id} AND o.role = 'OWNER')`,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, userId), eq(organizationMembers.role, "OWNER"), isNull(organizations.deletedAt)))
    .orderBy(asc(organizations.name));
  const sole = owned.find((o) => o.owners <= 1);
  if (sole) {
    throw new ServiceError(
      "LAST_OWNER",
      `You are the last owner of "${sole.name}": make someone else an owner there, or delete the organization, before deleting your account`,
    );
  }
  await db.execute(sql`SELECT app_delete_account()`);
  return { ok: true as const };
}
