import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode } from "~/domain/graph";
import { CELL_PADDING, MIN_CELL_WIDTH, NODE_WIDTH, absolutePosition, layoutMatrix } from "~/domain/matrix";
import { operationSchema, type Operation } from "~/domain/operations";
import { createEdgeOp, createNodeOp, deleteOps, dropOps, moveToCellOp, nudgeOps, renameOp } from "./canvas-ops";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [SALES, OPS, INTAKE, REVIEW, A, B, C, E1] = [1, 2, 3, 4, 5, 6, 7, 8].map(uuid) as [string, string, string, string, string, string, string, string];
const lane = (id: string, name: string, position: number): AxisItem => ({ id, name, color: "#0ea5e9", position });
const node = (id: string, departmentId: string | null, stageId: string | null, x = 30, y = 40): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: `Step ${id.slice(-1)}`,
  x,
  y,
  departmentId,
  stageId,
});

const state = toState({
  departments: [lane(SALES, "Sales", 0), lane(OPS, "Ops", 1)],
  stages: [lane(INTAKE, "Intake", 0), lane(REVIEW, "Review", 1)],
  nodes: [node(A, SALES, INTAKE), node(B, SALES, REVIEW), node(C, OPS, REVIEW)],
  edges: [{ id: E1, sourceId: A, targetId: B, relationType: "REQUIRES", lagTime: null, frequency: 0, condition: null }],
});
const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });

/** Ops must pass the wire schema and apply cleanly to the state they were made from. */
function applied(ops: Operation[]) {
  for (const op of ops) operationSchema.parse(op);
  return applyOperations(state, ops).state;
}

describe("dropOps", () => {
  it("moves a node into the cell it is dropped on, expecting the old values", () => {
    const target = absolutePosition(layout, { departmentId: OPS, stageId: INTAKE, x: 30, y: 50 });
    const ops = dropOps(state, layout, [{ id: A, position: target }]);
    expect(ops).toEqual([{ op: "updateNode", id: A, set: { y: 50, departmentId: OPS }, expect: { y: 40, departmentId: SALES } }]);
    expect(applied(ops).nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: INTAKE, x: 30, y: 50 });
  });

  it("emits nothing for a node dropped where it was", () => {
    expect(dropOps(state, layout, [{ id: B, position: absolutePosition(layout, state.nodes.get(B)!) }])).toEqual([]);
  });

  it("moves a whole selection in one batch, each node to its own cell", () => {
    const ops = dropOps(state, layout, [
      { id: A, position: absolutePosition(layout, { departmentId: null, stageId: REVIEW, x: 30, y: 40 }) },
      { id: C, position: absolutePosition(layout, { departmentId: SALES, stageId: INTAKE, x: 30, y: 40 }) },
    ]);
    const next = applied(ops);
    expect(next.nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: REVIEW });
    expect(next.nodes.get(C)).toMatchObject({ departmentId: SALES, stageId: INTAKE });
  });
});

describe("nudgeOps", () => {
  it("moves selected nodes inside their cell and stops at the cell wall", () => {
    const next = applied(nudgeOps(state, layout, [A, C], 0, 10));
    expect(next.nodes.get(A)!.y).toBe(50);
    const far = applied(nudgeOps(state, layout, [A], -100, 0));
    expect(far.nodes.get(A)!.x).toBe(CELL_PADDING);
    expect(far.nodes.get(A)!.stageId).toBe(INTAKE);
  });
});

describe("moveToCellOp", () => {
  it("moves a step to another department and stage in one update, keeping its offset", () => {
    const a = state.nodes.get(A)!;
    const op = moveToCellOp(a, layout, OPS, REVIEW);
    expect(op).toEqual({ op: "updateNode", id: A, set: { departmentId: OPS, stageId: REVIEW }, expect: { departmentId: SALES, stageId: INTAKE } });
    expect(applied([op!]).nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: REVIEW, x: 30, y: 40 });
    expect(moveToCellOp(a, layout, SALES, INTAKE)).toBeNull();
  });

  it("clamps an offset that would not fit, also in an Unassigned cell not drawn yet", () => {
    const far = { ...state.nodes.get(A)!, x: 5000, y: 2 };
    expect(moveToCellOp(far, layout, null, null)).toMatchObject({
      set: { departmentId: null, stageId: null, x: MIN_CELL_WIDTH - NODE_WIDTH - CELL_PADDING, y: CELL_PADDING },
    });
  });
});

describe("create, rename, connect, delete", () => {
  it("creates a step in a cell", () => {
    const ops = [createNodeOp(uuid(20), "DECISION", { departmentId: OPS, stageId: null, offset: { x: 24, y: 24 } })];
    expect(applied(ops).nodes.get(uuid(20))).toMatchObject({ label: "New step", type: "DECISION", departmentId: OPS, stageId: null });
  });

  it("renames only to a different, non-blank label", () => {
    const a = state.nodes.get(A)!;
    expect(renameOp(a, "  ")).toBeNull();
    expect(renameOp(a, a.label)).toBeNull();
    expect(applied([renameOp(a, " Qualify lead ")!]).nodes.get(A)!.label).toBe("Qualify lead");
  });

  it("connects two steps with the chosen relation", () => {
    const next = applied([createEdgeOp(uuid(21), B, C, "BLOCKS"), createEdgeOp(uuid(22), C, A, "FEEDBACK_TO")]);
    expect(next.edges.get(uuid(21))).toMatchObject({ relationType: "BLOCKS", frequency: 0 });
    expect(next.edges.get(uuid(22))).toMatchObject({ relationType: "FEEDBACK_TO", frequency: 1 });
    expect(applied([createEdgeOp(uuid(23), B, C, "REQUIRES", "2h")]).edges.get(uuid(23))).toMatchObject({ lagTime: "2h" });
  });

  it("deletes selected edges before nodes so an edge of a deleted node is not deleted twice", () => {
    const ops = deleteOps(state, { nodes: [A, "missing"], edges: [E1] });
    expect(ops.map((o) => o.op)).toEqual(["deleteEdge", "deleteNode"]);
    const next = applied(ops);
    expect(next.nodes.has(A)).toBe(false);
    expect(next.edges.size).toBe(0);
  });
});
