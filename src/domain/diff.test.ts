import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "./apply";
import { diffGraphs, diffKinds, isEmptyDiff, restoreOps, unionGraph } from "./diff";
import {
  BRAIN_USAGES,
  DEFAULT_NODE_FIELDS,
  NODE_STATUSES,
  NODE_TYPES,
  RELATION_TYPES,
  toSnapshot,
  toState,
  type AxisItem,
  type GraphEdge,
  type GraphNode,
  type GraphSnapshot,
} from "./graph";
import { operationSchema } from "./operations";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const NODE_IDS = Array.from({ length: 8 }, (_, i) => uuid(100 + i));
const EDGE_IDS = Array.from({ length: 12 }, (_, i) => uuid(200 + i));
const DEPARTMENT_IDS = Array.from({ length: 4 }, (_, i) => uuid(300 + i));
const STAGE_IDS = Array.from({ length: 3 }, (_, i) => uuid(400 + i));

/** Ids, names and values from small pools, so two random graphs overlap and collide a lot. */
function lanes(ids: string[]): fc.Arbitrary<AxisItem[]> {
  return fc
    .uniqueArray(
      fc.record({
        id: fc.constantFrom(...ids),
        name: fc.constantFrom("Sales", "sales", "Legal", "Ops", "IT"),
        color: fc.constantFrom("#336699", "#aabbcc"),
        position: fc.nat(5),
      }),
      { selector: (a) => a.id, maxLength: ids.length },
    )
    .map((items) => items.filter((a, i) => items.findIndex((b) => b.name.toLowerCase() === a.name.toLowerCase()) === i));
}

function nodeFields(departments: AxisItem[], stages: AxisItem[]) {
  return fc.record({
    label: fc.constantFrom("Draft", "Review", "Sign"),
    description: fc.constantFrom(null, "Why it matters"),
    type: fc.constantFrom(...NODE_TYPES),
    status: fc.constantFrom(...NODE_STATUSES),
    progress: fc.integer({ min: 0, max: 100 }),
    x: fc.integer({ min: 0, max: 3 }).map((n) => n * 40),
    y: fc.integer({ min: 0, max: 3 }).map((n) => n * 40),
    departmentId: fc.constantFrom(null, ...departments.map((d) => d.id)),
    stageId: fc.constantFrom(null, ...stages.map((s) => s.id)),
    avgTime: fc.constantFrom(null, "2h", "1d"),
    tools: fc.constantFrom<string[]>([], ["CRM"], ["CRM", "Mail"]),
    isRepetitive: fc.boolean(),
    brainUsage: fc.constantFrom(...BRAIN_USAGES),
    assignee: fc.constantFrom(null, "Dana"),
    tags: fc.constantFrom<string[]>([], ["legal"]),
    pca: fc.constantFrom(100, 80),
    external: fc.boolean(),
  });
}

/** A valid graph: dependency edges only go forward in a random order of the nodes, so no cycle. */
const graphArb: fc.Arbitrary<GraphSnapshot> = fc
  .record({ departments: lanes(DEPARTMENT_IDS), stages: lanes(STAGE_IDS), nodeIds: fc.subarray(NODE_IDS) })
  .chain(({ departments, stages, nodeIds }) =>
    fc
      .record({
        fields: fc.array(nodeFields(departments, stages), { minLength: nodeIds.length, maxLength: nodeIds.length }),
        order: fc.shuffledSubarray(nodeIds, { minLength: nodeIds.length, maxLength: nodeIds.length }),
        edges: fc.uniqueArray(
          fc.record({
            id: fc.constantFrom(...EDGE_IDS),
            ends: fc.tuple(fc.nat(7), fc.nat(7)),
            relationType: fc.constantFrom(...RELATION_TYPES),
            lagTime: fc.constantFrom(null, "30m"),
            lagWorking: fc.boolean(),
            frequency: fc.constantFrom(1, 0.5),
            condition: fc.constantFrom(null, "if approved"),
          }),
          { selector: (e) => e.id, maxLength: 10 },
        ),
      })
      .map(({ fields, order, edges }) => {
        const nodes: GraphNode[] = nodeIds.map((id, i) => ({ id, ...fields[i]! }));
        const rank = new Map(order.map((id, i) => [id, i]));
        const graphEdges: GraphEdge[] = [];
        for (const { ends, ...rest } of edges) {
          if (order.length < 2) break;
          let [s, t] = [order[ends[0] % order.length]!, order[ends[1] % order.length]!];
          if (s === t) continue;
          if (rest.relationType !== "FEEDBACK_TO" && rank.get(s)! > rank.get(t)!) [s, t] = [t, s];
          graphEdges.push({ ...rest, sourceId: s, targetId: t });
        }
        return { nodes, edges: graphEdges, departments, stages };
      }),
  );

/** Order-free form of a graph, for equality. */
function normal(g: GraphSnapshot) {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { nodes: byId(g.nodes), edges: byId(g.edges), departments: byId(g.departments), stages: byId(g.stages) };
}

function restore(current: GraphSnapshot, target: GraphSnapshot) {
  return toSnapshot(applyOperations(toState(current), restoreOps(current, target)).state);
}

describe("restoreOps", () => {
  it("turns any graph into any other, with operations the server accepts", () => {
    fc.assert(
      fc.property(graphArb, graphArb, (current, target) => {
        const ops = restoreOps(current, target);
        for (const op of ops) expect(operationSchema.safeParse(op).success).toBe(true);
        expect(normal(restore(current, target))).toEqual(normal(target));
      }),
      { numRuns: 400 },
    );
  });

  it("is empty between equal graphs, and its inverse brings the current graph back", () => {
    fc.assert(
      fc.property(graphArb, graphArb, (current, target) => {
        expect(restoreOps(target, target)).toEqual([]);
        const applied = applyOperations(toState(current), restoreOps(current, target));
        const back = applyOperations(applied.state, applied.inverse).state;
        expect(normal(toSnapshot(back))).toEqual(normal(current));
      }),
      { numRuns: 200 },
    );
  });

  it("swaps two lane names through a temporary name", () => {
    const a = { id: DEPARTMENT_IDS[0]!, name: "Sales", color: "#336699", position: 0 };
    const b = { id: DEPARTMENT_IDS[1]!, name: "Legal", color: "#336699", position: 1 };
    const current: GraphSnapshot = { nodes: [], edges: [], departments: [a, b], stages: [] };
    const target: GraphSnapshot = {
      nodes: [],
      edges: [],
      departments: [
        { ...a, name: "Legal" },
        { ...b, name: "Sales" },
      ],
      stages: [],
    };
    expect(normal(restore(current, target))).toEqual(normal(target));
  });

  it("expects the current values and orders creates before the edges that use them", () => {
    const lane = { id: STAGE_IDS[0]!, name: "Draft", color: "#336699", position: 0 };
    const a: GraphNode = { ...DEFAULT_NODE_FIELDS, id: NODE_IDS[0]!, label: "Quote", x: 0, y: 0, departmentId: null, stageId: null };
    const b: GraphNode = { ...a, id: NODE_IDS[1]!, label: "Invoice", stageId: lane.id };
    const link: GraphEdge = {
      id: EDGE_IDS[0]!,
      sourceId: a.id,
      targetId: b.id,
      relationType: "REQUIRES",
      lagTime: null,
      lagWorking: false,
      frequency: 1,
      condition: null,
    };
    const current: GraphSnapshot = { nodes: [a], edges: [], departments: [], stages: [] };
    const target: GraphSnapshot = { nodes: [{ ...a, label: "Send quote" }, b], edges: [link], departments: [], stages: [lane] };
    expect(restoreOps(current, target)).toEqual([
      { op: "createAxis", axis: "stage", item: lane },
      { op: "createNode", node: b },
      { op: "updateNode", id: a.id, set: { label: "Send quote" }, expect: { label: "Quote" } },
      { op: "createEdge", edge: link },
    ]);
  });
});

describe("diffGraphs", () => {
  const lane = { id: DEPARTMENT_IDS[0]!, name: "Sales", color: "#336699", position: 0 };
  const base: GraphNode = { ...DEFAULT_NODE_FIELDS, id: NODE_IDS[0]!, label: "Quote", x: 0, y: 0, departmentId: null, stageId: null };
  const kept = { ...base, id: NODE_IDS[1]!, label: "Kept" };
  const gone = { ...base, id: NODE_IDS[2]!, label: "Gone" };
  const link: GraphEdge = {
    id: EDGE_IDS[0]!,
    sourceId: base.id,
    targetId: gone.id,
    relationType: "REQUIRES",
    lagTime: null,
    lagWorking: false,
    frequency: 1,
    condition: null,
  };
  const before: GraphSnapshot = { nodes: [base, kept, gone], edges: [link], departments: [lane], stages: [] };
  const added = { ...base, id: NODE_IDS[3]!, label: "New" };
  const after: GraphSnapshot = {
    nodes: [{ ...base, label: "Send quote", avgTime: "2h" }, { ...kept, x: 80, departmentId: lane.id }, added],
    edges: [],
    departments: [{ ...lane, name: "Sales team" }],
    stages: [],
  };

  it("lists exactly what changed, with the fields from -> to", () => {
    const diff = diffGraphs(before, after);
    expect(diff.nodes).toEqual([
      {
        id: base.id,
        kind: "changed",
        before: base,
        after: after.nodes[0],
        fields: [
          { field: "label", from: "Quote", to: "Send quote" },
          { field: "avgTime", from: null, to: "2h" },
        ],
      },
      {
        id: kept.id,
        kind: "moved",
        before: kept,
        after: after.nodes[1],
        fields: [
          { field: "x", from: 0, to: 80 },
          { field: "departmentId", from: null, to: lane.id },
        ],
      },
      { id: added.id, kind: "added", before: null, after: added, fields: [] },
      { id: gone.id, kind: "removed", before: gone, after: null, fields: [] },
    ]);
    expect(diff.edges).toEqual([{ id: link.id, kind: "removed", before: link, after: null, fields: [] }]);
    expect(diff.departments).toEqual([
      {
        id: lane.id,
        kind: "changed",
        before: lane,
        after: after.departments[0],
        fields: [{ field: "name", from: "Sales", to: "Sales team" }],
      },
    ]);
    expect(diff.stages).toEqual([]);
    expect(diffKinds(diff)).toEqual(
      new Map([
        [base.id, "changed"],
        [kept.id, "moved"],
        [added.id, "added"],
        [gone.id, "removed"],
        [link.id, "removed"],
      ]),
    );
    expect(isEmptyDiff(diffGraphs(after, after))).toBe(true);
  });

  it("keeps removed steps and connections in the union as ghosts", () => {
    const union = unionGraph(before, after);
    expect(union.nodes.map((n) => n.label)).toEqual(["Send quote", "Kept", "New", "Gone"]);
    expect(union.edges).toEqual([link]);
    expect(union.departments).toEqual([{ ...lane, name: "Sales team" }]);
  });
});
