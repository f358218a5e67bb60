"use client";

import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { isDependency, type Severity } from "~/domain/graph";
import { useEditor, type NodeTimes } from "../canvas/editor-context";
import { useLeadTime } from "./useLeadTime";

type Analysis = ReturnType<typeof useLeadTime> & {
  showCritical: boolean;
  setShowCritical(on: boolean): void;
  heat: boolean;
  setHeat(on: boolean): void;
};

const AnalysisContext = createContext<Analysis | null>(null);

export function useAnalysis(): Analysis {
  const analysis = useContext(AnalysisContext);
  if (!analysis) throw new Error("useAnalysis must be used inside <AnalysisProvider>");
  return analysis;
}

/**
 * Keeps the lead-time analysis current for the whole editor (not only while its panel is
 * open): the canvas highlights the critical path and the inspector shows each step's slack.
 */
export function AnalysisProvider({ children }: { children: React.ReactNode }) {
  const editor = useEditor();
  const queries = useLeadTime(editor.projectId, editor.revision);
  const [showCritical, setShowCritical] = useState(true);
  const [heat, setHeat] = useState(false);
  const result = queries.leadTime.data;
  const { state, setHighlight } = editor;

  const highlight = useMemo(() => {
    if (!result) return null;
    const path = result.criticalPath;
    const tight = new Set(path.slice(1).map((target, i) => `${path[i]}>${target}`));
    const criticalEdges = new Set(
      [...state.edges.values()].filter((e) => isDependency(e.relationType) && tight.has(`${e.sourceId}>${e.targetId}`)).map((e) => e.id),
    );
    const times = new Map<string, NodeTimes>(result.nodes.map(({ id, ...t }) => [id, t]));
    const bottlenecks = new Map<string, Severity>(result.bottlenecks.map((b) => [b.nodeId, b.severity]));
    return { criticalNodes: new Set(path), criticalEdges, times, bottlenecks, showCritical, heat };
  }, [result, state.edges, showCritical, heat]);

  useEffect(() => setHighlight(highlight), [highlight, setHighlight]);
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const value = useMemo(() => ({ ...queries, showCritical, setShowCritical, heat, setHeat }), [queries, showCritical, heat]);
  return <AnalysisContext.Provider value={value}>{children}</AnalysisContext.Provider>;
}
