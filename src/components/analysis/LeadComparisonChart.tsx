"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { quantile } from "~/domain/actuals";
import { formatMinutes } from "~/domain/duration";
import { CHART_MARGIN, minutesAxis, shareAxis } from "./chart-axes";
import { percent } from "./format";

const POINTS = 101;

type Point = { minutes: number; p: number };

/** The share of cases done within each time, read off sorted lead times at 0%, 1%, ..., 100%. */
function curveOf(sorted: readonly number[]): Point[] {
  return Array.from({ length: POINTS }, (_, i) => ({ minutes: quantile(sorted, i / (POINTS - 1))!, p: i / (POINTS - 1) }));
}

/**
 * The actual lead time per finished case as a distribution (the share done within each time),
 * beside the Monte Carlo's where it has run, and the planned critical path as a line.
 */
export function LeadComparisonChart({
  actual,
  simulated,
  planned,
}: {
  /** Finished cases' lead times, sorted, in minutes. */
  actual: readonly number[];
  /** The Monte Carlo's quantiles at 0%, 1%, ..., 100%. */
  simulated: readonly number[] | null;
  planned: number | null;
}) {
  const actualCurve = curveOf(actual);
  const simulatedCurve = simulated?.map((minutes, i) => ({ minutes, p: i / (simulated.length - 1) })) ?? null;
  const values = [...actual, ...(simulated ?? []), ...(planned === null ? [] : [planned])];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const domain: [number, number] = [low, Math.max(high, low + 1)];
  return (
    <figure aria-label="Lead time per case, actual beside planned" data-testid="lead-distribution">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">Share of cases done within a time</figcaption>
      <div className="h-40" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} margin={CHART_MARGIN}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis {...minutesAxis(domain)} allowDuplicatedCategory={false} />
            <YAxis {...shareAxis} />
            <Tooltip formatter={(p, name) => [percent(Number(p)), name]} labelFormatter={(m) => `within ${formatMinutes(Number(m))}`} />
            <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />
            <Line
              data={actualCurve}
              name={`Actual (${actual.length} ${actual.length === 1 ? "case" : "cases"})`}
              type="stepAfter"
              dataKey="p"
              stroke="#0f172a"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            {simulatedCurve && (
              <Line
                data={simulatedCurve}
                name="Monte Carlo"
                type="monotone"
                dataKey="p"
                stroke="#0369a1"
                strokeDasharray="4 2"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            )}
            {planned !== null && (
              <ReferenceLine
                x={planned}
                stroke="#b45309"
                strokeDasharray="3 2"
                label={{ value: "Planned", position: "top", fontSize: 10, fill: "#b45309" }}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
