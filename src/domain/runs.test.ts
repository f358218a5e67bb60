import { describe, expect, it } from "vitest";
import { summarizeActuals } from "./actuals";
import { runStatus, stepInstances, type DatedPlan, type RunEvent } from "./runs";

const t = (time: string) => Date.parse(`2026-12-07T${time}:00Z`);
const plan: DatedPlan = {
  steps: [
    { id: "a", label: "A", plannedStart: "2026-12-07T09:00:00Z", plannedFinish: "2026-12-07T10:00:00Z" },
    { id: "b", label: "B", plannedStart: "2026-12-07T10:00:00Z", plannedFinish: "2026-12-07T12:00:00Z" },
    { id: "c", label: "C", plannedStart: "2026-12-07T10:00:00Z", plannedFinish: "2026-12-07T11:00:00Z" },
  ],
  deps: [
    { source: "a", target: "b" },
    { source: "a", target: "c" },
  ],
};

describe("runStatus", () => {
  it("measures lateness at now: past the planned finish in progress, past the planned start not started", () => {
    const status = runStatus(
      plan,
      [
        { nodeId: "a", kind: "START", at: t("09:00") },
        { nodeId: "a", kind: "FINISH", at: t("09:50") },
        { nodeId: "b", kind: "START", at: t("10:00") },
      ],
      t("09:00"),
      t("12:45"),
    );
    expect(status.steps.map((s) => [s.id, s.state, s.lateMinutes])).toEqual([
      ["a", "DONE", 0],
      ["b", "IN_PROGRESS", 45],
      ["c", "NOT_STARTED", 165],
    ]);
    expect(status.counts).toEqual({ done: 1, inProgress: 1, notStarted: 1, late: 2 });
    expect(status).toMatchObject({ finished: false, actualLeadMinutes: null, actualCriticalPath: [] });
  });

  it("once every step is done gives the actual lead time and the chain that held up the last finish", () => {
    const events = ["a", "b", "c"].flatMap((id, i) => [
      { nodeId: id, kind: "START" as const, at: t("09:00") },
      { nodeId: id, kind: "FINISH" as const, at: t(["10:00", "11:00", "13:00"][i]!) },
    ]);
    const status = runStatus(plan, events, t("09:00"), t("14:00"));
    expect(status).toMatchObject({ finished: true, actualLeadMinutes: 240, actualCriticalPath: ["a", "c"] });
    expect(status.steps.find((s) => s.id === "c")!.lateMinutes).toBe(120);
  });
});

describe("steps that run more than once", () => {
  const ev = (nodeId: string, kind: "START" | "FINISH", time: string): RunEvent => ({ nodeId, kind, at: t(time) });

  it("a start after the finish is a new pass; a second start, a finish again or a start moved back correct the current one", () => {
    const passes = stepInstances([
      ev("a", "START", "09:00"),
      ev("a", "START", "09:10"), // corrects the start
      ev("a", "FINISH", "09:40"),
      ev("a", "FINISH", "09:50"), // corrects the finish
      ev("a", "START", "09:05"), // moved back before its finish: still the first pass
      ev("a", "START", "11:00"), // after the finish: the step runs again
      ev("a", "FINISH", "11:30"),
      ev("b", "FINISH", "10:00"), // a finish with no start
    ]);
    expect(passes.get("a")).toEqual([
      { start: t("09:05"), finish: t("09:50") },
      { start: t("11:00"), finish: t("11:30") },
    ]);
    expect(passes.get("b")).toEqual([{ finish: t("10:00") }]);
  });

  it("a step running again is in progress again, and each pass is a sample of its duration", () => {
    const events = [
      ev("a", "START", "09:00"),
      ev("a", "FINISH", "10:00"),
      ev("a", "START", "10:30"), // rework
    ];
    expect(runStatus(plan, events, t("09:00"), t("10:45")).steps[0]).toMatchObject({
      state: "IN_PROGRESS",
      actualStart: "2026-12-07T10:30:00.000Z",
    });
    const steps = [{ id: "a", label: "A", estimate: 60, calendar: null }];
    const runs = [
      { id: "r1", name: "R1", startedAt: t("09:00"), events: [...events, ev("a", "FINISH", "11:30")] },
      { id: "r2", name: "R2", startedAt: t("09:00"), events: [ev("a", "START", "09:15"), ev("a", "FINISH", "10:45")] },
    ];
    const summary = summarizeActuals(steps, [], runs, 1.5);
    // 60, 60 and 90 minutes; the wait is before the first pass only; one case ran it twice.
    expect(summary.steps[0]).toMatchObject({ samples: 3, median: 60, repeated: { cases: 1, passes: 2 }, waitMedian: 7.5 });
    expect(summary.lead.values).toEqual([105, 150]);
  });
});

describe("estimates from actuals", () => {
  it("writes hours and minutes, the same in every calendar, and three points in order", async () => {
    const { estimatesFromActuals, hoursText } = await import("./actuals");
    expect([hoursText(90), hoursText(60), hoursText(45), hoursText(0), hoursText(1501.4)]).toEqual(["1h30m", "1h", "45m", "0m", "25h1m"]);
    const step = { label: "A", estimate: 60, waitMedian: null, ratio: 1.5, flagged: true, repeated: { cases: 0, passes: 0 } };
    const next = estimatesFromActuals(
      [
        { ...step, id: "a", samples: 5, p10: 66, median: 90, p80: 144, p90: 162 },
        { ...step, id: "b", samples: 0, p10: null, median: null, p80: null, p90: null },
      ],
      "range",
    );
    expect([...next]).toEqual([["a", "1h6m / 1h30m / 2h42m"]]);
    expect(estimatesFromActuals([{ ...step, id: "a", samples: 1, p10: 90, median: 90, p80: 90, p90: 90 }], "median").get("a")).toBe(
      "1h30m",
    );
  });
});
