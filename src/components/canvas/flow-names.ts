/**
 * What a screen reader announces for steps and connections, and the order keyboard users meet
 * the steps in. Pure, so the wording and the order are unit tested without a browser.
 */
import type { GraphEdge, GraphNode, GraphState, RelationType } from "~/domain/graph";
import { bandIndex, type MatrixLayout } from "~/domain/matrix";
import { STATUS_LABEL } from "./inspector/labels";

/** Relations as they read inside a sentence, "from A to B, requires". */
export const RELATION_WORDS: Record<RelationType, string> = {
  REQUIRES: "requires",
  BLOCKS: "blocks",
  FEEDBACK_TO: "feedback loop",
};

/** "Kick-off call, Sales / Onboarding, In progress"; lanes the layout does not know read as Unassigned. */
export function stepName(node: GraphNode, bands: ReturnType<typeof bandIndex>): string {
  const department = bands.row(node.departmentId).name;
  const stage = bands.column(node.stageId).name;
  return `${node.label}, ${department} / ${stage}, ${STATUS_LABEL[node.status]}`;
}

/** The lag as typed (it is already in the duration syntax people use everywhere else in the app), and whether it is working time. */
export function waitText(lagTime: string | null, working = false): string | null {
  const text = lagTime?.trim() ?? "";
  return text === "" ? null : working ? `${text} (working time)` : text;
}

/** "from Draft quote to Approve quote, requires, wait 2h"; no wait part when there is no lag. */
export function connectionName(edge: GraphEdge, nodes: GraphState["nodes"]): string {
  const source = nodes.get(edge.sourceId)?.label ?? "unknown step";
  const target = nodes.get(edge.targetId)?.label ?? "unknown step";
  const wait = waitText(edge.lagTime, edge.lagWorking);
  return `from ${source} to ${target}, ${RELATION_WORDS[edge.relationType]}${wait ? `, wait ${wait}` : ""}`;
}

/**
 * Steps in the order the matrix reads: row by row, cell by cell along the row, and inside a
 * cell top to bottom, then left to right. React Flow renders nodes in array order, so this is
 * also the order Tab walks them in.
 */
export function matrixOrder(nodes: Iterable<GraphNode>, layout: MatrixLayout): GraphNode[] {
  const bands = bandIndex(layout);
  const rowRank = new Map(layout.rows.map((row, i) => [row, i]));
  const columnRank = new Map(layout.columns.map((column, i) => [column, i]));
  const keyed = [...nodes].map((node) => ({
    node,
    row: rowRank.get(bands.row(node.departmentId)) ?? 0,
    column: columnRank.get(bands.column(node.stageId)) ?? 0,
  }));
  keyed.sort(
    (a, b) => a.row - b.row || a.column - b.column || a.node.y - b.node.y || a.node.x - b.node.x || a.node.id.localeCompare(b.node.id),
  );
  return keyed.map((k) => k.node);
}

/** Connections ordered by where their source, then their target, sits in `order`. */
export function connectionOrder(edges: Iterable<GraphEdge>, order: readonly GraphNode[]): GraphEdge[] {
  const rank = new Map(order.map((node, i) => [node.id, i]));
  const at = (id: string) => rank.get(id) ?? order.length;
  return [...edges].sort((a, b) => at(a.sourceId) - at(b.sourceId) || at(a.targetId) - at(b.targetId) || a.id.localeCompare(b.id));
}
