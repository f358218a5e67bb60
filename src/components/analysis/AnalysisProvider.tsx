"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { isDependency, type Severity } from "~/domain/graph";
import { useEditorSelector, type HeatMode, type NodeTimes } from "../canvas/editor-context";
import { useLeadTime } from "./useLeadTime";

type Analysis = ReturnType<typeof useLeadTime> & {
  showCritical: boolean;
  setShowCritical(on: boolean): void;
  /** Which heat overlay the canvas shows, if any: slack, or the Monte Carlo criticality index. */
  heat: HeatMode | null;
  setHeat(mode: HeatMode | null): void;
  /** Called by what shows the Monte Carlo result while it is on screen; the runs happen only then. */
  watchSimulation(): () => void;
  /** When the process starts, as a datetime-local value: the planned dates and the dated Monte Carlo count from it. */
  start: string;
  setStart(value: string): void;
  /** `start` as an instant, or null while it is not a date. */
  startInstant: string | null;
};

/** The next whole hour, as a datetime-local value in the browser's time zone. */
function nextHour(): string {
  const at = new Date();
  at.setMinutes(60, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

const AnalysisContext = createContext<Analysis | null>(null);

export function useAnalysis(): Analysis {
  const analysis = useContext(AnalysisContext);
  if (!analysis) throw new Error("useAnalysis must be used inside <AnalysisProvider>");
  return analysis;
}

const NO_CRITICALITY: ReadonlyMap<string, number> = new Map();

/**
 * Keeps the lead-time analysis current for the whole editor (not only while its panel is
 * open): the canvas highlights the critical path and the inspector shows each step's slack.
 */
export function AnalysisProvider({ children }: { children: React.ReactNode }) {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, revision: e.revision, setHighlight: e.setHighlight, state: e.state }));
  const [heat, setHeat] = useState<HeatMode | null>(null);
  const [watchers, setWatchers] = useState(0);
  const [start, setStart] = useState(nextHour);
  const startInstant = Number.isNaN(Date.parse(start)) ? null : new Date(start).toISOString();
  const queries = useLeadTime(editor.projectId, editor.revision, {
    simulate: watchers > 0 || heat === "criticality",
    start: startInstant ?? undefined,
  });
  const [showCritical, setShowCritical] = useState(true);
  const result = queries.leadTime.data;
  const simulation = queries.simulation.data;
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
    const criticality = simulation ? new Map(Object.entries(simulation.criticality.nodes)) : NO_CRITICALITY;
    return {
      criticalNodes: new Set(path),
      criticalEdges,
      times,
      bottlenecks,
      showCritical,
      heat: heat === "criticality" && !simulation ? null : heat,
      criticality,
    };
  }, [result, simulation, state.edges, showCritical, heat]);

  useEffect(() => setHighlight(highlight), [highlight, setHighlight]);
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const watchSimulation = useCallback(() => {
    setWatchers((n) => n + 1);
    return () => setWatchers((n) => n - 1);
  }, []);
  const value = useMemo(
    () => ({ ...queries, showCritical, setShowCritical, heat, setHeat, watchSimulation, start, setStart, startInstant }),
    [queries, showCritical, heat, watchSimulation, start, startInstant],
  );
  return <AnalysisContext.Provider value={value}>{children}</AnalysisContext.Provider>;
}
