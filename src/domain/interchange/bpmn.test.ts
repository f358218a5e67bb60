import { BpmnModdle, type ModdleNode } from "bpmn-moddle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BRAIN_USAGES, DEFAULT_NODE_FIELDS, NODE_STATUSES, NODE_TYPES, type GraphEdge, type GraphNode, type GraphSnapshot } from "../graph";
import { parseBpmn } from "./bpmn-read";
import { toBpmnXml } from "./bpmn-write";
import { parseImport } from "./index";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const step = (n: number, type: GraphNode["type"], departmentId: string | null, extra: Partial<GraphNode> = {}): GraphNode => ({
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
const edge = (n: number, from: number, to: number, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: id(n),
  sourceId: id(from),
  targetId: id(to),
  relationType: "REQUIRES",
  lagTime: null,
  lagWorking: false,
  frequency: 1,
  condition: null,
  ...extra,
});

const graph: GraphSnapshot = {
  departments: [
    { id: id(80), name: "Sales", color: "#0ea5e9", position: 0 },
    { id: id(81), name: "Ops", color: "#8b5cf6", position: 1 },
  ],
  stages: [
    { id: id(91), name: "Contract", color: "#10b981", position: 0 },
    { id: id(90), name: "Intake", color: "#f59e0b", position: 1 },
    { id: id(92), name: "Empty stage", color: "#ef4444", position: 2 },
  ],
  nodes: [
    step(1, "TRIGGER", id(80), { stageId: id(91) }),
    step(2, "ACTION", id(80), {
      avgTime: "2h / 4h / 2d",
      description: "Check the order\nline two\ttabbed",
      status: "IN_PROGRESS",
      progress: 42,
      tags: ["finance", "a, b"],
      tools: ["SAP", "Excel"],
      isRepetitive: true,
      brainUsage: "HIGH",
      assignee: "Dana",
      pca: 80,
      external: true,
    }),
    step(3, "DECISION", id(81), { x: 212.5, y: 48 }),
    step(4, "ARTIFACT", null, { stageId: null }),
  ],
  edges: [
    edge(11, 1, 2),
    edge(12, 2, 3, { relationType: "BLOCKS", lagTime: "1d", condition: "if paid" }),
    edge(13, 3, 4),
    edge(14, 3, 2, { relationType: "FEEDBACK_TO", frequency: 0.3, condition: "rejected" }),
  ],
};

const byType = (elements: ModdleNode[]) => {
  const counts: Record<string, number> = {};
  for (const e of elements) counts[e.$type] = (counts[e.$type] ?? 0) + 1;
  return counts;
};

/** The graph with every id replaced by the position of what it names, so two copies compare ids aside. */
function withoutIds(g: GraphSnapshot) {
  const index = (list: { id: string }[]) => new Map(list.map((item, i) => [item.id, i]));
  const nodes = index(g.nodes);
  const departments = index(g.departments);
  const stages = index(g.stages);
  return {
    departments: g.departments.map(({ id: _, ...rest }) => rest),
    stages: g.stages.map(({ id: _, ...rest }) => rest),
    nodes: g.nodes.map(({ id: _, departmentId, stageId, ...rest }) => ({
      ...rest,
      department: departmentId === null ? null : departments.get(departmentId),
      stage: stageId === null ? null : stages.get(stageId),
    })),
    edges: g.edges.map(({ id: _, sourceId, targetId, ...rest }) => ({ ...rest, source: nodes.get(sourceId), target: nodes.get(targetId) })),
  };
}

describe("toBpmnXml", () => {
  it("writes a process bpmn-moddle reads without warnings: lanes in order, every connection a sequence flow, diagram shapes", async () => {
    const xml = toBpmnXml({ name: "Orders & returns", description: "How an order is taken" }, graph);
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const roots = rootElement.get("rootElements") as ModdleNode[];
    const process = roots.find((r) => r.$type === "bpmn:Process")!;
    expect(process.name).toBe("Orders & returns");
    expect(byType(process.get("flowElements") as ModdleNode[])).toEqual({
      "bpmn:StartEvent": 1,
      "bpmn:Task": 2,
      "bpmn:ExclusiveGateway": 1,
      "bpmn:SequenceFlow": 4,
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
    expect(byType(plane.get("planeElement") as ModdleNode[])).toEqual({ "bpmndi:BPMNShape": 1 + 3 + 4, "bpmndi:BPMNEdge": 4 });
  });

  it("leaves defaults out, so a plain step is a plain task", () => {
    const xml = toBpmnXml({ name: "P" }, { ...graph, nodes: [step(5, "ACTION", null, { stageId: null })], edges: [] });
    const task = xml.split("\n").find((l) => l.startsWith("<bpmn:task"))!;
    expect(task).not.toMatch(/fm:status|fm:progress|fm:pca|fm:external|fm:repetitive|fm:brainUsage/);
  });
});

describe("BPMN round trip", () => {
  it("reads its own export back as the same project, ids aside", async () => {
    const result = await parseImport(toBpmnXml({ name: "Orders", description: "How an order is taken" }, graph));
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([]);
    const [p] = result.projects;
    expect(p!.name).toBe("Orders");
    expect(p!.description).toBe("How an order is taken");
    expect(withoutIds(p!.graph)).toEqual(withoutIds(graph));
    expect(p!.graph.stages.map((s) => s.name)).toEqual(["Contract", "Intake", "Empty stage"]);
    expect(p!.graph.edges[3]).toMatchObject({ relationType: "FEEDBACK_TO", frequency: 0.3 });
  });

  const text = (max: number) =>
    fc
      .string({
        minLength: 1,
        maxLength: max,
        unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", '"', "'", "\n", "é", "→", "/", ",", "1"),
      })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const duration = fc.option(fc.constantFrom("45m", "2h30m", "3d", "1w 2d", "2h / 4h / 2d", "1.5h"), { nil: null });
  const color = fc.constantFrom("#0ea5e9", "#8b5cf6", "#10b981", "#ABCDEF");
  const axis = (max: number) =>
    fc
      .uniqueArray(text(20), { maxLength: max, selector: (s) => s.toLowerCase() })
      .chain((names) =>
        fc.tuple(...names.map(() => color)).map((colors) => names.map((name, i) => ({ name, color: colors[i]!, position: i }))),
      );
  const project = fc
    .record({ departments: axis(4), stages: axis(4), count: fc.integer({ min: 1, max: 12 }) })
    .chain(({ departments, stages, count }) => {
      const ref = (list: unknown[]) =>
        fc.option(fc.nat({ max: Math.max(0, list.length - 1) }), { nil: null }).map((i) => (list.length ? i : null));
      const node = fc.record({
        label: text(40),
        description: fc.option(text(80), { nil: null }),
        type: fc.constantFrom(...NODE_TYPES),
        status: fc.constantFrom(...NODE_STATUSES),
        progress: fc.integer({ min: 0, max: 100 }),
        x: fc.integer({ min: 0, max: 900 }).map((v) => v / 2),
        y: fc.integer({ min: 0, max: 400 }),
        department: ref(departments),
        stage: ref(stages),
        avgTime: duration,
        tools: fc.uniqueArray(text(10), { maxLength: 3 }),
        isRepetitive: fc.boolean(),
        brainUsage: fc.constantFrom(...BRAIN_USAGES),
        assignee: fc.option(text(20), { nil: null }),
        tags: fc.uniqueArray(text(10), { maxLength: 3 }),
        pca: fc.integer({ min: 0, max: 100 }),
        external: fc.boolean(),
      });
      const link = fc.record({
        a: fc.nat({ max: count - 1 }),
        b: fc.nat({ max: count - 1 }),
        relationType: fc.constantFrom("REQUIRES", "BLOCKS", "FEEDBACK_TO" as const),
        lagTime: duration,
        lagWorking: fc.boolean(),
        frequency: fc.constantFrom(1, 0.3, 2, 0),
        condition: fc.option(text(30), { nil: null }),
      });
      return fc.record({
        departments: fc.constant(departments),
        stages: fc.constant(stages),
        nodes: fc.array(node, { minLength: count, maxLength: count }),
        links: fc.array(link, { maxLength: 20 }),
      });
    })
    .map(({ departments, stages, nodes, links }): GraphSnapshot => {
      const ds = departments.map((d, i) => ({ ...d, id: id(100 + i) }));
      const ss = stages.map((s, i) => ({ ...s, id: id(200 + i) }));
      const seen = new Set<string>();
      const edges = links.flatMap((l, i) => {
        // Dependencies run forward (no cycle), rework runs back: a valid project by construction.
        const [from, to] =
          l.relationType === "FEEDBACK_TO" ? [Math.max(l.a, l.b), Math.min(l.a, l.b)] : [Math.min(l.a, l.b), Math.max(l.a, l.b)];
        if (from === to || seen.has(`${from}>${to}`)) return [];
        seen.add(`${from}>${to}`);
        const { a: _a, b: _b, ...fields } = l;
        return [{ ...fields, id: id(1000 + i), sourceId: id(300 + from), targetId: id(300 + to) }];
      });
      return {
        departments: ds,
        stages: ss,
        nodes: nodes.map(({ department, stage, ...fields }, i) => ({
          ...fields,
          id: id(300 + i),
          departmentId: department === null ? null : ds[department]!.id,
          stageId: stage === null ? null : ss[stage]!.id,
        })),
        edges,
      };
    });

  it("property: random project -> BPMN -> import is the same project, ids aside", async () => {
    await fc.assert(
      fc.asyncProperty(project, text(60), fc.option(text(200), { nil: null }), async (g, name, description) => {
        const result = await parseBpmn(toBpmnXml({ name, description }, g));
        expect(result.problems).toEqual([]);
        expect(result.notes).toEqual([]);
        expect(result.projects).toHaveLength(1);
        expect(result.projects[0]!.name).toBe(name);
        expect(result.projects[0]!.description).toBe(description);
        expect(withoutIds(result.projects[0]!.graph)).toEqual(withoutIds(g));
      }),
      { numRuns: 150 },
    );
  });

  it("still reads the first export format (stage by name, no stage list)", async () => {
    const v1 = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:fm="https://flowmatrix.app/schema/bpmn" id="D" targetNamespace="https://flowmatrix.app/schema/bpmn">
<bpmn:process id="Process_1" name="Old">
<bpmn:task id="Node_a" name="A" fm:type="ACTION" fm:avgTime="2h" fm:stage="Intake" fm:offset="40,30" />
<bpmn:task id="Node_b" name="B" fm:type="ARTIFACT" fm:stage="Review" fm:offset="60,30" />
<bpmn:sequenceFlow id="Flow_1" sourceRef="Node_a" targetRef="Node_b" fm:lag="1d" />
</bpmn:process></bpmn:definitions>`;
    const result = await parseBpmn(v1);
    expect(result.problems).toEqual([]);
    const g = result.projects[0]!.graph;
    expect(g.stages.map((s) => s.name)).toEqual(["Intake", "Review"]);
    expect(g.nodes.map((n) => [n.label, n.type, n.avgTime, n.x])).toEqual([
      ["A", "ACTION", "2h", 40],
      ["B", "ARTIFACT", null, 60],
    ]);
    expect(g.edges[0]).toMatchObject({ relationType: "REQUIRES", lagTime: "1d" });
  });

  it("names the element when a value in our namespace is wrong, and refuses the file", async () => {
    const xml = toBpmnXml({ name: "P" }, graph)
      .replace('fm:pca="80"', 'fm:pca="180"')
      .replace('fm:status="IN_PROGRESS"', 'fm:status="DONE"');
    const result = await parseBpmn(xml);
    expect(result.problems).toEqual([
      `Node_${id(2)}: status: "DONE" is not one of ${NODE_STATUSES.join(", ")}`,
      `Node_${id(2)}: pca: %C&A must be 0-100`,
    ]);
  });

  it("explains text that is not BPMN", async () => {
    expect((await parseImport("<html></html>")).problems[0]).toMatch(/^The file is not BPMN 2.0 XML|no process/);
    expect((await parseImport("   ")).problems).toEqual(["The file is empty"]);
  });
});
