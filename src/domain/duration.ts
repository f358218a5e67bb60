/** Durations are calendar time: d = 24h, w = 7d. */
const UNIT_MINUTES = { m: 1, h: 60, d: 1440, w: 10080 } as const;

const GROUP = /(\d+(?:\.\d+)?)\s*([mhdw])/gy;

export const DURATION_HELP = "a duration like 45m, 2h30m, 1.5h, 3d or 1w 2d (units m, h, d, w)";

export type DurationResult = { ok: true; minutes: number } | { ok: false; error: string };

export function parseDuration(input: string): DurationResult {
  const text = input.trim().toLowerCase();
  if (text === "") return { ok: false, error: `Empty duration: expected ${DURATION_HELP}` };
  let minutes = 0;
  let index = 0;
  GROUP.lastIndex = 0;
  while (index < text.length) {
    GROUP.lastIndex = index;
    const match = GROUP.exec(text);
    if (!match) return { ok: false, error: `"${input}" is not ${DURATION_HELP}` };
    minutes += Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
    index = GROUP.lastIndex;
    while (text[index] === " ") index++;
  }
  return { ok: true, minutes };
}

export function durationMinutes(input: string | null | undefined): number {
  if (input == null || input.trim() === "") return 0;
  const result = parseDuration(input);
  if (!result.ok) throw new Error(result.error);
  return result.minutes;
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
