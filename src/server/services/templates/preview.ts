import type { GraphSnapshot } from "~/domain/graph";
import { SNAPSHOT_FORMAT } from "../versions/snapshot";

/** templates.snapshot: the version snapshot format without a revision (a template has none). */
export function templateSnapshot(graph: GraphSnapshot) {
  const { nodes, edges, departments, stages } = graph;
  return { format: SNAPSHOT_FORMAT, nodes, edges, departments, stages };
}

/** Just enough of a graph to draw the gallery thumbnail, far smaller than the snapshot. */
export type TemplatePreview = {
  departments: { id: string; name: string; color: string; position: number }[];
  stages: { id: string; name: string; color: string; position: number }[];
  nodes: {
    id: string;
    x: number;
    y: number;
    departmentId: string | null;
    stageId: string | null;
    type: GraphSnapshot["nodes"][number]["type"];
  }[];
  edges: { sourceId: string; targetId: string; feedback: boolean }[];
};

export function previewOf(graph: GraphSnapshot): TemplatePreview {
  const axis = ({ id, name, color, position }: GraphSnapshot["departments"][number]) => ({ id, name, color, position });
  return {
    departments: graph.departments.map(axis),
    stages: graph.stages.map(axis),
    nodes: graph.nodes.map(({ id, x, y, departmentId, stageId, type }) => ({ id, x, y, departmentId, stageId, type })),
    edges: graph.edges.map((e) => ({ sourceId: e.sourceId, targetId: e.targetId, feedback: e.relationType === "FEEDBACK_TO" })),
  };
}
