/**
 * The promise of the placement code, checked as a property: whatever people do on the canvas
 * (create from the palette or by double-click, drag and drop, paste, nudge, move to the next
 * cell), no two steps are ever drawn over each other.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphState } from "~/domain/graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH, absolutePosition, layoutMatrix, type Point } from "~/domain/matrix";
import { operationSchema, type Operation } from "~/domain/operations";
import { overlaps } from "~/domain/tidy";
import { addInCellOp, cellMoveOps, createAtOp, dropOps, nudgeOps } from "./canvas-ops";
import { copyNodes, pasteOps, type ClipboardData } from "./clipboard";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const lane = (id: string, name: string, position: number): AxisItem => ({ id, name, color: "#64748b", position });
const layoutOf = (s: GraphState) =>
  layoutMatrix({ departments: s.departments.values(), stages: s.stages.values(), nodes: s.nodes.values() });

/** Steps drawn over each other anywhere on the canvas, as laid out after the change. */
function overlapping(state: GraphState): string[] {
  const layout = layoutOf(state);
  const boxes = [...state.nodes.values()].map((n) => ({
    id: n.id,
    ...absolutePosition(layout, n),
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b) => `${a.id} / ${b.id}`),
  );
}

/** Copies from another project: two of them on one spot, in lanes matched by name or not at all. */
const foreignClip: ClipboardData = {
  version: 1,
  nodes: [
    {
      ...DEFAULT_NODE_FIELDS,
      id: uuid(9001),
      label: "f1",
      x: 40,
      y: 40,
      departmentId: uuid(9100),
      departmentName: "D0",
      stageId: uuid(9101),
      stageName: "S1",
    },
    {
      ...DEFAULT_NODE_FIELDS,
      id: uuid(9002),
      label: "f2",
      x: 40,
      y: 40,
      departmentId: uuid(9102),
      departmentName: "Elsewhere",
      stageId: null,
      stageName: null,
    },
    {
      ...DEFAULT_NODE_FIELDS,
      id: uuid(9003),
      label: "f3",
      x: 60,
      y: 50,
      departmentId: null,
      departmentName: null,
      stageId: uuid(9103),
      stageName: "Nowhere",
    },
  ],
  edges: [],
};

const point = fc.record({ x: fc.integer({ min: -100, max: 1600 }), y: fc.integer({ min: -100, max: 1000 }) });
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });
const direction = fc.constantFrom<[number, number]>([1, 0], [-1, 0], [0, 1], [0, -1]);

const command = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), at: point }),
  fc.record({ kind: fc.constant("palette" as const), selected: fc.array(fc.nat(), { maxLength: 2 }), centre: point }),
  fc.record({ kind: fc.constant("drop" as const), picks, by: point, pile: fc.boolean() }),
  fc.record({ kind: fc.constant("paste" as const), picks, foreign: fc.boolean() }),
  fc.record({ kind: fc.constant("nudge" as const), picks, direction, step: fc.constantFrom(1, 10, 35) }),
  fc.record({ kind: fc.constant("cellMove" as const), picks, direction }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** The operations one command produces, made the way the canvas makes them. */
function opsFor(state: GraphState, cmd: Command, newId: () => string): Operation[] {
  const layout = layoutOf(state);
  const ids = [...state.nodes.keys()];
  const chosen = (indexes: number[]) => (ids.length === 0 ? [] : [...new Set(indexes.map((i) => ids[i % ids.length]!))]);
  switch (cmd.kind) {
    case "create":
      return [createAtOp(state, layout, newId(), "ACTION", cmd.at)];
    case "palette":
      return [addInCellOp(state, layout, newId(), "DECISION", { selected: chosen(cmd.selected), viewCentre: cmd.centre })];
    case "drop": {
      // A drag moves the whole selection by one amount; a pile drops every step on one spot.
      const dropped = chosen(cmd.picks).map((id): { id: string; position: Point } => {
        const at = absolutePosition(layout, state.nodes.get(id)!);
        return { id, position: cmd.pile ? cmd.by : { x: at.x + cmd.by.x - 600, y: at.y + cmd.by.y - 400 } };
      });
      return dropOps(state, layout, dropped);
    }
    case "paste": {
      const clip = cmd.foreign ? foreignClip : copyNodes(state, chosen(cmd.picks));
      return clip ? pasteOps(state, layout, clip, { newId }).ops : [];
    }
    case "nudge":
      return nudgeOps(state, layout, chosen(cmd.picks), cmd.direction[0] * cmd.step, cmd.direction[1] * cmd.step);
    case "cellMove":
      return cellMoveOps(state, layout, chosen(cmd.picks), cmd.direction[0], cmd.direction[1]);
  }
}

const matrix = fc
  .record({ departments: fc.integer({ min: 0, max: 3 }), stages: fc.integer({ min: 0, max: 3 }) })
  .map(({ departments, stages }) =>
    toState({
      departments: Array.from({ length: departments }, (_, i) => lane(uuid(100 + i), `D${i}`, i)),
      stages: Array.from({ length: stages }, (_, i) => lane(uuid(200 + i), `S${i}`, i)),
      nodes: [],
      edges: [],
    }),
  );

describe("placement on the canvas", () => {
  it("never leaves two steps overlapping, whatever sequence of edits is made", () => {
    fc.assert(
      fc.property(matrix, fc.array(command, { minLength: 1, maxLength: 30 }), (start, commands) => {
        let counter = 1000;
        const newId = () => uuid(counter++);
        let state = start;
        for (const cmd of commands) {
          const ops = opsFor(state, cmd, newId);
          for (const op of ops) operationSchema.parse(op);
          state = applyOperations(state, ops).state;
          expect(overlapping(state), `after ${cmd.kind}`).toEqual([]);
          for (const n of state.nodes.values()) {
            expect(n.x, `${n.id} x`).toBeGreaterThanOrEqual(CELL_PADDING);
            expect(n.y, `${n.id} y`).toBeGreaterThanOrEqual(CELL_PADDING);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
