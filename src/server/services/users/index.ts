import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { rows } from "~/server/db";
import { setActingUser } from "~/server/db/acting";
import { users } from "~/server/db/schema";
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

export async function changePassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const { db, actor } = ctx;
  const userId = actor.userId;
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("User");
  await refuseWhileLimited(db, PASSWORD_CHANGE_FAILURES, userId);
  if (!(await verifyPassword(input.currentPassword, user.hash))) {
    // Kept past the refusal's rollback, or the guesses would never add up.
    await keepWrite(ctx, (kept) => countUse(kept, PASSWORD_CHANGE_FAILURES, userId));
    throw new ServiceError("WRONG_PASSWORD", "Your current password is not correct");
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Whoever knew the old password may hold a session: every other one ends with it.
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endOtherSessions(tx, { userId, keep: actor.sessionId });
  });
  return { ok: true as const };
}
