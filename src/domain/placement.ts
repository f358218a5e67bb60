/**
 * Where steps go inside a matrix cell so that no two of them overlap. Offsets are relative to
 * the cell (see matrix.ts), and bands grow to fit their steps, so a cell never runs out of
 * room: a slot past its right or bottom edge simply makes the band wider or taller.
 *
 * A spot the person picked (a drop, a double-click, a paste) is kept exactly when it overlaps
 * nothing. A spot the app picks (the palette, a full drop spot, moving to the next cell)
 * leaves SLOT_GAP of air around the step, room for a connection's arrow.
 */
import type { GraphNode, GraphState } from "./graph";
import {
  CELL_PADDING,
  MIN_CELL_HEIGHT,
  MIN_CELL_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  cellAt,
  type Cell,
  type MatrixLayout,
  type Point,
  type Rect,
} from "./matrix";
import { overlaps } from "./tidy";

export const SLOT_GAP = 24;
const COLUMN_PITCH = NODE_WIDTH + SLOT_GAP;
const ROW_PITCH = NODE_HEIGHT + SLOT_GAP;

type Lanes = Pick<GraphNode, "departmentId" | "stageId">;

const boxAt = (at: Point): Rect => ({ x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT });

/** True when a step at `at`, with `gap` of air around it, overlaps none of the obstacles. */
export function isFree(obstacles: readonly Rect[], at: Point, gap = 0): boolean {
  const box = { x: at.x - gap, y: at.y - gap, width: NODE_WIDTH + 2 * gap, height: NODE_HEIGHT + 2 * gap };
  return !obstacles.some((o) => overlaps(box, o));
}

/**
 * The first free slot in reading order (top to bottom, then left to right). Slots sit on a
 * grid of step-sized slots, as many per row as fit in the cell's width (at least one), and
 * just past each step already there, so steps put anywhere by hand do not leave a grid row
 * half blocked and wasted. Rows continue below the cell when it is full; the row below every
 * obstacle is always free, so the scan ends there at the latest.
 */
export function firstFreeSlot(obstacles: readonly Rect[], cellWidth: number, gap = SLOT_GAP): Point {
  const perRow = Math.max(1, Math.floor((cellWidth - 2 * CELL_PADDING + SLOT_GAP) / COLUMN_PITCH));
  const below = Math.max(CELL_PADDING, ...obstacles.map((o) => o.y + o.height + gap));
  const lastRow = CELL_PADDING + Math.ceil((below - CELL_PADDING) / ROW_PITCH) * ROW_PITCH;
  const gridYs = Array.from({ length: (lastRow - CELL_PADDING) / ROW_PITCH + 1 }, (_, row) => CELL_PADDING + row * ROW_PITCH);
  const gridXs = Array.from({ length: perRow }, (_, column) => CELL_PADDING + column * COLUMN_PITCH);
  const fitsAcross = (x: number) => x + NODE_WIDTH + CELL_PADDING <= cellWidth;
  const ascending = (a: number, b: number) => a - b;
  const ys = [...new Set([...gridYs, ...obstacles.map((o) => o.y + o.height + gap)])].sort(ascending);
  const xs = [...new Set([...gridXs, ...obstacles.map((o) => o.x + o.width + gap).filter(fitsAcross)])].sort(ascending);
  for (const y of ys) {
    for (const x of xs) if (isFree(obstacles, { x, y }, gap)) return { x, y };
  }
  return { x: CELL_PADDING, y: lastRow };
}

/**
 * The free position nearest to `preferred` (at least CELL_PADDING from the cell's top and
 * left walls, unbounded right and down). The nearest point of the free region lies on the
 * padding lines or on an edge of an obstacle grown by the step and the gap, with its other
 * coordinate the preferred one or another such edge, so those crossings are all candidates.
 * Straight right of, or straight below, every obstacle is free, which bounds the search.
 */
export function nearestFreeSlot(obstacles: readonly Rect[], preferred: Point, gap = SLOT_GAP): Point {
  const at = { x: Math.max(CELL_PADDING, Math.round(preferred.x)), y: Math.max(CELL_PADDING, Math.round(preferred.y)) };
  if (isFree(obstacles, at, gap)) return at;
  const right = { x: Math.max(...obstacles.map((o) => o.x + o.width + gap)), y: at.y };
  const below = { x: at.x, y: Math.max(...obstacles.map((o) => o.y + o.height + gap)) };
  const fallback = right.x - at.x <= below.y - at.y ? right : below;
  const reach = Math.max(fallback.x - at.x, fallback.y - at.y);
  // Only steps a candidate within reach could touch matter (a crowded cell has hundreds).
  const area = {
    x: at.x - reach - gap,
    y: at.y - reach - gap,
    width: 2 * (reach + gap) + NODE_WIDTH,
    height: 2 * (reach + gap) + NODE_HEIGHT,
  };
  const nearby = obstacles.filter((o) => overlaps(area, o));
  const near = (value: number, to: number) => value >= CELL_PADDING && Math.abs(value - to) <= reach;
  const xs = new Set([at.x, CELL_PADDING, ...nearby.flatMap((o) => [o.x - gap - NODE_WIDTH, o.x + o.width + gap])]);
  const ys = new Set([at.y, CELL_PADDING, ...nearby.flatMap((o) => [o.y - gap - NODE_HEIGHT, o.y + o.height + gap])]);
  const candidates = [...xs].filter((x) => near(x, at.x)).flatMap((x) => [...ys].filter((y) => near(y, at.y)).map((y) => ({ x, y })));
  const distance = (p: Point) => (p.x - at.x) ** 2 + (p.y - at.y) ** 2;
  candidates.sort((a, b) => distance(a) - distance(b) || a.y - b.y || a.x - b.x);
  return candidates.find((p) => isFree(nearby, p, gap)) ?? fallback;
}

/** The band `by` places after (or before) the one with this id; undefined past either end. */
function bandAfter<T extends { id: string | null }>(bands: readonly T[], id: string | null, by: number): T | undefined {
  const at = bands.findIndex((b) => b.id === id);
  return at < 0 ? undefined : bands[at + by];
}

/**
 * Placement inside one graph state, for a whole batch: every slot it hands out is reserved,
 * so steps placed together never overlap each other either. `moving` steps are being placed
 * again, so their current spots do not count as taken.
 */
export function placer(state: GraphState, layout: MatrixLayout, moving: Iterable<string> = []) {
  const rows = new Map(layout.rows.map((r) => [r.id, r]));
  const columns = new Map(layout.columns.map((c) => [c.id, c]));
  // The cell a step is drawn in: lanes the layout does not know are drawn as Unassigned.
  const drawn = ({ departmentId, stageId }: Lanes): Lanes => ({
    departmentId: rows.has(departmentId) ? departmentId : null,
    stageId: columns.has(stageId) ? stageId : null,
  });
  const key = (lanes: Lanes) => {
    const { departmentId, stageId } = drawn(lanes);
    return `${departmentId ?? ""}|${stageId ?? ""}`;
  };

  const skip = new Set(moving);
  const taken = new Map<string, Rect[]>();
  const obstacles = (lanes: Lanes) => taken.get(key(lanes)) ?? [];
  const reserve = (cell: Cell): Cell => {
    const k = key(cell);
    const boxes = taken.get(k);
    if (boxes) boxes.push(boxAt(cell.offset));
    else taken.set(k, [boxAt(cell.offset)]);
    return cell;
  };
  for (const node of state.nodes.values()) {
    if (!skip.has(node.id)) reserve({ departmentId: node.departmentId, stageId: node.stageId, offset: node });
  }

  const fits = (cell: Cell) => isFree(obstacles(cell), cell.offset);
  const sizeOf = (lanes: Lanes) => {
    const { departmentId, stageId } = drawn(lanes);
    return { width: columns.get(stageId)?.width ?? MIN_CELL_WIDTH, height: rows.get(departmentId)?.height ?? MIN_CELL_HEIGHT };
  };

  return {
    /** The cell a step lands in when its top-left corner is dropped at a canvas point, and its
     * offset there: kept a padding off the top and left walls and with its centre inside the
     * cell, but free to hang over the right and bottom edges (the band grows to fit). */
    spotAt(topLeft: Point): Cell {
      const { departmentId, stageId } = cellAt(layout, topLeft);
      const column = columns.get(stageId)!;
      const row = rows.get(departmentId)!;
      const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, CELL_PADDING), max));
      const offset = {
        x: clamp(topLeft.x - column.x, column.width - NODE_WIDTH / 2),
        y: clamp(topLeft.y - row.y, row.height - NODE_HEIGHT / 2),
      };
      return { departmentId, stageId, offset };
    },
    /** Whether a step could go exactly there without overlapping anything placed so far. */
    fits,
    /** Takes the spot exactly when it is free, else the nearest free slot in the same cell. */
    near(cell: Cell): Cell {
      if (fits(cell)) return reserve(cell);
      return reserve({ ...cell, offset: nearestFreeSlot(obstacles(cell), cell.offset) });
    },
    /** Takes the first free slot of a cell in reading order. */
    first(lanes: Lanes): Cell {
      return reserve({ ...drawn(lanes), offset: firstFreeSlot(obstacles(lanes), sizeOf(lanes).width) });
    },
    /** The other steps in a step's cell (for moves that must stop short of them). */
    obstaclesOf(lanes: Lanes): readonly Rect[] {
      return obstacles(lanes);
    },
    /** Size of the cell a step is drawn in. */
    sizeOf,
    /** The cell one stage (columns) or department (rows) over from a step's, or null past the edge. */
    neighbour(lanes: Lanes, columnStep: number, rowStep: number): Lanes | null {
      const { departmentId, stageId } = drawn(lanes);
      const row = bandAfter(layout.rows, departmentId, rowStep);
      const column = bandAfter(layout.columns, stageId, columnStep);
      return row && column ? { departmentId: row.id, stageId: column.id } : null;
    },
    /** Identifies the cell a step is drawn in. */
    cellKey: key,
  };
}

export type Placer = ReturnType<typeof placer>;
