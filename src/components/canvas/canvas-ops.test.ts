import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode, type GraphState } from "~/domain/graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH, absolutePosition, layoutMatrix } from "~/domain/matrix";
import { operationSchema, type Operation } from "~/domain/operations";
import { overlaps } from "~/domain/tidy";
import {
  addInCellOp,
  cellMoveOps,
  createAtOp,
  createEdgeOp,
  createNodeOp,
  deleteOps,
  dropOps,
  moveToCellOp,
  nudgeOps,
  renameOp,
} from "./canvas-ops";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [SALES, OPS, INTAKE, REVIEW, A, B, C, E1] = [1, 2, 3, 4, 5, 6, 7, 8].map(uuid) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const NUDGES: [number, number][] = [
  [10, 0],
  [-10, 0],
  [0, 10],
  [0, -10],
  [1, 0],
  [0, -1],
  [25, 25],
];
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
  edges: [{ id: E1, sourceId: A, targetId: B, relationType: "REQUIRES", lagTime: null, lagWorking: false, frequency: 0, condition: null }],
});
const layoutOf = (s: GraphState) =>
  layoutMatrix({ departments: s.departments.values(), stages: s.stages.values(), nodes: s.nodes.values() });
const layout = layoutOf(state);

/** Ops must pass the wire schema and apply cleanly to the state they were made from. */
function applied(ops: Operation[], from = state) {
  for (const op of ops) operationSchema.parse(op);
  return applyOperations(from, ops).state;
}

/** Steps drawn over each other, judged on the whole canvas as laid out after the change. */
function overlapping(s: GraphState): string[] {
  const laid = layoutOf(s);
  const boxes = [...s.nodes.values()].map((n) => ({ id: n.label, ...absolutePosition(laid, n), width: NODE_WIDTH, height: NODE_HEIGHT }));
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b) => `${a.id}/${b.id}`),
  );
}

/** One cell (Sales x Intake) holding the given steps, for moves inside a cell. */
function oneCell(...at: [number, number][]): GraphState {
  return toState({
    departments: [lane(SALES, "Sales", 0)],
    stages: [lane(INTAKE, "Intake", 0)],
    nodes: at.map(([x, y], i) => node(uuid(40 + i), SALES, INTAKE, x, y)),
    edges: [],
  });
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

describe("dropOps onto other steps", () => {
  const bAt = absolutePosition(layout, state.nodes.get(B)!);

  it("moves a node dropped onto another to the nearest free slot of that cell", () => {
    const next = applied(dropOps(state, layout, [{ id: A, position: bAt }]));
    expect(next.nodes.get(A)).toMatchObject({ departmentId: SALES, stageId: REVIEW, x: 30, y: 40 + NODE_HEIGHT + 24 });
    expect(overlapping(next)).toEqual([]);
  });

  it("grows the cell when a drop by its right edge would land on a step", () => {
    const review = layout.columns.find((c) => c.id === REVIEW)!;
    const nearEdge = { x: review.x + review.width - NODE_WIDTH / 2 - 4, y: bAt.y };
    const next = applied(dropOps(state, layout, [{ id: A, position: nearEdge }]));
    expect(next.nodes.get(A)).toMatchObject({ stageId: REVIEW, y: 40 });
    expect(next.nodes.get(A)!.x).toBeGreaterThan(review.width - NODE_WIDTH - CELL_PADDING);
    expect(layoutOf(next).columns.find((c) => c.id === REVIEW)!.width).toBeGreaterThan(review.width);
    expect(overlapping(next)).toEqual([]);
  });

  it("keeps nodes dropped together on one spot apart", () => {
    const spot = absolutePosition(layout, { departmentId: OPS, stageId: INTAKE, x: 30, y: 40 });
    const next = applied(
      dropOps(state, layout, [
        { id: A, position: spot },
        { id: B, position: spot },
        { id: C, position: spot },
      ]),
    );
    expect([A, B, C].map((id) => next.nodes.get(id)!.stageId)).toEqual([INTAKE, INTAKE, INTAKE]);
    expect(next.nodes.get(A)).toMatchObject({ x: 30, y: 40 });
    expect(overlapping(next)).toEqual([]);
  });

  it("keeps a dragged group's shape where it lands on nothing", () => {
    const cell = oneCell([24, 24], [24, 130]);
    const [p, q] = [...cell.nodes.values()] as [GraphNode, GraphNode];
    const laid = layoutOf(cell);
    const by = (n: GraphNode) => ({ id: n.id, position: { x: absolutePosition(laid, n).x + 10, y: absolutePosition(laid, n).y + 6 } });
    const next = applied(dropOps(cell, laid, [by(q), by(p)]), cell);
    expect(next.nodes.get(p.id)).toMatchObject({ x: 34, y: 30 });
    expect(next.nodes.get(q.id)).toMatchObject({ x: 34, y: 136 });
  });
});

describe("nudgeOps", () => {
  it("stops flush against a step in the way instead of running into it", () => {
    const cell = oneCell([24, 24], [240, 24]);
    const [p] = [...cell.nodes.keys()] as [string];
    expect(applied(nudgeOps(cell, layoutOf(cell), [p], 10, 0), cell).nodes.get(p)!.x).toBe(34);
    expect(applied(nudgeOps(cell, layoutOf(cell), [p], 30, 0), cell).nodes.get(p)!.x).toBe(40);
    expect(nudgeOps(cell, layoutOf(cell), [p], 10, 0).length).toBe(1);
    const flush = applied(nudgeOps(cell, layoutOf(cell), [p], 30, 0), cell);
    expect(nudgeOps(flush, layoutOf(flush), [p], 10, 0)).toEqual([]);
  });

  it("moves the selected steps of a cell by one amount, so they never close up on each other", () => {
    const cell = oneCell([24, 24], [234, 24]);
    const ids = [...cell.nodes.keys()];
    expect(nudgeOps(cell, layoutOf(cell), ids, -10, 0)).toEqual([]);
    const down = applied(nudgeOps(cell, layoutOf(cell), ids, 0, 10), cell);
    expect([...down.nodes.values()].map((n) => [n.x, n.y])).toEqual([
      [24, 34],
      [234, 34],
    ]);
  });

  it("lets two steps that already overlap be nudged apart", () => {
    const cell = oneCell([24, 24], [100, 24]);
    const [, r] = [...cell.nodes.keys()] as [string, string];
    expect(applied(nudgeOps(cell, layoutOf(cell), [r], 0, 10), cell).nodes.get(r)!.y).toBe(34);
  });

  it("never nudges into a step, across random selections and steps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...NUDGES),
        (picks, [dx, dy]) => {
          const cell = oneCell([24, 24], [240, 24], [24, 130], [250, 140]);
          const ids = [...cell.nodes.keys()];
          const next = applied(
            nudgeOps(
              cell,
              layoutOf(cell),
              picks.map((i) => ids[i]!),
              dx,
              dy,
            ),
            cell,
          );
          expect(overlapping(next)).toEqual([]);
        },
      ),
    );
  });
});

describe("cellMoveOps", () => {
  it("moves a step to the next stage, into the first free slot there", () => {
    const next = applied(cellMoveOps(state, layout, [A], 1, 0));
    expect(next.nodes.get(A)).toMatchObject({ departmentId: SALES, stageId: REVIEW, x: CELL_PADDING });
    expect(overlapping(next)).toEqual([]);
    expect(applied(cellMoveOps(state, layout, [A], 0, 1)).nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: INTAKE, x: 24, y: 24 });
  });

  it("does nothing at the edge of the matrix, for the whole selection", () => {
    expect(cellMoveOps(state, layout, [A], -1, 0)).toEqual([]);
    expect(cellMoveOps(state, layout, [A], 0, -1)).toEqual([]);
    expect(cellMoveOps(state, layout, [C], 0, 1)).toEqual([]);
    expect(cellMoveOps(state, layout, [A, B], 1, 0)).toEqual([]);
  });

  it("moves a selection together without the steps landing on each other or on others", () => {
    const next = applied(cellMoveOps(state, layout, [A, B], 0, 1));
    expect(next.nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: INTAKE });
    expect(next.nodes.get(B)).toMatchObject({ departmentId: OPS, stageId: REVIEW });
    expect(overlapping(next)).toEqual([]);
  });
});

describe("createAtOp and addInCellOp", () => {
  it("creates a step at the spot when it is free, else beside what is there", () => {
    const free = absolutePosition(layout, { departmentId: OPS, stageId: INTAKE, x: 30, y: 40 });
    const centre = (p: { x: number; y: number }) => ({ x: p.x + NODE_WIDTH / 2, y: p.y + NODE_HEIGHT / 2 });
    expect(applied([createAtOp(state, layout, uuid(30), "ACTION", centre(free))]).nodes.get(uuid(30))).toMatchObject({
      departmentId: OPS,
      stageId: INTAKE,
      x: 30,
      y: 40,
    });
    const onA = centre(absolutePosition(layout, state.nodes.get(A)!));
    const next = applied([createAtOp(state, layout, uuid(30), "ACTION", onA)]);
    expect(next.nodes.get(uuid(30))).toMatchObject({ departmentId: SALES, stageId: INTAKE });
    expect(overlapping(next)).toEqual([]);
  });

  it("adds a palette step to the selected step's cell, else to the cell in the middle of the view", () => {
    const viewCentre = absolutePosition(layout, { departmentId: OPS, stageId: INTAKE, x: 100, y: 100 });
    const into = (selected: string[]) =>
      applied([addInCellOp(state, layout, uuid(31), "ACTION", { selected, viewCentre })]).nodes.get(uuid(31));
    expect(into([B])).toMatchObject({ departmentId: SALES, stageId: REVIEW, x: CELL_PADDING });
    expect(into([])).toMatchObject({ departmentId: OPS, stageId: INTAKE, x: CELL_PADDING, y: CELL_PADDING });
    expect(into([A, B])).toMatchObject({ departmentId: OPS, stageId: INTAKE });
  });

  it("stacks repeated palette clicks without overlaps", () => {
    let s = state;
    for (let i = 0; i < 5; i++)
      s = applied([addInCellOp(s, layoutOf(s), uuid(60 + i), "ACTION", { selected: [A], viewCentre: { x: 0, y: 0 } })], s);
    expect([...s.nodes.values()].filter((n) => n.stageId === INTAKE && n.departmentId === SALES)).toHaveLength(6);
    expect(overlapping(s)).toEqual([]);
  });
});

describe("nudgeOps inside the cell walls", () => {
  it("moves selected nodes inside their cell and stops at the cell wall", () => {
    const next = applied(nudgeOps(state, layout, [A, C], 0, 10));
    expect(next.nodes.get(A)!.y).toBe(50);
    const far = applied(nudgeOps(state, layout, [A], -100, 0));
    expect(far.nodes.get(A)!.x).toBe(CELL_PADDING);
    expect(far.nodes.get(A)!.stageId).toBe(INTAKE);
  });
});

describe("moveToCellOp", () => {
  it("moves a step to another department and stage in one update, into the first free slot there", () => {
    const a = state.nodes.get(A)!;
    const op = moveToCellOp(state, layout, a, OPS, REVIEW);
    expect(op).toMatchObject({
      op: "updateNode",
      id: A,
      set: { departmentId: OPS, stageId: REVIEW },
      expect: { departmentId: SALES, stageId: INTAKE },
    });
    const moved = applied([op!]);
    expect(moved.nodes.get(A)).toMatchObject({ departmentId: OPS, stageId: REVIEW });
    expect(moveToCellOp(state, layout, a, SALES, INTAKE)).toBeNull();
  });

  it("never lands on a step already in the target cell, also in an Unassigned cell not drawn yet", () => {
    for (const [departmentId, stageId] of [
      [OPS, REVIEW],
      [null, null],
    ] as const) {
      let current = state;
      for (const id of [A, B, C]) {
        const op = moveToCellOp(current, layoutOf(current), current.nodes.get(id)!, departmentId, stageId);
        if (op) current = applied([op], current);
      }
      expect([A, B, C].filter((id) => current.nodes.get(id)!.departmentId === departmentId).length).toBeGreaterThan(1);
      expect(overlapping(current)).toEqual([]);
    }
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
