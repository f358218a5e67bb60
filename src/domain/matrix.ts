/**
 * Matrix geometry: where the department rows and stage columns sit on the canvas, and how a
 * point on the canvas maps to a cell. Node x/y are offsets inside their cell, so a band that
 * grows to fit its nodes pushes later bands along without touching their nodes' offsets.
 */
import type { AxisItem, GraphNode } from "./graph";

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 88;
export const LABEL_WIDTH = 184;
export const HEADER_HEIGHT = 56;
export const MIN_CELL_WIDTH = 260;
export const MIN_CELL_HEIGHT = 200;
export const CELL_PADDING = 24;
export const UNASSIGNED_NAME = "Unassigned";
export const UNASSIGNED_COLOR = "#94a3b8";

export type Point = { x: number; y: number };
export type Rect = Point & { width: number; height: number };

export type MatrixColumn = { id: string | null; name: string; color: string; x: number; width: number };
export type MatrixRow = { id: string | null; name: string; color: string; y: number; height: number };

export type MatrixLayout = {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Whole matrix, label column and header row included; it starts at (0, 0). */
  width: number;
  height: number;
};

export type Cell = { departmentId: string | null; stageId: string | null; offset: Point };

type Placed = Pick<GraphNode, "x" | "y" | "departmentId" | "stageId">;

type LayoutInput = {
  departments: Iterable<AxisItem>;
  stages: Iterable<AxisItem>;
  nodes: Iterable<Placed>;
};

const byPosition = (a: AxisItem, b: AxisItem) => a.position - b.position || a.id.localeCompare(b.id);

type Band = { id: string | null; name: string; color: string; size: number };

/** Orders the axis, adds the Unassigned band when needed and sizes every band to its nodes. */
function bands(items: Iterable<AxisItem>, extents: Map<string | null, number>, minSize: number): Band[] {
  const sorted = [...items].sort(byPosition);
  const list: Band[] = sorted.map((a) => ({ id: a.id, name: a.name, color: a.color, size: minSize }));
  if (list.length === 0 || extents.has(null)) list.push({ id: null, name: UNASSIGNED_NAME, color: UNASSIGNED_COLOR, size: minSize });
  for (const band of list) band.size = Math.max(minSize, Math.ceil(extents.get(band.id) ?? 0));
  return list;
}

export function layoutMatrix({ departments, stages, nodes }: LayoutInput): MatrixLayout {
  const departmentList = [...departments];
  const stageList = [...stages];
  const departmentIds = new Set(departmentList.map((d) => d.id));
  const stageIds = new Set(stageList.map((s) => s.id));
  // The far edge each band needs: the node furthest in, plus the node and a margin.
  const widths = new Map<string | null, number>();
  const heights = new Map<string | null, number>();
  for (const node of nodes) {
    const column = node.stageId !== null && stageIds.has(node.stageId) ? node.stageId : null;
    const row = node.departmentId !== null && departmentIds.has(node.departmentId) ? node.departmentId : null;
    widths.set(column, Math.max(widths.get(column) ?? 0, node.x + NODE_WIDTH + CELL_PADDING));
    heights.set(row, Math.max(heights.get(row) ?? 0, node.y + NODE_HEIGHT + CELL_PADDING));
  }
  let x = LABEL_WIDTH;
  const columns = bands(stageList, widths, MIN_CELL_WIDTH).map(({ size, ...band }) => {
    const column = { ...band, x, width: size };
    x += size;
    return column;
  });
  let y = HEADER_HEIGHT;
  const rows = bands(departmentList, heights, MIN_CELL_HEIGHT).map(({ size, ...band }) => {
    const row = { ...band, y, height: size };
    y += size;
    return row;
  });
  return { columns, rows, width: x, height: y };
}

/** The band a node is drawn in: its own, or Unassigned when its lane is unknown. */
function columnOf(layout: MatrixLayout, stageId: string | null): MatrixColumn {
  return layout.columns.find((c) => c.id === stageId) ?? layout.columns.find((c) => c.id === null) ?? layout.columns.at(-1)!;
}

function rowOf(layout: MatrixLayout, departmentId: string | null): MatrixRow {
  return layout.rows.find((r) => r.id === departmentId) ?? layout.rows.find((r) => r.id === null) ?? layout.rows.at(-1)!;
}

/** Lookups for many nodes at once (the canvas places thousands per render). */
export function bandIndex(layout: MatrixLayout) {
  const columns = new Map(layout.columns.map((c) => [c.id, c]));
  const rows = new Map(layout.rows.map((r) => [r.id, r]));
  return {
    column: (stageId: string | null) => columns.get(stageId) ?? columnOf(layout, stageId),
    row: (departmentId: string | null) => rows.get(departmentId) ?? rowOf(layout, departmentId),
  };
}

export function absolutePosition(layout: MatrixLayout, node: Placed): Point {
  return { x: columnOf(layout, node.stageId).x + node.x, y: rowOf(layout, node.departmentId).y + node.y };
}

export function cellRect(layout: MatrixLayout, departmentId: string | null, stageId: string | null): Rect | null {
  const column = layout.columns.find((c) => c.id === stageId);
  const row = layout.rows.find((r) => r.id === departmentId);
  if (!column || !row) return null;
  return { x: column.x, y: row.y, width: column.width, height: row.height };
}

function clamp(value: number, min: number, max: number) {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/** Keeps a node of the standard size inside a cell of the given size, a padding from its walls. */
export function clampOffset(offset: Point, size: { width: number; height: number }): Point {
  return {
    x: Math.round(clamp(offset.x, CELL_PADDING, size.width - NODE_WIDTH - CELL_PADDING)),
    y: Math.round(clamp(offset.y, CELL_PADDING, size.height - NODE_HEIGHT - CELL_PADDING)),
  };
}

function nearest<T>(bands: T[], at: number, start: (b: T) => number, size: (b: T) => number): T {
  return bands.find((b) => at < start(b) + size(b)) ?? bands.at(-1)!;
}

/**
 * The cell a node whose top-left corner is at `topLeft` lands in. The node's centre picks the
 * cell (so a node mostly over a cell belongs to it); points over the header row or label
 * column, or past the last band, snap to the nearest band. The offset is clamped so the node
 * stays inside the cell.
 */
export function cellAt(layout: MatrixLayout, topLeft: Point): Cell {
  const centre = { x: topLeft.x + NODE_WIDTH / 2, y: topLeft.y + NODE_HEIGHT / 2 };
  const column = nearest(
    layout.columns,
    centre.x,
    (c) => c.x,
    (c) => c.width,
  );
  const row = nearest(
    layout.rows,
    centre.y,
    (r) => r.y,
    (r) => r.height,
  );
  const offset = clampOffset({ x: topLeft.x - column.x, y: topLeft.y - row.y }, { width: column.width, height: row.height });
  return { departmentId: row.id, stageId: column.id, offset };
}

/** The top-left corner that centres a node on a point (a drop or a double-click). */
export function centredAt(point: Point): Point {
  return { x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 };
}
