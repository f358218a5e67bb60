"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { estimatesFromActuals } from "~/domain/actuals";
import { formatMinutes } from "~/domain/duration";
import type { Operation } from "~/domain/operations";
import { useTRPC } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { useRunView } from "../runs/RunProvider";
import { useAnalysis } from "./AnalysisProvider";
import { LeadComparisonChart } from "./LeadComparisonChart";
import { refreshQueries } from "../lib/refresh";
import { errorMessage } from "../lib/trpc-errors";
import { Button } from "../ui/Button";
import { SelectField } from "../ui/SelectField";
import { Spinner } from "../ui/Spinner";

const FACTORS = [1.25, 1.5, 2, 3] as const;
const time = (m: number | null) => (m === null ? "–" : formatMinutes(m));

/**
 * Planned versus actual: what the recorded runs took per step beside its estimate (median,
 * P80, the wait before it), steps off by more than a chosen factor marked, the lead time per
 * finished case; editors can take the medians (or P10/P50/P90) as the estimates in one
 * undoable batch.
 */
export function ActualsSection() {
  const editor = useEditorSelector((e) => ({
    projectId: e.projectId,
    readOnly: e.readOnly,
    apply: e.apply,
    state: e.state,
    revision: e.revision,
  }));
  const trpc = useTRPC();
  const [factor, setFactor] = useState<number>(1.5);
  const [applied, setApplied] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const actuals = useQuery({
    ...trpc.run.actuals.queryOptions({ projectId: editor.projectId, factor }),
    placeholderData: (previous) => previous,
  });
  // Estimates are part of the answer: a new revision asks again.
  useEffect(() => {
    void refreshQueries(queryClient, trpc.run.actuals.pathFilter());
  }, [queryClient, trpc, editor.revision]);
  const data = actuals.data;
  const { leadTime, simulation } = useAnalysis();
  const planned = leadTime.data?.totalMinutes ?? null;
  const simulated = (p: number) => simulation.data?.percentiles.find((x) => x.p === p)?.minutes ?? null;
  // The flagged steps are marked on the canvas while this section is open.
  const { setOffEstimate } = useRunView();
  useEffect(() => {
    setOffEstimate(new Map((data?.steps ?? []).filter((s) => s.flagged && s.ratio !== null).map((s) => [s.id, s.ratio!])));
    return () => setOffEstimate(new Map());
  }, [data, setOffEstimate]);
  if (actuals.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {errorMessage(actuals.error)}
      </p>
    );
  if (!data || data.runs === 0) return null;
  const order = new Map([...editor.state.nodes.keys()].map((id, i) => [id, i]));
  const measured = data.steps.filter((s) => s.samples > 0).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

  function adopt(mode: "median" | "range") {
    const next = estimatesFromActuals(data!.steps, mode);
    const ops: Operation[] = [];
    for (const [id, avgTime] of next) {
      const node = editor.state.nodes.get(id);
      if (node && node.avgTime !== avgTime) ops.push({ op: "updateNode", id, set: { avgTime }, expect: { avgTime: node.avgTime } });
    }
    if (ops.length === 0) return setApplied("The estimates already match the runs.");
    const error = editor.apply(ops);
    setApplied(
      error
        ? null
        : `${ops.length === 1 ? "1 step takes" : `${ops.length} steps take`} the times of the runs. Undo puts the estimates back.`,
    );
  }

  return (
    <section aria-label="Planned versus actual" className="space-y-2">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Planned versus actual</h3>
        {actuals.isFetching && <Spinner className="size-3.5 text-slate-400" />}
      </div>
      <p className="text-xs text-slate-600" data-testid="actuals-summary">
        {data.runs} {data.runs === 1 ? "run" : "runs"}, {data.finishedRuns} finished
        {data.lead.median !== null && (
          <>
            {" "}
            · actual lead time median {time(data.lead.median)}, P80 {time(data.lead.p80)}
          </>
        )}
      </p>
      {data.lead.median !== null && (
        <table className="w-full text-left text-xs" data-testid="lead-comparison">
          <caption className="sr-only">Lead time planned, simulated and actual</caption>
          <thead className="text-slate-500">
            <tr>
              <th className="py-0.5 font-medium">Lead time</th>
              <th className="py-0.5 text-right font-medium">P50</th>
              <th className="py-0.5 text-right font-medium">P80</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            <tr>
              <th scope="row" className="py-0.5 font-normal text-slate-600">
                Planned (critical path)
              </th>
              <td className="py-0.5 text-right">{time(planned)}</td>
              <td className="py-0.5 text-right">–</td>
            </tr>
            {simulation.data && (
              <tr>
                <th scope="row" className="py-0.5 font-normal text-slate-600">
                  Monte Carlo
                </th>
                <td className="py-0.5 text-right">{time(simulated(50))}</td>
                <td className="py-0.5 text-right">{time(simulated(80))}</td>
              </tr>
            )}
            <tr className="font-semibold text-slate-900">
              <th scope="row" className="py-0.5">
                Actual, {data.finishedRuns} {data.finishedRuns === 1 ? "case" : "cases"}
              </th>
              <td className="py-0.5 text-right">{time(data.lead.median)}</td>
              <td className="py-0.5 text-right">{time(data.lead.p80)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {data.lead.values.length > 0 && (
        <LeadComparisonChart actual={data.lead.values} simulated={simulation.data?.quantiles ?? null} planned={planned} />
      )}
      {(data.skipped.count > 0 || data.outOfOrder.count > 0) && (
        <p className="text-xs text-amber-800" data-testid="actuals-odd">
          {data.skipped.count > 0 && (
            <>
              Skipped a step: {data.skipped.runs.join(", ")}
              {data.skipped.count > data.skipped.runs.length && "…"}.{" "}
            </>
          )}
          {data.outOfOrder.count > 0 && (
            <>
              Ran a step before its dependency finished: {data.outOfOrder.runs.join(", ")}
              {data.outOfOrder.count > data.outOfOrder.runs.length && "…"}.
            </>
          )}
        </p>
      )}
      <SelectField
        label="Mark steps off their estimate by more than"
        value={String(factor)}
        onChange={(e) => setFactor(Number(e.target.value))}
      >
        {FACTORS.map((f) => (
          <option key={f} value={f}>
            {f}×
          </option>
        ))}
      </SelectField>
      {measured.length === 0 ? (
        <p className="text-sm text-slate-600">No step has both a recorded start and finish yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-xs" data-testid="actuals-table">
            <caption className="sr-only">Each step’s estimate beside what its runs took</caption>
            <thead className="bg-slate-50 text-slate-500">
              <tr>
                <th className="px-1.5 py-1.5 font-medium">Step</th>
                <th className="px-1.5 py-1.5 text-right font-medium">Estimate</th>
                <th className="px-1.5 py-1.5 text-right font-medium">Median</th>
                <th className="px-1.5 py-1.5 text-right font-medium">P80</th>
                <th className="px-1.5 py-1.5 text-right font-medium" title="The median wait before the step starts">
                  Wait
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {measured.map((s) => (
                <tr key={s.id} className={s.flagged ? "bg-amber-50" : ""} data-flagged={s.flagged || undefined}>
                  <th scope="row" className="max-w-28 px-1.5 py-1.5 font-medium text-slate-800">
                    <span className="block truncate" title={s.label}>
                      {s.label}
                    </span>
                    {s.flagged && <span className="sr-only"> (off its estimate)</span>}
                    {s.repeated.cases > 0 && (
                      <span className="block font-normal text-slate-500" data-testid="ran-again">
                        ran again in {s.repeated.cases} {s.repeated.cases === 1 ? "case" : "cases"}
                      </span>
                    )}
                  </th>
                  <td className="px-1.5 py-1.5 text-right tabular-nums">{time(s.estimate)}</td>
                  <td className={`px-1.5 py-1.5 text-right tabular-nums ${s.flagged ? "font-semibold text-amber-900" : ""}`}>
                    {time(s.median)}
                  </td>
                  <td className="px-1.5 py-1.5 text-right tabular-nums">{time(s.p80)}</td>
                  <td className="px-1.5 py-1.5 text-right tabular-nums">{time(s.waitMedian)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!editor.readOnly && measured.length > 0 && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => adopt("median")}>
            Use the medians as estimates
          </Button>
          <Button size="sm" variant="secondary" onClick={() => adopt("range")}>
            Use P10 / P50 / P90
          </Button>
        </div>
      )}
      {applied && (
        <p role="status" className="text-xs text-slate-600">
          {applied}
        </p>
      )}
    </section>
  );
}
