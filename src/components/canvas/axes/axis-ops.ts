/** Operations for editing the matrix axes (departments and stages) on the canvas. Pure. */
import type { Axis, AxisItem, GraphState } from "~/domain/graph";
import type { Operation } from "~/domain/operations";

export const AXIS_NOUN = { department: "Department", stage: "Stage" } as const;

/** Colours offered for new lanes, in turn. */
export const LANE_COLORS = ["#0ea5e9", "#8b5cf6", "#10b981", "#f59e0b", "#ef4444", "#ec4899", "#14b8a6", "#6366f1", "#84cc16", "#64748b"];

export function axisItems(state: GraphState, axis: Axis): AxisItem[] {
  const items = axis === "department" ? state.departments : state.stages;
  return [...items.values()].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** A new lane at the end of the axis with a free default name ("Stage 4") and the next colour. */
export function addAxisOp(state: GraphState, axis: Axis, id: string): Operation {
  const items = axisItems(state, axis);
  const taken = new Set(items.map((i) => i.name.toLowerCase()));
  let n = items.length + 1;
  while (taken.has(`${AXIS_NOUN[axis]} ${n}`.toLowerCase())) n++;
  const position = items.reduce((max, i) => Math.max(max, i.position + 1), 0);
  const color = LANE_COLORS[items.length % LANE_COLORS.length]!;
  return { op: "createAxis", axis, item: { id, name: `${AXIS_NOUN[axis]} ${n}`, color, position } };
}

export function updateAxisOp(axis: Axis, item: AxisItem, patch: { name?: string; color?: string }): Operation | null {
  const set: { name?: string; color?: string } = {};
  const expect: { name?: string; color?: string } = {};
  const name = patch.name?.trim();
  if (name !== undefined && name !== "" && name !== item.name) {
    set.name = name;
    expect.name = item.name;
  }
  if (patch.color !== undefined && patch.color.toLowerCase() !== item.color.toLowerCase()) {
    set.color = patch.color;
    expect.color = item.color;
  }
  return Object.keys(set).length > 0 ? { op: "updateAxis", axis, id: item.id, set, expect } : null;
}

/** Moves a lane to index `to` and renumbers positions 0..n-1, updating only lanes that moved. */
export function reorderAxisOps(state: GraphState, axis: Axis, id: string, to: number): Operation[] {
  const items = axisItems(state, axis);
  const from = items.findIndex((i) => i.id === id);
  if (from < 0) return [];
  const order = [...items];
  const [moved] = order.splice(from, 1);
  order.splice(Math.max(0, Math.min(to, order.length)), 0, moved!);
  return order.flatMap((item, position): Operation[] =>
    item.position === position ? [] : [{ op: "updateAxis", axis, id: item.id, set: { position }, expect: { position: item.position } }],
  );
}

export function deleteAxisOp(axis: Axis, id: string, moveNodesTo: string | null): Operation {
  return { op: "deleteAxis", axis, id, moveNodesTo };
}

export function nodesInLane(state: GraphState, axis: Axis, id: string): number {
  const field = axis === "department" ? "departmentId" : "stageId";
  let n = 0;
  for (const node of state.nodes.values()) if (node[field] === id) n++;
  return n;
}
