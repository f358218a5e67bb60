/**
 * Writes a project as BPMN 2.0 XML (see bpmn.ts for the mapping): TRIGGER -> startEvent,
 * ACTION and ARTIFACT -> task (a dataObjectReference cannot be the source or target of a
 * sequence flow), DECISION -> exclusiveGateway; every connection a sequence flow, rework loops
 * included. Only values that differ from a new step's defaults are written, so the file stays
 * small and reads like an ordinary model; the reader fills the defaults back in.
 */
import { DEFAULT_NODE_FIELDS, type GraphEdge, type GraphNode, type GraphSnapshot } from "../graph";
import { absolutePosition, layoutMatrix, NODE_WIDTH, type MatrixRow } from "../matrix";
import { ELEMENT, FM_NS, FM_VERSION, ref, SIZE } from "./bpmn";

const POOL_LABEL = 30;

// XML 1.0 cannot carry most control characters at all; attribute values also lose raw line
// breaks and tabs to whitespace normalization unless they are written as character references.
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const text = (s: string) =>
  s.replace(UNWRITABLE, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
const quoted = (s: string) => text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
const attr = (name: string, value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? "" : ` ${name}="${quoted(String(value))}"`;
/** An attribute written only when the value is not the default a reader assumes. */
const unless = <T>(name: string, value: T, fallback: T) => (value === fallback ? "" : attr(name, value as string | number | boolean));

type Meta = { name: string; description?: string | null };

function stepAttributes(n: GraphNode): string {
  const d = DEFAULT_NODE_FIELDS;
  return (
    attr("fm:type", n.type) +
    unless("fm:status", n.status, d.status) +
    unless("fm:progress", n.progress, d.progress) +
    attr("fm:avgTime", n.avgTime) +
    attr("fm:stage", n.stageId ? ref.stage(n.stageId) : null) +
    attr("fm:offset", `${n.x},${n.y}`) +
    unless("fm:repetitive", n.isRepetitive, d.isRepetitive) +
    unless("fm:brainUsage", n.brainUsage, d.brainUsage) +
    attr("fm:assignee", n.assignee) +
    unless("fm:pca", n.pca, d.pca) +
    unless("fm:external", n.external, d.external)
  );
}

function flowAttributes(e: GraphEdge): string {
  return (
    unless("fm:relation", e.relationType, "REQUIRES") +
    attr("fm:lag", e.lagTime) +
    unless("fm:lagWorking", e.lagWorking, false) +
    unless("fm:frequency", e.frequency, 1)
  );
}

const extensions = (items: string[]) => (items.length ? `<bpmn:extensionElements>${items.join("")}</bpmn:extensionElements>` : "");
const documentation = (value: string | null | undefined) => (value ? `<bpmn:documentation>${text(value)}</bpmn:documentation>` : "");

export function toBpmnXml(meta: Meta, graph: GraphSnapshot): string {
  const layout = layoutMatrix(graph);
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of graph.edges) {
    outgoing.set(e.sourceId, [...(outgoing.get(e.sourceId) ?? []), ref.flow(e.id)]);
    incoming.set(e.targetId, [...(incoming.get(e.targetId) ?? []), ref.flow(e.id)]);
  }
  const rowOf = new Map(layout.rows.map((r) => [r.id, r]));
  const laneOf = (departmentId: string | null) => rowOf.get(departmentId) ?? rowOf.get(null) ?? layout.rows.at(-1)!;
  const department = new Map(graph.departments.map((d) => [d.id, d]));

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
      .map((n) => `<bpmn:flowNodeRef>${ref.node(n.id)}</bpmn:flowNodeRef>`);
    const own = row.id === null ? attr("fm:unassigned", true) : attr("fm:color", department.get(row.id)?.color);
    return `<bpmn:lane${attr("id", ref.lane(row.id))}${attr("name", row.name)}${own}>${refs.join("")}</bpmn:lane>`;
  });
  const stages = graph.stages.map((s) => `<fm:stage${attr("id", ref.stage(s.id))}${attr("name", s.name)}${attr("color", s.color)} />`);
  const elements = graph.nodes.map((n) => {
    const tag = ELEMENT[n.type];
    const lists = [...n.tags.map((t) => `<fm:tag${attr("name", t)} />`), ...n.tools.map((t) => `<fm:tool${attr("name", t)} />`)];
    const body = [
      documentation(n.description),
      extensions(lists),
      ...(incoming.get(n.id) ?? []).map((f) => `<bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(n.id) ?? []).map((f) => `<bpmn:outgoing>${f}</bpmn:outgoing>`),
    ].join("");
    return `<bpmn:${tag}${attr("id", ref.node(n.id))}${attr("name", n.label)}${stepAttributes(n)}>${body}</bpmn:${tag}>`;
  });
  const sequenceFlows = graph.edges.map((e) => {
    const condition = e.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${text(e.condition)}</bpmn:conditionExpression>`
      : "";
    return `<bpmn:sequenceFlow${attr("id", ref.flow(e.id))}${attr("sourceRef", ref.node(e.sourceId))}${attr("targetRef", ref.node(e.targetId))}${flowAttributes(e)}>${condition}</bpmn:sequenceFlow>`;
  });

  const top = layout.rows[0]?.y ?? 0;
  const bounds = (b: { x: number; y: number; width: number; height: number }) =>
    `<dc:Bounds${attr("x", Math.round(b.x))}${attr("y", Math.round(b.y))}${attr("width", Math.round(b.width))}${attr("height", Math.round(b.height))} />`;
  const laneShape = (row: MatrixRow) =>
    `<bpmndi:BPMNShape${attr("id", `${ref.lane(row.id)}_di`)}${attr("bpmnElement", ref.lane(row.id))} isHorizontal="true">${bounds({ x: POOL_LABEL, y: row.y, width: layout.width - POOL_LABEL, height: row.height })}</bpmndi:BPMNShape>`;
  const edgeShape = (e: GraphEdge) => {
    const s = boxes.get(e.sourceId)!;
    const t = boxes.get(e.targetId)!;
    // A rework loop leaves the top of the later step and enters the top of the earlier one, above the forward flows.
    const points =
      e.relationType === "FEEDBACK_TO"
        ? [
            { x: s.x + s.width / 2, y: s.y },
            { x: s.x + s.width / 2, y: Math.min(s.y, t.y) - 20 },
            { x: t.x + t.width / 2, y: Math.min(s.y, t.y) - 20 },
            { x: t.x + t.width / 2, y: t.y },
          ]
        : [
            { x: s.x + s.width, y: s.y + s.height / 2 },
            { x: t.x, y: t.y + t.height / 2 },
          ];
    const waypoints = points.map((p) => `<di:waypoint${attr("x", Math.round(p.x))}${attr("y", Math.round(p.y))} />`).join("");
    return `<bpmndi:BPMNEdge${attr("id", `${ref.flow(e.id)}_di`)}${attr("bpmnElement", ref.flow(e.id))}>${waypoints}</bpmndi:BPMNEdge>`;
  };
  const shapes = [
    `<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">${bounds({ x: 0, y: top, width: layout.width, height: layout.height - top })}</bpmndi:BPMNShape>`,
    ...layout.rows.map(laneShape),
    ...graph.nodes.map(
      (n) =>
        `<bpmndi:BPMNShape${attr("id", `${ref.node(n.id)}_di`)}${attr("bpmnElement", ref.node(n.id))}>${bounds(boxes.get(n.id)!)}</bpmndi:BPMNShape>`,
    ),
    ...graph.edges.map(edgeShape),
  ];

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fm="${FM_NS}" id="Definitions_1" targetNamespace="${FM_NS}" exporter="FlowMatrix" exporterVersion="${FM_VERSION}">`,
    `<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1"${attr("name", meta.name)} processRef="Process_1" /></bpmn:collaboration>`,
    `<bpmn:process id="Process_1"${attr("name", meta.name)} isExecutable="false"${attr("fm:version", FM_VERSION)}>`,
    documentation(meta.description),
    extensions(stages.length ? [`<fm:stages>${stages.join("")}</fm:stages>`] : []),
    `<bpmn:laneSet id="LaneSet_1">${lanes.join("")}</bpmn:laneSet>`,
    ...elements,
    ...sequenceFlows,
    `</bpmn:process>`,
    `<bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">${shapes.join("")}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`,
    `</bpmn:definitions>`,
    "",
  ]
    .filter(Boolean)
    .join("\n");
}
