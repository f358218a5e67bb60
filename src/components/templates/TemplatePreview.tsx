import { memo, useMemo } from "react";
import type { GraphNode } from "~/domain/graph";
import { absolutePosition, layoutMatrix, NODE_HEIGHT, NODE_WIDTH } from "~/domain/matrix";
import type { TemplateSummary } from "./categories";

const NODE_FILL: Record<GraphNode["type"], string> = {
  TRIGGER: "#10b981",
  ACTION: "#3b82f6",
  DECISION: "#f59e0b",
  ARTIFACT: "#8b5cf6",
};

/**
 * A thumbnail of a template's matrix drawn as plain SVG: lanes, steps as coloured blocks and
 * dependencies as lines (rework loops dashed). Same geometry as the canvas, scaled by viewBox.
 */
export const TemplatePreview = memo(function TemplatePreview({ preview, title }: { preview: TemplateSummary["preview"]; title: string }) {
  const drawing = useMemo(() => {
    const layout = layoutMatrix(preview);
    const centres = new Map(
      preview.nodes.map((n) => {
        const p = absolutePosition(layout, n);
        return [n.id, { ...p, type: n.type }];
      }),
    );
    return { layout, centres };
  }, [preview]);
  const { layout, centres } = drawing;
  const top = layout.rows[0]?.y ?? 0;
  const left = layout.columns[0]?.x ?? 0;
  return (
    <svg
      role="img"
      aria-label={`Preview of ${title}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      preserveAspectRatio="xMidYMid meet"
      className="h-full w-full"
    >
      <rect width={layout.width} height={layout.height} fill="#f8fafc" />
      {layout.columns.map((c) => (
        <g key={`c${c.id}`}>
          <rect x={c.x} y={0} width={c.width} height={top} fill={c.color} opacity={0.85} />
          <line x1={c.x} y1={0} x2={c.x} y2={layout.height} stroke="#cbd5e1" strokeWidth={3} />
        </g>
      ))}
      {layout.rows.map((r) => (
        <g key={`r${r.id}`}>
          <rect x={0} y={r.y} width={left} height={r.height} fill={r.color} opacity={0.85} />
          <line x1={0} y1={r.y} x2={layout.width} y2={r.y} stroke="#cbd5e1" strokeWidth={3} />
        </g>
      ))}
      {preview.edges.map((e, i) => {
        const from = centres.get(e.sourceId);
        const to = centres.get(e.targetId);
        if (!from || !to) return null;
        const x1 = from.x + NODE_WIDTH;
        const y1 = from.y + NODE_HEIGHT / 2;
        const x2 = to.x;
        const y2 = to.y + NODE_HEIGHT / 2;
        const bend = Math.max(60, Math.abs(x2 - x1) / 2);
        return (
          <path
            key={i}
            d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
            fill="none"
            stroke={e.feedback ? "#ef4444" : "#64748b"}
            strokeWidth={e.feedback ? 6 : 5}
            strokeDasharray={e.feedback ? "18 12" : undefined}
            opacity={0.7}
          />
        );
      })}
      {[...centres.entries()].map(([id, n]) => (
        <rect
          key={id}
          x={n.x}
          y={n.y}
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={14}
          fill={NODE_FILL[n.type]}
          stroke="#fff"
          strokeWidth={4}
        />
      ))}
    </svg>
  );
});
