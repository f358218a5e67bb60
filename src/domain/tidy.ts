import { isDependency, type GraphEdge, type GraphNode, type GraphState } from "./graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH, type Point, type Rect } from "./matrix";
import type { Operation } from "./operations";

// Columns leave room for a connection's arrow between them; rows only need breathing space.
const GAP_X = 56;
const GAP_Y = 24;

const COLUMN = NODE_WIDTH + GAP_X;
const ROW = NODE_HEIGHT + GAP_Y;

const cellKey = (n: GraphNode) => `${n.departmentId ?? ""}|${n.stageId ?? ""}`;
const byLabel = (a: GraphNode, b: GraphNode) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

/**
 * Each node's layer: the number of dependency edges on the longest path reaching it from a
 * source. Feedback (rework) edges point backwards on purpose and are ignored. The graph is a
 * DAG by invariant; should a cycle slip in, its nodes keep the layer reached so far.
 */
export function dependencyLayers(state: GraphState): Map<string, number> {
  const edges = dependencyEdges(state);
  const successors = groupBy(edges, (e) => e.sourceId);
  const indegree = new Map<string, number>([...state.nodes.keys()].map((id) => [id, 0]));
  for (const e of edges) indegree.set(e.targetId, indegree.get(e.targetId)! + 1);
  const layer = new Map<string, number>([...state.nodes.keys()].map((id) => [id, 0]));
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const { targetId: next } of successors.get(id) ?? []) {
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return layer;
}

/**
 * Layered auto-layout that keeps every node in its own department x stage cell. Inside a
 * cell, columns follow the dependency layers present there (left to right) and each column
 * is ordered top to bottom by the average slot of the node's predecessors, then by label, so
 * the result is deterministic and tidying twice changes nothing.
 *
 * With `onlyIds`, only those nodes move: per cell they are laid out from the top-left of
 * where they were, or below the nodes that stay when that spot would overlap them.
 * Returns one compare-and-set `updateNode` per node whose position changes.
 */
export function tidy(state: GraphState, onlyIds?: Iterable<string>): Operation[] {
  const only = onlyIds ? new Set(onlyIds) : null;
  const moving = [...state.nodes.values()].filter((n) => !only || only.has(n.id));
  if (moving.length === 0) return [];

  const layers = dependencyLayers(state);
  const predecessors = groupBy(dependencyEdges(state), (e) => e.targetId);

  const cells = groupBy(moving, cellKey);
  // Columns per cell: the cell's distinct layers, compressed so no column stays empty.
  const columnOf = new Map<string, number>();
  for (const nodes of cells.values()) {
    const distinct = [...new Set(nodes.map((n) => layers.get(n.id)!))].sort((a, b) => a - b);
    for (const n of nodes) columnOf.set(n.id, distinct.indexOf(layers.get(n.id)!));
  }

  // Slots are assigned layer by layer, so a node's predecessors already have theirs.
  const slot = new Map<string, number>();
  const slots = new Map<string, Point>();
  const byLayer = groupBy(moving, (n) => layers.get(n.id)!);
  for (const layer of [...byLayer.keys()].sort((a, b) => a - b)) {
    const inLayer = groupBy(byLayer.get(layer)!, cellKey);
    for (const nodes of inLayer.values()) {
      const ordered = nodes
        .map((n) => ({ n, center: barycenter(predecessors.get(n.id) ?? [], slot) }))
        .sort((a, b) => a.center - b.center || byLabel(a.n, b.n));
      ordered.forEach(({ n }, row) => {
        slot.set(n.id, row);
        slots.set(n.id, { x: columnOf.get(n.id)! * COLUMN, y: row * ROW });
      });
    }
  }

  const ops: Operation[] = [];
  for (const [key, nodes] of cells) {
    const origin = only ? selectionOrigin(state, key, nodes, slots) : { x: CELL_PADDING, y: CELL_PADDING };
    for (const n of nodes) {
      const at = slots.get(n.id)!;
      const x = origin.x + at.x;
      const y = origin.y + at.y;
      if (x !== n.x || y !== n.y) ops.push({ op: "updateNode", id: n.id, set: { x, y }, expect: { x: n.x, y: n.y } });
    }
  }
  return ops;
}

/** Where a moved group starts in its cell: its old top-left, or below everything that stays. */
function selectionOrigin(state: GraphState, key: string, nodes: GraphNode[], slots: Map<string, Point>): Point {
  const ids = new Set(nodes.map((n) => n.id));
  const staying = [...state.nodes.values()].filter((n) => cellKey(n) === key && !ids.has(n.id));
  const origin = {
    x: Math.max(CELL_PADDING, Math.min(...nodes.map((n) => n.x))),
    y: Math.max(CELL_PADDING, Math.min(...nodes.map((n) => n.y))),
  };
  const placed = nodes.map((n) => box({ x: origin.x + slots.get(n.id)!.x, y: origin.y + slots.get(n.id)!.y }));
  const clash = placed.some((p) => staying.some((s) => overlaps(p, box(s))));
  if (!clash) return origin;
  return { x: CELL_PADDING, y: Math.max(...staying.map((s) => s.y + NODE_HEIGHT)) + GAP_Y };
}

function barycenter(incoming: GraphEdge[], slot: Map<string, number>): number {
  const known = incoming.map((e) => slot.get(e.sourceId)).filter((s) => s !== undefined);
  return known.length === 0 ? -1 : known.reduce((sum, s) => sum + s, 0) / known.length;
}

/** Dependency edges between live nodes (an edge may outlive a node in a partial state). */
function dependencyEdges(state: GraphState): GraphEdge[] {
  return [...state.edges.values()].filter(
    (e) => isDependency(e.relationType) && state.nodes.has(e.sourceId) && state.nodes.has(e.targetId),
  );
}

const box = (p: Point): Rect => ({ x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT });

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
