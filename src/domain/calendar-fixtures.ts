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
