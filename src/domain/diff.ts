/**
 * What changed between two graphs, and the batch that turns one into the other. Pure: the
 * version service compares saved snapshots with it, the client restores a version with it.
 */
import { isDependency, sameValue, type Axis, type AxisItem, type GraphEdge, type GraphNode, type GraphSnapshot } from "./graph";
import type { Operation } from "./operations";

export type DiffKind = "added" | "removed" | "changed" | "moved";

export type FieldChange = { field: string; from: unknown; to: unknown };

export type EntityDiff<T> = { id: string; kind: DiffKind; before: T | null; after: T | null; fields: FieldChange[] };

export type GraphDiff = {
  nodes: EntityDiff<GraphNode>[];
  edges: EntityDiff<GraphEdge>[];
  departments: EntityDiff<AxisItem>[];
  stages: EntityDiff<AxisItem>[];
};

/** Every field a person can edit, in the order the editor shows them. */
const NODE_KEYS = [
  "label",
  "description",
  "type",
  "status",
  "progress",
  "x",
  "y",
  "departmentId",
  "stageId",
  "avgTime",
  "tools",
  "isRepetitive",
  "brainUsage",
  "assignee",
  "tags",
  "pca",
  "external",
] as const satisfies readonly (keyof GraphNode)[];
const EDGE_ENDS = ["sourceId", "targetId"] as const satisfies readonly (keyof GraphEdge)[];
const EDGE_KEYS = ["relationType", "lagTime", "lagWorking", "frequency", "condition"] as const satisfies readonly (keyof GraphEdge)[];
const AXIS_KEYS = ["name", "color", "position"] as const satisfies readonly (keyof AxisItem)[];

/** A node whose only differences are these was moved, not edited; an axis, reordered. */
const NODE_MOVE_FIELDS = new Set(["x", "y", "departmentId", "stageId"]);
const AXIS_MOVE_FIELDS = new Set(["position"]);
const NO_MOVES = new Set<string>();

function fieldChanges<T>(before: T, after: T, keys: readonly (keyof T & string)[]): FieldChange[] {
  return keys.filter((k) => !sameValue(before[k], after[k])).map((field) => ({ field, from: before[field], to: after[field] }));
}

function diffEntities<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  keys: readonly (keyof T & string)[],
  moveFields: ReadonlySet<string>,
): EntityDiff<T>[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const out: EntityDiff<T>[] = [];
  for (const next of after) {
    const prev = old.get(next.id);
    if (!prev) {
      out.push({ id: next.id, kind: "added", before: null, after: next, fields: [] });
      continue;
    }
    const fields = fieldChanges(prev, next, keys);
    if (fields.length === 0) continue;
    const kind = fields.every((f) => moveFields.has(f.field)) ? "moved" : "changed";
    out.push({ id: next.id, kind, before: prev, after: next, fields });
  }
  const fresh = new Set(after.map((e) => e.id));
  for (const prev of before) {
    if (!fresh.has(prev.id)) out.push({ id: prev.id, kind: "removed", before: prev, after: null, fields: [] });
  }
  return out;
}

/** Every node, edge and lane that differs between `before` and `after`, by id. */
export function diffGraphs(before: GraphSnapshot, after: GraphSnapshot): GraphDiff {
  return {
    nodes: diffEntities(before.nodes, after.nodes, NODE_KEYS, NODE_MOVE_FIELDS),
    edges: diffEntities(before.edges, after.edges, [...EDGE_ENDS, ...EDGE_KEYS], NO_MOVES),
    departments: diffEntities(before.departments, after.departments, AXIS_KEYS, AXIS_MOVE_FIELDS),
    stages: diffEntities(before.stages, after.stages, AXIS_KEYS, AXIS_MOVE_FIELDS),
  };
}

export function isEmptyDiff(diff: GraphDiff): boolean {
  return diff.nodes.length + diff.edges.length + diff.departments.length + diff.stages.length === 0;
}

/** How each node and edge differs, for the canvas to colour. */
export function diffKinds(diff: GraphDiff): Map<string, DiffKind> {
  return new Map([...diff.nodes, ...diff.edges].map((d) => [d.id, d.kind]));
}

/**
 * Both graphs in one: `after`, plus what `before` had and `after` lost (as ghosts to draw in
 * red). Removed lanes stay too, so a removed step is drawn where it used to be.
 */
export function unionGraph(before: GraphSnapshot, after: GraphSnapshot): GraphSnapshot {
  const merge = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => {
    const ids = new Set(b.map((e) => e.id));
    return [...b, ...a.filter((e) => !ids.has(e.id))];
  };
  // Lane names need not be unique across both graphs, and positions can clash: order by the
  // newer graph, the removed lanes after them.
  const lanes = (a: readonly AxisItem[], b: readonly AxisItem[]) =>
    merge(
      a,
      [...b].sort((x, y) => x.position - y.position),
    ).map((item, position) => ({ ...item, position }));
  return {
    nodes: merge(before.nodes, after.nodes),
    edges: merge(before.edges, after.edges),
    departments: lanes(before.departments, after.departments),
    stages: lanes(before.stages, after.stages),
  };
}

function patch<T extends object>(from: T, to: T, keys: readonly (keyof T)[]) {
  const set: Partial<T> = {};
  const expect: Partial<T> = {};
  for (const key of keys) {
    if (sameValue(from[key], to[key])) continue;
    set[key] = to[key];
    expect[key] = from[key];
  }
  return Object.keys(set).length > 0 ? { set, expect } : null;
}

const sameEnds = (a: GraphEdge, b: GraphEdge) => a.sourceId === b.sourceId && a.targetId === b.targetId;

/** Lane ops in three phases, so no two lanes of an axis ever share a name on the way. */
function axisOps(axis: Axis, current: readonly AxisItem[], target: readonly AxisItem[]) {
  const wanted = new Map(target.map((t) => [t.id, t]));
  const have = new Set(current.map((c) => c.id));
  const lower = (name: string) => name.toLowerCase();
  const targetOwner = new Map(target.map((t) => [lower(t.name), t.id]));
  const before: Operation[] = [];
  const update: Operation[] = [];
  const remove: Operation[] = [];
  for (const item of current) {
    const next = wanted.get(item.id);
    // A lane holding a name that another lane (new or renamed) ends up with first steps aside
    // under a name no person would pick; that also untangles swaps.
    let now = item;
    if ((targetOwner.get(lower(item.name)) ?? item.id) !== item.id) {
      const aside = `~restoring ${item.id}`;
      before.push({ op: "updateAxis", axis, id: item.id, set: { name: aside }, expect: { name: item.name } });
      now = { ...item, name: aside };
    }
    if (!next) {
      remove.push({ op: "deleteAxis", axis, id: item.id, moveNodesTo: null });
      continue;
    }
    const p = patch(now, next, AXIS_KEYS);
    if (p) update.push({ op: "updateAxis", axis, id: item.id, ...p });
  }
  const create: Operation[] = target.filter((t) => !have.has(t.id)).map((item) => ({ op: "createAxis", axis, item }));
  return { start: [...before, ...create, ...update], end: remove };
}

/**
 * The batch that turns `current` into `target`, every update compare-and-set against
 * `current`. Its order keeps each step valid for the applier: lanes are created (and
 * renamed) before steps move into them, edges go before the steps they join, steps are
 * created before the edges that join them, lanes are deleted once no step is left in them;
 * dependencies are only removed before any are added, so no intermediate state has a cycle.
 */
export function restoreOps(current: GraphSnapshot, target: GraphSnapshot): Operation[] {
  const departments = axisOps("department", current.departments, target.departments);
  const stages = axisOps("stage", current.stages, target.stages);

  const targetEdges = new Map(target.edges.map((e) => [e.id, e]));
  const keptEdges = current.edges.filter((e) => {
    const next = targetEdges.get(e.id);
    return next && sameEnds(e, next);
  });
  const kept = new Set(keptEdges.map((e) => e.id));
  const edgeDeletes: Operation[] = current.edges.filter((e) => !kept.has(e.id)).map((e) => ({ op: "deleteEdge", id: e.id }));
  const edgeCreates: Operation[] = target.edges.filter((e) => !kept.has(e.id)).map((edge) => ({ op: "createEdge", edge }));
  const loosen: Operation[] = [];
  const tighten: Operation[] = [];
  for (const edge of keptEdges) {
    const next = targetEdges.get(edge.id)!;
    const p = patch(edge, next, EDGE_KEYS);
    if (p) (isDependency(next.relationType) ? tighten : loosen).push({ op: "updateEdge", id: edge.id, ...p });
  }

  const targetNodes = new Map(target.nodes.map((n) => [n.id, n]));
  const currentIds = new Set(current.nodes.map((n) => n.id));
  const nodeDeletes: Operation[] = current.nodes.filter((n) => !targetNodes.has(n.id)).map((n) => ({ op: "deleteNode", id: n.id }));
  const nodeCreates: Operation[] = target.nodes.filter((n) => !currentIds.has(n.id)).map((node) => ({ op: "createNode", node }));
  const nodeUpdates: Operation[] = [];
  for (const node of current.nodes) {
    const next = targetNodes.get(node.id);
    const p = next && patch(node, next, NODE_KEYS);
    if (p) nodeUpdates.push({ op: "updateNode", id: node.id, ...p });
  }

  return [
    ...departments.start,
    ...stages.start,
    ...edgeDeletes,
    ...loosen,
    ...nodeDeletes,
    ...nodeCreates,
    ...nodeUpdates,
    ...tighten,
    ...edgeCreates,
    ...departments.end,
    ...stages.end,
  ];
}
