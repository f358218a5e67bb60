import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "~/server/db";
import { sessions, users } from "~/server/db/schema";
import type { ServiceContext } from "../context";

/** How long a sign-in lasts without signing in again (the session cookie's own lifetime). */
export const SESSION_DAYS = 30;

/** A new live session for a user who just proved who they are; its id goes into the token. */
export async function startSession(db: DbOrTx, { userId, userAgent }: { userId: string; userAgent: string | null }): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({ userId, userAgent: userAgent?.slice(0, 500) ?? null, expiresAt: sql`now() + make_interval(days => ${SESSION_DAYS})` })
    .returning({ id: sessions.id });
  return row!.id;
}

/**
 * Whether a token's session is still live: not signed out or revoked, not expired, and its
 * user not deleted. One primary-key read per request.
 */
export async function isSessionLive(db: DbOrTx, { sessionId, userId }: { sessionId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.deletedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Signing out: this token stops working, wherever a copy of it is. */
export async function endSession(db: DbOrTx, sessionId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of the user but `keep` (the browser that asked), e.g. after a password change. */
export async function endOtherSessions(db: DbOrTx, { userId, keep }: { userId: string; keep: string | null }) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined));
}

/** "Sign out everywhere": every session of the signed-in user ends, this one included. */
export async function signOutEverywhere({ db, actor }: ServiceContext) {
  await endOtherSessions(db, { userId: actor.userId, keep: null });
  return { ok: true as const };
}
