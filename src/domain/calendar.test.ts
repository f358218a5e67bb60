import { describe, expect, it } from "vitest";
import { officeCalendar as office } from "./calendar-fixtures";
import { advanceWork, calendarSchema, describeCalendar, nextWorking, workingMinutesBetween, workMinutes } from "./calendar";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

describe("working calendars", () => {
  it("3 working days from Friday 16:00 in a Mon-Fri 09-17 calendar finish on Wednesday 16:00", () => {
    // Friday 4 December 2026, 16:00: one hour on Friday, eight on Monday and Tuesday, seven on Wednesday.
    const minutes = workMinutes("3d", office());
    expect(minutes).toBe(3 * 8 * 60);
    expect(iso(advanceWork(at("2026-12-04T16:00:00Z"), minutes, office()))).toBe("2026-12-09T16:00:00Z");
  });

  it("a holiday in between moves the finish a day", () => {
    const c = office({ holidays: ["2026-12-08"] });
    expect(iso(advanceWork(at("2026-12-04T16:00:00Z"), workMinutes("3d", c), c))).toBe("2026-12-10T16:00:00Z");
  });

  it("works in the calendar's time zone: 09-17 in Berlin is 08-16 UTC in winter, in New York 14-22 UTC", () => {
    const berlin = office({ timeZone: "Europe/Berlin" });
    const newYork = office({ timeZone: "America/New_York" });
    // Monday 7 December 2026, 08:00 UTC is 09:00 in Berlin: a day's work ends at 17:00 there.
    const first = advanceWork(at("2026-12-07T08:00:00Z"), workMinutes("1d", berlin), berlin);
    expect(iso(first)).toBe("2026-12-07T16:00:00Z");
    // The next step, in New York, starts at 11:00 local and works four hours.
    expect(iso(advanceWork(first, workMinutes("4h", newYork), newYork))).toBe("2026-12-07T20:00:00Z");
    // Summer time: 09:00 in Berlin is 07:00 UTC.
    expect(iso(nextWorking(at("2026-07-06T00:00:00Z"), berlin))).toBe("2026-07-06T07:00:00Z");
  });

  it("starts work at the next working instant; zero work takes no time; no calendar is continuous time", () => {
    expect(iso(nextWorking(at("2026-12-05T10:00:00Z"), office()))).toBe("2026-12-07T09:00:00Z");
    expect(iso(nextWorking(at("2026-12-07T10:30:00Z"), office()))).toBe("2026-12-07T10:30:00Z");
    expect(iso(advanceWork(at("2026-12-05T10:00:00Z"), 0, office()))).toBe("2026-12-05T10:00:00Z");
    expect(iso(advanceWork(at("2026-12-05T10:00:00Z"), workMinutes("3d", null), null))).toBe("2026-12-08T10:00:00Z");
    // Work that fills a day exactly ends at the close, not the next morning.
    expect(iso(advanceWork(at("2026-12-07T09:00:00Z"), 480, office()))).toBe("2026-12-07T17:00:00Z");
  });

  it("counts 1w as the calendar's working days and an estimate by its most likely value", () => {
    expect(workMinutes("1w", office())).toBe(5 * 480);
    expect(workMinutes("1w", office({ days: [1, 2, 3, 4] }))).toBe(4 * 480);
    expect(workMinutes("2h / 1d / 2d", office())).toBe(480);
    expect(workMinutes("1w", null)).toBe(10080);
  });

  it("measures working time between two instants", () => {
    expect(workingMinutesBetween(at("2026-12-04T16:00:00Z"), at("2026-12-09T16:00:00Z"), office())).toBe(1440);
    expect(workingMinutesBetween(at("2026-12-04T16:00:00Z"), at("2026-12-04T15:00:00Z"), office())).toBe(0);
    expect(workingMinutesBetween(0, 60_000 * 90, null)).toBe(90);
  });

  it("says what was wrong with a calendar", () => {
    const wrong = calendarSchema.safeParse({ days: [], start: "9am", end: "08:00", timeZone: "Mars/Olympus", holidays: ["2026-02-30"] });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues.map((i) => i.message)).toEqual([
      "Choose at least one working day",
      "The start is a time like 09:00",
      "Not a time zone: use a name like Europe/Berlin or America/New_York",
      "A holiday is a date like 2026-12-25",
    ]);
    expect(calendarSchema.safeParse(office({ start: "17:00", end: "09:00" })).error!.issues[0]!.message).toBe(
      "The working day must end after it starts",
    );
    expect(calendarSchema.parse(office({ days: [5, 1, 3], holidays: ["2026-12-25", "2026-01-01", "2026-12-25"] }))).toMatchObject({
      days: [1, 3, 5],
      holidays: ["2026-01-01", "2026-12-25"],
    });
  });

  it("describes itself in a line", () => {
    expect(describeCalendar(office({ timeZone: "Europe/Berlin", holidays: ["2026-12-25"] }))).toBe(
      "Mon-Fri 09:00-17:00, Europe/Berlin, 1 holiday",
    );
    expect(describeCalendar(office({ days: [1, 3] }))).toBe("Mon, Wed 09:00-17:00, UTC");
    expect(describeCalendar(null)).toBe("24 hours a day, 7 days a week");
  });
});
