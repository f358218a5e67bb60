import { describe, expect, it } from "vitest";
import { firstPassYield, flowOf, type FlowStep } from "./flow";

const step = (
  id: string,
  duration: number,
  lanes: { stage?: string | null; department?: string | null } = {},
  extra: Partial<FlowStep> = {},
): FlowStep => ({
  id,
  duration,
  stageId: lanes.stage === undefined ? "s1" : lanes.stage,
  departmentId: lanes.department === undefined ? "d1" : lanes.department,
  external: false,
  pca: 100,
  ...extra,
});

/**
 * A (1h) --wait 30m--> B (2h, the customer's) --> C (30m), and D (10m) in parallel with slack.
 * Critical path A, B, C: 1h + 30m + 2h + 30m = 4h; work is A and C (1h 30m).
 */
function example(rework = 0) {
  return flowOf({
    steps: [
      step("a", 60, { stage: "s2", department: "d1" }, { pca: 90 }),
      step("b", 120, { stage: "s1", department: "d2" }, { external: true }),
      step("c", 30, { stage: null, department: "d1" }, { pca: 50 }),
      step("d", 10, { stage: "s1", department: "d1" }, { pca: 80 }),
    ],
    links: [
      { id: "ab", source: "a", target: "b", lag: 30 },
      { id: "bc", source: "b", target: "c", lag: 0 },
      { id: "dc", source: "d", target: "c", lag: 0 },
    ],
    loops: [0.25],
    stages: [
      { id: "s1", name: "First" },
      { id: "s2", name: "Second" },
    ],
    departments: [
      { id: "d1", name: "Ops" },
      { id: "d2", name: "Customer" },
    ],
    times: [
      { id: "a", es: 0, ef: 60 },
      { id: "b", es: 90, ef: 210 },
      { id: "c", es: 210, ef: 240 },
      { id: "d", es: 0, ef: 10 },
    ],
    criticalPath: ["a", "b", "c"],
    reworkMinutes: rework,
  });
}

describe("flowOf", () => {
  it("splits the critical path into work and waiting: waits and external steps wait, the rest works", () => {
    const flow = example();
    expect(flow).toMatchObject({ processMinutes: 90, waitingMinutes: 150, leadMinutes: 240, flowEfficiency: 0.375 });
    expect(flow.ladder).toEqual([
      { kind: "step", nodeId: "a", minutes: 60, external: false },
      { kind: "wait", edgeId: "ab", fromId: "a", toId: "b", minutes: 30 },
      { kind: "step", nodeId: "b", minutes: 120, external: true },
      { kind: "step", nodeId: "c", minutes: 30, external: false },
    ]);
  });

  it("ranks the waits longest first, with their share of the lead time", () => {
    expect(example().waits.map((w) => [w.kind === "wait" ? w.edgeId : w.nodeId, w.minutes, w.share])).toEqual([
      ["b", 120, 0.5],
      ["ab", 30, 0.125],
    ]);
  });

  it("counts rework in the lead time, so it lowers the flow efficiency", () => {
    const flow = example(60);
    expect(flow).toMatchObject({ processMinutes: 90, waitingMinutes: 150, reworkMinutes: 60, leadMinutes: 300, flowEfficiency: 0.3 });
  });

  it("lists lanes in matrix order with Unassigned last, a wait counted where the step it precedes sits", () => {
    const flow = example();
    expect(flow.stages.map((l) => [l.id, l.name, l.processMinutes, l.waitingMinutes, l.flowEfficiency])).toEqual([
      ["s1", "First", 0, 150, 0],
      ["s2", "Second", 60, 0, 1],
      [null, "Unassigned", 30, 0, 1],
    ]);
    expect(flow.departments.map((l) => [l.name, l.leadMinutes])).toEqual([
      ["Ops", 90],
      ["Customer", 150],
    ]);
    const total = flow.stages.reduce((sum, l) => sum + l.leadMinutes, 0);
    expect(total).toBe(240);
  });

  it("rolls %C&A up as the product over the critical path and over the whole process", () => {
    // Critical path: 0.9 * 1 * 0.5 = 45%; all steps: 45% * 0.8 = 36%.
    expect(example().rolledPca).toEqual({ criticalPath: 45, process: 36 });
  });

  it("names the idle gap when a step starts later than its connection's wait", () => {
    const flow = flowOf({
      steps: [step("a", 10), step("b", 10)],
      links: [{ id: "ab", source: "a", target: "b", lag: 5 }],
      loops: [],
      stages: [{ id: "s1", name: "Only" }],
      departments: [{ id: "d1", name: "Only" }],
      times: [
        { id: "a", es: 0, ef: 10 },
        { id: "b", es: 25, ef: 35 },
      ],
      criticalPath: ["a", "b"],
      reworkMinutes: 0,
    });
    expect(flow.ladder[1]).toEqual({ kind: "wait", edgeId: "ab", fromId: "a", toId: "b", minutes: 15 });
  });

  it("is empty, not NaN, for a process with no time", () => {
    const flow = flowOf({ steps: [], links: [], loops: [], stages: [], departments: [], times: [], criticalPath: [], reworkMinutes: 0 });
    expect(flow).toMatchObject({
      processMinutes: 0,
      waitingMinutes: 0,
      leadMinutes: 0,
      flowEfficiency: null,
      ladder: [],
      waits: [],
      stages: [],
    });
    expect(flow.rolledPca).toEqual({ criticalPath: 100, process: 100 });
    expect(flow.firstPassYield).toBe(100);
  });
});

describe("firstPassYield", () => {
  it("is the chance a case needs no rework: e^-f per loop (Poisson loop counts), loops independent", () => {
    expect(firstPassYield([0.25])).toBe(77.88);
    expect(firstPassYield([0.25, 0.75])).toBe(36.79);
    expect(firstPassYield([])).toBe(100);
  });
});
