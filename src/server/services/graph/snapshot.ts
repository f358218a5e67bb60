import { eq } from "drizzle-orm";
import type { DbOrTx, Transaction } from "~/server/db";
import { projects } from "~/server/db/schema";

/**
 * Runs `read` in one REPEATABLE READ snapshot together with the project's revision, so the
 * graph a client loads and the revision it resumes live sync from always match.
 */
export async function withSnapshot<T>(db: DbOrTx, projectId: string, read: (tx: Transaction, revision: number) => Promise<T>): Promise<T> {
  const run = async (tx: Transaction) => {
    const [row] = await tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId));
    return read(tx, row?.revision ?? 0);
  };
  if ("rollback" in db) return run(db);
  return db.transaction(run, { isolationLevel: "repeatable read", accessMode: "read only" });
}
