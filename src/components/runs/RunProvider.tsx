"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, useState } from "react";
import type { RunStep } from "~/domain/runs";
import { useTRPC, type RouterOutputs } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";

type RunDetail = RouterOutputs["run"]["get"];

type RunView = {
  /** The run shown on the map, or null. */
  runId: string | null;
  show(runId: string | null): void;
  run: RunDetail | undefined;
  steps: ReadonlyMap<string, RunStep>;
  isFetching: boolean;
  /** Steps whose runs took more (or less) than the chosen factor times their estimate: median / estimate. */
  offEstimate: ReadonlyMap<string, number>;
  setOffEstimate(flags: ReadonlyMap<string, number>): void;
};

const RunContext = createContext<RunView | null>(null);
const NO_STEPS: ReadonlyMap<string, RunStep> = new Map();
const NO_FLAGS: ReadonlyMap<string, number> = new Map();

/** Lateness grows while a run is open: the view asks again every minute. */
const REFRESH_MS = 60_000;

/** Which process run the map shows, if any, and each step's state in it (done, in progress, late...). */
export function RunProvider({ children }: { children: React.ReactNode }) {
  const projectId = useEditorSelector((e) => e.projectId);
  const trpc = useTRPC();
  const [runId, show] = useState<string | null>(null);
  const [offEstimate, setOffEstimate] = useState<ReadonlyMap<string, number>>(NO_FLAGS);
  const query = useQuery({
    ...trpc.run.get.queryOptions({ projectId, runId: runId ?? "" }),
    enabled: runId !== null,
    refetchInterval: REFRESH_MS,
  });
  const run = runId ? query.data : undefined;
  const steps = useMemo(() => (run ? new Map(run.steps.map((s) => [s.id, s])) : NO_STEPS), [run]);
  const value = useMemo(
    () => ({ runId, show, run, steps, isFetching: query.isFetching, offEstimate, setOffEstimate }),
    [runId, run, steps, query.isFetching, offEstimate],
  );
  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}

export function useRunView(): RunView {
  const view = useContext(RunContext);
  if (!view) throw new Error("useRunView must be used inside <RunProvider>");
  return view;
}

/** A step's state in the run on the map; undefined when no run is shown (or outside the editor). */
export function useRunStep(nodeId: string): RunStep | undefined {
  return useContext(RunContext)?.steps.get(nodeId);
}

/** How far a step's runs were off its estimate (median / estimate) when planned versus actual flags it. */
export function useOffEstimate(nodeId: string): number | undefined {
  return useContext(RunContext)?.offEstimate.get(nodeId);
}
