/** Turns canvas interactions into graph operations. Pure: the canvas applies what these return. */
import { DEFAULT_NODE_FIELDS, type GraphNode, type GraphState, type NodeFields, type NodeType, type RelationType } from "~/domain/graph";
import { MIN_CELL_HEIGHT, MIN_CELL_WIDTH, cellAt, cellRect, clampOffset, type Cell, type MatrixLayout, type Point } from "~/domain/matrix";
import type { Operation } from "~/domain/operations";
import type { Selection } from "./editor-context";

export const NEW_NODE_LABEL = "New step";

type Placement = Pick<NodeFields, "x" | "y" | "departmentId" | "stageId">;
const PLACEMENT_KEYS = ["x", "y", "departmentId", "stageId"] as const;

/** An updateNode that moves a node, naming only the fields that change; null when none do. */
export function placeOp(node: GraphNode, to: Placement): Operation | null {
  const set: Partial<Placement> = {};
  const expect: Partial<Placement> = {};
  for (const key of PLACEMENT_KEYS) {
    if (node[key] !== to[key]) {
      Object.assign(set, { [key]: to[key] });
      Object.assign(expect, { [key]: node[key] });
    }
  }
  return Object.keys(set).length > 0 ? { op: "updateNode", id: node.id, set, expect } : null;
}

const cellPlacement = (cell: Cell): Placement => ({ departmentId: cell.departmentId, stageId: cell.stageId, ...cell.offset });

/** Nodes dropped at new canvas positions (top-left corners): each lands in the cell under it. */
export function dropOps(state: GraphState, layout: MatrixLayout, dropped: { id: string; position: Point }[]): Operation[] {
  const ops: Operation[] = [];
  for (const { id, position } of dropped) {
    const node = state.nodes.get(id);
    const op = node && placeOp(node, cellPlacement(cellAt(layout, position)));
    if (op) ops.push(op);
  }
  return ops;
}

/**
 * Moves a node to another cell (the inspector's Department and Stage selects), keeping its
 * offset as far as it fits there. A cell the layout does not draw yet (an Unassigned band no
 * step uses) has the minimum cell size.
 */
export function moveToCellOp(node: GraphNode, layout: MatrixLayout, departmentId: string | null, stageId: string | null): Operation | null {
  const size = cellRect(layout, departmentId, stageId) ?? { width: MIN_CELL_WIDTH, height: MIN_CELL_HEIGHT };
  return placeOp(node, { departmentId, stageId, ...clampOffset(node, size) });
}

/** Moves nodes by (dx, dy) inside their own cells. */
export function nudgeOps(state: GraphState, layout: MatrixLayout, ids: string[], dx: number, dy: number): Operation[] {
  const ops: Operation[] = [];
  for (const id of ids) {
    const node = state.nodes.get(id);
    const rect = node && cellRect(layout, node.departmentId, node.stageId);
    if (!node || !rect) continue;
    const op = placeOp(node, { ...node, ...clampOffset({ x: node.x + dx, y: node.y + dy }, rect) });
    if (op) ops.push(op);
  }
  return ops;
}

export function createNodeOp(id: string, type: NodeType, cell: Cell, label = NEW_NODE_LABEL): Operation {
  return { op: "createNode", node: { ...DEFAULT_NODE_FIELDS, id, type, label, ...cellPlacement(cell) } };
}

export function createEdgeOp(id: string, sourceId: string, targetId: string, relationType: RelationType, lagTime: string | null = null): Operation {
  return {
    op: "createEdge",
    edge: { id, sourceId, targetId, relationType, lagTime, frequency: relationType === "FEEDBACK_TO" ? 1 : 0, condition: null },
  };
}

export function renameOp(node: GraphNode, label: string): Operation | null {
  const next = label.trim();
  if (next === "" || next === node.label) return null;
  return { op: "updateNode", id: node.id, set: { label: next }, expect: { label: node.label } };
}

/**
 * Deletes the selection in one batch: edges first (a node's delete takes its edges with it,
 * so an edge named after its node would no longer exist), then nodes.
 */
export function deleteOps(state: GraphState, selection: Selection): Operation[] {
  const nodes = selection.nodes.filter((id) => state.nodes.has(id));
  const edges = selection.edges.filter((id) => state.edges.has(id));
  return [...edges.map((id): Operation => ({ op: "deleteEdge", id })), ...nodes.map((id): Operation => ({ op: "deleteNode", id }))];
}
