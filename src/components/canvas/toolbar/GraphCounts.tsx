"use client";

import { plural } from "../../lib/format";
import { useEditorSelector } from "../editor-context";

/** Live counts of what is on the canvas (the header's would go stale while editing). */
export function GraphCounts() {
  const state = useEditorSelector((e) => e.state);
  return (
    <span className="hidden text-xs text-slate-500 tabular-nums md:inline" data-testid="graph-counts">
      {plural(state.nodes.size, "step")} · {plural(state.edges.size, "connection")}
    </span>
  );
}
