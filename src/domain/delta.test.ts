import { describe, expect, it } from "vitest";
import { explainDelta, signedMinutes, type Figures } from "./delta";

const label = (id: string) => ({ credit: "Manual credit check", invoice: "Issue first invoice", sign: "Sign", ship: "Ship" })[id] ?? id;

const figures = (path: string[], durations: Record<string, number>, extra: Partial<Figures> = {}): Figures => ({
  totalMinutes: path.reduce((sum, id) => sum + (durations[id] ?? 0), 0),
  processMinutes: 0,
  waitingMinutes: 0,
  reworkMinutes: 0,
  flowEfficiency: null,
  p80Minutes: null,
  criticalPath: path,
  durations,
  ...extra,
});

describe("explainDelta", () => {
  it("says which step left the critical path and which now leads it", () => {
    const before = figures(["sign", "credit", "ship"], { sign: 60, credit: 4560, ship: 60, invoice: 600 });
    const after = figures(["sign", "invoice", "ship"], { sign: 60, credit: 0, ship: 60, invoice: 600 });
    expect(explainDelta(before, after, label).sentence).toBe(
      "−2d 18h: “Manual credit check” left the critical path; “Issue first invoice” now leads it; “Manual credit check” takes 3d 4h less.",
    );
  });

  it("names the step that changed most when the path is the same", () => {
    const before = figures(["sign", "ship"], { sign: 60, ship: 300 });
    const after = figures(["sign", "ship"], { sign: 60, ship: 180 });
    expect(explainDelta(before, after, label)).toMatchObject({ leadMinutes: -120, sentence: "−2h: “Ship” takes 2h less." });
  });

  it("names a step off the critical path whose change moved the rework, and the rework's change", () => {
    const before = figures(["sign", "ship"], { sign: 60, ship: 60, credit: 600, invoice: 30 }, { totalMinutes: 420, reworkMinutes: 300 });
    const after = figures(["sign", "ship"], { sign: 60, ship: 60, credit: 300, invoice: 30 }, { totalMinutes: 270, reworkMinutes: 150 });
    expect(explainDelta(before, after, label).sentence).toBe(
      "−2h 30m: “Manual credit check” takes 5h less, so the expected rework is 2h 30m less.",
    );
    // A step on the path that changed is the reason; the rework is said alongside.
    const path = figures(["sign", "ship"], { sign: 60, ship: 30 }, { totalMinutes: 120, reworkMinutes: 30 });
    expect(explainDelta(before, path, label).sentence).toBe("−5h: “Ship” takes 30m less; the expected rework is 4h 30m less.");
  });

  it("with the same total, names the step that changed off the path and the P80's change", () => {
    const before = figures(["sign", "ship"], { sign: 60, ship: 60, credit: 30 }, { p80Minutes: 200 });
    const after = figures(["sign", "ship"], { sign: 60, ship: 60, credit: 0 }, { p80Minutes: 177 });
    expect(explainDelta(before, after, label).sentence).toBe(
      "±0m: “Manual credit check” takes 30m less, off the critical path; the P80 is 23m less.",
    );
  });

  it("gives every figure's change, flow efficiency in points, P80 only when both sides have one", () => {
    const before = figures(["ship"], { ship: 100 }, { processMinutes: 100, waitingMinutes: 300, flowEfficiency: 0.25, p80Minutes: 500 });
    const after = figures(
      ["ship"],
      { ship: 100 },
      { totalMinutes: 300, processMinutes: 100, waitingMinutes: 200, flowEfficiency: 1 / 3, p80Minutes: 380 },
    );
    expect(explainDelta({ ...before, totalMinutes: 400 }, after, label)).toMatchObject({
      leadMinutes: -100,
      processMinutes: 0,
      waitingMinutes: -100,
      flowEfficiencyPoints: 8.3,
      p80Minutes: -120,
      sentence: "−1h 40m: the waits on the same critical path are 1h 40m less.",
    });
    expect(explainDelta(before, { ...after, p80Minutes: null }, label).p80Minutes).toBeNull();
  });

  it("says so when nothing changed, and counts more than one step", () => {
    const same = figures(["sign", "ship"], { sign: 60, ship: 60 });
    expect(explainDelta(same, same, label).sentence).toBe("±0m: the critical path and its times are the same.");
    const after = figures(["invoice"], { invoice: 10 });
    expect(explainDelta(same, after, label).sentence).toBe(
      "−1h 50m: “Sign” and 1 more step left the critical path; “Issue first invoice” now leads it.",
    );
  });
});

describe("signedMinutes", () => {
  it("signs a change with a real minus", () => {
    expect([signedMinutes(-4560), signedMinutes(90), signedMinutes(0.2)]).toEqual(["−3d 4h", "+1h 30m", "±0m"]);
  });
});
