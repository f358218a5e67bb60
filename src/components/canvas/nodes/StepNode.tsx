"use client";

import { memo } from "react";
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from "@xyflow/react";
import { automationScore } from "~/domain/automation";
import { formatMinutes, parseEstimate } from "~/domain/duration";
import type { GraphNode, NodeFacts } from "~/domain/graph";
import { NODE_HEIGHT, NODE_WIDTH } from "~/domain/matrix";
import { OffEstimateMarker, RunMarker } from "../../runs/RunMarker";
import { useOffEstimate, useRunStep } from "../../runs/RunProvider";
import { DIFF_BADGE, DIFF_COLOR, DIFF_WORD, useDiffKind } from "../../versions/diff-style";
import { CRITICAL_HALO, CRITICAL_STROKE, SELECTED_STROKE } from "../edges/edge-style";
import type { ActivityFlowNode } from "../flow-elements";
import { Glyph } from "./glyphs";
import { HEAT_FILL, NODE_LOOK, SEVERITY_COLOR, SEVERITY_STROKE, STATUS_BADGE } from "./node-style";
import { RenameInput } from "./RenameInput";

/** A step late in the run on the map is outlined in red. */
const RUN_LATE_STROKE = "#dc2626";

/** Below this zoom the details are unreadable anyway; drawing less keeps big maps fast. */
const COMPACT_ZOOM = 0.45;
const isCompact = (s: ReactFlowState) => s.transform[2] < COMPACT_ZOOM;
const HANDLE_CLASS =
  "!size-2.5 !border-2 !border-white !bg-slate-400 opacity-0 transition-opacity group-hover:opacity-100 group-[.selected]:opacity-100 hover:!bg-brand-600";

function durationOf(node: GraphNode, facts: NodeFacts | undefined): number {
  if (node.avgTime) {
    const parsed = parseEstimate(node.avgTime);
    if (parsed.ok) return parsed.estimate.mode;
  }
  return facts?.durationMinutes ?? 0;
}

/** A step of any type (one component for all four): the type decides the outline, icon and colours (NODE_LOOK). */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { node, facts, readOnly, renaming, critical, heat, severity } = data;
  const look = NODE_LOOK[node.type];
  const compact = useStore(isCompact);
  const diff = useDiffKind(node.id);
  const runStep = useRunStep(node.id);
  const offEstimate = useOffEstimate(node.id);
  const late = (runStep?.lateMinutes ?? 0) > 0;
  const stroke = selected
    ? SELECTED_STROKE.color
    : diff
      ? DIFF_COLOR[diff]
      : late
        ? RUN_LATE_STROKE
        : critical
          ? CRITICAL_STROKE.color
          : severity
            ? SEVERITY_STROKE[severity]
            : look.stroke;
  const removed = diff === "removed";
  return (
    <div
      className={`group relative size-full ${selected ? "selected" : ""} ${removed ? "opacity-55" : ""}`}
      data-node-type={node.type}
      data-critical={critical || undefined}
      data-heat={heat ?? undefined}
      data-diff={diff ?? undefined}
    >
      <svg
        width={NODE_WIDTH}
        height={NODE_HEIGHT}
        className={`absolute inset-0 overflow-visible ${compact ? "" : "drop-shadow-sm"}`}
        aria-hidden="true"
      >
        {critical && (
          <path
            d={look.path}
            fill="none"
            stroke={CRITICAL_STROKE.color}
            strokeOpacity={CRITICAL_HALO.opacity}
            strokeWidth={CRITICAL_HALO.width}
          />
        )}
        {diff && diff !== "removed" && <path d={look.path} fill="none" stroke={DIFF_COLOR[diff]} strokeOpacity={0.25} strokeWidth={7} />}
        <path
          d={look.path}
          fill={heat ? HEAT_FILL[heat] : removed ? "#fef2f2" : "white"}
          stroke={stroke}
          strokeWidth={selected || critical || diff || late ? 2.5 : 1.5}
          strokeDasharray={removed ? "6 4" : undefined}
        />
        {look.detail && <path d={look.detail} fill="none" stroke={stroke} strokeWidth={1.5} />}
      </svg>
      {runStep && <RunMarker step={runStep} />}
      {offEstimate !== undefined && <OffEstimateMarker ratio={offEstimate} />}
      {diff && (
        <span
          className={`absolute -top-2.5 right-3 z-10 rounded-full px-1.5 text-[10px] leading-4 font-semibold uppercase ring-1 ring-inset ${DIFF_BADGE[diff]}`}
          data-testid="diff-marker"
        >
          {diff === "moved" ? "↔ moved" : DIFF_WORD[diff].toLowerCase()}
        </span>
      )}
      <div className="relative flex h-full flex-col gap-1 py-2" style={{ paddingLeft: look.padLeft, paddingRight: look.padRight }}>
        <div className="flex min-h-0 items-start gap-2">
          <span className={`mt-px flex size-6 shrink-0 items-center justify-center rounded-md ${look.chip}`} title={look.name}>
            <Glyph name={look.glyph} className="size-3.5" />
          </span>
          {renaming ? (
            <RenameInput nodeId={node.id} initial={node.label} />
          ) : (
            <span
              className={`line-clamp-2 min-w-0 flex-1 text-[13px] leading-4 font-medium break-words text-slate-800 ${removed ? "line-through" : ""}`}
            >
              {node.label}
            </span>
          )}
          {severity && (
            <span
              className={`shrink-0 ${SEVERITY_COLOR[severity]}`}
              title={`Bottleneck (${severity.toLowerCase()})`}
              data-testid="bottleneck-marker"
            >
              <Glyph name="flame" className="size-4" />
              <span className="sr-only">Bottleneck, {severity.toLowerCase()}</span>
            </span>
          )}
        </div>
        {!compact && <NodeMeta node={node} facts={facts} />}
        <div className="mt-auto h-1 shrink-0 overflow-hidden rounded-full bg-slate-100" title={`${node.progress}% done`}>
          <div className={`h-full rounded-full ${look.bar}`} style={{ width: `${node.progress}%` }} />
        </div>
      </div>
      {readOnly ? (
        <EdgeAnchors />
      ) : (
        <>
          <Handle type="target" position={Position.Left} className={HANDLE_CLASS} />
          <Handle type="source" position={Position.Right} className={HANDLE_CLASS} />
        </>
      )}
    </div>
  );
});

function NodeMeta({ node, facts }: { node: GraphNode; facts: NodeFacts | undefined }) {
  const badge = STATUS_BADGE[node.status];
  const minutes = durationOf(node, facts);
  const score = automationScore(node).final_score;
  const comments = facts?.commentCount ?? 0;
  return (
    <div className="mt-auto flex items-center gap-1.5 text-[11px] leading-4 whitespace-nowrap text-slate-600">
      <span className={`rounded px-1.5 font-medium ${badge.className}`}>{badge.label}</span>
      {minutes > 0 && (
        <span className="flex items-center gap-0.5" title="Duration">
          <Glyph name="clock" className="size-3" />
          {formatMinutes(minutes)}
        </span>
      )}
      <span className="flex items-center gap-0.5" title={`Automation potential ${score}/100`}>
        <Glyph name="gauge" className="size-3" />
        {score}
      </span>
      {comments > 0 && (
        <span className="ml-auto flex items-center gap-0.5" title={`${comments} open comment${comments === 1 ? "" : "s"}`}>
          <Glyph name="comment" className="size-3" />
          {comments}
        </span>
      )}
    </div>
  );
}

const ANCHOR = 10;

/**
 * Without handles React Flow measures a node as having nowhere to attach edges and stops
 * drawing them. A read-only card has nothing to drag from, so it gets invisible anchors
 * instead: React Flow finds them by the `source`/`target` class, as it finds handles.
 */
function EdgeAnchors() {
  const box = { width: ANCHOR, height: ANCHOR, top: NODE_HEIGHT / 2 - ANCHOR / 2 };
  return (
    <>
      <div
        aria-hidden="true"
        className="target pointer-events-none invisible absolute"
        data-handlepos="left"
        style={{ ...box, left: -ANCHOR / 2 }}
      />
      <div
        aria-hidden="true"
        className="source pointer-events-none invisible absolute"
        data-handlepos="right"
        style={{ ...box, left: NODE_WIDTH - ANCHOR / 2 }}
      />
    </>
  );
}
