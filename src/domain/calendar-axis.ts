/**
 * A working calendar laid out as a time axis from an origin, so that "the instant `m` working
 * minutes after `t`" is two binary searches instead of a walk over days: the Monte Carlo asks
 * it for every step of every run. Times are minutes after the origin (an instant in UTC
 * milliseconds), never before it. The working intervals are generated as far as a question
 * reaches and kept. Agrees with advanceWork to a fraction of a millisecond (calendar-axis.test.ts).
 */
import { intervalsFrom, type WorkingCalendar } from "./calendar";

const MINUTE = 60_000;
/** Intervals generated at a time when a question reaches past the known ones. */
const CHUNK = 64;

export class CalendarAxis {
  /** Interval i is [opens[i], closes[i]) in minutes after the origin, with before[i] working minutes before it. */
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];
  private readonly before: number[] = [];
  private readonly source: Generator<{ from: number; to: number }>;
  private readonly origin: number;

  constructor(calendar: WorkingCalendar, origin: number) {
    this.origin = origin;
    this.source = intervalsFrom(calendar, origin);
  }

  /** The time `minutes` of work after `t`; zero minutes take no time. */
  advance(t: number, minutes: number): number {
    if (minutes <= 0) return t;
    const i = this.firstClosingAfter(t);
    const begin = Math.max(t, this.opens[i]!);
    const goal = this.before[i]! + (begin - this.opens[i]!) + minutes;
    const j = this.firstReaching(goal, i);
    return this.opens[j]! + (goal - this.before[j]!);
  }

  /** The first interval that closes after `t`. */
  private firstClosingAfter(t: number): number {
    while (this.closes.length === 0 || this.closes.at(-1)! <= t) this.extend();
    let lo = 0;
    let hi = this.closes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.closes[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The first interval from `from` on whose end has `goal` working minutes before it. */
  private firstReaching(goal: number, from: number): number {
    const reached = (k: number) => this.before[k]! + (this.closes[k]! - this.opens[k]!);
    while (reached(this.closes.length - 1) < goal) this.extend();
    let lo = from;
    let hi = this.closes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reached(mid) >= goal) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private extend() {
    for (let k = 0; k < CHUNK; k++) {
      const { value } = this.source.next();
      if (!value) return;
      const last = this.closes.length - 1;
      const open = Math.max(0, (value.from - this.origin) / MINUTE);
      this.before.push(last < 0 ? 0 : this.before[last]! + (this.closes[last]! - this.opens[last]!));
      this.opens.push(open);
      this.closes.push((value.to - this.origin) / MINUTE);
    }
  }
}
