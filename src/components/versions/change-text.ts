import type { FieldChange } from "~/domain/diff";
import type { GraphSnapshot } from "~/domain/graph";
import { BRAIN_LABEL, RELATION_LABEL, STATUS_LABEL, TYPE_LABEL } from "../canvas/inspector/labels";

const FIELD_NAME: Record<string, string> = {
  label: "Name",
  description: "Description",
  type: "Type",
  status: "Status",
  progress: "Progress",
  departmentId: "Department",
  stageId: "Stage",
  avgTime: "Average time",
  tools: "Tools",
  isRepetitive: "Repetitive",
  brainUsage: "Brain usage",
  assignee: "Assignee",
  tags: "Tags",
  pca: "%C&A",
  external: "External",
  relationType: "Relation",
  lagTime: "Lag",
  lagWorking: "Wait in working time",
  frequency: "Frequency",
  condition: "Condition",
  sourceId: "From",
  targetId: "To",
  name: "Name",
  color: "Colour",
  position: "Order",
};

const ENUM_LABEL: Record<string, Record<string, string>> = {
  type: TYPE_LABEL,
  status: STATUS_LABEL,
  brainUsage: BRAIN_LABEL,
  relationType: RELATION_LABEL,
};

function laneName(graph: GraphSnapshot, field: string, id: unknown): string {
  if (id === null) return "Unassigned";
  const lanes = field === "departmentId" ? graph.departments : graph.stages;
  return lanes.find((l) => l.id === id)?.name ?? "?";
}

function value(field: string, v: unknown, graph: GraphSnapshot): string {
  if (field === "departmentId" || field === "stageId") return laneName(graph, field, v);
  if (field === "sourceId" || field === "targetId") return graph.nodes.find((n) => n.id === v)?.label ?? "?";
  if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) return "none";
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (field === "progress") return `${String(v)}%`;
  const text = ENUM_LABEL[field]?.[String(v)] ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * "Name: Approve → Approve order", one line per field a person would name; x and y (the
 * offset inside the cell) together read as one "Position in the cell" line.
 */
export function changeLines(fields: readonly FieldChange[], before: GraphSnapshot, after: GraphSnapshot): string[] {
  const lines: string[] = [];
  let nudged = false;
  for (const f of fields) {
    if (f.field === "x" || f.field === "y") {
      if (!nudged) lines.push("Position in the cell");
      nudged = true;
      continue;
    }
    lines.push(`${FIELD_NAME[f.field] ?? f.field}: ${value(f.field, f.from, before)} → ${value(f.field, f.to, after)}`);
  }
  return lines;
}
