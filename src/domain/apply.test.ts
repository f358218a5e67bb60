import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations, OperationError } from "./apply";
import { DEFAULT_NODE_FIELDS, findPath, toSnapshot, toState, type GraphState } from "./graph";
import type { Operation } from "./operations";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const D1 = id(9001);
const D2 = id(9002);
const S1 = id(9101);

function baseGraph(): GraphState {
  return toState({
    nodes: [1, 2, 3].map((n) => ({
      ...DEFAULT_NODE_FIELDS,
      id: id(n),
      label: `Step ${n}`,
      x: n * 10,
      y: 0,
      departmentId: D1,
      stageId: S1,
    })),
    edges: [
      {
        id: id(101),
        sourceId: id(1),
        targetId: id(2),
        relationType: "REQUIRES",
        lagTime: null,
        lagWorking: false,
        frequency: 1,
        condition: null,
      },
    ],
    departments: [
      { id: D1, name: "Sales", color: "#112233", position: 0 },
      { id: D2, name: "Legal", color: "#445566", position: 1 },
    ],
    stages: [{ id: S1, name: "Plan", color: "#778899", position: 0 }],
  });
}

const sorted = (state: GraphState) => {
  const s = toSnapshot(state);
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: byId(s.nodes), edges: byId(s.edges), departments: byId(s.departments), stages: byId(s.stages) };
};

/** A random operation that is valid more often than not against the current graph. */
type Rand = { nextInt(min: number, max: number): number; nextBoolean(): boolean };

function randomOp(state: GraphState, r: Rand, fresh: () => string): Operation {
  const nodes = [...state.nodes.values()];
  const edges = [...state.edges.values()];
  const pickNode = () => nodes[r.nextInt(0, Math.max(0, nodes.length - 1))];
  const choice = r.nextInt(0, 8);
  const node = pickNode();
  if (choice === 0 || !node) {
    return {
      op: "createNode",
      node: {
        ...DEFAULT_NODE_FIELDS,
        id: fresh(),
        label: `N${r.nextInt(0, 99)}`,
        x: r.nextInt(0, 300),
        y: 0,
        departmentId: r.nextBoolean() ? D2 : null,
        stageId: null,
      },
    };
  }
  switch (choice) {
    case 1:
      return {
        op: "updateNode",
        id: node.id,
        set: { label: `L${r.nextInt(0, 9)}`, avgTime: `${r.nextInt(1, 9)}h` },
        expect: { label: node.label, avgTime: node.avgTime },
      };
    case 2:
      return { op: "updateNode", id: node.id, set: { departmentId: D2, x: 5 }, expect: { departmentId: node.departmentId, x: node.x } };
    case 3:
      return { op: "deleteNode", id: node.id };
    case 4:
    case 5: {
      const other = pickNode()!;
      return {
        op: "createEdge",
        edge: {
          id: fresh(),
          sourceId: node.id,
          targetId: other.id,
          relationType: r.nextBoolean() ? "REQUIRES" : "FEEDBACK_TO",
          lagTime: r.nextBoolean() ? "30m" : null,
          lagWorking: false,
          frequency: 1,
          condition: null,
        },
      };
    }
    case 6: {
      const edge = edges[r.nextInt(0, Math.max(0, edges.length - 1))];
      return edge ? { op: "deleteEdge", id: edge.id } : { op: "deleteNode", id: node.id };
    }
    case 7:
      return { op: "deleteAxis", axis: "department", id: D2, moveNodesTo: r.nextBoolean() ? D1 : null };
    default: {
      const edge = edges[0];
      return edge
        ? {
            op: "updateEdge",
            id: edge.id,
            set: { lagTime: "2h", relationType: "BLOCKS" },
            expect: { lagTime: edge.lagTime, relationType: edge.relationType },
          }
        : { op: "updateAxis", axis: "department", id: D1, set: { name: "Sales & Ops" }, expect: { name: "Sales" } };
    }
  }
}

describe("applyOperations", () => {
  it("undoing any sequence of batches with their inverses gives back the original graph", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.gen(), (steps, g) => {
        const random: Rand = { nextInt: (min, max) => g(fc.integer, { min, max }), nextBoolean: () => g(fc.boolean) };
        let counter = 1000;
        const fresh = () => id(counter++);
        const original = baseGraph();
        let state = original;
        const inverses: Operation[][] = [];
        for (let i = 0; i < steps; i++) {
          const ops = [randomOp(state, random, fresh), randomOp(state, random, fresh)];
          try {
            const result = applyOperations(state, ops);
            state = result.state;
            inverses.push(result.inverse);
          } catch (error) {
            expect(error).toBeInstanceOf(OperationError);
          }
        }
        for (const inverse of inverses.reverse()) state = applyOperations(state, inverse).state;
        expect(sorted(state)).toEqual(sorted(original));
      }),
      { numRuns: 300 },
    );
  });

  it("is all or nothing: a failing operation leaves the input graph untouched", () => {
    const graph = baseGraph();
    const before = sorted(graph);
    expect(() =>
      applyOperations(graph, [
        { op: "deleteNode", id: id(1) },
        { op: "updateNode", id: id(2), set: { label: "x" }, expect: { label: "stale" } },
      ]),
    ).toThrow(OperationError);
    expect(sorted(graph)).toEqual(before);
  });

  it("refuses a dependency cycle and names its steps in order", () => {
    const graph = applyOperations(baseGraph(), [
      {
        op: "createEdge",
        edge: {
          id: id(102),
          sourceId: id(2),
          targetId: id(3),
          relationType: "BLOCKS",
          lagTime: null,
          lagWorking: false,
          frequency: 1,
          condition: null,
        },
      },
    ]).state;
    try {
      applyOperations(graph, [
        {
          op: "createEdge",
          edge: {
            id: id(103),
            sourceId: id(3),
            targetId: id(1),
            relationType: "REQUIRES",
            lagTime: null,
            lagWorking: false,
            frequency: 1,
            condition: null,
          },
        },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "CYCLE_DETECTED", details: { cycle: [id(1), id(2), id(3)] } });
      expect((error as Error).message).toContain('"Step 1" -> "Step 2" -> "Step 3" -> "Step 1"');
    }
  });

  it("reports a stale expected value with the current entity", () => {
    try {
      applyOperations(baseGraph(), [{ op: "updateNode", id: id(1), set: { status: "BLOCKED" }, expect: { status: "READY" } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "STALE_WRITE", index: 0, details: { current: { id: id(1), status: "PENDING" } } });
    }
  });
});

describe("findPath", () => {
  const deps = new Map([
    ["a", new Map([["b", 1]])],
    [
      "b",
      new Map([
        ["c", 1],
        ["d", 1],
      ]),
    ],
    ["d", new Map([["c", 1]])],
  ]);
  it("finds a shortest dependency path, or none", () => {
    expect(findPath(deps, "a", "c")).toEqual(["a", "b", "c"]);
    expect(findPath(deps, "c", "a")).toBeNull();
    expect(findPath(deps, "a", "a")).toEqual(["a"]);
  });
});
