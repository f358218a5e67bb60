import type { NodeStatus, NodeType, Severity } from "~/domain/graph";
import { NODE_HEIGHT as H, NODE_WIDTH as W } from "~/domain/matrix";
import type { Heat } from "../flow-elements";
import type { GlyphName } from "./glyphs";

export type NodeLook = {
  name: string;
  glyph: GlyphName;
  /** Outline of the card, drawn in a W x H box. */
  path: string;
  /** Extra strokes drawn on top (the artifact's folded corner). */
  detail?: string;
  stroke: string;
  /** Icon chip: background and foreground classes. */
  chip: string;
  bar: string;
  padLeft: number;
  padRight: number;
};

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

export const NODE_LOOK: Record<NodeType, NodeLook> = {
  TRIGGER: {
    name: "Trigger",
    glyph: "bolt",
    path: pill,
    stroke: "#34d399",
    chip: "bg-emerald-100 text-emerald-700",
    bar: "bg-emerald-500",
    padLeft: 22,
    padRight: 12,
  },
  ACTION: {
    name: "Action",
    glyph: "play",
    path: roundRect,
    stroke: "#38bdf8",
    chip: "bg-sky-100 text-sky-700",
    bar: "bg-sky-500",
    padLeft: 12,
    padRight: 12,
  },
  DECISION: {
    name: "Decision",
    glyph: "diamond",
    path: hexagon,
    stroke: "#fbbf24",
    chip: "bg-amber-100 text-amber-700",
    bar: "bg-amber-500",
    padLeft: 20,
    padRight: 20,
  },
  ARTIFACT: {
    name: "Artifact",
    glyph: "document",
    path: document,
    detail: fold,
    stroke: "#a78bfa",
    chip: "bg-violet-100 text-violet-700",
    bar: "bg-violet-500",
    padLeft: 12,
    padRight: 18,
  },
};

export const STATUS_BADGE: Record<NodeStatus, { label: string; className: string }> = {
  PENDING: { label: "Pending", className: "bg-slate-100 text-slate-600" },
  READY: { label: "Ready", className: "bg-sky-100 text-sky-700" },
  IN_PROGRESS: { label: "In progress", className: "bg-amber-100 text-amber-800" },
  COMPLETED: { label: "Done", className: "bg-emerald-100 text-emerald-700" },
  BLOCKED: { label: "Blocked", className: "bg-red-100 text-red-700" },
};

/** Card fill for the slack heat map: red (no slack) through orange and yellow to green (plenty). */
export const HEAT_FILL: Record<Heat, string> = { critical: "#fee2e2", tight: "#ffedd5", some: "#fef9c3", loose: "#dcfce7" };

export const SEVERITY_COLOR: Record<Severity, string> = {
  LOW: "text-amber-500",
  MEDIUM: "text-orange-500",
  HIGH: "text-red-500",
  CRITICAL: "text-red-600",
};

export const SEVERITY_STROKE: Record<Severity, string> = {
  LOW: "#f59e0b",
  MEDIUM: "#f97316",
  HIGH: "#ef4444",
  CRITICAL: "#dc2626",
};
