"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMinutes, parseDuration } from "~/domain/duration";
import { probabilityWithin } from "~/domain/quantiles";
import type { RouterOutputs } from "~/trpc/react";
import { useEditorSelector } from "../canvas/editor-context";
import { errorMessage } from "../lib/trpc-errors";
import { Spinner } from "../ui/Spinner";
import { CHART_MARGIN, minutesAxis, shareAxis } from "./chart-axes";
import { percent, when } from "./format";
import { useElapsed } from "./useElapsed";

type Simulation = RouterOutputs["analysis"]["simulate"];

const MARKS = [
  { p: 50, color: "#0369a1" },
  { p: 80, color: "#b45309" },
  { p: 95, color: "#b91c1c" },
] as const;

/**
 * P50/P80/P95 as dashed lines on a chart. Called, not rendered as a component: recharts reads
 * its chart's direct children.
 */
function percentileMarks(at: (p: number) => { minutes: number } | undefined) {
  return MARKS.map(({ p, color }) => {
    const mark = at(p);
    return mark ? (
      <ReferenceLine
        key={p}
        x={mark.minutes}
        stroke={color}
        strokeDasharray="3 2"
        label={{ value: `P${p}`, position: "top", fontSize: 10, fill: color }}
      />
    ) : null;
  });
}

/** Monte Carlo lead time: P50/P80/P95, the histogram, the S-curve, "how likely within X", what drives it. */
export function SimulationSection({
  query,
  distribution,
  onDistribution,
  criticality,
  setCriticality,
}: {
  query: { data?: Simulation; error: unknown; isPending: boolean; isFetching: boolean };
  distribution: "PERT" | "TRIANGULAR";
  onDistribution: ((d: "PERT" | "TRIANGULAR") => void) | null;
  criticality: boolean;
  setCriticality(on: boolean): void;
}) {
  const result = query.data;
  const busy = query.isPending || query.isFetching;
  const elapsed = useElapsed(busy);

  return (
    <section aria-label="How sure is it" className="space-y-3" data-testid="simulation">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">How sure is it</h3>
        <label className="flex items-center gap-1.5 text-xs text-slate-600">
          Ranges as
          <select
            value={distribution}
            disabled={!onDistribution}
            onChange={(e) => onDistribution?.(e.target.value as "PERT" | "TRIANGULAR")}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-700 disabled:bg-slate-50"
          >
            <option value="PERT">PERT</option>
            <option value="TRIANGULAR">Triangular</option>
          </select>
        </label>
      </div>
      {busy && elapsed >= 300 && (
        <div role="status" className="space-y-1 text-xs text-slate-600">
          <p className="flex items-center gap-2">
            <Spinner className="size-3.5" /> Simulating {(result?.runs ?? 5000).toLocaleString("en")} runs… {(elapsed / 1000).toFixed(1)} s
          </p>
          <div className="h-1 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Simulating">
            <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500" />
          </div>
        </div>
      )}
      {query.error ? (
        <p className="text-sm text-red-700" role="alert">
          {errorMessage(query.error)}
        </p>
      ) : result ? (
        <SimulationResult result={result} criticality={criticality} setCriticality={setCriticality} />
      ) : null}
    </section>
  );
}

function SimulationResult({
  result,
  criticality,
  setCriticality,
}: {
  result: Simulation;
  criticality: boolean;
  setCriticality(on: boolean): void;
}) {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode, state: e.state }));
  const at = (p: number) => result.percentiles.find((x) => x.p === p);
  const ranged = result.ranged.steps + result.ranged.connections;
  const histogram = useMemo(
    () => result.histogram.map((b) => ({ mid: (b.from + b.to) / 2, share: b.count / result.runs, from: b.from, to: b.to })),
    [result],
  );
  const curve = useMemo(() => result.quantiles.map((minutes, i) => ({ minutes, p: i / (result.quantiles.length - 1) })), [result]);
  const domain: [number, number] = [result.min, Math.max(result.max, result.min + 1)];
  // A correlation this small is sampling noise, not a driver.
  const drivers = result.sensitivity.filter((s) => Math.abs(s.correlation) >= 0.02);

  return (
    <>
      <dl className="grid grid-cols-3 gap-2">
        {MARKS.map(({ p }) => {
          const mark = at(p);
          return (
            <div key={p} className="rounded-md bg-slate-50 px-2 py-1.5 ring-1 ring-slate-200 ring-inset">
              <dt className="text-xs text-slate-500">P{p}</dt>
              <dd
                className="text-base font-semibold text-slate-900 tabular-nums"
                data-testid={`p${p}`}
                title={mark ? `95% confidence: ${formatMinutes(mark.low)} to ${formatMinutes(mark.high)}` : undefined}
              >
                {mark ? formatMinutes(mark.minutes) : "–"}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="text-xs text-slate-600">
        {p80Sentence(at(80)?.minutes)} Mean {formatMinutes(result.mean)}, standard deviation {formatMinutes(result.sd)}, from{" "}
        {result.runs.toLocaleString("en")} runs ({result.distribution === "PERT" ? "PERT" : "triangular"} ranges, seed {result.seed}).
      </p>
      {result.dated && (
        <div className="text-xs text-slate-600" data-testid="simulation-dated">
          <p>
            Counted in working hours from {when(result.dated.start)} (the start under Planned dates), so the times above are elapsed, nights
            and weekends included.
          </p>
          <ul aria-label="Done by" className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5">
            {result.dated.finishes
              .filter((f) => f.p >= 50)
              .map((f) => (
                <li key={f.p}>
                  <span className="font-medium text-slate-700">P{f.p}</span> done by {when(f.date)}
                </li>
              ))}
          </ul>
        </div>
      )}
      {ranged === 0 && (
        <p className="rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-800 ring-1 ring-amber-200 ring-inset" data-testid="no-ranges">
          No step or wait has a range yet, so only the rework loops vary. Give a time as optimistic / most likely / pessimistic, like 2h /
          4h / 2d.
        </p>
      )}

      <figure aria-label="Lead time distribution">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Lead time distribution</figcaption>
        <div className="h-32" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={histogram} margin={CHART_MARGIN} barCategoryGap={0}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis {...minutesAxis(domain, "mid")} />
              <YAxis hide />
              <Tooltip
                formatter={(share) => [percent(Number(share)), "of runs"]}
                labelFormatter={(_, items) => {
                  const bin = items[0]?.payload as { from: number; to: number } | undefined;
                  return bin ? `${formatMinutes(bin.from)} to ${formatMinutes(bin.to)}` : "";
                }}
              />
              <Bar dataKey="share" fill="#7dd3fc" isAnimationActive={false} />
              {percentileMarks(at)}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>

      <figure aria-label="Chance to finish within a time">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">Chance to finish within a time</figcaption>
        <div className="h-32" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={curve} margin={CHART_MARGIN}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis {...minutesAxis(domain)} />
              <YAxis {...shareAxis} />
              <Tooltip formatter={(p) => [percent(Number(p)), "chance"]} labelFormatter={(m) => `within ${formatMinutes(Number(m))}`} />
              <Line type="monotone" dataKey="p" stroke="#0369a1" dot={false} strokeWidth={2} isAnimationActive={false} />
              {percentileMarks(at)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>

      <ProbabilityQuestion result={result} />

      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={criticality} onChange={(e) => setCriticality(e.target.checked)} className="accent-brand-600" />
        Show criticality on the canvas
      </label>

      <div>
        <h4 className="mb-1 text-xs font-medium text-slate-600">What drives the lead time</h4>
        {drivers.length === 0 ? (
          <p className="text-sm text-slate-500">No step&apos;s range moves the lead time yet.</p>
        ) : (
          <ol className="space-y-1" aria-label="What drives the lead time" data-testid="sensitivity">
            {drivers.map((s) => (
              <li key={s.nodeId}>
                <button
                  type="button"
                  onClick={() => editor.focusNode(s.nodeId)}
                  className="w-full rounded-md px-2 py-1 text-left hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                >
                  <span className="flex items-baseline justify-between gap-2 text-sm">
                    <span className="truncate text-slate-800">{editor.state.nodes.get(s.nodeId)?.label ?? "Deleted step"}</span>
                    <span className="shrink-0 text-xs text-slate-600 tabular-nums">{s.correlation.toFixed(2)}</span>
                  </span>
                  <span className="mt-0.5 block h-1.5 rounded-full bg-slate-100" aria-hidden>
                    <span className="block h-1.5 rounded-full bg-violet-500" style={{ width: `${Math.abs(s.correlation) * 100}%` }} />
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-1 text-xs text-slate-500">Correlation of each step&apos;s time with the lead time, over the runs.</p>
      </div>
    </>
  );
}

function p80Sentence(p80: number | undefined) {
  return p80 === undefined ? "" : `8 times out of 10 it is done within ${formatMinutes(p80)}.`;
}

function ProbabilityQuestion({ result }: { result: Simulation }) {
  const [text, setText] = useState(() => formatMinutes(result.percentiles.find((p) => p.p === 80)?.minutes ?? result.mean));
  const parsed = parseDuration(text);
  const id = "probability-within";
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Chance to finish within
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!parsed.ok}
          aria-describedby={`${id}-answer`}
          className="w-28 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums aria-invalid:border-red-400"
        />
        <output id={`${id}-answer`} className="font-semibold text-slate-900 tabular-nums" data-testid="probability-answer">
          {parsed.ok ? percent(probabilityWithin(result.quantiles, parsed.minutes)) : ""}
        </output>
      </div>
      {!parsed.ok && <p className="mt-1 text-xs text-red-700">{parsed.error}</p>}
    </div>
  );
}
