"use client";

import { Spinner } from "../../ui/Spinner";
import { Icon } from "../../ui/Icon";
import { useEditorSelector, type SaveStatus as Status } from "../editor-context";

const LOOK: Record<Status, { text: string; className: string; icon: React.ReactNode }> = {
  saved: { text: "Saved", className: "text-slate-500", icon: <Icon name="cloudCheck" /> },
  saving: { text: "Saving…", className: "text-slate-500", icon: <Spinner className="size-3.5" /> },
  offline: { text: "Offline, retrying…", className: "text-amber-700", icon: <Icon name="cloudOff" /> },
  error: { text: "Couldn't save", className: "text-red-700", icon: <Icon name="alert" className="size-4" /> },
};

/** Whether the person's edits have reached the server; the text is what tests and people read. */
export function SaveStatus() {
  const { saveStatus, retry } = useEditorSelector((e) => ({ saveStatus: e.saveStatus, retry: e.retry }));
  const look = LOOK[saveStatus];
  return (
    <div className="flex items-center gap-2">
      <span role="status" data-testid="save-status" className={`inline-flex items-center gap-1.5 text-xs font-medium ${look.className}`}>
        {look.icon}
        {look.text}
      </span>
      {saveStatus === "error" && (
        <button
          type="button"
          onClick={retry}
          className="h-7 rounded-md border border-red-200 bg-white px-2 text-xs font-medium text-red-700 shadow-sm hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-500"
        >
          Retry
        </button>
      )}
    </div>
  );
}
