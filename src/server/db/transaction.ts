import type { DbOrTx, Transaction } from "./index";

/**
 * Runs `fn` in a transaction, joining the caller's when `db` already is one, so a service
 * verb can be composed into a bigger write without opening a second connection.
 */
export function withTransaction<T>(db: DbOrTx, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return fn(db);
  return db.transaction(fn);
}

function isTransaction(db: DbOrTx): db is Transaction {
  return "rollback" in db;
}
