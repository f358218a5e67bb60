import { and, eq, isNull } from "drizzle-orm";
import { users } from "~/server/db/schema";
import { hashPassword, TIMING_DECOY_HASH, verifyPassword } from "~/server/auth/password";
import { withTransaction } from "~/server/db/transaction";
import type { PublicContext, ServiceContext } from "../context";
import {
  ACCOUNT_SIGN_IN_FAILURES,
  ADDRESS_SIGN_IN_FAILURES,
  clearUses,
  countUse,
  PASSWORD_CHANGE_FAILURES,
  refuseWhileLimited,
  requireUnderLimit,
  signUpLimit,
} from "../limits";
import { endOtherSessions } from "../sessions";
import { isUniqueViolation, notFound, ServiceError } from "../errors";

const publicColumns = { id: users.id, email: users.email, name: users.name, avatarUrl: users.avatarUrl, createdAt: users.createdAt };

export type PublicUser = { id: string; email: string; name: string; avatarUrl: string | null; createdAt: Date };

export async function signUp({ db, ip }: PublicContext, input: { name: string; email: string; password: string }) {
  if (ip) await requireUnderLimit(db, signUpLimit(), ip);
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning(publicColumns);
    return user!;
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
  const [user] = await db
    .select({ ...publicColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, account), isNull(users.deletedAt)))
    .limit(1);
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

export async function changePassword({ db, actor }: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const userId = actor.userId;
  const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("User");
  await refuseWhileLimited(db, PASSWORD_CHANGE_FAILURES, userId);
  if (!(await verifyPassword(input.currentPassword, user.hash))) {
    await countUse(db, PASSWORD_CHANGE_FAILURES, userId);
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
