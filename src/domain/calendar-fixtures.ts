import fc from "fast-check";
import type { WorkingCalendar } from "./calendar";

/** For tests: Monday to Friday, 09:00-17:00 UTC, no holidays; `extra` changes what a test needs. */
export const officeCalendar = (extra: Partial<WorkingCalendar> = {}): WorkingCalendar => ({
  days: [1, 2, 3, 4, 5],
  start: "09:00",
  end: "17:00",
  timeZone: "UTC",
  holidays: [],
  ...extra,
});

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"];
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Random calendars for property tests: any days, half-hour days from 06:00, seven zones, holidays over the winter. */
export const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 12, max: 22 }).map((h) => h * 30),
    length: fc.integer({ min: 1, max: 20 }).map((h) => h * 30),
    timeZone: fc.constantFrom(...ZONES),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
  })
  .map(({ days, start, length, timeZone, holidays }) => ({
    days: [...days].sort((a, b) => a - b),
    start: clock(start),
    end: clock(Math.min(start + length, 23 * 60 + 30)),
    timeZone,
    holidays: holidays.map((d) => new Date(Date.UTC(2026, 11, 1 + d)).toISOString().slice(0, 10)).sort(),
  }));
