import { and, asc, eq, gt } from "drizzle-orm";
import type { EditorHistory } from "~/domain/operations";
import type { DbOrTx } from "~/server/db";
import { operationBatches, users } from "~/server/db/schema";
import type { ProjectContext } from "../context";
import type { StoredBatch } from "./apply";
import { loadHistory } from "./history";
import { loadGraph, type GraphPayload } from "./load";
import { withSnapshot } from "./snapshot";

export { applyBatch, type BatchResult, type StoredBatch } from "./apply";
export { discardHistory } from "./history";
export { loadGraph, type GraphPayload } from "./load";

/**
 * What the editor opens with: the live graph and the caller's own undo and redo stacks, read
 * in one snapshot so every entry matches the graph it will be applied to.
 */
export function loadEditorGraph({ db, access, actor }: ProjectContext): Promise<GraphPayload & { history: EditorHistory }> {
  const projectId = access.project.id;
  return withSnapshot(db, projectId, async (tx, revision) => ({
    ...(await loadGraph(tx, projectId, revision)),
    history: await loadHistory(tx, { projectId, userId: actor.userId }),
  }));
}

/** A committed batch as viewers receive it, with its author's name for conflict messages. */
export type LiveBatch = StoredBatch & { author: string | null };

/** Applied batches after `revision`, oldest first: what a (re)connecting viewer missed. */
export async function batchesSince(db: DbOrTx, projectId: string, revision: number, limit: number): Promise<LiveBatch[]> {
  const found = await db
    .select({ result: operationBatches.result, author: users.name })
    .from(operationBatches)
    .leftJoin(users, eq(users.id, operationBatches.userId))
    .where(and(eq(operationBatches.projectId, projectId), gt(operationBatches.revision, revision)))
    .orderBy(asc(operationBatches.revision))
    .limit(limit);
  return found.map((r) => ({ ...(r.result as StoredBatch), author: r.author }));
}
