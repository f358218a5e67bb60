import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState, type GraphNode } from "~/domain/graph";
import { layoutMatrix } from "~/domain/matrix";
import { dependencyProblem, filterSteps, linkDetail, MAX_OPTIONS, stepLinks, stepOptions } from "./dependencies";

const SALES = "00000000-0000-4000-8000-000000000001";
const node = (id: string, label: string, departmentId: string | null = SALES): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label,
  x: 24,
  y: 24,
  departmentId,
  stageId: null,
});
const state = toState({
  departments: [{ id: SALES, name: "Sales", color: "#000000", position: 0 }],
  stages: [],
  nodes: [node("order", "Receive order"), node("credit", "Check credit"), node("ship", "Ship order", null), node("bill", "Send invoice")],
  edges: [
    {
      id: "e1",
      sourceId: "order",
      targetId: "credit",
      relationType: "REQUIRES",
      lagTime: "2h",
      lagWorking: false,
      frequency: 0,
      condition: null,
    },
    {
      id: "e2",
      sourceId: "credit",
      targetId: "ship",
      relationType: "BLOCKS",
      lagTime: null,
      lagWorking: false,
      frequency: 0,
      condition: null,
    },
    {
      id: "e3",
      sourceId: "ship",
      targetId: "credit",
      relationType: "FEEDBACK_TO",
      lagTime: null,
      lagWorking: false,
      frequency: 1,
      condition: null,
    },
  ],
});
const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });

describe("linkDetail", () => {
  it("names the relation and the wait when there is one", () => {
    expect(linkDetail("REQUIRES", "2h")).toBe("Requires · wait 2h");
    expect(linkDetail("BLOCKS", null)).toBe("Blocks");
  });
});

describe("stepLinks", () => {
  it("splits a step's connections into what it depends on and what it leads to", () => {
    const { dependsOn, leadsTo } = stepLinks(state, "credit");
    expect(dependsOn.map((l) => l.text)).toEqual(["Receive order · Requires · wait 2h", "Ship order · Feedback (rework loop)"]);
    expect(leadsTo).toEqual([{ edgeId: "e2", otherId: "ship", otherLabel: "Ship order", detail: "Blocks", text: "Ship order · Blocks" }]);
    expect(stepLinks(state, "bill")).toEqual({ dependsOn: [], leadsTo: [] });
  });
});

describe("stepOptions and filterSteps", () => {
  const options = stepOptions(state, layout, "credit");

  it("offers every other step by label, with its cell", () => {
    expect(options).toEqual([
      { id: "order", label: "Receive order", cell: "Sales / Unassigned" },
      { id: "bill", label: "Send invoice", cell: "Sales / Unassigned" },
      { id: "ship", label: "Ship order", cell: "Unassigned / Unassigned" },
    ]);
  });

  it("puts labels that start with the query before labels that only contain it, ignoring case", () => {
    expect(filterSteps(options, "  ORDER ").map((o) => o.id)).toEqual(["order", "ship"]);
    expect(filterSteps(options, "zzz")).toEqual([]);
    const list = [
      { id: "a", label: "Approve order", cell: "" },
      { id: "b", label: "Order parts", cell: "" },
    ];
    expect(filterSteps(list, "ord").map((o) => o.id)).toEqual(["b", "a"]);
  });

  it("caps a long list", () => {
    const many = Array.from({ length: MAX_OPTIONS + 10 }, (_, i) => ({ id: String(i), label: `Step ${i}`, cell: "" }));
    expect(filterSteps(many, "")).toHaveLength(MAX_OPTIONS);
  });
});

describe("dependencyProblem", () => {
  it("asks for a step and refuses a second connection between the same two steps", () => {
    expect(dependencyProblem(state, null, "credit")).toBe("Choose the step this one depends on");
    expect(dependencyProblem(state, "order", "credit")).toBe("“Receive order” is already connected to this step");
    expect(dependencyProblem(state, "bill", "credit")).toBeNull();
  });
});
