import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState, type GraphNode } from "~/domain/graph";
import { layoutMatrix } from "~/domain/matrix";
import { CRITICAL_STROKE, RELATION_STROKE } from "./edges/edge-style";
import { activityNodes, laneCounts, laneNodes, nextSelection, relationEdges, type ActivityCache, type EdgeCache } from "./flow-elements";
import { matrixOrder } from "./flow-names";

const SALES = "00000000-0000-4000-8000-000000000001";
const step = (id: string, departmentId: string | null, x = 30): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: id,
  x,
  y: 30,
  departmentId,
  stageId: null,
});
const state = toState({
  departments: [{ id: SALES, name: "Sales", color: "#0ea5e9", position: 0 }],
  stages: [],
  nodes: [step("a", SALES), step("b", null)],
  edges: [
    { id: "e", sourceId: "a", targetId: "b", relationType: "FEEDBACK_TO", lagTime: null, lagWorking: false, frequency: 2, condition: null },
  ],
});
const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
const order = matrixOrder(state.nodes.values(), layout);
const input = { layout, order, facts: new Map(), selected: new Set<string>(), readOnly: false, renamingId: null, highlight: null };

describe("activityNodes", () => {
  it("places steps at their cell origin plus offset, typed by kind", () => {
    const [a, b] = activityNodes(input, new WeakMap());
    expect(a).toMatchObject({ id: "a", type: "action", position: { x: layout.columns[0]!.x + 30, y: layout.rows[0]!.y + 30 } });
    expect(b!.position.y).toBe(layout.rows[1]!.y + 30);
  });

  it("reuses the flow node of an unchanged step and rebuilds only what changed", () => {
    const cache: ActivityCache = new WeakMap();
    const first = activityNodes(input, cache);
    const second = activityNodes({ ...input, selected: new Set(["b"]) }, cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.selected).toBe(true);
  });

  it("names each step for screen readers and keeps connections out of the Tab sequence", () => {
    const [a] = activityNodes(input, new WeakMap());
    expect(a!.ariaLabel).toBe("a, Sales / Unassigned, Pending");
    const [edge] = relationEdges(state, order, new Set(), null, new WeakMap());
    expect(edge!.ariaLabel).toBe("from a to b, feedback loop");
    expect(edge!.domAttributes?.tabIndex).toBe(-1);
  });
});

describe("lanes and edges", () => {
  it("draws one lane per band, Unassigned included, with stable ids", () => {
    const lanes = laneNodes({ layout, counts: laneCounts(state), readOnly: false, renamingLane: null });
    const ids = lanes.map((l) => l.id);
    expect(ids).toEqual(
      expect.arrayContaining([`lane:department:${SALES}`, "lane:department:unassigned", "lane:stage:unassigned", "lane:add:stage"]),
    );
    expect(lanes.every((l) => l.selectable === false && l.draggable === false)).toBe(true);
    expect(laneNodes({ layout, counts: laneCounts(state), readOnly: true, renamingLane: null }).some((l) => l.type === "addLane")).toBe(
      false,
    );
  });

  it("styles edges by relation and reuses unchanged ones", () => {
    const cache: EdgeCache = new WeakMap();
    const [edge] = relationEdges(state, order, new Set(), null, cache);
    expect(edge).toMatchObject({ source: "a", target: "b", type: "relation", data: { critical: false, dimmed: false } });
    expect(relationEdges(state, order, new Set(), null, cache)[0]).toBe(edge);
    expect(edge!.markerEnd).toMatchObject({ color: RELATION_STROKE.FEEDBACK_TO.color });
  });

  it("ends critical edges in the critical colour and fades the others while the path is shown", () => {
    const highlight = {
      criticalNodes: new Set<string>(),
      criticalEdges: new Set(["e"]),
      times: new Map(),
      bottlenecks: new Map(),
      showCritical: true,
      heat: null,
      criticality: new Map(),
    };
    const [critical] = relationEdges(state, order, new Set(), highlight, new WeakMap());
    expect(critical).toMatchObject({ data: { critical: true, dimmed: false }, markerEnd: { color: CRITICAL_STROKE.color } });
    const [faded] = relationEdges(state, order, new Set(), { ...highlight, criticalEdges: new Set<string>() }, new WeakMap());
    expect(faded!.data).toMatchObject({ critical: false, dimmed: true });
  });
});

describe("nextSelection", () => {
  it("folds React Flow's select changes into the editor selection", () => {
    const current = { nodes: ["a"], edges: ["e"] };
    expect(
      nextSelection(current, "nodes", [
        { type: "select", id: "a", selected: false },
        { type: "select", id: "b", selected: true },
      ]),
    ).toEqual({
      nodes: ["b"],
      edges: ["e"],
    });
    expect(
      nextSelection(current, "nodes", [
        { type: "select", id: "a", selected: true },
        { type: "position", id: "a" },
      ]),
    ).toBeNull();
  });
});
