import { describe, expect, it } from "vitest";
import { computeCpm, CycleError } from "./cpm";

/** Heizer & Render, Operations Management: Milwaukee Paper Manufacturing (weeks). */
const milwaukee = {
  nodes: [
    ["A", 2],
    ["B", 3],
    ["C", 2],
    ["D", 4],
    ["E", 4],
    ["F", 3],
    ["G", 5],
    ["H", 2],
  ].map(([id, duration]) => ({ id: id as string, duration: duration as number })),
  deps: [
    ["A", "C"],
    ["A", "D"],
    ["B", "D"],
    ["C", "E"],
    ["C", "F"],
    ["D", "G"],
    ["E", "G"],
    ["F", "H"],
    ["G", "H"],
  ].map(([source, target]) => ({ source: source!, target: target!, lag: 0 })),
};

describe("computeCpm", () => {
  it("reproduces the Milwaukee Paper textbook answer", () => {
    const result = computeCpm(milwaukee.nodes, milwaukee.deps);
    expect(result.criticalPathMinutes).toBe(15);
    const table = Object.fromEntries(result.nodes.map((n) => [n.id, [n.es, n.ef, n.ls, n.lf, n.slack]]));
    expect(table).toEqual({
      A: [0, 2, 0, 2, 0],
      B: [0, 3, 1, 4, 1],
      C: [2, 4, 2, 4, 0],
      D: [3, 7, 4, 8, 1],
      E: [4, 8, 4, 8, 0],
      F: [4, 7, 10, 13, 6],
      G: [8, 13, 8, 13, 0],
      H: [13, 15, 13, 15, 0],
    });
    expect(result.criticalPath).toEqual(["A", "C", "E", "G", "H"]);
  });

  it("adds lags between finish and start", () => {
    const result = computeCpm(
      [
        { id: "a", duration: 60 },
        { id: "b", duration: 30 },
      ],
      [{ source: "a", target: "b", lag: 1440 }],
    );
    expect(result.nodes.find((n) => n.id === "b")).toMatchObject({ es: 1500, ef: 1530, slack: 0 });
    expect(result.criticalPathMinutes).toBe(1530);
  });

  it("computes rework as frequency times the loop's span", () => {
    const result = computeCpm(
      [
        { id: "build", duration: 100 },
        { id: "test", duration: 50 },
      ],
      [{ source: "build", target: "test", lag: 0 }],
      [{ source: "test", target: "build", frequency: 0.5 }],
    );
    expect(result.reworkMinutes).toBe(75);
  });

  it("gives zeros for an empty graph and rejects cycles", () => {
    expect(computeCpm([], [])).toEqual({ criticalPathMinutes: 0, reworkMinutes: 0, nodes: [], criticalPath: [] });
    expect(() =>
      computeCpm(
        [
          { id: "x", duration: 1 },
          { id: "y", duration: 1 },
        ],
        [
          { source: "x", target: "y", lag: 0 },
          { source: "y", target: "x", lag: 0 },
        ],
      ),
    ).toThrow(CycleError);
  });
});
