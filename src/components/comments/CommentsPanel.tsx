"use client";

import { useState } from "react";
import { useEditorSelector } from "../canvas/editor-context";
import { errorMessage } from "../lib/trpc-errors";
import { Icon } from "../ui/Icon";
import { Skeleton } from "../ui/Skeleton";
import { Spinner } from "../ui/Spinner";
import { Composer } from "./Composer";
import { groupThreads } from "./group-threads";
import { ThreadCard } from "./ThreadCard";
import { useCanComment, useCommentMutations, useNow, useThreads, type StatusFilter, type Thread } from "./useComments";

const FILTERS: { id: StatusFilter; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "resolved", label: "Resolved" },
  { id: "all", label: "All" },
];

const EMPTY: Record<StatusFilter, string> = {
  open: "No open threads.",
  resolved: "No resolved threads yet.",
  all: "No comments yet.",
};

const EMPTY_ON_STEP: Record<StatusFilter, string> = {
  open: "No open threads on this step.",
  resolved: "No resolved threads on this step.",
  all: "No comments on this step yet.",
};

/** Discussion threads of the project: the selected step's first, then every step's, then the project's. */
export function CommentsPanel() {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode, projectId: e.projectId, selection: e.selection, state: e.state }));
  const { projectId, state, selection } = editor;
  const [status, setStatus] = useState<StatusFilter>("open");
  const threads = useThreads(projectId, status);
  const canComment = useCanComment(projectId);
  const { create } = useCommentMutations();
  const now = useNow();

  const selectedId = selection.nodes.length === 1 && selection.edges.length === 0 ? selection.nodes[0]! : null;
  const selected = selectedId ? state.nodes.get(selectedId) : undefined;
  const { steps, project } = groupThreads(threads.data ?? [], state);
  const onSelected = selected ? (steps.find((g) => g.stepId === selected.id)?.threads ?? []) : [];
  const others = steps.filter((g) => g.stepId !== selected?.id);
  const list = (items: Thread[]) => (
    <ul className="space-y-2">
      {items.map((thread) => (
        <li key={thread.id}>
          <ThreadCard projectId={projectId} thread={thread} now={now} />
        </li>
      ))}
    </ul>
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="comments-panel">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <div role="group" aria-label="Show threads" className="flex rounded-lg bg-slate-100 p-0.5">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              aria-pressed={status === f.id}
              onClick={() => setStatus(f.id)}
              className={`rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
                status === f.id ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900"
              }`}
            >
              {f.label}
            </button>
          ))}
        </div>
        {threads.isFetching && !threads.isPending && <Spinner className="ml-auto size-3.5 text-slate-400" />}
      </div>

      <div className="flex-1 space-y-5 overflow-y-auto p-3">
        {canComment ? (
          <Composer
            key={selected?.id ?? "project"}
            label={selected ? `Comment on ${selected.label}` : "Comment on the project"}
            showLabel
            placeholder={
              selected ? "Ask or note something about this step…" : "Select a step to comment on it, or write to the whole project…"
            }
            submitLabel="Comment"
            pending={create.isPending}
            error={create.error}
            onSubmit={(content) => create.mutateAsync({ projectId, nodeId: selected?.id ?? null, content })}
          />
        ) : (
          <p
            role="note"
            className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600 ring-1 ring-slate-200 ring-inset"
          >
            <Icon name="lock" className="size-3.5 shrink-0" />
            You can read comments but not write them.
          </p>
        )}

        {threads.isPending ? (
          <div role="status" aria-label="Loading comments" className="space-y-2">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-full" />
          </div>
        ) : threads.error ? (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(threads.error)}{" "}
            <button type="button" className="font-medium underline" onClick={() => void threads.refetch()}>
              Try again
            </button>
          </p>
        ) : (
          <>
            {selected && (
              <section aria-label={`Comments on ${selected.label}`}>
                <GroupHeading count={onSelected.length}>
                  <StepLink label={selected.label} onFocus={() => editor.focusNode(selected.id)} />
                </GroupHeading>
                {onSelected.length ? list(onSelected) : <p className="text-sm text-slate-500">{EMPTY_ON_STEP[status]}</p>}
              </section>
            )}
            {others.map((group) => (
              <section key={group.stepId} aria-label={`Comments on ${group.label}`}>
                <GroupHeading count={group.threads.length}>
                  {group.deleted ? (
                    <span className="truncate">
                      {group.label} <span className="font-normal text-slate-500">(deleted step)</span>
                    </span>
                  ) : (
                    <StepLink label={group.label} onFocus={() => editor.focusNode(group.stepId)} />
                  )}
                </GroupHeading>
                {list(group.threads)}
              </section>
            ))}
            {project.length > 0 && (
              <section aria-label="Project comments">
                <GroupHeading count={project.length}>Project</GroupHeading>
                {list(project)}
              </section>
            )}
            {!selected && steps.length === 0 && project.length === 0 && (
              <p className="py-6 text-center text-sm text-slate-500">{EMPTY[status]}</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function GroupHeading({ count, children }: { count: number; children: React.ReactNode }) {
  return (
    <h3 className="mb-1.5 flex min-w-0 items-baseline gap-2 text-sm font-semibold text-slate-800">
      {children}
      {count > 0 && (
        <span className="ml-auto shrink-0 text-xs font-normal text-slate-500">{count === 1 ? "1 thread" : `${count} threads`}</span>
      )}
    </h3>
  );
}

/** A step's name that centres the canvas on the step. */
function StepLink({ label, onFocus }: { label: string; onFocus: () => void }) {
  return (
    <button
      type="button"
      title="Show on the canvas"
      onClick={onFocus}
      className="truncate rounded text-left hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      {label}
    </button>
  );
}
