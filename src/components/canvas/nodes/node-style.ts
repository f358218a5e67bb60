import type { NodeStatus, NodeType, Severity } from "~/domain/graph";
import { STEP_SHAPE } from "~/domain/render/look";
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

/** The canvas's classes over the shapes both the canvas and the vector export draw (domain/render/look.ts). */
export const NODE_LOOK: Record<NodeType, NodeLook> = {
  TRIGGER: { ...STEP_SHAPE.TRIGGER, glyph: "bolt", chip: "bg-emerald-100 text-emerald-700", bar: "bg-emerald-500" },
  ACTION: { ...STEP_SHAPE.ACTION, glyph: "play", chip: "bg-sky-100 text-sky-700", bar: "bg-sky-500" },
  DECISION: { ...STEP_SHAPE.DECISION, glyph: "diamond", chip: "bg-amber-100 text-amber-700", bar: "bg-amber-500" },
  ARTIFACT: { ...STEP_SHAPE.ARTIFACT, glyph: "document", chip: "bg-violet-100 text-violet-700", bar: "bg-violet-500" },
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
