"use client";

import { useId, useState } from "react";
import { AnalysisPanel } from "../analysis/AnalysisPanel";
import { Inspector } from "../canvas/inspector/Inspector";
import { CommentsPanel } from "../comments/CommentsPanel";
import { HistoryPanel } from "./HistoryPanel";

const TABS = [
  { id: "details", label: "Details" },
  { id: "analysis", label: "Analysis" },
  { id: "comments", label: "Comments" },
  { id: "history", label: "History" },
] as const;

type Tab = (typeof TABS)[number]["id"];

/** The column beside the canvas: the selection's details, the analysis, comments, history. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>("details");
  const base = useId();
  const select = (next: Tab) => setTab(next);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const at = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(at + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!.id;
    select(next);
    document.getElementById(`${base}-${next}-tab`)?.focus();
  };
  return (
    <div className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
      <div role="tablist" aria-label="Side panel" className="flex border-b border-slate-200" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${base}-${t.id}-tab`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${base}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            className={`flex-1 border-b-2 px-1 py-2 text-[13px] font-medium ${
              tab === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${base}-${tab}-panel`} role="tabpanel" aria-labelledby={`${base}-${tab}-tab`} className="flex min-h-0 flex-1 flex-col overflow-y-auto">
        {tab === "details" ? <Inspector /> : tab === "analysis" ? <AnalysisPanel /> : tab === "comments" ? <CommentsPanel /> : <HistoryPanel />}
      </div>
    </div>
  );
}
