"use client";

import { memo, useCallback } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStoreApi, type EdgeProps } from "@xyflow/react";
import { connectionLabels, feedbackPath } from "~/domain/render/look";
import { DIFF_COLOR, useDiffKind } from "../../versions/diff-style";
import type { RelationFlowEdge } from "../flow-elements";
import { waitText } from "../flow-names";
import { CRITICAL_HALO, DIMMED_LABEL, DIMMED_OPACITY, SELECTED_STROKE, relationStroke } from "./edge-style";

const LABEL_ON_LINE = "translate(-50%, -50%)";
/** On a short, level edge the label sits just above the line so it doesn't hide the arrowhead. */
const LABEL_ABOVE_LINE = "translate(-50%, calc(-100% - 3px))";
/**
 * Labels sit above the steps (selected ones included, which React Flow lifts by 1000): a label
 * between two close steps would otherwise be half hidden and unclickable under them.
 */
const LABEL_Z = 1001;
/** Diff colours are for lines; their labels' text needs the contrast of slate-700. */
const DIFF_INK = "#334155";

/**
 * Selects the edge from its label as a click on the line would: React Flow reports the change
 * through onEdgesChange, so the editor's selection (and the inspector) follow as usual.
 */
function useSelectEdge(id: string, selected: boolean) {
  const store = useStoreApi();
  return useCallback(() => {
    const { elementsSelectable, multiSelectionActive, edgeLookup, addSelectedEdges, unselectNodesAndEdges } = store.getState();
    if (!elementsSelectable) return;
    store.setState({ nodesSelectionActive: false });
    const edge = edgeLookup.get(id);
    if (selected && multiSelectionActive && edge) unselectNodesAndEdges({ nodes: [], edges: [edge] });
    else addSelectedEdges([id]);
  }, [store, id, selected]);
}

/**
 * REQUIRES: grey arrow. BLOCKS: dotted red arrow. FEEDBACK_TO: dashed violet loop labelled with
 * its frequency. While the critical path is shown, its edges are drawn heavy amber over a halo
 * and the rest faded. Styles come from edge-style.ts, which the legend draws from too.
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
  selected = false,
  markerEnd,
}: EdgeProps<RelationFlowEdge>) {
  const { edge, critical, dimmed } = data!;
  const feedback = edge.relationType === "FEEDBACK_TO";
  const [path, labelX, labelY] = feedback
    ? feedbackPath(sourceX, sourceY, targetX, targetY)
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const diff = useDiffKind(id);
  const selectEdge = useSelectEdge(id, selected);
  const base = relationStroke(edge.relationType, critical);
  const color = selected ? SELECTED_STROKE.color : diff ? DIFF_COLOR[diff] : base.color;
  const width = selected ? Math.max(SELECTED_STROKE.width, base.width) : diff && diff !== "removed" ? 2.5 : base.width;
  const faded = dimmed && !selected;
  const opacity = diff === "removed" ? 0.55 : faded ? DIMMED_OPACITY : 1;
  const short = !feedback && Math.abs(targetX - sourceX) < 140 && Math.abs(targetY - sourceY) < 40;
  const labels = connectionLabels(edge);
  const title = [
    feedback ? `Rework about ${edge.frequency} time${edge.frequency === 1 ? "" : "s"}` : null,
    edge.lagTime ? `waits ${waitText(edge.lagTime, edge.lagWorking)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  // A faded label keeps readable text: only its outline is quieter.
  const ink = selected ? SELECTED_STROKE.ink : diff ? DIFF_INK : faded ? DIMMED_LABEL.ink : base.ink;
  const border = faded ? DIMMED_LABEL.border : color;
  return (
    <g data-diff={diff ?? undefined}>
      {critical && !diff && (
        <path d={path} fill="none" stroke={base.color} strokeOpacity={CRITICAL_HALO.opacity} strokeWidth={CRITICAL_HALO.width} />
      )}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{
          stroke: color,
          strokeWidth: width,
          strokeDasharray: diff === "removed" ? "6 4" : base.dash,
          strokeLinecap: base.dash ? "round" : undefined,
          opacity,
        }}
      />
      {labels.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan absolute cursor-pointer rounded-full border bg-white px-1.5 text-[11px] leading-4 font-medium shadow-xs hover:shadow-sm"
            style={{
              transform: `translate(${labelX}px, ${labelY}px) ${short ? LABEL_ABOVE_LINE : LABEL_ON_LINE}`,
              color: ink,
              borderColor: border,
              pointerEvents: "all",
              zIndex: LABEL_Z,
            }}
            title={title}
            onClick={selectEdge}
            data-testid={`edge-label-${id}`}
          >
            {labels.join(" ")}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});
