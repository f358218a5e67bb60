/**
 * Copy and paste of steps. The clipboard lives in localStorage so a copy in one project can be
 * pasted into another: lanes are matched by id, then by name, else the copy goes to Unassigned.
 */
import { z } from "zod";
import type { AxisItem, GraphState } from "~/domain/graph";
import type { MatrixLayout } from "~/domain/matrix";
import { edgeFieldSchemas, nodeFieldSchemas, type Operation } from "~/domain/operations";
import { placer } from "~/domain/placement";

export const CLIPBOARD_KEY = "flowmatrix:clipboard";
/** How far a paste moves the copies when something already sits where they would go. */
export const PASTE_SHIFT = 24;

const clipNodeSchema = z.object({
  ...nodeFieldSchemas,
  id: z.string(),
  departmentName: z.string().nullable(),
  stageName: z.string().nullable(),
});

const clipEdgeSchema = z.object({ ...edgeFieldSchemas, id: z.string(), sourceId: z.string(), targetId: z.string() });

const clipboardSchema = z.object({
  version: z.literal(1),
  nodes: z.array(clipNodeSchema).min(1),
  edges: z.array(clipEdgeSchema),
});

export type ClipboardData = z.input<typeof clipboardSchema>;

/** The given nodes and the edges between them; null when none of them exist. */
export function copyNodes(state: GraphState, ids: readonly string[]): ClipboardData | null {
  const nodes = ids.flatMap((id) => {
    const node = state.nodes.get(id);
    if (!node) return [];
    const departmentName = node.departmentId ? (state.departments.get(node.departmentId)?.name ?? null) : null;
    const stageName = node.stageId ? (state.stages.get(node.stageId)?.name ?? null) : null;
    return [{ ...node, departmentName, stageName }];
  });
  if (nodes.length === 0) return null;
  const copied = new Set(nodes.map((n) => n.id));
  const edges = [...state.edges.values()].filter((e) => copied.has(e.sourceId) && copied.has(e.targetId));
  return { version: 1, nodes, edges };
}

function matchLane(items: ReadonlyMap<string, AxisItem>, id: string | null, name: string | null): string | null {
  if (id && items.has(id)) return id;
  if (name === null) return null;
  const wanted = name.toLowerCase();
  for (const item of items.values()) if (item.name.toLowerCase() === wanted) return item.id;
  return null;
}

/** Where each copied node goes in this project, before any shift. */
function landing(state: GraphState, clip: ClipboardData) {
  return clip.nodes.map(({ departmentName, stageName, ...node }) => ({
    node,
    departmentId: matchLane(state.departments, node.departmentId, departmentName),
    stageId: matchLane(state.stages, node.stageId, stageName),
  }));
}

/**
 * The smallest multiple of PASTE_SHIFT (from 0) at which none of the copies overlaps an
 * existing step: pasting into another project keeps positions, pasting again and again fans
 * the copies out, diagonally, as a group that keeps its shape.
 */
export function freeShift(state: GraphState, layout: MatrixLayout, clip: ClipboardData): number {
  const place = placer(state, layout);
  const copies = landing(state, clip);
  let shift = 0;
  while (!copies.every(({ node, ...lanes }) => place.fits({ ...lanes, offset: { x: node.x + shift, y: node.y + shift } })))
    shift += PASTE_SHIFT;
  return shift;
}

/**
 * Operations that create fresh copies of the clipboard's nodes and the edges between them,
 * shifted by freeShift. Copies that would still overlap one another (two lanes of the source
 * can fall into one Unassigned cell here) go to the nearest free slot instead.
 */
export function pasteOps(
  state: GraphState,
  layout: MatrixLayout,
  clip: ClipboardData,
  options: { newId: () => string },
): { ops: Operation[]; nodeIds: string[] } {
  const ids = new Map(clip.nodes.map((n) => [n.id, options.newId()]));
  const shift = freeShift(state, layout, clip);
  const place = placer(state, layout);
  const nodeOps = landing(state, clip).map(({ node, ...lanes }): Operation => {
    const { offset } = place.near({ ...lanes, offset: { x: node.x + shift, y: node.y + shift } });
    return { op: "createNode", node: { ...node, ...lanes, ...offset, id: ids.get(node.id)! } };
  });
  const edgeOps = clip.edges.flatMap((edge): Operation[] => {
    const sourceId = ids.get(edge.sourceId);
    const targetId = ids.get(edge.targetId);
    return sourceId && targetId ? [{ op: "createEdge", edge: { ...edge, id: options.newId(), sourceId, targetId } }] : [];
  });
  return { ops: [...nodeOps, ...edgeOps], nodeIds: [...ids.values()] };
}

export function writeClipboard(storage: Pick<Storage, "setItem">, clip: ClipboardData): void {
  storage.setItem(CLIPBOARD_KEY, JSON.stringify(clip));
}

/** The stored clipboard, or null when it is empty or not something we wrote. */
export function readClipboard(storage: Pick<Storage, "getItem">): ClipboardData | null {
  const raw = storage.getItem(CLIPBOARD_KEY);
  if (!raw) return null;
  try {
    const parsed = clipboardSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
