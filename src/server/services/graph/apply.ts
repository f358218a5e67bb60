import { and, desc, eq, sql } from "drizzle-orm";
import { applyOperations, OperationError } from "~/domain/apply";
import type { Batch, BatchHistory, Operation } from "~/domain/operations";
import type { Transaction } from "~/server/db";
import { activityLogs, operationBatches, projects, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { logActivity } from "../activity";
import type { Actor, ProjectContext } from "../context";
import { ServiceError, type DomainCode } from "../errors";
import { lockProject, requireWritable } from "../guards";
import { notify } from "~/server/realtime";
import { refreshAutomation } from "../analysis/automation";
import { activityEntries, mergeNudge } from "./activity";
import { recordHistory, requireEntry } from "./history";
import { loadTouched, nodeLabels } from "./load";
import { writeChanges } from "./write";

/** Moves of the same steps by the same person this close together are one entry in the feed. */
const NUDGE_WINDOW_SECONDS = 60;

/**
 * A batch that only nudges steps (arrow keys, small drags) which the same person nudged in
 * the project's latest activity entry, less than a minute ago, extends that entry instead of
 * adding one: a dozen arrow-key presses read as one move. True when it did. The project row
 * is locked by the batch, so no other entry can slip in between the read and the update.
 */
async function foldIntoLastNudge(tx: Transaction, actor: Actor, projectId: string, entries: ActivityEntries, revision: number) {
  const [entry] = entries;
  if (entries.length !== 1 || entry!.action !== "MOVE" || entry!.entityType !== "NODE") return false;
  const [last] = await tx
    .select({
      id: activityLogs.id,
      userId: activityLogs.userId,
      action: activityLogs.action,
      entityType: activityLogs.entityType,
      entityId: activityLogs.entityId,
      details: activityLogs.details,
      recent: sql<boolean>`${activityLogs.createdAt} > now() - make_interval(secs => ${NUDGE_WINDOW_SECONDS})`,
    })
    .from(activityLogs)
    .where(eq(activityLogs.projectId, projectId))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id))
    .limit(1);
  if (!last?.recent || last.userId !== actor.userId || last.action !== "MOVE" || last.entityType !== "NODE") return false;
  const merged = mergeNudge(last, entry!);
  if (!merged) return false;
  await tx
    .update(activityLogs)
    .set({ entityId: merged.entityId, details: merged.details, revision, createdAt: sql`now()` })
    .where(eq(activityLogs.id, last.id));
  return true;
}

type ActivityEntries = ReturnType<typeof activityEntries>;

/** What operation_batches.result holds: enough to answer a retry and to replay to viewers. */
export type StoredBatch = { revision: number; clientOpId: string; userId: string; ops: Operation[]; inverse: Operation[] };

export type BatchResult = { revision: number; inverse: Operation[]; replayed: boolean };

const CODES: Record<OperationError["code"], DomainCode> = {
  NOT_FOUND: "ENTITY_NOT_FOUND",
  STALE_WRITE: "STALE_WRITE",
  CYCLE_DETECTED: "CYCLE_DETECTED",
  DUPLICATE_ID: "DUPLICATE_ID",
  INVALID_OPERATION: "INVALID_OPERATION",
};

/**
 * Applies one batch of operations, all or nothing. The project row is locked first, which
 * serialises batches per project: compare-and-set checks, the cycle check and the revision
 * bump all see the same committed graph. A batch whose client op id was already applied
 * returns the stored result instead of applying twice (and so moves nobody's undo history
 * twice either).
 */
export async function applyBatch({ db, access, actor }: ProjectContext, batch: Batch): Promise<BatchResult> {
  const projectId = access.project.id;
  return withTransaction(db, async (tx) => {
    requireWritable((await lockProject(tx, projectId)).status);

    const [previous] = await tx
      .select({ result: operationBatches.result })
      .from(operationBatches)
      .where(and(eq(operationBatches.projectId, projectId), eq(operationBatches.clientOpId, batch.clientOpId)));
    if (previous) {
      const stored = previous.result as StoredBatch;
      return { revision: stored.revision, inverse: stored.inverse, replayed: true };
    }

    const owner = { organizationId: access.organizationId, projectId, userId: actor.userId };
    await requireEntry(tx, owner, batch.history);
    const { state, deps } = await loadTouched(tx, projectId, batch.ops);
    let applied;
    try {
      applied = applyOperations(state, batch.ops, { deps });
    } catch (error) {
      if (error instanceof OperationError) throw await toServiceError(tx, { projectId, actor, ops: batch.ops }, error, batch.history);
      throw error;
    }

    await writeChanges(tx, access, applied.changes);
    await refreshAutomation(tx, { organizationId: access.organizationId, projectId }, applied.changes);
    const [bumped] = await tx
      .update(projects)
      .set({ revision: sql`${projects.revision} + 1`, updatedAt: new Date() })
      .where(eq(projects.id, projectId))
      .returning({ revision: projects.revision });
    const revision = bumped!.revision;

    const edgeEnds = applied.changes.flatMap((c) => {
      const edge = c.entity === "edge" ? (c.after ?? c.before) : null;
      return edge ? [edge.sourceId, edge.targetId] : [];
    });
    const labels = await nodeLabels(tx, projectId, [...new Set(edgeEnds)]);
    const entries = activityEntries(applied.changes, {
      organizationId: access.organizationId,
      projectId,
      revision,
      axes: { department: state.departments, stage: state.stages },
      labels,
    });
    if (!(await foldIntoLastNudge(tx, actor, projectId, entries, revision))) await logActivity(tx, actor, entries, { quiet: true });

    const stored: StoredBatch = { revision, clientOpId: batch.clientOpId, userId: actor.userId, ops: batch.ops, inverse: applied.inverse };
    await tx.insert(operationBatches).values({
      organizationId: access.organizationId,
      projectId,
      userId: actor.userId,
      clientOpId: batch.clientOpId,
      revision,
      result: stored,
    });
    await recordHistory(tx, owner, {
      history: batch.history,
      clientOpId: batch.clientOpId,
      revision,
      ops: batch.ops,
      inverse: applied.inverse,
    });
    await notify(tx, { kind: "change", projectId, revision });
    return { revision, inverse: applied.inverse, replayed: false };
  });
}

async function toServiceError(
  tx: Transaction,
  at: { projectId: string; actor: Actor; ops: Operation[] },
  error: OperationError,
  history?: BatchHistory,
): Promise<ServiceError> {
  const { projectId } = at;
  // An undo or redo is worded like the editor's own check, which refuses the same conflict
  // when it already knows about the other person's change.
  const stepping = history && history.kind !== "do" ? history.kind : null;
  const where = stepping ? `Can't ${stepping}: ` : `Operation ${error.index + 1}: `;
  if (error.code === "CYCLE_DETECTED" && error.details.cycle) {
    const path = error.details.cycle;
    const labels = await nodeLabels(tx, projectId, path);
    const names = [...path, path[0]!].map((id) => `"${labels.get(id) ?? id}"`);
    return new ServiceError(
      "CYCLE_DETECTED",
      `${where}this connection would close a loop: ${names.join(" -> ")}. Use a feedback (rework) connection for loops.`,
      { cycle: path },
    );
  }
  if (error.code === "STALE_WRITE") {
    const op = at.ops[error.index];
    const by = op && "id" in op ? await lastAuthor(tx, projectId, op.id, at.actor) : null;
    const message = stepping ? "someone else has changed it since." : error.message;
    return new ServiceError("STALE_WRITE", where + message, { index: error.index, current: error.details.current ?? null, by });
  }
  return new ServiceError(CODES[error.code], where + error.message, { index: error.index, current: error.details.current ?? null });
}

/** Who last changed an entity, from the activity trail, so a conflict can name them. */
async function lastAuthor(
  tx: Transaction,
  projectId: string,
  entityId: string,
  actor: Actor,
): Promise<{ name: string; at: string } | null> {
  const [row] = await tx
    .select({ userId: activityLogs.userId, name: users.name, at: activityLogs.createdAt })
    .from(activityLogs)
    .leftJoin(users, eq(users.id, activityLogs.userId))
    .where(and(eq(activityLogs.projectId, projectId), eq(activityLogs.entityId, entityId)))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id))
    .limit(1);
  if (!row) return null;
  const name = row.userId === actor.userId ? "You (in another tab)" : (row.name ?? "A former member");
  return { name, at: row.at.toISOString() };
}
