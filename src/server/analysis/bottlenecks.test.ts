import { describe, expect, it } from "vitest";
import { findBottlenecks } from "./bottlenecks";

const critical = (id: string) => ({ id, es: 0, ef: 0, ls: 0, lf: 0, slack: 0, critical: true });
const slack = (id: string) => ({ ...critical(id), slack: 5, critical: false });

describe("findBottlenecks", () => {
  it("grades critical nodes by their share of the critical path", () => {
    const facts = [
      { id: "a", label: "A", duration: 40, status: "PENDING", dependencies: 0 },
      { id: "b", label: "B", duration: 25, status: "PENDING", dependencies: 1 },
      { id: "c", label: "C", duration: 15, status: "PENDING", dependencies: 1 },
      { id: "d", label: "D", duration: 10, status: "PENDING", dependencies: 1 },
      { id: "e", label: "E", duration: 90, status: "PENDING", dependencies: 0 },
    ];
    const result = findBottlenecks(facts, [critical("a"), critical("b"), critical("c"), critical("d"), slack("e")], 100);
    expect(result.map((b) => [b.nodeId, b.severity])).toEqual([
      ["a", "CRITICAL"],
      ["b", "HIGH"],
      ["c", "MEDIUM"],
    ]);
    expect(result[0]!.reason).toBe("A takes 40% of the critical path");
  });

  it("flags merge points and blocked critical nodes", () => {
    const facts = [
      { id: "m", label: "Merge", duration: 1, status: "PENDING", dependencies: 3 },
      { id: "x", label: "Stuck", duration: 1, status: "BLOCKED", dependencies: 3 },
    ];
    const result = findBottlenecks(facts, [critical("m"), critical("x")], 100);
    expect(result).toEqual([
      { nodeId: "x", severity: "HIGH", reason: "Stuck waits for 3 dependencies; is blocked on the critical path" },
      { nodeId: "m", severity: "LOW", reason: "Merge waits for 3 dependencies" },
    ]);
  });
});
