import { formatMinutes } from "~/domain/duration";

/** What the analysis charts share: tick labels, margins, a time axis and a 0-100% axis. */
export const AXIS_TICK = { fontSize: 11, fill: "#475569" };
export const CHART_MARGIN = { top: 14, right: 8, bottom: 0, left: 8 };

/** An x axis of lead times in minutes, labelled as durations ("3d 4h"). */
export const minutesAxis = (domain: [number, number], dataKey = "minutes") => ({
  dataKey,
  type: "number" as const,
  domain,
  tickFormatter: (m: number) => formatMinutes(m),
  tick: AXIS_TICK,
  tickCount: 4,
});

/** A y axis of shares, 0 to 100%, with P50 and P80 marked. */
export const shareAxis = {
  domain: [0, 1] as [number, number],
  ticks: [0, 0.5, 0.8, 1],
  tickFormatter: (p: number) => `${Math.round(p * 100)}%`,
  tick: AXIS_TICK,
  width: 34,
};
