/** Turns canvas interactions into graph operations. Pure: the canvas applies what these return. */
import { DEFAULT_NODE_FIELDS, type GraphNode, type GraphState, type NodeFields, type NodeType, type RelationType } from "~/domain/graph";
import { centredAt, type Cell, type MatrixLayout, type Point } from "~/domain/matrix";
import { movedToNeighbour, nudged } from "~/domain/moves";
import { placer } from "~/domain/placement";
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

const placeOps = (state: GraphState, placed: Map<string, Cell>): Operation[] =>
  [...placed].flatMap(([id, cell]) => {
    const node = state.nodes.get(id);
    const op = node && placeOp(node, cellPlacement(cell));
    return op ? [op] : [];
  });

/**
 * Nodes dropped at new canvas positions (top-left corners): each lands in the cell under it,
 * exactly there when that overlaps nothing, else in the nearest free slot of that cell. The
 * nodes whose spots are free are placed first, so a dragged group keeps its shape wherever it
 * can and only the ones landing on something move aside.
 */
export function dropOps(state: GraphState, layout: MatrixLayout, dropped: { id: string; position: Point }[]): Operation[] {
  const live = dropped.filter((d) => state.nodes.has(d.id));
  const place = placer(
    state,
    layout,
    live.map((d) => d.id),
  );
  const spots = live.map(({ id, position }) => ({ id, spot: place.spotAt(position) }));
  const placed = new Map<string, Cell>();
  for (const { id, spot } of spots) if (place.fits(spot)) placed.set(id, place.near(spot));
  for (const { id, spot } of spots) if (!placed.has(id)) placed.set(id, place.near(spot));
  return placeOps(state, placed);
}

/**
 * Moves a node to another cell (the inspector's Department and Stage selects), into the first
 * free slot there, so it never lands on a step already in that cell.
 */
export function moveToCellOp(
  state: GraphState,
  layout: MatrixLayout,
  node: GraphNode,
  departmentId: string | null,
  stageId: string | null,
): Operation | null {
  if (node.departmentId === departmentId && node.stageId === stageId) return null;
  const { offset } = placer(state, layout, [node.id]).first({ departmentId, stageId });
  return placeOp(node, { departmentId, stageId, ...offset });
}

/** Moves nodes by (dx, dy) inside their own cells, stopping short of walls and other steps. */
export function nudgeOps(state: GraphState, layout: MatrixLayout, ids: string[], dx: number, dy: number): Operation[] {
  return placeOps(state, nudged(state, layout, ids, dx, dy));
}

/** Moves nodes to the neighbouring cell; nothing when one of them is at the matrix edge. */
export function cellMoveOps(state: GraphState, layout: MatrixLayout, ids: string[], columns: number, rows: number): Operation[] {
  return placeOps(state, movedToNeighbour(state, layout, ids, columns, rows));
}

/** A new step centred on a canvas point: there when the spot is free, else the nearest free slot of that cell. */
export function createAtOp(state: GraphState, layout: MatrixLayout, id: string, type: NodeType, point: Point): Operation {
  const place = placer(state, layout);
  return createNodeOp(id, type, place.near(place.spotAt(centredAt(point))));
}

/**
 * A new step for a palette click: in the cell of the one selected step, else in the cell at
 * the middle of the view, in that cell's first free slot.
 */
export function addInCellOp(
  state: GraphState,
  layout: MatrixLayout,
  id: string,
  type: NodeType,
  { selected, viewCentre }: { selected: readonly string[]; viewCentre: Point },
): Operation {
  const place = placer(state, layout);
  const only = selected.length === 1 ? state.nodes.get(selected[0]!) : undefined;
  return createNodeOp(id, type, place.first(only ?? place.spotAt(centredAt(viewCentre))));
}

export function createNodeOp(id: string, type: NodeType, cell: Cell, label = NEW_NODE_LABEL): Operation {
  return { op: "createNode", node: { ...DEFAULT_NODE_FIELDS, id, type, label, ...cellPlacement(cell) } };
}

export function createEdgeOp(
  id: string,
  sourceId: string,
  targetId: string,
  relationType: RelationType,
  lagTime: string | null = null,
): Operation {
  return {
    op: "createEdge",
    edge: {
      id,
      sourceId,
      targetId,
      relationType,
      lagTime,
      lagWorking: false,
      frequency: relationType === "FEEDBACK_TO" ? 1 : 0,
      condition: null,
    },
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
