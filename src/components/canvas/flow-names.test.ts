import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState, type GraphEdge, type GraphNode } from "~/domain/graph";
import { bandIndex, layoutMatrix } from "~/domain/matrix";
import { connectionName, connectionOrder, matrixOrder, stepName } from "./flow-names";

const SALES = "00000000-0000-4000-8000-000000000001";
const FINANCE = "00000000-0000-4000-8000-000000000002";
const ONBOARDING = "00000000-0000-4000-8000-000000000011";
const REVIEW = "00000000-0000-4000-8000-000000000012";

const node = (id: string, label: string, at: Partial<GraphNode> = {}): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label,
  x: 24,
  y: 24,
  departmentId: SALES,
  stageId: ONBOARDING,
  ...at,
});
const edge = (id: string, sourceId: string, targetId: string, at: Partial<GraphEdge> = {}): GraphEdge => ({
  id,
  sourceId,
  targetId,
  relationType: "REQUIRES",
  lagTime: null,
  lagWorking: false,
  frequency: 0,
  condition: null,
  ...at,
});

function matrix(nodes: GraphNode[], edges: GraphEdge[] = []) {
  const state = toState({
    departments: [
      { id: FINANCE, name: "Finance", color: "#000000", position: 1 },
      { id: SALES, name: "Sales", color: "#000000", position: 0 },
    ],
    stages: [
      { id: REVIEW, name: "Review", color: "#000000", position: 1 },
      { id: ONBOARDING, name: "Onboarding", color: "#000000", position: 0 },
    ],
    nodes,
    edges,
  });
  const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
  return { state, layout };
}

describe("stepName", () => {
  it("says the label, the cell and the status", () => {
    const kickOff = node("k", "Kick-off call", { status: "IN_PROGRESS" });
    const { layout } = matrix([kickOff]);
    expect(stepName(kickOff, bandIndex(layout))).toBe("Kick-off call, Sales / Onboarding, In progress");
  });

  it("calls a missing or unknown lane Unassigned", () => {
    const loose = node("l", "Loose end", { departmentId: null, stageId: "00000000-0000-4000-8000-00000000dead" });
    const { layout } = matrix([loose]);
    expect(stepName(loose, bandIndex(layout))).toBe("Loose end, Unassigned / Unassigned, Pending");
  });
});

describe("connectionName", () => {
  const { state } = matrix([node("a", "Draft quote"), node("b", "Approve quote")]);

  it("reads from, to and the relation in words", () => {
    expect(connectionName(edge("e", "a", "b"), state.nodes)).toBe("from Draft quote to Approve quote, requires");
    expect(connectionName(edge("e", "b", "a", { relationType: "FEEDBACK_TO" }), state.nodes)).toBe(
      "from Approve quote to Draft quote, feedback loop",
    );
  });

  it("adds the wait only when there is one", () => {
    expect(connectionName(edge("e", "a", "b", { relationType: "BLOCKS", lagTime: "2h" }), state.nodes)).toBe(
      "from Draft quote to Approve quote, blocks, wait 2h",
    );
    expect(connectionName(edge("e", "a", "b", { lagTime: "  " }), state.nodes)).toBe("from Draft quote to Approve quote, requires");
  });
});

describe("matrixOrder", () => {
  it("walks rows by lane position, then cells along the row, then top to bottom and left to right in a cell", () => {
    const nodes = [
      node("finance-review", "F/R", { departmentId: FINANCE, stageId: REVIEW }),
      node("sales-review", "S/R", { stageId: REVIEW }),
      node("sales-onboarding-right", "S/O right", { x: 300, y: 24 }),
      node("sales-onboarding-lower", "S/O lower", { x: 24, y: 200 }),
      node("sales-onboarding-first", "S/O first", { x: 120, y: 24 }),
      node("unassigned", "U", { departmentId: null, stageId: null }),
      node("finance-onboarding", "F/O", { departmentId: FINANCE }),
    ];
    const { state, layout } = matrix(nodes);
    expect(matrixOrder(state.nodes.values(), layout).map((n) => n.id)).toEqual([
      "sales-onboarding-first",
      "sales-onboarding-right",
      "sales-onboarding-lower",
      "sales-review",
      "finance-onboarding",
      "finance-review",
      "unassigned",
    ]);
  });
});

describe("connectionOrder", () => {
  it("orders connections by their source's place in the matrix, then their target's", () => {
    const order = [node("a", "A"), node("b", "B"), node("c", "C")];
    const edges = [edge("c-a", "c", "a"), edge("a-c", "a", "c"), edge("a-b", "a", "b"), edge("b-c", "b", "c")];
    expect(connectionOrder(edges, order).map((e) => e.id)).toEqual(["a-b", "a-c", "b-c", "c-a"]);
  });
});
