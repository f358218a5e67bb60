/** Minutes per unit. Without a working calendar durations are continuous time: d = 24h, w = 7d. */
export type DurationUnits = { m: number; h: number; d: number; w: number };
export const CONTINUOUS_UNITS: DurationUnits = { m: 1, h: 60, d: 1440, w: 10080 };

const GROUP = /(\d+(?:\.\d+)?)\s*([mhdw])/gy;

export const DURATION_HELP = "a duration like 45m, 2h30m, 1.5h, 3d or 1w 2d (units m, h, d, w)";

export type DurationResult = { ok: true; minutes: number } | { ok: false; error: string };

/** With a working calendar's units (calendar.ts, workUnits) "3d" is three working days. */
export function parseDuration(input: string, units: DurationUnits = CONTINUOUS_UNITS): DurationResult {
  const text = input.trim().toLowerCase();
  if (text === "") return { ok: false, error: `Empty duration: expected ${DURATION_HELP}` };
  let minutes = 0;
  let index = 0;
  GROUP.lastIndex = 0;
  while (index < text.length) {
    GROUP.lastIndex = index;
    const match = GROUP.exec(text);
    if (!match) return { ok: false, error: `"${input}" is not ${DURATION_HELP}` };
    minutes += Number(match[1]) * units[match[2] as keyof DurationUnits];
    index = GROUP.lastIndex;
    while (text[index] === " ") index++;
  }
  return { ok: true, minutes };
}

/** A three-point estimate in minutes; a single value has low = mode = high. */
export type Estimate = { low: number; mode: number; high: number };

export const ESTIMATE_HELP = `${DURATION_HELP}; or three of them, optimistic / most likely / pessimistic, like 2h / 4h / 2d`;

const POINT_NAMES = ["optimistic", "most likely", "pessimistic"] as const;

export type EstimateResult = { ok: true; estimate: Estimate } | { ok: false; error: string };

/**
 * "4h" is a fixed time; "2h / 4h / 2d" is optimistic / most likely / pessimistic, for the
 * Monte Carlo lead time. The most likely value is what the critical path uses.
 */
export function parseEstimate(input: string, units: DurationUnits = CONTINUOUS_UNITS): EstimateResult {
  const parts = input.split("/");
  if (parts.length === 1) {
    const single = parseDuration(input, units);
    return single.ok ? { ok: true, estimate: { low: single.minutes, mode: single.minutes, high: single.minutes } } : single;
  }
  if (parts.length !== 3) {
    return {
      ok: false,
      error: `"${input}" has ${parts.length} parts: give one duration, or three as optimistic / most likely / pessimistic (like 2h / 4h / 2d)`,
    };
  }
  const points: number[] = [];
  for (const [i, part] of parts.entries()) {
    const parsed = parseDuration(part.trim(), units);
    if (!parsed.ok) return { ok: false, error: `The ${POINT_NAMES[i]} time: ${parsed.error}` };
    points.push(parsed.minutes);
  }
  const [low, mode, high] = points as [number, number, number];
  if (low > mode || mode > high) {
    return {
      ok: false,
      error: `"${input}": the times must grow from optimistic to most likely to pessimistic (${formatMinutes(low)} / ${formatMinutes(mode)} / ${formatMinutes(high)} does not)`,
    };
  }
  return { ok: true, estimate: { low, mode, high } };
}

/** An empty duration is 0; garbage throws (inputs are validated before they get here). */
export function estimateMinutes(input: string | null | undefined, units: DurationUnits = CONTINUOUS_UNITS): Estimate {
  if (input == null || input.trim() === "") return { low: 0, mode: 0, high: 0 };
  const result = parseEstimate(input, units);
  if (!result.ok) throw new Error(result.error);
  return result.estimate;
}

/** The most likely minutes of a duration or estimate: what the critical path counts. */
export function durationMinutes(input: string | null | undefined, units: DurationUnits = CONTINUOUS_UNITS): number {
  return estimateMinutes(input, units).mode;
}

export function isRange(estimate: Estimate): boolean {
  return estimate.low !== estimate.high;
}

/** 312 -> "5h 12m", 4560 -> "3d 4h", 0 -> "0m". */
export function formatMinutes(total: number): string {
  const rounded = Math.round(total);
  if (rounded <= 0) return "0m";
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const minutes = rounded % 60;
  const parts = [days && `${days}d`, hours && `${hours}h`, minutes && `${minutes}m`].filter(Boolean);
  return parts.slice(0, 2).join(" ");
}
