import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "./apply";
import { DEFAULT_NODE_FIELDS, toState, type GraphEdge, type GraphNode, type GraphState, type RelationType } from "./graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH } from "./matrix";
import { dependencyLayers, overlaps, tidy } from "./tidy";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const DEPTS = [uuid(901), uuid(902)];
const STAGES = [uuid(911), uuid(912)];

type NodeSpec = { label: string; cell?: [number, number]; x?: number; y?: number };

function graph(nodes: NodeSpec[], edges: [number, number, RelationType?][] = []): GraphState {
  return toState({
    nodes: nodes.map((n, i): GraphNode => ({
      ...DEFAULT_NODE_FIELDS,
      id: uuid(i + 1),
      label: n.label,
      x: n.x ?? 0,
      y: n.y ?? 0,
      departmentId: DEPTS[n.cell?.[0] ?? 0]!,
      stageId: STAGES[n.cell?.[1] ?? 0]!,
    })),
    edges: edges.map(([s, t, relationType = "REQUIRES"], i): GraphEdge => ({
      id: uuid(500 + i),
      sourceId: uuid(s + 1),
      targetId: uuid(t + 1),
      relationType,
      lagTime: null,
      lagWorking: false,
      frequency: 1,
      condition: null,
    })),
    departments: DEPTS.map((id, position) => ({ id, name: `D${position}`, color: "#64748b", position })),
    stages: STAGES.map((id, position) => ({ id, name: `S${position}`, color: "#64748b", position })),
  });
}

const tidied = (state: GraphState, only?: string[]) => applyOperations(state, tidy(state, only)).state;
const node = (state: GraphState, i: number) => state.nodes.get(uuid(i + 1))!;
const box = (n: GraphNode) => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT });
const sameCell = (a: GraphNode, b: GraphNode) => a.departmentId === b.departmentId && a.stageId === b.stageId;

function overlappingPairs(state: GraphState): string[] {
  const nodes = [...state.nodes.values()];
  return nodes.flatMap((a, i) =>
    nodes
      .slice(i + 1)
      .filter((b) => sameCell(a, b) && overlaps(box(a), box(b)))
      .map((b) => `${a.label}/${b.label}`),
  );
}

describe("dependencyLayers", () => {
  it("is the longest dependency path from a source and ignores feedback loops", () => {
    const state = graph(
      [{ label: "a" }, { label: "b" }, { label: "c" }, { label: "d" }],
      [
        [0, 1],
        [1, 2],
        [0, 2, "BLOCKS"],
        [2, 0, "FEEDBACK_TO"],
        [3, 2],
      ],
    );
    const layers = dependencyLayers(state);
    expect([0, 1, 2, 3].map((i) => layers.get(uuid(i + 1)))).toEqual([0, 1, 2, 0]);
  });
});

describe("tidy", () => {
  it("lays a cell out left to right by layer and top to bottom within a layer", () => {
    const state = graph(
      [{ label: "start", x: 300, y: 300 }, { label: "review" }, { label: "approve" }, { label: "ship", x: 5, y: 5 }],
      [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ],
    );
    const after = tidied(state);
    const [start, review, approve, ship] = [0, 1, 2, 3].map((i) => node(after, i));
    expect(start!.x).toBeLessThan(review!.x);
    expect(review!.x).toBe(approve!.x);
    expect(approve!.y).toBeLessThan(review!.y);
    expect(ship!.x).toBeGreaterThan(review!.x);
    expect(overlappingPairs(after)).toEqual([]);
  });

  it("keeps each node in its own cell and compresses layers that are absent there", () => {
    const state = graph(
      [
        { label: "a", cell: [0, 0] },
        { label: "b", cell: [1, 1] },
        { label: "c", cell: [1, 1] },
        { label: "d", cell: [0, 0] },
      ],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    const after = tidied(state);
    for (const [id, before] of state.nodes) {
      const moved = after.nodes.get(id)!;
      expect([moved.departmentId, moved.stageId]).toEqual([before.departmentId, before.stageId]);
      expect(moved.x).toBeGreaterThanOrEqual(CELL_PADDING);
      expect(moved.y).toBeGreaterThanOrEqual(CELL_PADDING);
    }
    // a (layer 0) and d (layer 3) share a cell: two adjacent columns, no gap for layers 1-2.
    expect(node(after, 0).x).toBe(CELL_PADDING);
    expect(node(after, 3).x - node(after, 0).x).toBe(node(after, 2).x - node(after, 1).x);
  });

  it("orders a layer by the position of its predecessors before its label", () => {
    const state = graph(
      [{ label: "a" }, { label: "b" }, { label: "y after b" }, { label: "z after a" }],
      [
        [0, 3],
        [1, 2],
      ],
    );
    const after = tidied(state);
    expect(node(after, 0).y).toBeLessThan(node(after, 1).y);
    expect(node(after, 3).y).toBeLessThan(node(after, 2).y);
  });

  it("returns compare-and-set moves only for nodes that change, so tidying twice does nothing", () => {
    const state = graph([{ label: "a", x: 1, y: 2 }, { label: "b" }], [[0, 1]]);
    const ops = tidy(state);
    expect(ops).toContainEqual({ op: "updateNode", id: uuid(1), set: { x: CELL_PADDING, y: CELL_PADDING }, expect: { x: 1, y: 2 } });
    expect(tidy(applyOperations(state, ops).state)).toEqual([]);
  });

  it("moves only the selection and keeps it clear of the nodes that stay", () => {
    const state = graph([
      { label: "stays", x: CELL_PADDING, y: CELL_PADDING },
      { label: "picked 1", x: 20, y: 30 },
      { label: "picked 2", x: 500, y: 400 },
      { label: "other cell", cell: [1, 0], x: 999, y: 999 },
    ]);
    const ops = tidy(state, [uuid(2), uuid(3)]);
    expect(ops.map((op) => "id" in op && op.id).sort()).toEqual([uuid(2), uuid(3)]);
    const after = applyOperations(state, ops).state;
    expect(node(after, 0)).toEqual(node(state, 0));
    expect(node(after, 3)).toEqual(node(state, 3));
    expect(overlappingPairs(after)).toEqual([]);
  });

  it("is deterministic whatever order the nodes and edges arrive in", () => {
    const specs: NodeSpec[] = ["e", "d", "c", "b", "a"].map((label) => ({ label }));
    const edges: [number, number][] = [
      [4, 2],
      [3, 2],
      [2, 0],
      [2, 1],
    ];
    const forward = graph(specs, edges);
    const reversed = toState({
      nodes: [...forward.nodes.values()].reverse(),
      edges: [...forward.edges.values()].reverse(),
      departments: [...forward.departments.values()],
      stages: [...forward.stages.values()],
    });
    const positions = (s: GraphState) => [...tidied(s).nodes.values()].map((n) => [n.id, n.x, n.y]).sort();
    expect(positions(reversed)).toEqual(positions(forward));
  });

  it("never overlaps, leaves a cell or breaks a dependency's order inside a cell (random DAGs)", () => {
    const dag = fc.integer({ min: 1, max: 14 }).chain((count) =>
      fc.record({
        cells: fc.array(fc.tuple(fc.nat(1), fc.nat(1)), { minLength: count, maxLength: count }),
        positions: fc.array(fc.tuple(fc.nat(800), fc.nat(800)), { minLength: count, maxLength: count }),
        edges: fc.uniqueArray(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 30 }),
        selection: fc.subarray([...Array(count).keys()]),
      }),
    );
    fc.assert(
      fc.property(dag, ({ cells, positions, edges, selection }) => {
        const specs = cells.map((cell, i) => ({ label: `n${i}`, cell, x: positions[i]![0], y: positions[i]![1] }));
        // Edges always point from a lower to a higher index, so the graph is acyclic.
        const forward = edges.filter(([s, t]) => s < t);
        const state = graph(specs, forward);
        const after = tidied(state);
        expect(overlappingPairs(after)).toEqual([]);
        for (const n of after.nodes.values()) expect(Math.min(n.x, n.y)).toBeGreaterThanOrEqual(CELL_PADDING);
        for (const [s, t] of forward) {
          if (sameCell(node(after, s), node(after, t))) expect(node(after, s).x).toBeLessThan(node(after, t).x);
        }
        expect(tidy(after)).toEqual([]);

        const picked = selection.map((i) => uuid(i + 1));
        const partly = tidied(state, picked);
        for (const [id, n] of state.nodes) if (!picked.includes(id)) expect(partly.nodes.get(id)).toEqual(n);
        for (const id of picked) {
          const moved = partly.nodes.get(id)!;
          const clashes = [...partly.nodes.values()].filter((n) => n.id !== id && sameCell(n, moved) && overlaps(box(n), box(moved)));
          expect(clashes).toEqual([]);
        }
      }),
    );
  });
});
