import { BpmnModdle, type ModdleNode } from "bpmn-moddle";
import { describe, expect, it } from "vitest";
import type { GraphSnapshot } from "../graph";
import { DEFAULT_NODE_FIELDS } from "../graph";
import { parseBpmn, toBpmnXml } from "./bpmn";
import { parseImport } from "./index";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const step = (n: number, type: GraphSnapshot["nodes"][number]["type"], departmentId: string | null, extra = {}) => ({
  ...DEFAULT_NODE_FIELDS,
  id: id(n),
  label: `Step ${n} <&>`,
  type,
  x: 40,
  y: 30,
  departmentId,
  stageId: id(90),
  ...extra,
});

const graph: GraphSnapshot = {
  departments: [
    { id: id(80), name: "Sales", color: "#0ea5e9", position: 0 },
    { id: id(81), name: "Ops", color: "#8b5cf6", position: 1 },
  ],
  stages: [{ id: id(90), name: "Intake", color: "#10b981", position: 0 }],
  nodes: [
    step(1, "TRIGGER", id(80)),
    step(2, "ACTION", id(80), { avgTime: "2h", description: "Check the order" }),
    step(3, "DECISION", id(81)),
    step(4, "ARTIFACT", null),
  ],
  edges: [
    { id: id(11), sourceId: id(1), targetId: id(2), relationType: "REQUIRES", lagTime: null, frequency: 1, condition: null },
    { id: id(12), sourceId: id(2), targetId: id(3), relationType: "BLOCKS", lagTime: "1d", frequency: 1, condition: "if paid" },
    { id: id(13), sourceId: id(3), targetId: id(4), relationType: "REQUIRES", lagTime: null, frequency: 1, condition: null },
    { id: id(14), sourceId: id(3), targetId: id(2), relationType: "FEEDBACK_TO", lagTime: null, frequency: 2, condition: null },
  ],
};

const byType = (elements: ModdleNode[]) => {
  const counts: Record<string, number> = {};
  for (const e of elements) counts[e.$type] = (counts[e.$type] ?? 0) + 1;
  return counts;
};

describe("toBpmnXml", () => {
  it("writes a process that bpmn-moddle reads without warnings, with lanes and diagram shapes", async () => {
    const xml = toBpmnXml({ name: "Orders & returns" }, graph);
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const roots = rootElement.get("rootElements") as ModdleNode[];
    const process = roots.find((r) => r.$type === "bpmn:Process")!;
    expect(process.name).toBe("Orders & returns");
    expect(byType(process.get("flowElements") as ModdleNode[])).toEqual({
      "bpmn:StartEvent": 1,
      "bpmn:Task": 2,
      "bpmn:ExclusiveGateway": 1,
      "bpmn:SequenceFlow": 3,
    });
    const lanes = ((process.get("laneSets") as ModdleNode[])[0]!.get("lanes") as ModdleNode[]).map((l) => [
      l.name,
      (l.get("flowNodeRef") as ModdleNode[]).length,
    ]);
    expect(lanes).toEqual([
      ["Sales", 2],
      ["Ops", 1],
      ["Unassigned", 1],
    ]);
    const plane = (rootElement.get("diagrams") as ModdleNode[])[0]!.get("plane") as ModdleNode;
    expect(byType(plane.get("planeElement") as ModdleNode[])).toEqual({ "bpmndi:BPMNShape": 1 + 3 + 4, "bpmndi:BPMNEdge": 3 });
  });

  it("re-imports: lanes become departments, flows become dependencies, extras survive", async () => {
    const result = await parseImport(toBpmnXml({ name: "Orders" }, graph));
    expect(result.problems).toEqual([]);
    const [p] = result.projects;
    expect(p!.name).toBe("Orders");
    expect(p!.graph.departments.map((d) => d.name)).toEqual(["Sales", "Ops", "Unassigned"]);
    expect(p!.graph.stages.map((s) => s.name)).toEqual(["Intake"]);
    expect(p!.graph.nodes.map((n) => [n.label, n.type, n.avgTime, n.x, n.y])).toEqual([
      ["Step 1 <&>", "TRIGGER", null, 40, 30],
      ["Step 2 <&>", "ACTION", "2h", 40, 30],
      ["Step 3 <&>", "DECISION", null, 40, 30],
      ["Step 4 <&>", "ARTIFACT", null, 40, 30],
    ]);
    expect(p!.graph.nodes[1]!.description).toBe("Check the order");
    expect(p!.graph.edges.map((e) => [e.relationType, e.lagTime, e.condition])).toEqual([
      ["REQUIRES", null, null],
      ["BLOCKS", "1d", "if paid"],
      ["REQUIRES", null, null],
    ]);
  });

  it("reads plain BPMN from other tools and reports what it cannot import", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <process id="P" name="Plain">
    <laneSet><lane id="L1" name="Desk"><flowNodeRef>S</flowNodeRef><flowNodeRef>T</flowNodeRef></lane></laneSet>
    <startEvent id="S" /><userTask id="T" name="Do it" /><parallelGateway id="G" name="Split" /><endEvent id="E" />
    <sequenceFlow id="f1" sourceRef="S" targetRef="T" /><sequenceFlow id="f2" sourceRef="T" targetRef="G" />
    <sequenceFlow id="f3" sourceRef="G" targetRef="T" /><sequenceFlow id="f4" sourceRef="G" targetRef="E" />
  </process>
</definitions>`;
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual(['process "Plain".edges[2]: closes a dependency cycle "Do it" -> "Split" -> "Do it"']);
    const clean = await parseBpmn(xml.replace(/<sequenceFlow id="f3"[^>]*\/>/, ""));
    expect(clean.problems).toEqual([]);
    expect(clean.projects[0]!.graph.nodes.map((n) => [n.label, n.type, n.departmentId !== null])).toEqual([
      ["S", "TRIGGER", true],
      ["Do it", "ACTION", true],
      ["Split", "DECISION", false],
      ["E", "ACTION", false],
    ]);
  });

  it("explains text that is not BPMN", async () => {
    expect((await parseImport("<html></html>")).problems[0]).toMatch(/^The file is not BPMN 2.0 XML|^BPMN: /);
    expect((await parseImport("   ")).problems).toEqual(["The file is empty"]);
  });
});
