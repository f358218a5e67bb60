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
 * before sign-in, when no tenant row is visible). Both settings are local to the
 * transaction, so a pooled connection never carries them into someone else's request.
 * Joins the caller's transaction when `db` already is one.
 */
export function actAs<T>(db: DbOrTx, userId: string | null, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId ?? ""}, true)`);
    return fn(tx);
  });
}

/** Names the acting user for the rest of the transaction: sign-up, once the new account's id is known. */
export async function setActingUser(tx: Transaction, userId: string) {
  await tx.execute(sql`SELECT set_config('app.user_id', ${userId}, true)`);
}
