import type { RelationType } from "~/domain/graph";

/**
 * How a connection is drawn: the line's colour, weight and dash, and `ink`, the colour of its
 * label's text (the line colours are too light for 11px text on white). The canvas and the
 * legend both draw from these, so the legend cannot drift from what is on screen.
 */
export type EdgeStroke = { color: string; width: number; dash?: string; ink: string };

/**
 * Each relation differs in more than colour, for people who can't tell red from grey:
 * BLOCKS is dotted, FEEDBACK_TO dashed (and bows below its steps, see RelationEdge).
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

/** Connections off the critical path while it is shown: faded lines, quiet but readable labels. */
export const DIMMED_OPACITY = 0.25;
export const DIMMED_LABEL = { border: "#cbd5e1", ink: "#64748b" } as const;

export const SELECTED_STROKE = { color: "#0284c7", width: 2.5, ink: "#0369a1" } as const;

/** A connection's line before selection or version-compare colours are laid over it. */
export function relationStroke(type: RelationType, critical: boolean): EdgeStroke {
  return critical ? CRITICAL_STROKE : RELATION_STROKE[type];
}

/** What each relation means, for the relation picker and the legend. */
export const RELATION_INFO: Record<RelationType, { name: string; hint: string }> = {
  REQUIRES: { name: "Requires", hint: "Starts after this one finishes" },
  BLOCKS: { name: "Blocks", hint: "Cannot start until this is cleared" },
  FEEDBACK_TO: { name: "Feedback to", hint: "Rework loop back to an earlier step" },
};
