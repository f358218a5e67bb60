/**
 * Keyboard moves of selected steps: nudges inside their cell, and jumps to the neighbouring
 * cell. Both answer where each step goes; neither ever puts a step onto another one.
 */
import type { GraphNode, GraphState } from "./graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH, absolutePosition, type Cell, type MatrixLayout, type Rect } from "./matrix";
import { placer } from "./placement";

type Axis = "x" | "y";
type Span = { start: number; end: number };

const spanOf = (r: Rect, axis: Axis): Span => (axis === "x" ? { start: r.x, end: r.x + r.width } : { start: r.y, end: r.y + r.height });
const crosses = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * How far a step can go along one axis: up to the cell walls, and flush against the first
 * other step in its way (a nudge stops short rather than jumping over a step). A step that
 * already overlaps it along that axis is not in its way, so an old overlap can be nudged apart.
 */
function reach(box: Rect, delta: number, axis: Axis, walls: { min: number; max: number }, obstacles: readonly Rect[]): number {
  const self = spanOf(box, axis);
  const across = spanOf(box, axis === "x" ? "y" : "x");
  let limit = delta > 0 ? Math.max(0, Math.min(delta, walls.max - self.start)) : Math.min(0, Math.max(delta, walls.min - self.start));
  for (const o of obstacles) {
    if (!crosses(spanOf(o, axis === "x" ? "y" : "x"), across)) continue;
    const other = spanOf(o, axis);
    if (delta > 0 && other.start >= self.end) limit = Math.min(limit, other.start - self.end);
    if (delta < 0 && other.end <= self.start) limit = Math.max(limit, other.end - self.start);
  }
  return limit;
}

/** The move all boxes can make together: the shortest of their reaches, in the move's direction. */
function together(boxes: Rect[], delta: number, axis: Axis, walls: { min: number; max: number }, obstacles: readonly Rect[]): number {
  if (delta === 0) return 0;
  const reaches = boxes.map((b) => reach(b, delta, axis, walls, obstacles));
  return delta > 0 ? Math.min(delta, ...reaches) : Math.max(delta, ...reaches);
}

/**
 * Where nodes nudged by (dx, dy) inside their own cells end up. The selected nodes of one cell
 * move by one common amount, the most that none of them hits a wall or another step, so they
 * keep their shape and never run into each other or anything else.
 */
export function nudged(state: GraphState, layout: MatrixLayout, ids: readonly string[], dx: number, dy: number): Map<string, Cell> {
  const nodes = ids.flatMap((id) => state.nodes.get(id) ?? []);
  const place = placer(
    state,
    layout,
    nodes.map((n) => n.id),
  );
  const cells = new Map<string, GraphNode[]>();
  for (const n of nodes) cells.set(place.cellKey(n), [...(cells.get(place.cellKey(n)) ?? []), n]);

  const placed = new Map<string, Cell>();
  for (const group of cells.values()) {
    const obstacles = place.obstaclesOf(group[0]!);
    const size = place.sizeOf(group[0]!);
    const walls = {
      x: { min: CELL_PADDING, max: size.width - NODE_WIDTH - CELL_PADDING },
      y: { min: CELL_PADDING, max: size.height - NODE_HEIGHT - CELL_PADDING },
    };
    const boxes = group.map((n): Rect => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
    const mx = together(boxes, dx, "x", walls.x, obstacles);
    const shifted = boxes.map((b) => ({ ...b, x: b.x + mx }));
    const my = together(shifted, dy, "y", walls.y, obstacles);
    for (const n of group) placed.set(n.id, { departmentId: n.departmentId, stageId: n.stageId, offset: { x: n.x + mx, y: n.y + my } });
  }
  return placed;
}

/**
 * Where nodes moved to the neighbouring cell (`columns` stages right, `rows` departments down)
 * go: each into the first free slot there, taken in reading order so they keep their order.
 * When any of them is already at the edge of the matrix none moves, so the selection stays
 * together; the map is empty then.
 */
export function movedToNeighbour(
  state: GraphState,
  layout: MatrixLayout,
  ids: readonly string[],
  columns: number,
  rows: number,
): Map<string, Cell> {
  const nodes = ids.flatMap((id) => state.nodes.get(id) ?? []);
  const place = placer(
    state,
    layout,
    nodes.map((n) => n.id),
  );
  const targets = nodes.map((node) => ({ node, to: place.neighbour(node, columns, rows), at: absolutePosition(layout, node) }));
  if (targets.some((t) => t.to === null)) return new Map();
  targets.sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x);
  return new Map(targets.map(({ node, to }) => [node.id, place.first(to!)]));
}
