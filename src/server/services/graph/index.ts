import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "~/server/db";
import { operationBatches } from "~/server/db/schema";
import type { StoredBatch } from "./apply";

export { applyBatch, type BatchResult, type StoredBatch } from "./apply";
export { loadGraph, type GraphPayload } from "./load";

/** Applied batches after `revision`, oldest first: what a (re)connecting viewer missed. */
export async function batchesSince(db: DbOrTx, projectId: string, revision: number, limit: number): Promise<StoredBatch[]> {
  const found = await db
    .select({ result: operationBatches.result })
    .from(operationBatches)
    .where(and(eq(operationBatches.projectId, projectId), gt(operationBatches.revision, revision)))
    .orderBy(asc(operationBatches.revision))
    .limit(limit);
  return found.map((r) => r.result as StoredBatch);
}
