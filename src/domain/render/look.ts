import type { NodeStatus, NodeType, RelationType } from "../graph";
import { NODE_HEIGHT as H, NODE_WIDTH as W } from "../matrix";

/**
 * How steps and connections look, as plain numbers and colours: the canvas (React) and the
 * vector export (render/matrix-svg.ts) both draw from here, so an exported picture shows
 * what the screen shows.
 */

const i = 1;
const r = 10;
const roundRect = `M${r},${i} H${W - r} Q${W - i},${i} ${W - i},${r} V${H - r} Q${W - i},${H - i} ${W - r},${H - i} H${r} Q${i},${H - i} ${i},${H - r} V${r} Q${i},${i} ${r},${i} Z`;
const R = H / 2;
const pill = `M${R},${i} H${W - r} Q${W - i},${i} ${W - i},${r} V${H - r} Q${W - i},${H - i} ${W - r},${H - i} H${R} A${R - i} ${R - i} 0 0 1 ${R},${i} Z`;
const p = 16;
const hexagon = `M${p},${i} H${W - p} L${W - i},${H / 2} L${W - p},${H - i} H${p} L${i},${H / 2} Z`;
const f = 16;
const document = `M${r},${i} H${W - f} L${W - i},${f} V${H - r} Q${W - i},${H - i} ${W - r},${H - i} H${r} Q${i},${H - i} ${i},${H - r} V${r} Q${i},${i} ${r},${i} Z`;
const fold = `M${W - f},${i} V${f} H${W - i}`;

/** A step's outline (in a NODE_WIDTH x NODE_HEIGHT box), extra strokes, outline colour and text insets. */
export type StepShape = { name: string; path: string; detail?: string; stroke: string; bar: string; padLeft: number; padRight: number };

export const STEP_SHAPE: Record<NodeType, StepShape> = {
  TRIGGER: { name: "Trigger", path: pill, stroke: "#34d399", bar: "#10b981", padLeft: 22, padRight: 12 },
  ACTION: { name: "Action", path: roundRect, stroke: "#38bdf8", bar: "#0ea5e9", padLeft: 12, padRight: 12 },
  DECISION: { name: "Decision", path: hexagon, stroke: "#fbbf24", bar: "#f59e0b", padLeft: 20, padRight: 20 },
  ARTIFACT: { name: "Artifact", path: document, detail: fold, stroke: "#a78bfa", bar: "#8b5cf6", padLeft: 12, padRight: 18 },
};

/** The status chip: its words and colours (background, text). */
export const STATUS_CHIP: Record<NodeStatus, { label: string; fill: string; ink: string }> = {
  PENDING: { label: "Pending", fill: "#f1f5f9", ink: "#475569" },
  READY: { label: "Ready", fill: "#e0f2fe", ink: "#0369a1" },
  IN_PROGRESS: { label: "In progress", fill: "#fef3c7", ink: "#92400e" },
  COMPLETED: { label: "Done", fill: "#d1fae5", ink: "#047857" },
  BLOCKED: { label: "Blocked", fill: "#fee2e2", ink: "#b91c1c" },
};

/**
 * How a connection is drawn: the line's colour, weight and dash, and `ink`, the colour of its
 * label's text (the line colours are too light for 11px text on white).
 */
export type EdgeStroke = { color: string; width: number; dash?: string; ink: string };

/**
 * Each relation differs in more than colour, for people who can't tell red from grey:
 * BLOCKS is dotted, FEEDBACK_TO dashed (and bows below its steps).
 */
export const RELATION_STROKE: Record<RelationType, EdgeStroke> = {
  REQUIRES: { color: "#64748b", width: 1.5, ink: "#475569" },
  BLOCKS: { color: "#dc2626", width: 2, dash: "0.5 4.5", ink: "#b91c1c" },
  FEEDBACK_TO: { color: "#7c3aed", width: 1.5, dash: "6 4", ink: "#6d28d9" },
};

/**
 * The critical path is amber and twice as heavy as any relation, over a soft halo: a colour
 * and weight no relation uses, so a red BLOCKS line is never mistaken for it. Steps on the
 * path get the same colour and halo.
 */
export const CRITICAL_STROKE: EdgeStroke = { color: "#d97706", width: 3, ink: "#b45309" };
export const CRITICAL_HALO = { width: 9, opacity: 0.2 } as const;

/** A rework loop bows below its steps; returns the path and where its label sits. */
export function feedbackPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const reach = 80;
  const dip = Math.max(90, Math.abs(sx - tx) * 0.2);
  const path = `M${sx},${sy} C${sx + reach},${sy + dip} ${tx - reach},${ty + dip} ${tx},${ty}`;
  return [path, (sx + tx) / 2, (sy + ty) / 2 + 0.75 * dip];
}

/** How far a bezier's control point reaches, as React Flow's getBezierPath computes it (curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/** A connection from a step's right side to another's left, the curve the canvas draws; and its midpoint. */
export function forwardPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const c1 = sx + controlOffset(tx - sx);
  const c2 = tx - controlOffset(tx - sx);
  const path = `M${sx},${sy} C${c1},${sy} ${c2},${ty} ${tx},${ty}`;
  return [path, sx * 0.125 + c1 * 0.375 + c2 * 0.375 + tx * 0.125, (sy + ty) / 2];
}

/** The labels on a connection: its rework frequency and its wait. */
export function connectionLabels(edge: {
  relationType: RelationType;
  frequency: number;
  lagTime: string | null;
  lagWorking?: boolean;
}): string[] {
  return [
    edge.relationType === "FEEDBACK_TO" ? `x${edge.frequency}` : null,
    edge.lagTime ? `+${edge.lagTime}${edge.lagWorking ? " working" : ""}` : null,
  ].filter((label): label is string => label !== null);
}
