import { eq } from "drizzle-orm";
import type { DbOrTx, Transaction } from "~/server/db";
import { projects } from "~/server/db/schema";

/**
 * Runs `read` on one consistent graph together with the project's revision, so the graph a
 * client loads and the revision it resumes live sync from always match. On its own it is one
 * REPEATABLE READ snapshot; inside a caller's transaction (every request is one), whose
 * isolation is set already, the project row is locked FOR SHARE instead: graph batches lock
 * it FOR UPDATE, so none commits until the read is done.
 */
export async function withSnapshot<T>(db: DbOrTx, projectId: string, read: (tx: Transaction, revision: number) => Promise<T>): Promise<T> {
  const run = async (tx: Transaction, lock: boolean) => {
    const query = tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId));
    const [row] = lock ? await query.for("share") : await query;
    return read(tx, row?.revision ?? 0);
  };
  if ("rollback" in db) return run(db, true);
  return db.transaction((tx) => run(tx, false), { isolationLevel: "repeatable read", accessMode: "read only" });
}
