import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { GraphSnapshot } from "../graph";
import { parseBpmn } from "./bpmn-read";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Connections as "from -> to (relation)", by step label. */
function links(g: GraphSnapshot) {
  const label = new Map(g.nodes.map((n) => [n.id, n.label]));
  return g.edges.map(
    (e) => `${label.get(e.sourceId)} -> ${label.get(e.targetId)}${e.relationType === "REQUIRES" ? "" : ` (${e.relationType})`}`,
  );
}
const departmentOf = (g: GraphSnapshot) => {
  const name = new Map(g.departments.map((d) => [d.id, d.name]));
  return Object.fromEntries(g.nodes.map((n) => [n.label, n.departmentId ? name.get(n.departmentId) : null]));
};

describe("BPMN from Signavio", () => {
  it("imports with notes instead of refusing: unknown attributes, loops through gateways as rework, nested lanes", async () => {
    const result = await parseBpmn(fixture("signavio-hiring.bpmn"));
    expect(result.problems).toEqual([]);
    const [p] = result.projects;
    expect(p!.name).toBe("Hiring");
    const g = p!.graph;
    expect(g.nodes.map((n) => n.label)).toEqual([
      "Position approved",
      "Post the job ad",
      "Screen applications",
      "Good fit?",
      "Interview",
      "Offer?",
      "Send the contract",
      "Hired",
    ]);
    // Leaf lanes are the departments; the second "Admin" is told apart by its parent lane.
    expect(g.departments.map((d) => d.name)).toEqual(["Recruiting", "Admin", "Hiring manager / Admin"]);
    expect(departmentOf(g)).toMatchObject({ "Post the job ad": "Recruiting", Interview: "Hiring manager / Admin", Hired: "Admin" });
    expect(links(g)).toEqual([
      "Position approved -> Post the job ad",
      "Post the job ad -> Screen applications",
      "Screen applications -> Good fit?",
      "Good fit? -> Interview",
      "Good fit? -> Post the job ad (FEEDBACK_TO)",
      "Interview -> Offer?",
      "Offer? -> Send the contract",
      "Offer? -> Interview (FEEDBACK_TO)",
      "Send the contract -> Hired",
    ]);
    expect(g.edges.find((e) => e.relationType === "FEEDBACK_TO")).toMatchObject({ condition: "no, advertise again", frequency: 1 });
    expect(result.notes).toEqual([
      "Ignored: unknown attribute <isCollection>",
      "sid-f7: closes a loop (sid-gw-fit -> sid-post), imported as a rework connection, once per run",
      "sid-f8: closes a loop (sid-gw-ok -> sid-interview), imported as a rework connection, once per run",
      "Left out 1 data object reference: sid-dataref",
      "Left out 1 text annotation: sid-note",
      "Left out 1 association: sid-assoc",
    ]);
    // Where the diagram drew a step, relative to its lane; steps without a shape start at the cell's corner.
    expect(g.nodes.slice(0, 3).map((n) => [n.x, n.y])).toEqual([
      [60, 80],
      [140, 55],
      [300, 55],
    ]);
  });
});

describe("BPMN from Camunda Modeler", () => {
  it("flattens sub-processes, keeps boundary events as steps, joins pools and says what it left out", async () => {
    const result = await parseBpmn(fixture("camunda-order.bpmn"));
    expect(result.problems).toEqual([]);
    expect(result.projects).toHaveLength(1);
    const g = result.projects[0]!.graph;
    expect(result.projects[0]!.name).toBe("Shop & Warehouse");
    expect(g.departments.map((d) => d.name)).toEqual(["Sales", "Billing", "Warehouse"]);
    expect(g.nodes.map((n) => n.label)).toEqual([
      "Order received",
      "Check the order",
      "2 days",
      "Remind the team",
      "Start event",
      "Reserve stock",
      "Pack",
      "End event",
      "Send the invoice",
      "Done",
      "Pick the items",
      "Ship",
    ]);
    expect(departmentOf(g)).toMatchObject({ "Reserve stock": "Billing", "2 days": "Sales", Ship: "Warehouse" });
    expect(links(g)).toEqual([
      "Check the order -> 2 days",
      "Start event -> Reserve stock",
      "Reserve stock -> Pack",
      "Pack -> End event",
      "Order received -> Check the order",
      "Check the order -> Start event",
      "2 days -> Remind the team",
      "End event -> Send the invoice",
      "Send the invoice -> Done",
      "Pick the items -> Ship",
      "Pack -> Pick the items",
    ]);
    expect(result.notes).toEqual([
      'Participant_customer "Customer": a pool without steps; left out',
      'Timer_late "2 days": boundary event on Task_check, imported as a step after it',
      'Sub_fulfil "Fulfil": sub-process flattened into its 4 steps',
      "Message_pick: message flow imported as a connection from Task_pack to Task_pick",
      "Left out 1 data store reference: Store_erp",
      "Left out 2 message flows whose other end was not imported: Message_order (Participant_customer), Message_invoice (Participant_customer)",
    ]);
  });

  it("keeps a sub-process as one step when asked, listing its inner elements", async () => {
    const result = await parseBpmn(fixture("camunda-order.bpmn"), { subProcesses: "keep" });
    expect(result.problems).toEqual([]);
    const g = result.projects[0]!.graph;
    expect(g.nodes.map((n) => n.label)).toContain("Fulfil");
    expect(g.nodes.map((n) => n.label)).not.toContain("Pack");
    expect(links(g)).toContain("Check the order -> Fulfil");
    expect(links(g)).toContain("Fulfil -> Send the invoice");
    expect(result.notes).toContain(
      'Sub_fulfil "Fulfil": kept as one step; left out its 7 elements (Sub_start, Task_reserve, Task_pack, Sub_end, Flow_s1, Flow_s2, Flow_s3)',
    );
    expect(result.notes.some((n) => n.startsWith("Left out 3 message flows whose other end was not imported: Message_order"))).toBe(true);
  });
});
