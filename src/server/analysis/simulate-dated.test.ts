import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workMinutes } from "~/domain/calendar";
import { calendarArb, officeCalendar as office } from "~/domain/calendar-fixtures";
import { planSchedule } from "./schedule";
import { simulate, type Estimate, type SimulationInput } from "./simulate";

const MINUTE = 60_000;
const START = Date.parse("2026-12-04T16:00:00Z");
const fixed = (minutes: number): Estimate => ({ low: minutes, mode: minutes, high: minutes });

/** A random DAG: edges only from lower to higher index, durations and lags in half hours, some ranged. */
const graphArb = fc.integer({ min: 1, max: 16 }).chain((size) =>
  fc.record({
    steps: fc.array(
      fc.record({ mode: fc.integer({ min: 0, max: 16 }).map((h) => h * 30), spread: fc.constantFrom(0, 0, 60, 600), calendar: fc.nat(3) }),
      { minLength: size, maxLength: size },
    ),
    deps: fc
      .uniqueArray(
        fc
          .tuple(fc.nat(size - 1), fc.nat(size - 1), fc.constantFrom(0, 0, 15, 240, 1440), fc.boolean())
          .map(([a, b, lag, working]) => ({ s: Math.min(a, b), t: Math.max(a, b), lag, working })),
        { maxLength: size * 2, selector: (e) => `${e.s}-${e.t}` },
      )
      .map((deps) => deps.filter((e) => e.s !== e.t)),
    calendars: fc.array(fc.option(calendarArb, { nil: null }), { minLength: 4, maxLength: 4 }),
  }),
);

type Graph = typeof graphArb extends fc.Arbitrary<infer T> ? T : never;
const id = (i: number) => `n${String(i).padStart(2, "0")}`;

function input(g: Graph, { calendars, ranged }: { calendars: boolean; ranged: boolean }): SimulationInput {
  return {
    nodes: g.steps.map((s, i) => ({
      id: id(i),
      duration: ranged ? { low: s.mode, mode: s.mode, high: s.mode + s.spread } : fixed(s.mode),
      calendar: calendars ? g.calendars[s.calendar] : null,
    })),
    edges: g.deps.map((e, k) => ({ id: `e${k}`, source: id(e.s), target: id(e.t), lag: fixed(e.lag), working: calendars && e.working })),
    feedback: [],
  };
}

describe("simulate: dated runs in working calendars", () => {
  it("without calendars, dating the runs changes nothing: the same totals and the same criticality", () => {
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 1000 }), (g, seed) => {
        const plain = input(g, { calendars: false, ranged: true });
        const options = { runs: 300, seed, distribution: "TRIANGULAR" as const };
        expect(simulate({ ...plain, start: START }, options)).toEqual(simulate(plain, options));
      }),
      { numRuns: 150 },
    );
  });

  it("with fixed times every run finishes when the planned dates say, whatever the calendars and waits", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const sim = input(g, { calendars: true, ranged: false });
        const planned = planSchedule(
          sim.nodes.map((n) => ({ id: n.id, duration: n.duration.mode, calendar: n.calendar ?? null })),
          sim.edges.map((e) => ({ source: e.source, target: e.target, lag: e.lag.mode, working: e.working })),
          START,
        );
        const finish = Math.max(START, ...planned.map((s) => s.finish));
        const result = simulate({ ...sim, start: START }, { runs: 20, seed: 1, distribution: "PERT" });
        expect(Math.abs(result.min - (finish - START) / MINUTE)).toBeLessThan(0.01);
        expect(result.max).toBe(result.min);
      }),
      { numRuns: 150 },
    );
  });

  it("counts office hours: two 1d steps from Friday 16:00 end Tuesday 16:00, and the one chain is critical", () => {
    const day = workMinutes("1d", office());
    const result = simulate(
      {
        nodes: [
          { id: "a", duration: fixed(day), calendar: office() },
          { id: "b", duration: fixed(day), calendar: office() },
          { id: "c", duration: fixed(60), calendar: office() },
        ],
        edges: [
          { id: "ab", source: "a", target: "b", lag: fixed(0) },
          { id: "ac", source: "a", target: "c", lag: fixed(60), working: true },
        ],
        feedback: [],
        start: START,
      },
      { runs: 10, seed: 1, distribution: "PERT" },
    );
    expect(result.min).toBe((Date.parse("2026-12-08T16:00:00Z") - START) / MINUTE);
    expect(result.criticality).toEqual({ nodes: { a: 1, b: 1, c: 0 }, edges: { ab: 1, ac: 0 } });
  });
});
