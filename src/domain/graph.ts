/**
 * The editor's view of a project graph, shared by the canvas, the operation applier and the
 * server. Node positions are offsets inside the node's matrix cell (department x stage), so a
 * band can grow without moving the nodes of the bands after it.
 */
export const NODE_TYPES = ["TRIGGER", "ACTION", "DECISION", "ARTIFACT"] as const;
export const NODE_STATUSES = ["PENDING", "READY", "IN_PROGRESS", "COMPLETED", "BLOCKED"] as const;
export const RELATION_TYPES = ["REQUIRES", "BLOCKS", "FEEDBACK_TO"] as const;
export const BRAIN_USAGES = ["LOW", "MEDIUM", "HIGH"] as const;
export const AXES = ["department", "stage"] as const;

export type NodeType = (typeof NODE_TYPES)[number];
export type NodeStatus = (typeof NODE_STATUSES)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type BrainUsage = (typeof BRAIN_USAGES)[number];
export type Axis = (typeof AXES)[number];
export type Severity = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** Every field a person can edit on a node; `updateNode` sets and expects a subset. */
export type NodeFields = {
  label: string;
  description: string | null;
  type: NodeType;
  status: NodeStatus;
  progress: number;
  x: number;
  y: number;
  departmentId: string | null;
  stageId: string | null;
  avgTime: string | null;
  tools: string[];
  isRepetitive: boolean;
  brainUsage: BrainUsage;
  assignee: string | null;
  tags: string[];
  /** Percent complete and accurate: the share of this step's output the next step can use as it comes, 0-100. */
  pca: number;
  /** Done by someone outside (customer, supplier, authority): waited for, not worked. */
  external: boolean;
};

export type EdgeFields = {
  relationType: RelationType;
  lagTime: string | null;
  /** The wait counts in the target's working calendar (a review that takes "2d" of office time), not elapsed time. */
  lagWorking: boolean;
  frequency: number;
  condition: string | null;
};

export type AxisFields = { name: string; color: string; position: number };

export type GraphNode = NodeFields & { id: string };
export type GraphEdge = EdgeFields & { id: string; sourceId: string; targetId: string };
export type AxisItem = AxisFields & { id: string };

/** Server-computed facts shown on a node; not editable, not part of operations. */
export type NodeFacts = {
  durationMinutes: number;
  aiScore: number;
  isBottleneck: boolean;
  bottleneckSeverity: Severity | null;
  commentCount: number;
};

export type GraphState = {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  departments: Map<string, AxisItem>;
  stages: Map<string, AxisItem>;
};

export type GraphSnapshot = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  departments: AxisItem[];
  stages: AxisItem[];
};

export function isDependency(type: RelationType): boolean {
  return type !== "FEEDBACK_TO";
}

export function toState(snapshot: GraphSnapshot): GraphState {
  return {
    nodes: new Map(snapshot.nodes.map((n) => [n.id, n])),
    edges: new Map(snapshot.edges.map((e) => [e.id, e])),
    departments: new Map(snapshot.departments.map((a) => [a.id, a])),
    stages: new Map(snapshot.stages.map((a) => [a.id, a])),
  };
}

export function toSnapshot(state: GraphState): GraphSnapshot {
  const byPosition = (a: AxisItem, b: AxisItem) => a.position - b.position || a.id.localeCompare(b.id);
  return {
    nodes: [...state.nodes.values()],
    edges: [...state.edges.values()],
    departments: [...state.departments.values()].sort(byPosition),
    stages: [...state.stages.values()].sort(byPosition),
  };
}

export const DEFAULT_NODE_FIELDS: Omit<NodeFields, "label" | "x" | "y" | "departmentId" | "stageId"> = {
  description: null,
  type: "ACTION",
  status: "PENDING",
  progress: 0,
  avgTime: null,
  tools: [],
  isRepetitive: false,
  brainUsage: "MEDIUM",
  assignee: null,
  tags: [],
  pca: 100,
  external: false,
};

/**
 * The dependency path from `from` to `to` (node ids, both ends included), or null. Adding a
 * dependency edge to -> from closes a cycle exactly when this path exists. Breadth-first, so
 * the path it names is a shortest one, and linear in the edges.
 */
export function findPath(successors: ReadonlyMap<string, ReadonlyMap<string, unknown>>, from: string, to: string): string[] | null {
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    if (current === to) {
      const path: string[] = [];
      for (let at: string | null = to; at !== null; at = parent.get(at) ?? null) path.push(at);
      return path.reverse();
    }
    for (const next of successors.get(current)?.keys() ?? []) {
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Deep equality for field values (strings, numbers, booleans, null, string arrays). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
