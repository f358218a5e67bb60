import { findPath, isDependency, sameValue, type Axis, type AxisItem, type GraphEdge, type GraphNode, type GraphState } from "./graph";
import type { Operation } from "./operations";

export type OperationErrorCode = "NOT_FOUND" | "STALE_WRITE" | "CYCLE_DETECTED" | "DUPLICATE_ID" | "INVALID_OPERATION";

export class OperationError extends Error {
  constructor(
    readonly code: OperationErrorCode,
    message: string,
    readonly index: number,
    readonly details: { current?: unknown; cycle?: string[] } = {},
  ) {
    super(message);
    this.name = "OperationError";
  }
}

export type Change =
  | { entity: "node"; id: string; before: GraphNode | null; after: GraphNode | null }
  | { entity: "edge"; id: string; before: GraphEdge | null; after: GraphEdge | null }
  | { entity: Axis; id: string; before: AxisItem | null; after: AxisItem | null };

export type ApplyResult = { state: GraphState; inverse: Operation[]; changes: Change[] };

/** Dependency edges as source -> target -> number of edges (two edges may join one pair). */
export type Dependencies = Map<string, Map<string, number>>;

export function dependenciesOf(edges: Iterable<Pick<GraphEdge, "sourceId" | "targetId" | "relationType">>): Dependencies {
  const deps: Dependencies = new Map();
  for (const e of edges) if (isDependency(e.relationType)) addDependency(deps, e.sourceId, e.targetId);
  return deps;
}

function addDependency(deps: Dependencies, source: string, target: string) {
  const out = deps.get(source) ?? new Map<string, number>();
  out.set(target, (out.get(target) ?? 0) + 1);
  deps.set(source, out);
}

function removeDependency(deps: Dependencies, source: string, target: string) {
  const out = deps.get(source);
  const n = out?.get(target) ?? 0;
  if (!out || n === 0) return;
  if (n === 1) out.delete(target);
  else out.set(target, n - 1);
}

/** Field names as people say them, for conflict messages. */
export const FIELD_WORDS: Record<string, string> = {
  x: "position",
  y: "position",
  departmentId: "department",
  stageId: "stage",
  avgTime: "average time",
  isRepetitive: "repetitive flag",
  brainUsage: "brain usage",
  tags: "tags",
  pca: "%C&A",
  external: "external flag",
  lagTime: "lag",
  lagWorking: "working-time wait flag",
  relationType: "relation",
};

const AXIS_WORD = { department: "Department", stage: "Stage" } as const;
const NODE_AXIS_FIELD = { department: "departmentId", stage: "stageId" } as const;

function pick<T extends object>(entity: T, keys: string[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) (out as Record<string, unknown>)[k] = (entity as Record<string, unknown>)[k];
  return out;
}

/**
 * Applies a batch to a graph and returns the new graph, the operations that undo it and the
 * row-level changes. Pure: the client runs it for optimistic edits, the server runs it over
 * the rows the batch touches (plus every dependency edge, for the cycle check) and writes the
 * changes. All or nothing: the first invalid operation throws and the input is untouched.
 *
 * `deps` lets the server pass the project's full dependency graph when `state` holds only
 * the touched rows; it defaults to the dependencies in `state`.
 */
export function applyOperations(input: GraphState, ops: readonly Operation[], options: { deps?: Dependencies } = {}): ApplyResult {
  const state: GraphState = {
    nodes: new Map(input.nodes),
    edges: new Map(input.edges),
    departments: new Map(input.departments),
    stages: new Map(input.stages),
  };
  const deps = options.deps ? cloneDeps(options.deps) : dependenciesOf(state.edges.values());
  const inverses: Operation[][] = [];
  const changes: Change[] = [];

  const axisMap = (axis: Axis) => (axis === "department" ? state.departments : state.stages);
  const nodeLabel = (id: string) => state.nodes.get(id)?.label ?? id;

  ops.forEach((op, index) => {
    const fail = (code: OperationErrorCode, message: string, details?: OperationError["details"]): never => {
      throw new OperationError(code, message, index, details);
    };
    const liveNode = (id: string) => state.nodes.get(id) ?? fail("NOT_FOUND", `Step ${id} is not in this project`);
    const liveEdge = (id: string) => state.edges.get(id) ?? fail("NOT_FOUND", `Connection ${id} is not in this project`);
    const checkAxisRefs = (fields: { departmentId?: string | null; stageId?: string | null }) => {
      if (fields.departmentId && !state.departments.has(fields.departmentId))
        fail("NOT_FOUND", `Department ${fields.departmentId} is not in this project`);
      if (fields.stageId && !state.stages.has(fields.stageId)) fail("NOT_FOUND", `Stage ${fields.stageId} is not in this project`);
    };
    const checkNoCycle = (sourceId: string, targetId: string) => {
      const path = findPath(deps, targetId, sourceId);
      if (path) {
        const labels = [...path, targetId].map((id) => `"${nodeLabel(id)}"`);
        fail(
          "CYCLE_DETECTED",
          `This connection would close a loop: ${labels.join(" -> ")}. Use a feedback (rework) connection for loops.`,
          {
            cycle: path,
          },
        );
      }
    };
    const checkStale = (kind: string, current: object, set: object, expect: Record<string, unknown>) => {
      for (const key of Object.keys(set)) {
        if (!sameValue((current as Record<string, unknown>)[key], expect[key])) {
          fail("STALE_WRITE", `Someone else changed this ${kind}'s ${FIELD_WORDS[key] ?? key} in the meantime`, { current });
        }
      }
    };
    const setNode = (before: GraphNode | null, after: GraphNode | null, id: string) => {
      if (after) state.nodes.set(id, after);
      else state.nodes.delete(id);
      changes.push({ entity: "node", id, before, after });
    };
    const setEdge = (before: GraphEdge | null, after: GraphEdge | null, id: string) => {
      if (before && isDependency(before.relationType)) removeDependency(deps, before.sourceId, before.targetId);
      if (after && isDependency(after.relationType)) addDependency(deps, after.sourceId, after.targetId);
      if (after) state.edges.set(id, after);
      else state.edges.delete(id);
      changes.push({ entity: "edge", id, before, after });
    };
    const checkAxisName = (axis: Axis, name: string, exceptId: string) => {
      for (const item of axisMap(axis).values()) {
        if (item.id !== exceptId && item.name.toLowerCase() === name.toLowerCase())
          fail("INVALID_OPERATION", `A ${axis} named "${name}" already exists`);
      }
    };

    switch (op.op) {
      case "createNode": {
        if (state.nodes.has(op.node.id)) fail("DUPLICATE_ID", `Step ${op.node.id} already exists`);
        checkAxisRefs(op.node);
        setNode(null, { ...op.node }, op.node.id);
        inverses.push([{ op: "deleteNode", id: op.node.id }]);
        break;
      }
      case "updateNode": {
        const node = liveNode(op.id);
        checkStale("step", node, op.set, op.expect);
        checkAxisRefs(op.set);
        const next = { ...node, ...op.set };
        const keys = Object.keys(op.set);
        setNode(node, next, op.id);
        inverses.push([{ op: "updateNode", id: op.id, set: pick(node, keys), expect: pick(next, keys) }]);
        break;
      }
      case "deleteNode": {
        const node = liveNode(op.id);
        const attached = [...state.edges.values()].filter((e) => e.sourceId === op.id || e.targetId === op.id);
        for (const edge of attached) setEdge(edge, null, edge.id);
        setNode(node, null, op.id);
        inverses.push([{ op: "createNode", node }, ...attached.map((edge): Operation => ({ op: "createEdge", edge }))]);
        break;
      }
      case "createEdge": {
        const { edge } = op;
        if (state.edges.has(edge.id)) fail("DUPLICATE_ID", `Connection ${edge.id} already exists`);
        liveNode(edge.sourceId);
        liveNode(edge.targetId);
        if (edge.sourceId === edge.targetId) fail("INVALID_OPERATION", "A step cannot be connected to itself");
        if (isDependency(edge.relationType)) checkNoCycle(edge.sourceId, edge.targetId);
        setEdge(null, { ...edge }, edge.id);
        inverses.push([{ op: "deleteEdge", id: edge.id }]);
        break;
      }
      case "updateEdge": {
        const edge = liveEdge(op.id);
        checkStale("connection", edge, op.set, op.expect);
        const next = { ...edge, ...op.set };
        if (isDependency(next.relationType) && !isDependency(edge.relationType)) checkNoCycle(edge.sourceId, edge.targetId);
        const keys = Object.keys(op.set);
        setEdge(edge, next, op.id);
        inverses.push([{ op: "updateEdge", id: op.id, set: pick(edge, keys), expect: pick(next, keys) }]);
        break;
      }
      case "deleteEdge": {
        const edge = liveEdge(op.id);
        setEdge(edge, null, op.id);
        inverses.push([{ op: "createEdge", edge }]);
        break;
      }
      case "createAxis": {
        const items = axisMap(op.axis);
        if (items.has(op.item.id)) fail("DUPLICATE_ID", `${AXIS_WORD[op.axis]} ${op.item.id} already exists`);
        checkAxisName(op.axis, op.item.name, op.item.id);
        items.set(op.item.id, { ...op.item });
        changes.push({ entity: op.axis, id: op.item.id, before: null, after: { ...op.item } });
        inverses.push([{ op: "deleteAxis", axis: op.axis, id: op.item.id, moveNodesTo: null }]);
        break;
      }
      case "updateAxis": {
        const items = axisMap(op.axis);
        const item = items.get(op.id) ?? fail("NOT_FOUND", `${AXIS_WORD[op.axis]} ${op.id} is not in this project`);
        checkStale(op.axis, item, op.set, op.expect);
        if (op.set.name !== undefined) checkAxisName(op.axis, op.set.name, op.id);
        const next = { ...item, ...op.set };
        const keys = Object.keys(op.set);
        items.set(op.id, next);
        changes.push({ entity: op.axis, id: op.id, before: item, after: next });
        inverses.push([{ op: "updateAxis", axis: op.axis, id: op.id, set: pick(item, keys), expect: pick(next, keys) }]);
        break;
      }
      case "deleteAxis": {
        const items = axisMap(op.axis);
        const item = items.get(op.id) ?? fail("NOT_FOUND", `${AXIS_WORD[op.axis]} ${op.id} is not in this project`);
        if (op.moveNodesTo === op.id) fail("INVALID_OPERATION", `Move the steps to another ${op.axis}, not the one being deleted`);
        if (op.moveNodesTo && !items.has(op.moveNodesTo))
          fail("NOT_FOUND", `${AXIS_WORD[op.axis]} ${op.moveNodesTo} is not in this project`);
        const field = NODE_AXIS_FIELD[op.axis];
        const moved = [...state.nodes.values()].filter((n) => n[field] === op.id);
        for (const node of moved) setNode(node, { ...node, [field]: op.moveNodesTo }, node.id);
        items.delete(op.id);
        changes.push({ entity: op.axis, id: op.id, before: item, after: null });
        inverses.push([
          { op: "createAxis", axis: op.axis, item },
          ...moved.map((n): Operation => ({ op: "updateNode", id: n.id, set: { [field]: op.id }, expect: { [field]: op.moveNodesTo } })),
        ]);
        break;
      }
    }
  });

  return { state, inverse: inverses.reverse().flat(), changes };
}

function cloneDeps(deps: Dependencies): Dependencies {
  return new Map([...deps].map(([k, v]) => [k, new Map(v)]));
}
