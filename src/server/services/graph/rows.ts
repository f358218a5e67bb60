import { automationScore } from "~/domain/automation";
import { estimateMinutes } from "~/domain/duration";
import type { AxisItem, GraphEdge, GraphNode } from "~/domain/graph";
import type { edges, nodes } from "~/server/db/schema";
import { estimateColumns } from "~/server/db/time-columns";

type NodeRow = typeof nodes.$inferSelect;
type EdgeRow = typeof edges.$inferSelect;

/** Maps between table rows and the editor's flat fields (attributes live in JSONB). */
export function nodeFromRow(row: NodeRow): GraphNode {
  const a = row.attributes;
  return {
    id: row.id,
    label: row.label,
    description: row.description,
    type: row.type,
    status: row.status,
    progress: row.progress,
    x: row.positionX,
    y: row.positionY,
    departmentId: row.departmentId,
    stageId: row.stageId,
    avgTime: a.avg_time ?? null,
    tools: a.tool ?? [],
    isRepetitive: a.is_repetitive ?? false,
    brainUsage: a.brain_usage ?? "MEDIUM",
    assignee: a.assignee ?? null,
    tags: row.ontologyTags,
    pca: a.pca ?? 100,
    external: a.external ?? false,
  };
}

export function nodeColumns(node: GraphNode) {
  return {
    label: node.label,
    description: node.description,
    type: node.type,
    status: node.status,
    progress: node.progress,
    positionX: node.x,
    positionY: node.y,
    departmentId: node.departmentId,
    stageId: node.stageId,
    attributes: {
      tool: node.tools,
      avg_time: node.avgTime,
      is_repetitive: node.isRepetitive,
      brain_usage: node.brainUsage,
      assignee: node.assignee,
      pca: node.pca,
      external: node.external,
    },
    ...estimateColumns(estimateMinutes(node.avgTime), "duration"),
    ontologyTags: node.tags,
    aiScore: automationScore(node).final_score,
  };
}

export function edgeFromRow(row: EdgeRow): GraphEdge {
  const p = row.properties;
  return {
    id: row.id,
    sourceId: row.sourceId,
    targetId: row.targetId,
    relationType: row.relationType,
    lagTime: p.lag_time ?? null,
    lagWorking: p.lag_working ?? false,
    frequency: p.frequency ?? 1,
    condition: p.condition ?? null,
  };
}

export function edgeColumns(edge: GraphEdge) {
  return {
    sourceId: edge.sourceId,
    targetId: edge.targetId,
    relationType: edge.relationType,
    properties: { lag_time: edge.lagTime, lag_working: edge.lagWorking, frequency: edge.frequency, condition: edge.condition },
    ...estimateColumns(estimateMinutes(edge.lagTime), "lag"),
  };
}

export function axisFromRow(row: { id: string; name: string; color: string; position: number }): AxisItem {
  return { id: row.id, name: row.name, color: row.color, position: row.position };
}
