import { randomUUID } from "node:crypto";
import { isTrackedEnvelope } from "@trpc/server";
import { DEFAULT_NODE_FIELDS, type GraphEdge, type GraphNode, type RelationType } from "~/domain/graph";
import type { Operation } from "~/domain/operations";

/** Operation builders for tests: complete entities with fresh ids. */
export function nodeOp(label: string, fields: Partial<GraphNode> = {}): Extract<Operation, { op: "createNode" }> {
  return {
    op: "createNode",
    node: { ...DEFAULT_NODE_FIELDS, id: randomUUID(), label, x: 20, y: 20, departmentId: null, stageId: null, ...fields },
  };
}

export function edgeOp(sourceId: string, targetId: string, relationType: RelationType = "REQUIRES", fields: Partial<GraphEdge> = {}) {
  return {
    op: "createEdge" as const,
    edge: {
      id: randomUUID(),
      sourceId,
      targetId,
      relationType,
      lagTime: null,
      lagWorking: false,
      frequency: 1,
      condition: null,
      ...fields,
    },
  };
}

export function batch(ops: Operation[]) {
  return { clientOpId: randomUUID(), ops };
}

/** Every live event arrives tracked, as [id, data, marker]: its data, or a failure when it is not tracked. */
export function eventData(value: unknown): unknown {
  if (!isTrackedEnvelope(value)) throw new Error(`Not a tracked event: ${JSON.stringify(value)}`);
  return value[1];
}
