import { eq, sql } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import { rateLimits } from "~/server/db/schema";
import { ServiceError } from "../errors";

/** How many of something a key may do in a window. */
export type Limit = { name: string; max: number; windowSeconds: number };

const QUARTER_HOUR = 15 * 60;

/** Failed sign-ins per account: ten in a quarter of an hour, then the account waits. */
export const ACCOUNT_SIGN_IN_FAILURES: Limit = { name: "signin-account", max: 10, windowSeconds: QUARTER_HOUR };
/** Failed sign-ins per address, across accounts (an office shares one address, so more). */
export const ADDRESS_SIGN_IN_FAILURES: Limit = { name: "signin-address", max: 100, windowSeconds: QUARTER_HOUR };
/** Wrong current passwords per account when changing it: guesses too. */
export const PASSWORD_CHANGE_FAILURES: Limit = { name: "password-change", max: 10, windowSeconds: QUARTER_HOUR };

/** New accounts per address and hour (each costs a bcrypt hash); SIGNUPS_PER_HOUR overrides it. */
export function signUpLimit(): Limit {
  const configured = Number(process.env.SIGNUPS_PER_HOUR);
  return { name: "signup-address", max: Number.isInteger(configured) && configured > 0 ? configured : 20, windowSeconds: 60 * 60 };
}

/**
 * Writes per signed-in user and minute, on every instance together: far above what a person
 * editing produces (a drag or a nudge is one), it stops a runaway script or a stuck client.
 * MUTATIONS_PER_MINUTE overrides it.
 */
export function mutationLimit(): Limit {
  const configured = Number(process.env.MUTATIONS_PER_MINUTE);
  return { name: "mutations-user", max: Number.isInteger(configured) && configured > 0 ? configured : 600, windowSeconds: 60 };
}

export type Usage = { count: number; retryAfterSeconds: number };

const keyOf = (limit: Limit, subject: string) => `${limit.name}:${subject.toLowerCase()}`.slice(0, 400);

/** Counts one more use in the current window (a new window starts once the last one is over). */
export async function countUse(db: DbOrTx, limit: Limit, subject: string): Promise<Usage> {
  const window = sql`make_interval(secs => ${limit.windowSeconds}::float8)`;
  const result = await db.execute(sql`
    INSERT INTO ${rateLimits} (key, window_start, count) VALUES (${keyOf(limit, subject)}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${rateLimits.windowStart} <= now() - ${window} THEN 1 ELSE ${rateLimits.count} + 1 END,
      window_start = CASE WHEN ${rateLimits.windowStart} <= now() - ${window} THEN now() ELSE ${rateLimits.windowStart} END
    RETURNING count::int AS count, ceil(extract(epoch FROM (window_start + ${window} - now())))::int AS "retryAfterSeconds"`);
  return rows<Usage>(result)[0]!;
}

/** The uses counted in the current window, without counting one. */
export async function usage(db: DbOrTx, limit: Limit, subject: string): Promise<Usage> {
  const window = sql`make_interval(secs => ${limit.windowSeconds}::float8)`;
  const [row] = await db
    .select({
      count: sql<number>`CASE WHEN ${rateLimits.windowStart} <= now() - ${window} THEN 0 ELSE ${rateLimits.count} END::int`,
      retryAfterSeconds: sql<number>`greatest(0, ceil(extract(epoch FROM (${rateLimits.windowStart} + ${window} - now()))))::int`,
    })
    .from(rateLimits)
    .where(eq(rateLimits.key, keyOf(limit, subject)));
  return row ?? { count: 0, retryAfterSeconds: 0 };
}

/** Forgets a key's uses (a successful sign-in clears the account's failures). */
export async function clearUses(db: DbOrTx, limit: Limit, subject: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(limit, subject)));
}

/** "Too many attempts. Try again in 12 minutes." */
export function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export function tooMany(retryAfterSeconds: number): ServiceError {
  return new ServiceError("RATE_LIMITED", tooManyMessage(retryAfterSeconds), { retryAfterSeconds });
}

/** Counts a use and refuses it with RATE_LIMITED once the key is over its limit. */
export async function requireUnderLimit(db: DbOrTx, limit: Limit, subject: string) {
  const used = await countUse(db, limit, subject);
  if (used.count > limit.max) throw tooMany(used.retryAfterSeconds);
}

/** Refuses with RATE_LIMITED while the key has used up its window, counting nothing (failures are counted by the caller). */
export async function refuseWhileLimited(db: DbOrTx, limit: Limit, subject: string) {
  const used = await usage(db, limit, subject);
  if (used.count >= limit.max) throw tooMany(used.retryAfterSeconds);
}
