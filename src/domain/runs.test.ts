import { describe, expect, it } from "vitest";
import { runStatus, type DatedPlan } from "./runs";

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

describe("estimates from actuals", () => {
  it("writes hours and minutes, the same in every calendar, and three points in order", async () => {
    const { estimatesFromActuals, hoursText } = await import("./actuals");
    expect([hoursText(90), hoursText(60), hoursText(45), hoursText(0), hoursText(1501.4)]).toEqual(["1h30m", "1h", "45m", "0m", "25h1m"]);
    const step = { label: "A", estimate: 60, waitMedian: null, ratio: 1.5, flagged: true };
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
