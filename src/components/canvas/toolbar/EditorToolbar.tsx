"use client";

import { GraphCounts } from "./GraphCounts";
import { HistoryButtons } from "./HistoryButtons";
import { ImageExport } from "./ImageExport";
import { LegendToggle } from "./LegendToggle";
import { NoticeBanner } from "./NoticeBanner";
import { Presence } from "./Presence";
import { SaveStatus } from "./SaveStatus";
import { TidyButtons } from "./TidyButtons";

/** The bar above the canvas: history, layout, export, the legend, who is here and whether edits are saved; `end` goes last. */
export function EditorToolbar({ end }: { end?: React.ReactNode }) {
  return (
    <div className="border-b border-slate-200 bg-white">
      <div role="toolbar" aria-label="Editor" className="flex h-11 items-center gap-2 px-2">
        <HistoryButtons />
        <TidyButtons />
        <ImageExport />
        <LegendToggle />
        <div className="ml-auto flex items-center gap-3 pr-1">
          <GraphCounts />
          <Presence />
          <SaveStatus />
          {end}
        </div>
      </div>
      <NoticeBanner />
    </div>
  );
}
