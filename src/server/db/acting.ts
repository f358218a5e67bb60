import { sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "./index";
import { withTransaction } from "./transaction";

/**
 * The role requests run as (drizzle/0009_row_level_security.sql): it owns no table and cannot
 * bypass Row-Level Security, so the database itself admits only the acting user's tenants.
 */
export const APP_ROLE = "flowmatrix_app";

/**
 * Runs `fn` in a transaction as the app role with `userId` acting (null: nobody yet, as
 * before sign-in, when no tenant row is visible), their organizations and projects loaded once. Both settings are local to the
 * transaction, so a pooled connection never carries them into someone else's request.
 * Joins the caller's transaction when `db` already is one.
 */
export async function actAs<T>(
  db: DbOrTx,
  userId: string | null,
  fn: (tx: Transaction) => Promise<T>,
  { tenants = true }: { tenants?: boolean } = {},
): Promise<T> {
  // Without `tenants`, only the user's own rows are visible (their account and sessions, and
  // the attempt counters): the session check on every request and the write counter need no
  // more, so they skip computing the organization and project lists.
  const acting = tenants
    ? sql`SELECT set_config('role', ${APP_ROLE}, true), app_load_access(${userId ?? ""})`
    : sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId ?? ""}, true)`;
  for (let attempt = 1; ; attempt++) {
    let started = false;
    try {
      return await withTransaction(db, async (tx) => {
        await tx.execute(acting);
        started = true;
        return fn(tx);
      });
    } catch (error) {
      // A pooled connection the server has closed (restart, failover, idle kill) fails the
      // first statement; nothing has run yet, so another connection may simply try again.
      if (started || attempt >= CONNECTION_RETRIES || !isConnectionLost(error)) throw error;
    }
  }
}

const CONNECTION_RETRIES = 3;

/** Errors that mean the connection is gone, not that the statement was refused. */
const LOST = new Set(["57P01", "57P02", "57P03", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNRESET", "EPIPE"]);

export function isConnectionLost(error: unknown): boolean {
  for (let e = error; e instanceof Error || (typeof e === "object" && e !== null); e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (LOST.has(code) || code.startsWith("08"))) return true;
    if (!(e as { cause?: unknown }).cause) break;
  }
  return false;
}

/** Names the acting user for the rest of the transaction: sign-up and sign-in, once the account's id is known. */
export async function setActingUser(tx: Transaction, userId: string) {
  await tx.execute(sql`SELECT app_load_access(${userId})`);
}

/**
 * What the acting user may see is loaded when the transaction starts (app_load_access in
 * drizzle/0010_access_per_transaction.sql); after founding an organization or project, load
 * it again so the new rows are theirs for the rest of the transaction.
 */
export async function reloadAccess(tx: DbOrTx) {
  await tx.execute(sql`SELECT app_load_access(current_setting('app.user_id', true))`);
}
