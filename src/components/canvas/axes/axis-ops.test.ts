import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem } from "~/domain/graph";
import { operationSchema, type Operation } from "~/domain/operations";
import { addAxisOp, axisItems, deleteAxisOp, nodesInLane, reorderAxisOps, updateAxisOp } from "./axis-ops";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const lane = (n: number, name: string, position: number): AxisItem => ({ id: uuid(n), name, color: "#0ea5e9", position });
const state = toState({
  departments: [lane(1, "Sales", 0), lane(2, "Ops", 1)],
  stages: [lane(3, "Intake", 0), lane(4, "Stage 3", 1), lane(5, "Close", 2)],
  nodes: [{ ...DEFAULT_NODE_FIELDS, id: uuid(9), label: "Call", x: 30, y: 30, departmentId: uuid(1), stageId: uuid(4) }],
  edges: [],
});
const applied = (ops: Operation[]) => {
  for (const op of ops) operationSchema.parse(op);
  return applyOperations(state, ops).state;
};

describe("axis operations", () => {
  it("adds a lane at the end with a name that is not taken", () => {
    const next = applied([addAxisOp(state, "stage", uuid(20))]);
    expect(axisItems(next, "stage").map((s) => s.name)).toEqual(["Intake", "Stage 3", "Close", "Stage 4"]);
  });

  it("renames and recolours only what changed", () => {
    const sales = state.departments.get(uuid(1))!;
    expect(updateAxisOp("department", sales, { name: " Sales " })).toBeNull();
    const op = updateAxisOp("department", sales, { name: "Revenue", color: "#ff0000" })!;
    expect(op).toMatchObject({ set: { name: "Revenue", color: "#ff0000" }, expect: { name: "Sales", color: "#0ea5e9" } });
    expect(applied([op]).departments.get(uuid(1))).toMatchObject({ name: "Revenue", color: "#ff0000" });
  });

  it("reorders by renumbering only the lanes that moved", () => {
    const ops = reorderAxisOps(state, "stage", uuid(5), 0);
    expect(ops).toHaveLength(3);
    expect(axisItems(applied(ops), "stage").map((s) => s.name)).toEqual(["Close", "Intake", "Stage 3"]);
    expect(reorderAxisOps(state, "stage", uuid(3), 0)).toEqual([]);
  });

  it("deletes a lane, moving its steps where asked", () => {
    expect(nodesInLane(state, "stage", uuid(4))).toBe(1);
    const next = applied([deleteAxisOp("stage", uuid(4), uuid(5))]);
    expect(next.nodes.get(uuid(9))!.stageId).toBe(uuid(5));
    expect(next.stages.has(uuid(4))).toBe(false);
  });
});
