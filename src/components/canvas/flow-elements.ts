/**
 * The mapping from the editor's graph to React Flow nodes and edges. Objects are reused when
 * nothing they show changed, so React Flow skips them: with thousands of steps, an edit or a
 * selection change re-renders only the steps it touches.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import type { Axis, GraphEdge, GraphNode, GraphState, NodeFacts, NodeType, RelationType, Severity } from "~/domain/graph";
import {
  HEADER_HEIGHT,
  LABEL_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandIndex,
  type MatrixColumn,
  type MatrixLayout,
  type MatrixRow,
} from "~/domain/matrix";
import type { Highlight, Selection } from "./editor-context";
import { CRITICAL_STROKE, RELATION_STROKE, type EdgeStroke } from "./edges/edge-style";
import { connectionName, connectionOrder, stepName } from "./flow-names";

/** How much slack a step has, for the heat overlay: none, under 10%, under 30% of the lead time, more. */
export type Heat = "critical" | "tight" | "some" | "loose";

export type ActivityData = {
  node: GraphNode;
  facts: NodeFacts | undefined;
  readOnly: boolean;
  renaming: boolean;
  /** On the critical path while the analysis asks for it to be shown. */
  critical: boolean;
  heat: Heat | null;
  severity: Severity | null;
};
export type ActivityKind = "trigger" | "action" | "decision" | "artifact";
export type ActivityFlowNode = Node<ActivityData, ActivityKind>;

export type LaneData<Band> = { band: Band; index: number; count: number; readOnly: boolean; renaming: boolean };
export type DepartmentLaneNode = Node<LaneData<MatrixRow>, "departmentLane">;
export type StageLaneNode = Node<LaneData<MatrixColumn>, "stageLane">;
export type AddLaneNode = Node<{ axis: Axis }, "addLane">;
export type CornerNode = Node<Record<string, never>, "corner">;
export type LaneFlowNode = DepartmentLaneNode | StageLaneNode | AddLaneNode | CornerNode;
export type FlowNode = ActivityFlowNode | LaneFlowNode;

export type RelationEdgeData = { edge: GraphEdge; critical: boolean; dimmed: boolean };
export type RelationFlowEdge = Edge<RelationEdgeData, "relation">;

export const ACTIVITY_KIND: Record<NodeType, ActivityKind> = {
  TRIGGER: "trigger",
  ACTION: "action",
  DECISION: "decision",
  ARTIFACT: "artifact",
};

export function isActivity(node: Node): node is ActivityFlowNode {
  return node.type === "trigger" || node.type === "action" || node.type === "decision" || node.type === "artifact";
}

const HANDLE = 10;
/** Handle geometry given up front, so edges draw before (or without) the DOM being measured. */
const HANDLES: NodeHandle[] = [
  { id: null, type: "target", position: Position.Left, x: -HANDLE / 2, y: NODE_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  {
    id: null,
    type: "source",
    position: Position.Right,
    x: NODE_WIDTH - HANDLE / 2,
    y: NODE_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
];
const NODE_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
/** Screen readers say "step" and "connection", the app's words, instead of React Flow's "node" and "edge". */
const STEP_DOM = { "aria-roledescription": "step" } as const;
/**
 * Connections stay focusable (Enter selects one) but leave the Tab sequence: React Flow draws
 * them before the steps, so in document order they would come first. useCanvasTabOrder puts
 * them back in the sequence right after the last step.
 */
const CONNECTION_DOM = { "aria-roledescription": "connection", tabIndex: -1 } as const;

export type ActivityInput = {
  layout: MatrixLayout;
  /** The steps in matrix order (see matrixOrder): DOM order, and so Tab order, follows it. */
  order: readonly GraphNode[];
  facts: ReadonlyMap<string, NodeFacts>;
  selected: ReadonlySet<string>;
  readOnly: boolean;
  renamingId: string | null;
  highlight: Highlight | null;
};

const TIGHT = 0.1;
const SOME = 0.3;

function heatOf(slack: number, leadTime: number): Heat {
  if (slack <= 0) return "critical";
  const ratio = leadTime > 0 ? slack / leadTime : 1;
  return ratio < TIGHT ? "tight" : ratio < SOME ? "some" : "loose";
}

/** The heat scale in words, from the same thresholds, for the legend. */
export const HEAT_SCALE: readonly { heat: Heat; label: string }[] = [
  { heat: "critical", label: "No slack" },
  { heat: "tight", label: `Under ${TIGHT * 100}%` },
  { heat: "some", label: `Under ${SOME * 100}%` },
  { heat: "loose", label: `${SOME * 100}%+` },
];

/** Criticality index (share of simulated runs in which the step was critical) on the same four colours. */
const ALWAYS = 0.8;
const OFTEN = 0.5;
const SOMETIMES = 0.2;

function criticalityHeat(index: number): Heat {
  return index >= ALWAYS ? "critical" : index >= OFTEN ? "tight" : index >= SOMETIMES ? "some" : "loose";
}

export const CRITICALITY_SCALE: readonly { heat: Heat; label: string }[] = [
  { heat: "critical", label: `${ALWAYS * 100}%+ of runs` },
  { heat: "tight", label: `${OFTEN * 100}-${ALWAYS * 100}%` },
  { heat: "some", label: `${SOMETIMES * 100}-${OFTEN * 100}%` },
  { heat: "loose", label: `Under ${SOMETIMES * 100}%` },
];

function heatFor(id: string, highlight: Highlight | null, leadTime: number): Heat | null {
  if (highlight?.heat === "criticality") return criticalityHeat(highlight.criticality.get(id) ?? 0);
  const times = highlight?.heat === "slack" ? highlight.times.get(id) : undefined;
  return times ? heatOf(times.slack, leadTime) : null;
}

/** The analysis's bottleneck verdict when there is one (it is fresher), else the stored facts'. */
function severityOf(id: string, facts: NodeFacts | undefined, highlight: Highlight | null): Severity | null {
  if (highlight) return highlight.bottlenecks.get(id) ?? null;
  return facts?.isBottleneck ? (facts.bottleneckSeverity ?? "MEDIUM") : null;
}

/** Flow nodes already built for a graph node, keyed by the (immutable) graph node itself. */
export type ActivityCache = WeakMap<GraphNode, ActivityFlowNode>;

export function activityNodes(input: ActivityInput, cache: ActivityCache): ActivityFlowNode[] {
  const { layout, order, facts, selected, readOnly, renamingId, highlight } = input;
  const bands = bandIndex(layout);
  let leadTime = 0;
  if (highlight?.heat === "slack") for (const t of highlight.times.values()) leadTime = Math.max(leadTime, t.ef);
  const out: ActivityFlowNode[] = [];
  for (const node of order) {
    const x = bands.column(node.stageId).x + node.x;
    const y = bands.row(node.departmentId).y + node.y;
    const isSelected = selected.has(node.id);
    const renaming = renamingId === node.id;
    const nodeFacts = facts.get(node.id);
    const critical = !!highlight?.showCritical && highlight.criticalNodes.has(node.id);
    const heat = heatFor(node.id, highlight, leadTime);
    const severity = severityOf(node.id, nodeFacts, highlight);
    const ariaLabel = stepName(node, bands);
    const old = cache.get(node);
    if (
      old &&
      old.ariaLabel === ariaLabel &&
      old.data.facts === nodeFacts &&
      old.data.readOnly === readOnly &&
      old.data.renaming === renaming &&
      old.data.critical === critical &&
      old.data.heat === heat &&
      old.data.severity === severity &&
      old.selected === isSelected &&
      old.position.x === x &&
      old.position.y === y
    ) {
      out.push(old);
      continue;
    }
    const built: ActivityFlowNode = {
      id: node.id,
      type: ACTIVITY_KIND[node.type],
      position: { x, y },
      data: { node, facts: nodeFacts, readOnly, renaming, critical, heat, severity },
      selected: isSelected,
      ...NODE_SIZE,
      measured: NODE_SIZE,
      handles: HANDLES,
      ariaLabel,
      domAttributes: STEP_DOM,
    };
    cache.set(node, built);
    out.push(built);
  }
  return out;
}

const LANE_FLAGS = { selectable: false, draggable: false, focusable: false, connectable: false, deletable: false } as const;

type LaneInput = {
  layout: MatrixLayout;
  counts: { department: Map<string | null, number>; stage: Map<string | null, number> };
  readOnly: boolean;
  renamingLane: { axis: Axis; id: string } | null;
};

/** Department rows under stage columns under the steps; the header row and label column are part of them. */
export function laneNodes({ layout, counts, readOnly, renamingLane }: LaneInput): LaneFlowNode[] {
  const isRenaming = (axis: Axis, id: string | null) => renamingLane?.axis === axis && renamingLane.id === id;
  const departments = layout.rows.map((band, index): DepartmentLaneNode => ({
    id: `lane:department:${band.id ?? "unassigned"}`,
    type: "departmentLane",
    position: { x: 0, y: band.y },
    data: { band, index, count: counts.department.get(band.id) ?? 0, readOnly, renaming: isRenaming("department", band.id) },
    width: layout.width,
    height: band.height,
    measured: { width: layout.width, height: band.height },
    zIndex: -2,
    ...LANE_FLAGS,
  }));
  const stages = layout.columns.map((band, index): StageLaneNode => ({
    id: `lane:stage:${band.id ?? "unassigned"}`,
    type: "stageLane",
    position: { x: band.x, y: 0 },
    data: { band, index, count: counts.stage.get(band.id) ?? 0, readOnly, renaming: isRenaming("stage", band.id) },
    width: band.width,
    height: layout.height,
    measured: { width: band.width, height: layout.height },
    zIndex: -1,
    ...LANE_FLAGS,
  }));
  const corner: CornerNode = {
    id: "lane:corner",
    type: "corner",
    position: { x: 0, y: 0 },
    data: {},
    width: LABEL_WIDTH,
    height: HEADER_HEIGHT,
    measured: { width: LABEL_WIDTH, height: HEADER_HEIGHT },
    zIndex: -1,
    ...LANE_FLAGS,
  };
  if (readOnly) return [...departments, ...stages, corner];
  const add = (axis: Axis, x: number, y: number, width: number, height: number): AddLaneNode => ({
    id: `lane:add:${axis}`,
    type: "addLane",
    position: { x, y },
    data: { axis },
    width,
    height,
    measured: { width, height },
    zIndex: -1,
    ...LANE_FLAGS,
  });
  return [
    ...departments,
    ...stages,
    corner,
    add("stage", layout.width + 12, 10, 132, HEADER_HEIGHT - 20),
    add("department", 12, layout.height + 12, LABEL_WIDTH - 24, 36),
  ];
}

/** How many steps each lane draws (unknown lanes count as Unassigned, as the layout does). */
export function laneCounts(state: GraphState) {
  const department = new Map<string | null, number>();
  const stage = new Map<string | null, number>();
  for (const node of state.nodes.values()) {
    const d = node.departmentId && state.departments.has(node.departmentId) ? node.departmentId : null;
    const s = node.stageId && state.stages.has(node.stageId) ? node.stageId : null;
    department.set(d, (department.get(d) ?? 0) + 1);
    stage.set(s, (stage.get(s) ?? 0) + 1);
  }
  return { department, stage };
}

/**
 * Arrowheads in the line's colour. React Flow sizes markers in stroke widths by default; in
 * user space every head is the same size whatever the line's weight (the critical one a bit larger).
 */
const marker = ({ color }: EdgeStroke, size: number) => ({
  type: MarkerType.ArrowClosed,
  color,
  width: size,
  height: size,
  markerUnits: "userSpaceOnUse",
});
const MARKERS = Object.fromEntries(Object.entries(RELATION_STROKE).map(([type, stroke]) => [type, marker(stroke, 24)])) as Record<
  RelationType,
  ReturnType<typeof marker>
>;
const CRITICAL_MARKER = marker(CRITICAL_STROKE, 30);

export type EdgeCache = WeakMap<GraphEdge, RelationFlowEdge>;

/** One flow edge per connection, ordered by their steps' matrix order (`nodeOrder`). */
export function relationEdges(
  state: GraphState,
  nodeOrder: readonly GraphNode[],
  selected: ReadonlySet<string>,
  highlight: Highlight | null,
  cache: EdgeCache,
): RelationFlowEdge[] {
  const out: RelationFlowEdge[] = [];
  const showCritical = !!highlight?.showCritical;
  for (const edge of connectionOrder(state.edges.values(), nodeOrder)) {
    const isSelected = selected.has(edge.id);
    const critical = showCritical && highlight!.criticalEdges.has(edge.id);
    const dimmed = showCritical && !critical;
    const ariaLabel = connectionName(edge, state.nodes);
    const old = cache.get(edge);
    if (
      old &&
      old.selected === isSelected &&
      old.data!.critical === critical &&
      old.data!.dimmed === dimmed &&
      old.ariaLabel === ariaLabel
    ) {
      out.push(old);
      continue;
    }
    const built: RelationFlowEdge = {
      id: edge.id,
      type: "relation",
      source: edge.sourceId,
      target: edge.targetId,
      data: { edge, critical, dimmed },
      selected: isSelected,
      markerEnd: critical ? CRITICAL_MARKER : MARKERS[edge.relationType],
      ariaLabel,
      domAttributes: CONNECTION_DOM,
    };
    cache.set(edge, built);
    out.push(built);
  }
  return out;
}

/** Folds React Flow's select/deselect changes into a selection; null when nothing changed. */
export function nextSelection(
  current: Selection,
  kind: "nodes" | "edges",
  changes: readonly { type: string; id?: string; selected?: boolean }[],
): Selection | null {
  const ids = new Set(current[kind]);
  let changed = false;
  for (const change of changes) {
    if (change.type !== "select" || change.id === undefined) continue;
    if (change.selected && !ids.has(change.id)) ids.add(change.id);
    else if (!change.selected && ids.has(change.id)) ids.delete(change.id);
    else continue;
    changed = true;
  }
  return changed ? { ...current, [kind]: [...ids] } : null;
}
