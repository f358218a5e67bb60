/**
 * Working calendars: working days, daily hours, a time zone and holidays. A step's duration
 * is working time in its department's calendar (the organization's when the department has
 * none); waits are elapsed time. Without any calendar time is continuous, 24 hours a day,
 * 7 days a week. `advanceWork` is the one rule: the SQL engine's `app_work_advance`
 * (drizzle/0015_calendars.sql) does the same walk over the same working intervals, and
 * calendar.test.ts / schedule-sql.test.ts hold the two to the same dates.
 *
 * Instants are UTC milliseconds. A day's working interval is its local date at `start` and at
 * `end` in the calendar's time zone, converted to UTC the way PostgreSQL's
 * `(date + time) AT TIME ZONE zone` does.
 */
import { z } from "zod";
import { CONTINUOUS_UNITS, parseDuration, type DurationUnits } from "./duration";

/** ISO weekdays: 1 = Monday ... 7 = Sunday. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export type WorkingCalendar = {
  days: number[];
  /** "09:00": the working day's start, local time. */
  start: string;
  /** "17:00": its end, after the start, same day. */
  end: string;
  timeZone: string;
  /** Local dates without work, "2026-12-25". */
  holidays: string[];
};

export const MAX_HOLIDAYS = 400;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const realDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const calendarSchema = z
  .object({
    days: z
      .array(z.number().int().min(1, "Days are 1 (Monday) to 7 (Sunday)").max(7, "Days are 1 (Monday) to 7 (Sunday)"))
      .min(1, "Choose at least one working day")
      .refine((d) => new Set(d).size === d.length, "Each working day once")
      .transform((d) => [...d].sort((a, b) => a - b)),
    start: z.string().regex(CLOCK, "The start is a time like 09:00"),
    end: z.string().regex(CLOCK, "The end is a time like 17:00"),
    timeZone: z.string().refine(isTimeZone, "Not a time zone: use a name like Europe/Berlin or America/New_York"),
    holidays: z
      .array(z.string().refine(realDate, "A holiday is a date like 2026-12-25"))
      .max(MAX_HOLIDAYS, `At most ${MAX_HOLIDAYS} holidays`)
      .transform((h) => [...new Set(h)].sort()),
  })
  .refine((c) => !CLOCK.test(c.start) || !CLOCK.test(c.end) || minutesOf(c.start) < minutesOf(c.end), {
    message: "The working day must end after it starts",
    path: ["end"],
  });

export const DEFAULT_CALENDAR: WorkingCalendar = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone: "UTC", holidays: [] };

/** Working minutes in one working day. */
export const dayMinutes = (c: WorkingCalendar) => minutesOf(c.end) - minutesOf(c.start);

/** Duration units in a calendar: "1d" is one working day, "1w" its working days of a week. */
export function workUnits(c: WorkingCalendar | null): DurationUnits {
  return c ? { m: 1, h: 60, d: dayMinutes(c), w: dayMinutes(c) * c.days.length } : CONTINUOUS_UNITS;
}

/**
 * A step's working minutes in its calendar: the most likely value of an estimate. Not
 * checked again for order: in a calendar with short days "2h / 1d / 3d" has a most likely
 * value below its optimistic one, and the most likely value is still what the plan uses.
 */
export function workMinutes(text: string | null | undefined, c: WorkingCalendar | null): number {
  return workEstimate(text, c).mode;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Twenty years of days: a walk longer than this means the calendar has (almost) no working time. */
const MAX_DAYS = 7_305;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at `instant`, as if it were UTC (milliseconds dropped). */
function wallClock(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The UTC instant of a local wall-clock time (given as if UTC) in `zone`. */
function fromWallClock(wall: number, zone: string): number {
  const first = wall - (wallClock(wall, zone) - wall);
  const offset = wallClock(first, zone) - first;
  return wall - offset;
}

/** The local date (as UTC midnight) of an instant in the calendar's zone. */
function localDay(instant: number, zone: string): number {
  const wall = wallClock(Math.floor(instant / 1000) * 1000, zone);
  return wall - (((wall % DAY) + DAY) % DAY);
}

const isoDay = (day: number) => ((new Date(day).getUTCDay() + 6) % 7) + 1;
const dateText = (day: number) => new Date(day).toISOString().slice(0, 10);

export type Interval = { from: number; to: number };

/** The working interval of a local date, or null for a day off. */
function workingInterval(c: WorkingCalendar, day: number, holidays: Set<string>): Interval | null {
  if (!c.days.includes(isoDay(day)) || holidays.has(dateText(day))) return null;
  return {
    from: fromWallClock(day + minutesOf(c.start) * MINUTE, c.timeZone),
    to: fromWallClock(day + minutesOf(c.end) * MINUTE, c.timeZone),
  };
}

/** The calendar's working intervals (UTC milliseconds) that end after `instant`, in order. */
export function* intervalsFrom(c: WorkingCalendar, instant: number): Generator<Interval> {
  const holidays = new Set(c.holidays);
  let day = localDay(instant, c.timeZone) - DAY;
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) {
    const interval = workingInterval(c, day, holidays);
    if (interval && interval.to > instant) yield interval;
  }
  throw new Error("The calendar has no working time in the next twenty years");
}

/**
 * The instant `minutes` of work after `start`: work fills the working intervals from `start`
 * on. Zero minutes take no time (the instant stays where it is). Without a calendar the
 * minutes run continuously.
 */
export function advanceWork(start: number, minutes: number, c: WorkingCalendar | null): number {
  if (!c || minutes <= 0) return start + Math.max(0, minutes) * MINUTE;
  let left = minutes;
  for (const { from, to } of intervalsFrom(c, start)) {
    const begin = Math.max(start, from);
    const available = (to - begin) / MINUTE;
    if (left <= available) return begin + left * MINUTE;
    left -= available;
  }
  throw new Error("unreachable");
}

/** The first working instant at or after `start` (itself without a calendar). */
export function nextWorking(start: number, c: WorkingCalendar | null): number {
  if (!c) return start;
  const { value } = intervalsFrom(c, start).next();
  return Math.max(start, value!.from);
}

/** Working minutes between two instants in a calendar (elapsed minutes without one). */
export function workingMinutesBetween(from: number, to: number, c: WorkingCalendar | null): number {
  if (to <= from) return 0;
  if (!c) return (to - from) / MINUTE;
  let total = 0;
  for (const interval of intervalsFrom(c, from)) {
    if (interval.from >= to) break;
    total += (Math.min(to, interval.to) - Math.max(from, interval.from)) / MINUTE;
  }
  return total;
}

/** "Mon-Fri 09:00-17:00, Europe/Berlin, 3 holidays". */
export function describeCalendar(c: WorkingCalendar | null): string {
  if (!c) return "24 hours a day, 7 days a week";
  const short = (d: number) => WEEKDAYS[d - 1]!.slice(0, 3);
  const consecutive = c.days.every((d, i) => i === 0 || d === c.days[i - 1]! + 1);
  const days = consecutive && c.days.length > 2 ? `${short(c.days[0]!)}-${short(c.days.at(-1)!)}` : c.days.map(short).join(", ");
  const holidays = c.holidays.length ? `, ${c.holidays.length} holiday${c.holidays.length === 1 ? "" : "s"}` : "";
  return `${days} ${c.start}-${c.end}, ${c.timeZone}${holidays}`;
}

/**
 * A duration or three-point estimate as working minutes of a calendar. In a calendar with
 * short days "2h / 1d / 3d" reads 2h / 1h / 3h: the most likely value stays what the plan
 * uses, and the range widens to hold it.
 */
export function workEstimate(text: string | null | undefined, c: WorkingCalendar | null): { low: number; mode: number; high: number } {
  if (text == null || text.trim() === "") return { low: 0, mode: 0, high: 0 };
  const points = text.split("/").map((part) => {
    const result = parseDuration(part.trim(), workUnits(c));
    if (!result.ok) throw new Error(result.error);
    return result.minutes;
  });
  if (points.length === 1) return { low: points[0]!, mode: points[0]!, high: points[0]! };
  if (points.length !== 3) throw new Error(`"${text}": give one duration, or three as optimistic / most likely / pessimistic`);
  const [low, mode, high] = points as [number, number, number];
  return { low: Math.min(low, mode), mode, high: Math.max(mode, high) };
}
