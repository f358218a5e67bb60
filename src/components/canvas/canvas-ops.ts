/** Turns canvas interactions into graph operations. Pure: the canvas applies what these return. */
import { DEFAULT_NODE_FIELDS, type GraphNode, type GraphState, type NodeFields, type NodeType, type RelationType } from "~/domain/graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH, absolutePosition, centredAt, type Cell, type MatrixLayout, type Point, type Rect } from "~/domain/matrix";
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
  const place = placer(state, layout, live.map((d) => d.id));
  const spots = live.map(({ id, position }) => ({ id, spot: place.spotAt(position) }));
  const placed = new Map<string, Cell>();
  for (const { id, spot } of spots) if (place.fits(spot)) placed.set(id, place.near(spot));
  for (const { id, spot } of spots) if (!placed.has(id)) placed.set(id, place.near(spot));
  return placeOps(state, new Map(live.map((d) => [d.id, placed.get(d.id)!])));
}

/**
 * How far one axis of a nudge can go for a node: up to the cell walls, and flush against the
 * first other step in the way (the nudge stops short rather than jumping over it). Steps that
 * already overlap the node sideways are not in its way, so an old overlap can be nudged apart.
 */
function axisLimit(box: Rect, delta: number, axis: "x" | "y", wall: { min: number; max: number }, obstacles: readonly Rect[]): number {
  const size = axis === "x" ? "width" : "height";
  const cross = axis === "x" ? "y" : "x";
  const crossSize = axis === "x" ? "height" : "width";
  let limit = delta > 0 ? Math.max(0, Math.min(delta, wall.max - box[axis])) : Math.min(0, Math.max(delta, wall.min - box[axis]));
  for (const o of obstacles) {
    if (!(o[cross] < box[cross] + box[crossSize] && box[cross] < o[cross] + o[crossSize])) continue;
    if (delta > 0 && o[axis] >= box[axis] + box[size]) limit = Math.min(limit, o[axis] - (box[axis] + box[size]));
    if (delta < 0 && o[axis] + o[size] <= box[axis]) limit = Math.max(limit, o[axis] + o[size] - box[axis]);
  }
  return limit;
}

/**
 * Moves nodes by (dx, dy) inside their own cells. The selected nodes of one cell move by one
 * common amount, the most that none of them hits a wall or another step, so they keep their
 * shape and never run into each other or anything else.
 */
export function nudgeOps(state: GraphState, layout: MatrixLayout, ids: string[], dx: number, dy: number): Operation[] {
  const nodes = ids.flatMap((id) => state.nodes.get(id) ?? []);
  const place = placer(state, layout, nodes.map((n) => n.id));
  const groups = new Map<string, GraphNode[]>();
  for (const n of nodes) groups.set(place.cellKey(n), [...(groups.get(place.cellKey(n)) ?? []), n]);
  const placed = new Map<string, Cell>();
  for (const group of groups.values()) {
    const obstacles = place.obstaclesOf(group[0]!);
    const size = place.sizeOf(group[0]!);
    const walls = {
      x: { min: CELL_PADDING, max: size.width - NODE_WIDTH - CELL_PADDING },
      y: { min: CELL_PADDING, max: size.height - NODE_HEIGHT - CELL_PADDING },
    };
    const boxes = group.map((n) => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
    const towards = (limits: number[], delta: number) => (delta > 0 ? Math.min(delta, ...limits) : Math.max(delta, ...limits));
    const mx = dx === 0 ? 0 : towards(boxes.map((b) => axisLimit(b, dx, "x", walls.x, obstacles)), dx);
    const moved = boxes.map((b) => ({ ...b, x: b.x + mx }));
    const my = dy === 0 ? 0 : towards(moved.map((b) => axisLimit(b, dy, "y", walls.y, obstacles)), dy);
    group.forEach((n) => placed.set(n.id, { departmentId: n.departmentId, stageId: n.stageId, offset: { x: n.x + mx, y: n.y + my } }));
  }
  return placeOps(state, placed);
}

/**
 * Moves nodes to the neighbouring cell (one stage left or right, one department up or down),
 * each into the first free slot there, taken in reading order so they keep their order. When
 * any of them is already at the edge of the matrix, none moves: the selection stays together.
 */
export function cellMoveOps(state: GraphState, layout: MatrixLayout, ids: string[], columns: number, rows: number): Operation[] {
  const nodes = ids.flatMap((id) => state.nodes.get(id) ?? []);
  const place = placer(state, layout, nodes.map((n) => n.id));
  const targets = nodes.map((node) => ({ node, to: place.neighbour(node, columns, rows), at: absolutePosition(layout, node) }));
  const placed = new Map<string, Cell>();
  for (const { node, to } of targets.sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x)) {
    if (!to) return [];
    placed.set(node.id, place.first(to));
  }
  return placeOps(state, placed);
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

export function createEdgeOp(id: string, sourceId: string, targetId: string, relationType: RelationType): Operation {
  return {
    op: "createEdge",
    edge: { id, sourceId, targetId, relationType, lagTime: null, frequency: relationType === "FEEDBACK_TO" ? 1 : 0, condition: null },
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
