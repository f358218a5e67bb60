"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { AnalysisPanel } from "../analysis/AnalysisPanel";
import { useEditorSelector } from "../canvas/editor-context";
import { Inspector } from "../canvas/inspector/Inspector";
import { CommentsPanel } from "../comments/CommentsPanel";
import { RunsPanel } from "../runs/RunsPanel";
import { Icon } from "../ui/Icon";
import { HistoryPanel } from "./HistoryPanel";

const TABS = [
  { id: "details", label: "Details" },
  { id: "analysis", label: "Analysis" },
  { id: "comments", label: "Comments" },
  { id: "history", label: "History" },
  { id: "runs", label: "Runs" },
] as const;

type Tab = (typeof TABS)[number]["id"];

const PHONE = "(max-width: 767px)";
const subscribePhone = (onChange: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isPhone = () => window.matchMedia(PHONE).matches;

/**
 * The selection's details, the analysis, comments, history and process runs: a column beside the canvas,
 * or on phones a bottom sheet under it that opens from its tabs (and when a step is tapped).
 */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>("details");
  const [sheetOpen, setSheetOpen] = useState(false);
  const phone = useSyncExternalStore(subscribePhone, isPhone, () => false);
  const base = useId();
  const selection = useEditorSelector((e) => e.selection);
  const selected = selection.nodes.length + selection.edges.length > 0;
  // Tapping a step on a phone opens its details (adjusted while rendering, not in an effect).
  const [shownSelection, setShownSelection] = useState(selection);
  if (shownSelection !== selection) {
    setShownSelection(selection);
    if (selected && phone) {
      setTab("details");
      setSheetOpen(true);
    }
  }

  const select = (next: Tab) => {
    setTab(next);
    setSheetOpen(true);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const at = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(at + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!.id;
    select(next);
    document.getElementById(`${base}-${next}-tab`)?.focus();
  };
  const collapsed = phone && !sheetOpen;
  return (
    <div
      data-testid="side-panel"
      data-sheet={phone ? (sheetOpen ? "open" : "closed") : undefined}
      className={`flex shrink-0 flex-col bg-white md:w-80 md:border-l md:border-slate-200 max-md:w-full max-md:border-t max-md:border-slate-300 max-md:shadow-[0_-4px_12px_rgb(15_23_42/0.08)] ${
        sheetOpen ? "max-md:h-[58%]" : ""
      }`}
    >
      <div className="flex border-b border-slate-200">
        <div role="tablist" aria-label="Side panel" className="flex flex-1" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`${base}-${t.id}-tab`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={collapsed ? undefined : `${base}-${t.id}-panel`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => select(t.id)}
              className={`flex-1 border-b-2 px-1 py-2 text-[13px] font-medium ${
                tab === t.id && !collapsed ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
        {phone && (
          <button
            type="button"
            onClick={() => setSheetOpen((v) => !v)}
            aria-expanded={sheetOpen}
            aria-label={sheetOpen ? "Close the panel" : "Open the panel"}
            className="flex w-10 items-center justify-center text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <Icon name={sheetOpen ? "chevronDown" : "arrowUp"} className="size-4" />
          </button>
        )}
      </div>
      {!collapsed && (
        <div
          id={`${base}-${tab}-panel`}
          role="tabpanel"
          aria-labelledby={`${base}-${tab}-tab`}
          className="flex min-h-0 flex-1 flex-col overflow-y-auto"
        >
          {tab === "details" ? (
            <Inspector />
          ) : tab === "analysis" ? (
            <AnalysisPanel />
          ) : tab === "comments" ? (
            <CommentsPanel />
          ) : tab === "history" ? (
            <HistoryPanel />
          ) : (
            <RunsPanel />
          )}
        </div>
      )}
    </div>
  );
}
