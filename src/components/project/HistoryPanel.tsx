"use client";

import { RecentActivity } from "../activity/RecentActivity";
import { useEditorSelector } from "../canvas/editor-context";
import { VersionsPanel } from "../versions/VersionsPanel";

/** Saved versions first, then what happened lately (with a link to the full feed). */
export function HistoryPanel() {
  const projectId = useEditorSelector((e) => e.projectId);
  return (
    <>
      <VersionsPanel />
      <section aria-label="Recent activity" className="border-t border-slate-200">
        <h3 className="px-4 pt-4 text-xs font-semibold tracking-wide text-slate-500 uppercase">Recent activity</h3>
        <RecentActivity projectId={projectId} />
      </section>
    </>
  );
}
