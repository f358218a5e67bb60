import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can } from "~/domain/roles";
import { comments, nodes, users, type Comment } from "~/server/db/schema";
import type { ProjectContext } from "../context";
import type { CommentStatus } from "./schema";
import { writable } from "./access";

export type CommentView = {
  id: string;
  /** Empty once deleted: a deleted thread start stays only as a placeholder for its replies. */
  content: string;
  deleted: boolean;
  author: { id: string; name: string; image: string | null } | null;
  createdAt: Date;
  /** Set when the text was changed after posting. */
  editedAt: Date | null;
  canEdit: boolean;
};

export type ThreadView = {
  id: string;
  nodeId: string | null;
  /** The step the thread is on; `deleted` when the step has since been removed. Null for project threads. */
  step: { id: string; label: string; deleted: boolean } | null;
  resolved: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  root: CommentView;
  replies: CommentView[];
  lastActivityAt: Date;
  canReply: boolean;
  canResolve: boolean;
};

type Row = { comment: Comment; authorName: string | null; authorImage: string | null };

/**
 * Threads of a project, most recently active first. `nodeId` undefined means every thread,
 * null only the project's own threads. A thread start deleted by its author is kept as a
 * placeholder while it still has replies, and disappears with the last one.
 */
export async function listThreads(
  { db, access, actor }: ProjectContext,
  input: { nodeId?: string | null; status: CommentStatus },
): Promise<ThreadView[]> {
  const projectId = access.project.id;
  const userId = actor.userId;
  const resolver = alias(users, "resolver");
  const roots = await db
    .select({
      comment: comments,
      authorName: users.name,
      authorImage: users.avatarUrl,
      resolverName: resolver.name,
      stepLabel: nodes.label,
      stepDeletedAt: nodes.deletedAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.userId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedBy))
    .leftJoin(nodes, and(eq(nodes.id, comments.nodeId), eq(nodes.projectId, projectId)))
    .where(
      and(
        eq(comments.projectId, projectId),
        isNull(comments.parentId),
        input.nodeId === undefined ? undefined : input.nodeId === null ? isNull(comments.nodeId) : eq(comments.nodeId, input.nodeId),
        input.status === "all" ? undefined : eq(comments.resolved, input.status === "resolved"),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  if (roots.length === 0) return [];

  const replyRows = await db
    .select({ comment: comments, authorName: users.name, authorImage: users.avatarUrl })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.userId))
    .where(
      and(
        eq(comments.projectId, projectId),
        inArray(
          comments.parentId,
          roots.map((r) => r.comment.id),
        ),
        isNull(comments.deletedAt),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const repliesOf = new Map<string, Row[]>();
  for (const row of replyRows) {
    const list = repliesOf.get(row.comment.parentId!) ?? [];
    list.push(row);
    repliesOf.set(row.comment.parentId!, list);
  }

  const canWrite = writable(access);
  const view = (row: Row): CommentView => {
    const deleted = row.comment.deletedAt !== null;
    const own = row.comment.userId === userId;
    return {
      id: row.comment.id,
      content: deleted ? "" : row.comment.content,
      deleted,
      author:
        deleted || !row.comment.userId ? null : { id: row.comment.userId, name: row.authorName ?? "Former member", image: row.authorImage },
      createdAt: row.comment.createdAt,
      editedAt: row.comment.updatedAt > row.comment.createdAt ? row.comment.updatedAt : null,
      canEdit: canWrite && own && !deleted,
    };
  };

  const threads: ThreadView[] = [];
  for (const row of roots) {
    const replies = (repliesOf.get(row.comment.id) ?? []).map(view);
    if (row.comment.deletedAt && replies.length === 0) continue;
    const { comment } = row;
    threads.push({
      id: comment.id,
      nodeId: comment.nodeId,
      step: comment.nodeId ? { id: comment.nodeId, label: row.stepLabel ?? "", deleted: row.stepDeletedAt !== null } : null,
      resolved: comment.resolved,
      resolvedAt: comment.resolvedAt,
      resolvedBy: comment.resolved ? (row.resolverName ?? "Former member") : null,
      root: view(row),
      replies,
      lastActivityAt: replies.at(-1)?.createdAt ?? comment.createdAt,
      canReply: canWrite && !comment.deletedAt,
      canResolve: canWrite && (comment.userId === userId || can.editGraph(access.projectRole)),
    });
  }
  return threads.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || a.id.localeCompare(b.id));
}
