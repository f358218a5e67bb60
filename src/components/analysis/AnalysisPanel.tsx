"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { formatMinutes } from "~/domain/duration";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { Badge, type BadgeTone } from "../ui/Badge";
import { Spinner } from "../ui/Spinner";
import { AnalysisError } from "./AnalysisError";
import { BreakdownChart } from "./BreakdownChart";
import { FlowSummary } from "./FlowSummary";
import { FocusList } from "./FocusList";
import { ActualsSection } from "./ActualsSection";
import { PlannedDatesSection } from "./PlannedDatesSection";
import { SimulationSection } from "./SimulationSection";
import { TimelineLadder } from "./TimelineLadder";
import { WhatIfSection } from "./WhatIfSection";
import { useAnalysis } from "./AnalysisProvider";
import { refreshQueries } from "../lib/refresh";

const SEVERITY_TONE: Record<string, BadgeTone> = { LOW: "slate", MEDIUM: "amber", HIGH: "red", CRITICAL: "red" };

/** The Monte Carlo section, with the project's choice of distribution (editors change it). */
function Uncertainty() {
  const editor = useEditorSelector((e) => ({ projectId: e.projectId, readOnly: e.readOnly }));
  const { simulation, heat, setHeat, watchSimulation } = useAnalysis();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const project = useQuery(trpc.project.get.queryOptions({ projectId: editor.projectId }));
  const choose = useMutation(
    trpc.project.update.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, trpc.project.get.queryFilter({ projectId: editor.projectId }));
        await refreshQueries(queryClient, trpc.analysis.simulate.pathFilter());
      },
    }),
  );
  useEffect(() => watchSimulation(), [watchSimulation]);
  return (
    <SimulationSection
      query={simulation}
      distribution={project.data?.estimateDistribution ?? "PERT"}
      onDistribution={
        editor.readOnly ? null : (estimateDistribution) => choose.mutate({ projectId: editor.projectId, estimateDistribution })
      }
      criticality={heat === "criticality"}
      setCriticality={(on) => setHeat(on ? "criticality" : null)}
    />
  );
}

export function AnalysisPanel() {
  const editor = useEditorSelector((e) => ({ state: e.state, projectId: e.projectId }));
  const { leadTime, candidates, showCritical, setShowCritical, heat, setHeat } = useAnalysis();
  const trpc = useTRPC();
  const calendars = useQuery(trpc.calendar.forProject.queryOptions({ projectId: editor.projectId }));
  const result = leadTime.data;
  const { state } = editor;

  const label = (id: string) => state.nodes.get(id)?.label ?? "Deleted step";

  if (leadTime.isPending) {
    return (
      <p className="flex items-center gap-2 p-4 text-sm text-slate-500" role="status">
        <Spinner /> Calculating lead time…
      </p>
    );
  }
  if (leadTime.error || !result) return <AnalysisError error={leadTime.error} />;

  if (state.nodes.size === 0) {
    return (
      <div className="p-4 text-sm text-slate-600">
        <p className="font-medium text-slate-800">No steps yet</p>
        <p className="mt-1">Add steps with durations and connect them: the lead time and the critical path appear here.</p>
      </div>
    );
  }

  return (
    <div className="space-y-6 p-4" data-testid="analysis-panel">
      <section aria-label="Lead time">
        <div className="flex items-center justify-between">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Lead time</h3>
          {leadTime.isFetching && <Spinner className="size-3.5 text-slate-400" />}
        </div>
        <p className="mt-1 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="lead-time-total">
          {result.formatted}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Critical path with most likely times <span data-testid="critical-path-minutes">{formatMinutes(result.criticalPathMinutes)}</span>
          {result.reworkMinutes > 0 && <> + expected rework {formatMinutes(result.reworkMinutes)}</>}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {result.criticalPath.length} steps on the critical path · {result.totalDays} days
        </p>
        <p className="mt-0.5 text-xs text-slate-500" data-testid="day-rule">
          {calendars.data?.inForce
            ? "This lead time counts 24-hour days; working calendars are set, so the planned dates and the Monte Carlo below count working time."
            : result.dayRule}
        </p>
        {result.undurationedNodes > 0 && (
          <p className="mt-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800 ring-1 ring-amber-200 ring-inset">
            {result.undurationedNodes === 1 ? "1 step has" : `${result.undurationedNodes} steps have`} no average time and count as 0.
          </p>
        )}
        <div className="mt-3 space-y-1.5 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={showCritical}
              onChange={(e) => setShowCritical(e.target.checked)}
              className="accent-brand-600"
            />
            Highlight the critical path
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={heat === "slack"}
              onChange={(e) => setHeat(e.target.checked ? "slack" : null)}
              className="accent-brand-600"
            />
            Show slack as a heat map
          </label>
        </div>
      </section>

      <PlannedDatesSection />
      <ActualsSection />

      <FlowSummary flow={result.flow} />
      <TimelineLadder flow={result.flow} />

      <Uncertainty />
      <WhatIfSection />

      <BreakdownChart title="By stage" lanes={result.flow.stages} />
      <BreakdownChart title="By department" lanes={result.flow.departments} />

      <FocusList
        title="Bottlenecks"
        empty="No bottlenecks: no worked step holds 10% of the lead time."
        items={result.bottlenecks.map((b) => ({
          nodeId: b.nodeId,
          title: label(b.nodeId),
          badge: <Badge tone={SEVERITY_TONE[b.severity] ?? "slate"}>{b.severity.toLowerCase()}</Badge>,
          detail: b.reason,
        }))}
      />

      <FocusList
        title="Automation candidates"
        empty={candidates.isPending ? "Scoring steps…" : "No candidates yet."}
        items={(candidates.data ?? []).map((c) => ({
          nodeId: c.nodeId,
          title: c.label,
          badge: <Badge tone={c.score >= 70 ? "green" : "slate"}>{c.score}/100</Badge>,
          detail: c.explanation,
        }))}
      />
    </div>
  );
}
