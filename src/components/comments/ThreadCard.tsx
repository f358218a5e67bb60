"use client";

import { useState } from "react";
import { errorMessage } from "../lib/trpc-errors";
import { absoluteTime, relativeTime } from "../lib/format";
import { Icon } from "../ui/Icon";
import { CommentBody } from "./CommentBody";
import { Composer } from "./Composer";
import { useCommentMutations, type Thread } from "./useComments";

const ACTION =
  "rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500";

/** A thread: its first comment, the replies under it, reply and resolve/reopen. */
export function ThreadCard({ projectId, thread, now }: { projectId: string; thread: Thread; now: number }) {
  const { create, setResolved } = useCommentMutations();
  const [replying, setReplying] = useState(false);
  const author = thread.root.author?.name ?? "a deleted comment";

  return (
    <article
      aria-label={`Thread by ${author}`}
      data-testid="comment-thread"
      className={`rounded-lg border bg-white ${thread.resolved ? "border-slate-200 bg-slate-50/60" : "border-slate-200 shadow-xs"}`}
    >
      {thread.resolved && (
        <p className="flex items-center gap-1 border-b border-slate-200 px-3 py-1 text-xs text-emerald-700">
          <Icon name="check" className="size-3.5" />
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ""}
          {thread.resolvedAt && (
            <time dateTime={thread.resolvedAt.toISOString()} title={absoluteTime(thread.resolvedAt)} className="text-slate-500">
              · {relativeTime(thread.resolvedAt, now)}
            </time>
          )}
        </p>
      )}
      <CommentBody projectId={projectId} comment={thread.root} now={now} hasReplies={thread.replies.length > 0} />
      {thread.replies.length > 0 && (
        <ul aria-label="Replies" className="ml-5 border-l-2 border-slate-100">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentBody projectId={projectId} comment={reply} now={now} />
            </li>
          ))}
        </ul>
      )}
      {replying ? (
        <div className="px-3 pb-3">
          <Composer
            label={`Reply to ${author}`}
            placeholder="Reply…"
            submitLabel="Reply"
            autoFocus
            pending={create.isPending}
            error={create.error}
            onSubmit={async (content) => {
              await create.mutateAsync({ projectId, parentId: thread.id, content });
              setReplying(false);
            }}
            onCancel={() => {
              create.reset();
              setReplying(false);
            }}
          />
        </div>
      ) : (
        (thread.canReply || thread.canResolve) && (
          <div className="flex items-center gap-1 border-t border-slate-100 px-1.5 py-1">
            {thread.canReply && (
              <button type="button" className={ACTION} onClick={() => setReplying(true)}>
                Reply
              </button>
            )}
            {thread.canResolve && (
              <button
                type="button"
                className={`${ACTION} ml-auto`}
                disabled={setResolved.isPending}
                onClick={() => setResolved.mutate({ projectId, commentId: thread.id, resolved: !thread.resolved })}
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
            )}
          </div>
        )
      )}
      {setResolved.error ? (
        <p role="alert" className="px-3 pb-2 text-xs text-red-600">
          {errorMessage(setResolved.error)}
        </p>
      ) : null}
    </article>
  );
}
