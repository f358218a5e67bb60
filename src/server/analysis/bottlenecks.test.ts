import { describe, expect, it } from "vitest";
import { findBottlenecks, MAX_BOTTLENECKS } from "./bottlenecks";

const critical = (id: string) => ({ id, es: 0, ef: 0, ls: 0, lf: 0, slack: 0, critical: true });
const slack = (id: string) => ({ ...critical(id), slack: 5, critical: false });
const step = (id: string, duration: number, extra: { status?: string; worked?: boolean } = {}) => ({
  id,
  label: id.toUpperCase(),
  duration,
  status: extra.status ?? "PENDING",
  worked: extra.worked ?? true,
});

describe("findBottlenecks", () => {
  it("grades the steps with no slack by their share of the lead time", () => {
    const facts = [step("a", 40), step("b", 25), step("c", 15), step("d", 12), step("f", 9), step("e", 90)];
    const result = findBottlenecks(facts, [critical("a"), critical("b"), critical("c"), critical("d"), critical("f"), slack("e")], 100);
    expect(result.map((b) => [b.nodeId, b.severity])).toEqual([
      ["a", "CRITICAL"],
      ["b", "HIGH"],
      ["c", "MEDIUM"],
      ["d", "LOW"],
    ]);
    expect(result[0]!.reason).toBe("Takes 40m, 40% of the lead time, with no slack.");
  });

  it("never names a trigger or an external step: they are waited for, not worked", () => {
    const result = findBottlenecks([step("pay", 60, { worked: false }), step("work", 40)], [critical("pay"), critical("work")], 100);
    expect(result.map((b) => b.nodeId)).toEqual(["work"]);
  });

  it("keeps a large graph's list short: only the biggest holders, at most five", () => {
    // 60 critical steps of similar size (a layered graph's critical path): none holds 10%.
    const even = Array.from({ length: 60 }, (_, i) => step(`s${String(i).padStart(2, "0")}`, 100 + i));
    const lead = even.reduce((sum, s) => sum + s.duration, 0);
    expect(
      findBottlenecks(
        even,
        even.map((s) => critical(s.id)),
        lead,
      ),
    ).toEqual([]);
    // Eight steps that each hold over 10%: the five largest are named.
    const big = Array.from({ length: 8 }, (_, i) => step(`b${i}`, 12 + i));
    const result = findBottlenecks(
      big,
      big.map((s) => critical(s.id)),
      100,
    );
    expect(result).toHaveLength(MAX_BOTTLENECKS);
    expect(result.map((b) => b.nodeId)).toEqual(["b7", "b6", "b5", "b4", "b3"]);
  });

  it("flags a blocked step with no slack at least HIGH, whatever its share", () => {
    const result = findBottlenecks(
      [step("x", 1, { status: "BLOCKED" }), step("y", 1, { status: "BLOCKED" })],
      [critical("x"), slack("y")],
      100,
    );
    expect(result).toEqual([{ nodeId: "x", severity: "HIGH", reason: "It is blocked, and everything after it waits." }]);
  });
});
