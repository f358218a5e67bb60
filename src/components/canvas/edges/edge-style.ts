import type { RelationType } from "~/domain/graph";
import { CRITICAL_STROKE, RELATION_STROKE, type EdgeStroke } from "~/domain/render/look";

export { CRITICAL_HALO, CRITICAL_STROKE, RELATION_STROKE, type EdgeStroke } from "~/domain/render/look";

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
