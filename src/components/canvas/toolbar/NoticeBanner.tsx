"use client";

import { describeConflict, type Conflict } from "~/domain/conflict";
import type { GraphState } from "~/domain/graph";
import { Icon } from "../../ui/Icon";
import { useEditorSelector } from "../editor-context";

/** The last rejected edit, or an edit that lost to someone else's, until dismissed or resolved. */
export function NoticeBanner() {
  const { notice, dismissNotice, conflict, resolveConflict, state } = useEditorSelector((e) => ({
    notice: e.notice,
    dismissNotice: e.dismissNotice,
    conflict: e.conflict,
    resolveConflict: e.resolveConflict,
    state: e.state,
  }));
  if (conflict) return <ConflictBanner conflict={conflict} state={state} resolve={resolveConflict} />;
  if (!notice) return null;
  return (
    <div role="alert" className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <Icon name="alert" className="mt-0.5 size-4 shrink-0 text-amber-600" />
      <p className="min-w-0 flex-1">{notice}</p>
      <button
        type="button"
        onClick={dismissNotice}
        aria-label="Dismiss"
        className="-my-0.5 rounded-md p-1 text-amber-700 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600"
      >
        <Icon name="x" className="size-4" />
      </button>
    </div>
  );
}

const TEXT_FIELDS = new Set(["label", "name", "description", "assignee", "avgTime", "lagTime", "condition", "progress", "frequency"]);

function ConflictBanner({
  conflict,
  state,
  resolve,
}: {
  conflict: Conflict;
  state: GraphState;
  resolve: (choice: "mine" | "theirs") => void;
}) {
  const field = conflict.fields.find((f) => TEXT_FIELDS.has(f));
  const mine = field === undefined ? null : conflict.mine[field];
  const button =
    "rounded-md px-2.5 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-700";
  return (
    <div
      role="alert"
      data-testid="conflict"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <Icon name="alert" className="size-4 shrink-0 text-amber-600" />
      <p className="min-w-0 flex-1">
        {describeConflict(conflict, state)}{" "}
        {mine !== null && mine !== undefined && mine !== "" ? (
          <span>
            Yours, not saved: <span className="font-medium">“{String(mine)}”</span>
          </span>
        ) : (
          <span>Your change is not saved.</span>
        )}
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={() => resolve("mine")} className={`${button} bg-amber-700 text-white hover:bg-amber-800`}>
          Apply mine
        </button>
        <button
          type="button"
          onClick={() => resolve("theirs")}
          className={`${button} border border-amber-300 bg-white text-amber-900 hover:bg-amber-100`}
        >
          Keep theirs
        </button>
      </div>
    </div>
  );
}
