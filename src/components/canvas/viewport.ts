/**
 * Where the canvas opens. The whole matrix when it fits at a zoom where step labels stay
 * readable; otherwise the top-left occupied cells at a readable zoom, the rest a pan away
 * (the frozen lane headers keep every row and column named). A viewport the person chose
 * themselves is kept per project and wins over both.
 */
import { bandIndex, HEADER_HEIGHT, LABEL_WIDTH, type MatrixLayout } from "~/domain/matrix";
import type { GraphNode } from "~/domain/graph";

export type Viewport = { x: number; y: number; zoom: number };
type Size = { width: number; height: number };

/** Step labels are 13 px; under this zoom they would render below 11 px. */
export const LABEL_FONT_PX = 13;
export const MIN_LABEL_PX = 11;
export const READABLE_ZOOM = MIN_LABEL_PX / LABEL_FONT_PX;
/** The zoom a matrix too big to fit opens at: readable with a little to spare. */
export const OPEN_ZOOM = 0.9;
const MAX_FIT_ZOOM = 1;
const MARGIN = 16;

type Placed = Pick<GraphNode, "departmentId" | "stageId">;

export function initialViewport(layout: MatrixLayout, nodes: Iterable<Placed>, size: Size): Viewport {
  const fit = Math.min(MAX_FIT_ZOOM, (size.width - 2 * MARGIN) / layout.width, (size.height - 2 * MARGIN) / layout.height);
  const bands = bandIndex(layout);
  let row = Infinity;
  let column = Infinity;
  for (const node of nodes) {
    row = Math.min(row, layout.rows.indexOf(bands.row(node.departmentId)));
    column = Math.min(column, layout.columns.indexOf(bands.column(node.stageId)));
  }
  const empty = row === Infinity;
  if (empty || fit >= READABLE_ZOOM) {
    const zoom = Math.max(fit, 0.05);
    return {
      x: Math.max(MARGIN, (size.width - layout.width * zoom) / 2),
      y: Math.max(MARGIN, (size.height - layout.height * zoom) / 2),
      zoom,
    };
  }
  // The first occupied column sits just right of where the label column is pinned, the first
  // occupied row just under the pinned header row; at the matrix's own corner nothing is pinned.
  const left = layout.columns[column]!.x - LABEL_WIDTH;
  const top = layout.rows[row]!.y - HEADER_HEIGHT;
  return {
    x: (left === 0 ? MARGIN : 0) - left * OPEN_ZOOM,
    y: (top === 0 ? MARGIN : 0) - top * OPEN_ZOOM,
    zoom: OPEN_ZOOM,
  };
}

const storageKey = (projectId: string) => `flowmatrix:viewport:${projectId}`;

export function savedViewport(storage: Pick<Storage, "getItem">, projectId: string): Viewport | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(storageKey(projectId)) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { x, y, zoom } = value as Record<string, unknown>;
    return typeof x === "number" && typeof y === "number" && typeof zoom === "number" && zoom > 0 ? { x, y, zoom } : null;
  } catch {
    return null;
  }
}

export function saveViewport(storage: Pick<Storage, "setItem">, projectId: string, viewport: Viewport) {
  try {
    storage.setItem(storageKey(projectId), JSON.stringify(viewport));
  } catch {
    // A full or disabled storage only costs the remembered view.
  }
}
