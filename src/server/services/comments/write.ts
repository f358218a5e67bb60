import { and, eq, isNull, sql } from "drizzle-orm";
import { can } from "~/domain/roles";
import type { Transaction } from "~/server/db";
import { comments, nodes, type Comment } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { notify } from "~/server/realtime";
import { logActivity } from "../activity";
import type { Actor, ProjectContext } from "../context";
import { forbidden, notFound, ServiceError } from "../errors";
import { assertWritable } from "./access";

/** A comment of this project, locked for the rest of the transaction; deleted ones only on request. */
async function lockComment(tx: Transaction, projectId: string, id: string, opts: { includeDeleted?: boolean } = {}) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.projectId, projectId), opts.includeDeleted ? undefined : isNull(comments.deletedAt)))
    .for("update");
  if (!row) throw notFound("Comment");
  return row;
}

/** The step's label for the activity feed, deleted steps included. */
async function stepLabel(tx: Transaction, projectId: string, nodeId: string | null) {
  if (!nodeId) return null;
  const [row] = await tx
    .select({ label: nodes.label })
    .from(nodes)
    .where(and(eq(nodes.id, nodeId), eq(nodes.projectId, projectId)));
  return row?.label ?? null;
}

/**
 * Every comment write ends the same way: an activity row, then a NOTIFY that makes each
 * viewer refetch comments and node counts. Both happen only if the transaction commits.
 */
async function recordWrite(
  tx: Transaction,
  { access, actor }: ProjectContext,
  comment: Comment,
  action: "CREATE" | "UPDATE" | "DELETE",
  details: Record<string, unknown>,
) {
  const projectId = access.project.id;
  await logActivity(tx, actor, {
    organizationId: access.organizationId,
    projectId,
    action,
    entityType: "COMMENT",
    entityId: comment.id,
    details: { node_id: comment.nodeId, step: await stepLabel(tx, projectId, comment.nodeId), parent_id: comment.parentId, ...details },
  });
  await notify(tx, { kind: "touch", projectId, topic: "comments" });
}

function assertAuthor(comment: Comment, actor: Actor, verb: string) {
  if (comment.userId !== actor.userId) throw forbidden(`Only the author can ${verb} this comment`);
}

/**
 * Starts a thread on a step (`nodeId`) or on the project (neither), or replies to a thread
 * (`parentId`; the reply takes the thread's step). Threads are one level deep: replies go to
 * the thread's first comment. New threads need a live step; replies to a thread whose step
 * was deleted are still allowed, the discussion outlives the step.
 */
export async function createComment(ctx: ProjectContext, input: { content: string; nodeId?: string | null; parentId?: string | null }) {
  const { db, access, actor } = ctx;
  assertWritable(access);
  const projectId = access.project.id;
  return withTransaction(db, async (tx) => {
    let nodeId = input.nodeId ?? null;
    if (input.parentId) {
      const parent = await lockComment(tx, projectId, input.parentId);
      if (parent.parentId) throw new ServiceError("INVALID_OPERATION", "Reply to the thread's first comment, not to a reply");
      nodeId = parent.nodeId;
    } else if (nodeId) {
      const [node] = await tx
        .select({ id: nodes.id })
        .from(nodes)
        .where(and(eq(nodes.id, nodeId), eq(nodes.projectId, projectId), isNull(nodes.deletedAt)));
      if (!node) throw new ServiceError("ENTITY_NOT_FOUND", "Step not found in this project");
    }
    const [comment] = await tx
      .insert(comments)
      .values({
        organizationId: access.organizationId,
        projectId,
        nodeId,
        parentId: input.parentId ?? null,
        userId: actor.userId,
        content: input.content,
      })
      .returning();
    await recordWrite(tx, ctx, comment!, "CREATE", { new_value: { content: comment!.content } });
    return comment!;
  });
}

export async function editComment(ctx: ProjectContext, input: { commentId: string; content: string }) {
  const { db, access, actor } = ctx;
  assertWritable(access);
  return withTransaction(db, async (tx) => {
    const before = await lockComment(tx, access.project.id, input.commentId);
    assertAuthor(before, actor, "edit");
    if (before.content === input.content) return before;
    // The database clock, like created_at's: "edited" compares the two.
    const [after] = await tx
      .update(comments)
      .set({ content: input.content, updatedAt: sql`now()` })
      .where(eq(comments.id, before.id))
      .returning();
    await recordWrite(tx, ctx, after!, "UPDATE", {
      fields_changed: ["content"],
      old_value: { content: before.content },
      new_value: { content: after!.content },
    });
    return after!;
  });
}

/**
 * Soft delete by the author. A deleted thread start keeps its replies readable (the list
 * shows it as "comment deleted"); the activity log keeps the text that was removed.
 */
export async function removeComment(ctx: ProjectContext, input: { commentId: string }) {
  const { db, access, actor } = ctx;
  assertWritable(access);
  return withTransaction(db, async (tx) => {
    const comment = await lockComment(tx, access.project.id, input.commentId);
    assertAuthor(comment, actor, "delete");
    const now = new Date();
    // updated_at means "text edited" to readers, so a delete leaves it alone.
    await tx.update(comments).set({ deletedAt: now, updatedAt: comment.updatedAt }).where(eq(comments.id, comment.id));
    await recordWrite(tx, ctx, comment, "DELETE", { old_value: { content: comment.content } });
    return { id: comment.id };
  });
}

/** Resolves or reopens a thread: its author may, and so may EDITOR and up. */
export async function setThreadResolved(ctx: ProjectContext, input: { commentId: string; resolved: boolean }) {
  const { db, access, actor } = ctx;
  assertWritable(access);
  return withTransaction(db, async (tx) => {
    const thread = await lockComment(tx, access.project.id, input.commentId, { includeDeleted: true });
    if (thread.parentId) throw new ServiceError("INVALID_OPERATION", "Only a whole thread can be resolved, not a reply");
    if (thread.userId !== actor.userId && !can.editGraph(access.projectRole)) {
      throw forbidden("Only the thread's author or an editor can resolve it");
    }
    if (thread.resolved === input.resolved) return thread;
    const [after] = await tx
      .update(comments)
      .set({
        resolved: input.resolved,
        resolvedAt: input.resolved ? new Date() : null,
        resolvedBy: input.resolved ? actor.userId : null,
        updatedAt: thread.updatedAt, // not an edit of the text
      })
      .where(eq(comments.id, thread.id))
      .returning();
    await recordWrite(tx, ctx, after!, "UPDATE", {
      fields_changed: ["resolved"],
      old_value: { resolved: thread.resolved },
      new_value: { resolved: input.resolved },
    });
    return after!;
  });
}
