"use client";

import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { DIFF_COLOR, useDiffKind } from "../../versions/diff-style";
import { CRITICAL_COLOR, RELATION_COLOR, type RelationFlowEdge } from "../flow-elements";

const SELECTED_COLOR = "#0284c7";
const LABEL_ON_LINE = "translate(-50%, -50%)";
/** On a short, level edge the label sits just above the line so it doesn't hide the arrowhead. */
const LABEL_ABOVE_LINE = "translate(-50%, calc(-100% - 3px))";

/** A rework loop bows below both steps, so it reads as going back rather than forward. */
function feedbackPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const reach = 80;
  const dip = Math.max(90, Math.abs(sx - tx) * 0.2);
  const path = `M${sx},${sy} C${sx + reach},${sy + dip} ${tx - reach},${ty + dip} ${tx},${ty}`;
  return [path, (sx + tx) / 2, (sy + ty) / 2 + 0.75 * dip];
}

/**
 * REQUIRES: grey arrow. BLOCKS: red arrow. FEEDBACK_TO: dashed violet loop labelled with its
 * frequency. While the critical path is shown, its edges are drawn strong and the rest faded.
 */
export const RelationEdge = memo(function RelationEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
  markerEnd,
}: EdgeProps<RelationFlowEdge>) {
  const { edge, critical, dimmed } = data!;
  const feedback = edge.relationType === "FEEDBACK_TO";
  const [path, labelX, labelY] = feedback
    ? feedbackPath(sourceX, sourceY, targetX, targetY)
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const diff = useDiffKind(id);
  const color = selected ? SELECTED_COLOR : diff ? DIFF_COLOR[diff] : critical ? CRITICAL_COLOR : RELATION_COLOR[edge.relationType];
  const width = selected || critical || (diff && diff !== "removed") ? 2.5 : 1.5;
  const opacity = diff === "removed" ? 0.55 : dimmed && !selected ? 0.25 : 1;
  const short = !feedback && Math.abs(targetX - sourceX) < 140 && Math.abs(targetY - sourceY) < 40;
  const labels = [feedback ? `x${edge.frequency}` : null, edge.lagTime ? `+${edge.lagTime}` : null].filter(Boolean);
  return (
    <g data-diff={diff ?? undefined}>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{ stroke: color, strokeWidth: width, strokeDasharray: feedback || diff === "removed" ? "6 4" : undefined, opacity }}
      />
      {labels.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute rounded-full border bg-white px-1.5 text-[11px] leading-4 font-medium shadow-xs"
            style={{ transform: `translate(${labelX}px, ${labelY}px) ${short ? LABEL_ABOVE_LINE : LABEL_ON_LINE}`, color, borderColor: color, opacity: dimmed ? 0.4 : 1 }}
            data-testid={`edge-label-${id}`}
          >
            {labels.join(" ")}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});
