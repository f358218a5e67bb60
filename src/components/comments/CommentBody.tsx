"use client";

import { useState } from "react";
import { absoluteTime, relativeTime } from "../lib/format";
import { Avatar } from "../ui/Avatar";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Icon } from "../ui/Icon";
import { Composer } from "./Composer";
import { useCommentMutations, type CommentItem } from "./useComments";

const ICON = "rounded p-1 text-slate-400 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500";

/** One comment: who, when, the text (as text, line breaks kept), and the author's edit/delete. */
export function CommentBody({
  projectId,
  comment,
  now,
  hasReplies,
}: {
  projectId: string;
  comment: CommentItem;
  now: number;
  hasReplies?: boolean;
}) {
  const { edit, remove } = useCommentMutations();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (comment.deleted) {
    return <p className="px-3 py-2 text-sm text-slate-500 italic">Comment deleted</p>;
  }
  const name = comment.author?.name ?? "Former member";
  return (
    <div className="flex gap-2 px-3 py-2" data-testid="comment">
      <Avatar name={name} url={comment.author?.image} size={24} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-1.5 text-xs">
          <span className="font-semibold text-slate-800">{name}</span>
          <time dateTime={comment.createdAt.toISOString()} title={absoluteTime(comment.createdAt)} className="text-slate-500">
            {relativeTime(comment.createdAt, now)}
          </time>
          {comment.editedAt && (
            <span className="text-slate-500" title={`Edited ${absoluteTime(comment.editedAt)}`}>
              (edited)
            </span>
          )}
          {comment.canEdit && !editing && (
            <span className="-my-1 ml-auto flex gap-0.5 self-center">
              <button
                type="button"
                aria-label="Edit comment"
                title="Edit"
                className={`${ICON} hover:text-slate-800`}
                onClick={() => setEditing(true)}
              >
                <Icon name="pencil" className="size-3.5" />
              </button>
              <button
                type="button"
                aria-label="Delete comment"
                title="Delete"
                className={`${ICON} hover:text-red-600`}
                onClick={() => setConfirming(true)}
              >
                <Icon name="trash" className="size-3.5" />
              </button>
            </span>
          )}
        </p>
        {editing ? (
          <div className="mt-1">
            <Composer
              label="Edit comment"
              submitLabel="Save"
              initial={comment.content}
              autoFocus
              pending={edit.isPending}
              error={edit.error}
              onSubmit={async (content) => {
                await edit.mutateAsync({ projectId, commentId: comment.id, content });
                setEditing(false);
              }}
              onCancel={() => {
                edit.reset();
                setEditing(false);
              }}
            />
          </div>
        ) : (
          <p className="mt-0.5 text-sm break-words whitespace-pre-wrap text-slate-700" data-testid="comment-text">
            {comment.content}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() => remove.mutate({ projectId, commentId: comment.id }, { onSuccess: () => setConfirming(false) })}
        title="Delete comment?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
      >
        {hasReplies ? "The replies stay; this comment will show as deleted." : "This can't be undone."}
      </ConfirmDialog>
    </div>
  );
}
