"use client";

import { Icon } from "../../ui/Icon";
import { useEditor } from "../editor-context";

/** The last rejected edit or conflict, until dismissed. */
export function NoticeBanner() {
  const { notice, dismissNotice } = useEditor();
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
