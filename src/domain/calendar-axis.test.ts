import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceWork } from "./calendar";
import { CalendarAxis } from "./calendar-axis";
import { calendarArb, officeCalendar as office } from "./calendar-fixtures";

const MINUTE = 60_000;
const origin = Date.parse("2026-12-04T16:00:00Z");

describe("calendar axis", () => {
  it("3 working days from Friday 16:00 end Wednesday 16:00, as advanceWork says", () => {
    const axis = new CalendarAxis(office(), origin);
    expect(origin + axis.advance(0, 3 * 480) * MINUTE).toBe(Date.parse("2026-12-09T16:00:00Z"));
    // Work that fills a day exactly ends at the close; none takes no time, even off hours.
    expect(origin + axis.advance(0, 60) * MINUTE).toBe(Date.parse("2026-12-04T17:00:00Z"));
    expect(axis.advance(90, 0)).toBe(90);
  });

  it("agrees with advanceWork on random calendars, starts and amounts of work, asked in any order", () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 * 24 * 90 }), fc.integer({ min: 0, max: 480 * 40 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (calendar, asks) => {
          const axis = new CalendarAxis(calendar, origin);
          for (const [t, minutes] of asks) {
            const expected = (advanceWork(origin + t * MINUTE, minutes, calendar) - origin) / MINUTE;
            expect(Math.abs(axis.advance(t, minutes) - expected)).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
