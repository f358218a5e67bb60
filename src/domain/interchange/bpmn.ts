/**
 * BPMN 2.0 XML, written and read. Export: one process in one pool (a collaboration with one
 * participant, which is what modelers need to draw lanes), one lane per department,
 * TRIGGER -> startEvent, ACTION -> task, DECISION -> exclusiveGateway, and ARTIFACT -> task:
 * a dataObjectReference cannot be the source or target of a sequence flow, so an artifact
 * step that others depend on would lose its dependencies. Dependency edges (REQUIRES/BLOCKS)
 * become sequence flows; rework loops (FEEDBACK_TO) are not control flow and are left out.
 * What BPMN has no place for (step type, duration, stage, cell offset, lag) rides along in
 * attributes of our own namespace, which BPMN tools keep and ignore.
 *
 * Import goes through the same validation as the old JSON format: lanes become departments,
 * flow nodes (tasks, events, gateways) become steps, sequence flows become REQUIRES edges.
 */
import { BpmnModdle, type ModdleNode } from "bpmn-moddle";
import { isDependency, NODE_TYPES, type GraphSnapshot, type NodeType } from "../graph";
import { absolutePosition, CELL_PADDING, layoutMatrix, NODE_WIDTH, type MatrixRow } from "../matrix";
import { readLegacy, type ImportParse } from "./legacy";

export const FM_NS = "https://flowmatrix.app/schema/bpmn";

const ELEMENT: Record<NodeType, string> = { TRIGGER: "startEvent", ACTION: "task", DECISION: "exclusiveGateway", ARTIFACT: "task" };
const SIZE: Record<string, { width: number; height: number }> = {
  startEvent: { width: 36, height: 36 },
  task: { width: 120, height: 80 },
  exclusiveGateway: { width: 50, height: 50 },
};
const POOL_LABEL = 30;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const attr = (name: string, value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : ` ${name}="${esc(String(value))}"`;

export function toBpmnXml(meta: { name: string }, graph: GraphSnapshot): string {
  const layout = layoutMatrix(graph);
  const stageName = new Map(graph.stages.map((s) => [s.id, s.name]));
  const nodeRef = (id: string) => `Node_${id}`;
  const laneRef = (row: MatrixRow) => `Lane_${row.id ?? "unassigned"}`;
  const flows = graph.edges.filter((e) => isDependency(e.relationType));
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of flows) {
    outgoing.set(e.sourceId, [...(outgoing.get(e.sourceId) ?? []), `Flow_${e.id}`]);
    incoming.set(e.targetId, [...(incoming.get(e.targetId) ?? []), `Flow_${e.id}`]);
  }
  const rowOf = new Map(layout.rows.map((r) => [r.id, r]));
  const laneOf = (departmentId: string | null) => rowOf.get(departmentId) ?? rowOf.get(null) ?? layout.rows.at(-1)!;

  const boxes = new Map(
    graph.nodes.map((n) => {
      const at = absolutePosition(layout, n);
      const size = SIZE[ELEMENT[n.type]]!;
      return [n.id, { x: at.x + (NODE_WIDTH - size.width) / 2, y: at.y, ...size }];
    }),
  );

  const lanes = layout.rows.map((row) => {
    const refs = graph.nodes
      .filter((n) => laneOf(n.departmentId) === row)
      .map((n) => `<bpmn:flowNodeRef>${nodeRef(n.id)}</bpmn:flowNodeRef>`);
    return `<bpmn:lane${attr("id", laneRef(row))}${attr("name", row.name)}>${refs.join("")}</bpmn:lane>`;
  });
  const elements = graph.nodes.map((n) => {
    const tag = ELEMENT[n.type];
    const extra =
      attr("fm:type", n.type) +
      attr("fm:avgTime", n.avgTime) +
      attr("fm:stage", n.stageId ? stageName.get(n.stageId) : null) +
      attr("fm:offset", `${n.x},${n.y}`);
    const body = [
      n.description ? `<bpmn:documentation>${esc(n.description)}</bpmn:documentation>` : "",
      ...(incoming.get(n.id) ?? []).map((f) => `<bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(n.id) ?? []).map((f) => `<bpmn:outgoing>${f}</bpmn:outgoing>`),
    ].join("");
    return `<bpmn:${tag}${attr("id", nodeRef(n.id))}${attr("name", n.label)}${extra}>${body}</bpmn:${tag}>`;
  });
  const sequenceFlows = flows.map((e) => {
    const condition = e.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(e.condition)}</bpmn:conditionExpression>`
      : "";
    const extra = attr("fm:lag", e.lagTime) + (e.relationType === "BLOCKS" ? attr("fm:relation", "BLOCKS") : "");
    return `<bpmn:sequenceFlow${attr("id", `Flow_${e.id}`)}${attr("sourceRef", nodeRef(e.sourceId))}${attr("targetRef", nodeRef(e.targetId))}${extra}>${condition}</bpmn:sequenceFlow>`;
  });

  const top = layout.rows[0]?.y ?? 0;
  const bounds = (b: { x: number; y: number; width: number; height: number }) =>
    `<dc:Bounds${attr("x", Math.round(b.x))}${attr("y", Math.round(b.y))}${attr("width", Math.round(b.width))}${attr("height", Math.round(b.height))} />`;
  const shapes = [
    `<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">${bounds({ x: 0, y: top, width: layout.width, height: layout.height - top })}</bpmndi:BPMNShape>`,
    ...layout.rows.map(
      (row) =>
        `<bpmndi:BPMNShape${attr("id", `${laneRef(row)}_di`)}${attr("bpmnElement", laneRef(row))} isHorizontal="true">${bounds({ x: POOL_LABEL, y: row.y, width: layout.width - POOL_LABEL, height: row.height })}</bpmndi:BPMNShape>`,
    ),
    ...graph.nodes.map(
      (n) =>
        `<bpmndi:BPMNShape${attr("id", `${nodeRef(n.id)}_di`)}${attr("bpmnElement", nodeRef(n.id))}>${bounds(boxes.get(n.id)!)}</bpmndi:BPMNShape>`,
    ),
    ...flows.map((e) => {
      const s = boxes.get(e.sourceId)!;
      const t = boxes.get(e.targetId)!;
      const points = [
        { x: s.x + s.width, y: s.y + s.height / 2 },
        { x: t.x, y: t.y + t.height / 2 },
      ];
      const waypoints = points.map((p) => `<di:waypoint${attr("x", Math.round(p.x))}${attr("y", Math.round(p.y))} />`).join("");
      return `<bpmndi:BPMNEdge${attr("id", `Flow_${e.id}_di`)}${attr("bpmnElement", `Flow_${e.id}`)}>${waypoints}</bpmndi:BPMNEdge>`;
    }),
  ];

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fm="${FM_NS}" id="Definitions_1" targetNamespace="${FM_NS}" exporter="FlowMatrix" exporterVersion="1">`,
    `<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1"${attr("name", meta.name)} processRef="Process_1" /></bpmn:collaboration>`,
    `<bpmn:process id="Process_1"${attr("name", meta.name)} isExecutable="false">`,
    `<bpmn:laneSet id="LaneSet_1">${lanes.join("")}</bpmn:laneSet>`,
    ...elements,
    ...sequenceFlows,
    `</bpmn:process>`,
    `<bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">${shapes.join("")}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`,
    `</bpmn:definitions>`,
    "",
  ].join("\n");
}

const list = (node: ModdleNode, key: string) => (node.get(key) as ModdleNode[] | undefined) ?? [];
const fm = (node: ModdleNode, key: string) =>
  node.$attrs?.[`fm:${key}`] ?? Object.entries(node.$attrs ?? {}).find(([k]) => k.endsWith(`:${key}`) && k !== `xsi:${key}`)?.[1];

/** The lanes that hold steps: nested lanes count by their innermost level. */
function leafLanes(lanes: ModdleNode[]): ModdleNode[] {
  return lanes.flatMap((lane) => {
    const child = lane.get("childLaneSet") as ModdleNode | undefined;
    const children = child ? list(child, "lanes") : [];
    return children.length ? leafLanes(children) : [lane];
  });
}

function stepType(el: ModdleNode): NodeType {
  const declared = fm(el, "type");
  if (declared && (NODE_TYPES as readonly string[]).includes(declared)) return declared as NodeType;
  if (el.$type === "bpmn:StartEvent") return "TRIGGER";
  if (el.$type.endsWith("Gateway")) return "DECISION";
  return "ACTION";
}

const isFlowNode = (el: ModdleNode) => /(Task|Event|Gateway|SubProcess|CallActivity)$/.test(el.$type) && el.$type !== "bpmn:BoundaryEvent";

/** Reads BPMN 2.0 XML: each process with steps becomes one project. */
export async function parseBpmn(xml: string, options: { newId?: () => string } = {}): Promise<ImportParse> {
  let parsed;
  try {
    parsed = await new BpmnModdle().fromXML(xml);
  } catch (error) {
    return { format: "bpmn", projects: [], problems: [`The file is not BPMN 2.0 XML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const problems = parsed.warnings.map((w) => `BPMN: ${w.message.split("\n")[0]}`);
  const roots = list(parsed.rootElement, "rootElements");
  const participantName = new Map<string, string>();
  for (const c of roots.filter((r) => r.$type === "bpmn:Collaboration"))
    for (const p of list(c, "participants")) {
      const ref = p.get("processRef") as ModdleNode | undefined;
      if (ref?.id && p.name) participantName.set(ref.id, p.name);
    }
  const bounds = new Map<string, { x: number; y: number }>();
  for (const d of list(parsed.rootElement, "diagrams"))
    for (const shape of list(d.get("plane") as ModdleNode, "planeElement")) {
      const el = shape.get("bpmnElement") as ModdleNode | undefined;
      const b = shape.get("bounds") as { x: number; y: number } | undefined;
      if (el?.id && b) bounds.set(el.id, { x: b.x, y: b.y });
    }

  const processes = roots.filter((r) => r.$type === "bpmn:Process" && list(r, "flowElements").some(isFlowNode));
  if (processes.length === 0)
    return { format: "bpmn", projects: [], problems: [...problems, "The file has no process with tasks, events or gateways"] };

  const result: ImportParse = { format: "bpmn", projects: [], problems };
  processes.forEach((process, pi) => {
    const lanes = leafLanes(list(process, "laneSets").flatMap((set) => list(set, "lanes")));
    const laneOf = new Map<string, ModdleNode>();
    for (const lane of lanes) for (const ref of list(lane, "flowNodeRef")) if (ref.id) laneOf.set(ref.id, lane);
    const steps = list(process, "flowElements").filter(isFlowNode);
    const stages = [...new Set(steps.map((s) => fm(s, "stage")).filter((s): s is string => !!s))];
    const clampOffset = (v: number) => Math.max(CELL_PADDING, Math.round(v));
    const project = {
      name: participantName.get(process.id ?? "") ?? process.name ?? `Imported process ${pi + 1}`,
      nodes: steps.map((s) => {
        const lane = laneOf.get(s.id!);
        const declared = fm(s, "offset")?.split(",").map(Number);
        const at = bounds.get(s.id!);
        const laneAt = lane?.id ? bounds.get(lane.id) : undefined;
        const offset =
          declared?.length === 2 && declared.every(Number.isFinite)
            ? { x: declared[0], y: declared[1] }
            : at
              ? { x: clampOffset(at.x - (laneAt?.x ?? 0)), y: clampOffset(at.y - (laneAt?.y ?? 0)) }
              : undefined;
        const docs = list(s, "documentation")
          .map((d) => d.get("text") as string)
          .filter(Boolean);
        return {
          id: s.id,
          label: s.name?.trim() || s.id,
          type: stepType(s),
          description: docs.join("\n") || null,
          department: lane ? lane.id : null,
          stage: fm(s, "stage") ?? null,
          offset,
          attributes: { avg_time: fm(s, "avgTime") ?? null },
        };
      }),
      edges: list(process, "flowElements")
        .filter((f) => f.$type === "bpmn:SequenceFlow")
        .map((f) => ({
          id: f.id,
          source: (f.get("sourceRef") as ModdleNode | undefined)?.id,
          target: (f.get("targetRef") as ModdleNode | undefined)?.id,
          relation_type: fm(f, "relation") === "BLOCKS" ? "BLOCKS" : "REQUIRES",
          properties: {
            lag_time: fm(f, "lag") ?? null,
            condition: ((f.get("conditionExpression") as ModdleNode | undefined)?.get("body") as string | undefined) ?? null,
          },
        })),
    };
    const settings = {
      departments: lanes.map((l, i) => ({ id: l.id, name: l.name?.trim() || l.id, order: i })),
      stages: stages.map((name, i) => ({ id: name, name, order: i })),
    };
    const read = readLegacy({ settings, projects: [project] }, options);
    const where = `process "${project.name}"`;
    result.problems.push(
      ...read.problems.map((p) => p.replace(/^projects\[0\]/, where).replace(/^settings\.departments/, `${where} lanes`)),
    );
    result.projects.push(...read.projects);
  });
  return result;
}
