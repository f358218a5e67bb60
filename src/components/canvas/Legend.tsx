"use client";

import { memo, useId } from "react";
import { NODE_STATUSES, NODE_TYPES, RELATION_TYPES } from "~/domain/graph";
import { NODE_HEIGHT, NODE_WIDTH } from "~/domain/matrix";
import { Icon } from "../ui/Icon";
import { CRITICAL_HALO, CRITICAL_STROKE, RELATION_INFO, RELATION_STROKE } from "./edges/edge-style";
import { EdgeSample } from "./edges/EdgeSample";
import { useEditorSelector } from "./editor-context";
import { CRITICALITY_SCALE, HEAT_SCALE } from "./flow-elements";
import { Glyph } from "./nodes/glyphs";
import { HEAT_FILL, NODE_LOOK, STATUS_BADGE } from "./nodes/node-style";

/** Step outlines at a fifth of their size; the stroke keeps its on-screen weight. */
const MINI_WIDTH = NODE_WIDTH / 5;
const MINI_HEIGHT = NODE_HEIGHT / 5;

function MiniOutline({
  path,
  detail,
  stroke,
  fill = "white",
  halo = false,
}: {
  path: string;
  detail?: string;
  stroke: string;
  fill?: string;
  halo?: boolean;
}) {
  return (
    <svg
      width={MINI_WIDTH}
      height={MINI_HEIGHT}
      viewBox={`0 0 ${NODE_WIDTH} ${NODE_HEIGHT}`}
      className="shrink-0 overflow-visible"
      aria-hidden="true"
    >
      {halo && (
        <path
          d={path}
          fill="none"
          stroke={stroke}
          strokeOpacity={CRITICAL_HALO.opacity}
          strokeWidth={CRITICAL_HALO.width / 2}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <path d={path} fill={fill} stroke={stroke} strokeWidth={halo ? 2.5 : 1.5} vectorEffect="non-scaling-stroke" />
      {detail && <path d={detail} fill="none" stroke={stroke} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />}
    </svg>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-slate-600 uppercase">{children}</h3>;
}

/**
 * What the canvas's shapes, colours and lines mean. Every sample is drawn from the same style
 * tables the steps and connections use, so the legend always matches the canvas.
 */
export const Legend = memo(function Legend({ id, onClose }: { id: string; onClose: () => void }) {
  const criticality = useEditorSelector((e) => e.highlight?.heat === "criticality");
  const headingId = useId();
  const action = NODE_LOOK.ACTION;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
      className="max-h-[calc(100dvh-17rem)] w-80 overflow-y-auto rounded-lg border border-slate-200 bg-white/95 p-3 text-xs text-slate-700 shadow-lg backdrop-blur-sm"
      data-testid="legend"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Legend
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close legend"
          className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <Icon name="x" className="size-4" />
        </button>
      </div>

      <div className="space-y-2.5">
        <div>
          <Heading>Steps</Heading>
          <ul className="grid grid-cols-2 gap-x-3 gap-y-1.5">
            {NODE_TYPES.map((type) => {
              const look = NODE_LOOK[type];
              return (
                <li key={type} className="flex items-center gap-2">
                  <span className="relative flex shrink-0 items-center justify-center">
                    <MiniOutline path={look.path} detail={look.detail} stroke={look.stroke} />
                    <span className={`absolute flex size-3.5 items-center justify-center rounded-sm ${look.chip}`}>
                      <Glyph name={look.glyph} className="size-2.5" strokeWidth={2.5} />
                    </span>
                  </span>
                  {look.name}
                </li>
              );
            })}
          </ul>
        </div>

        <div>
          <Heading>Status</Heading>
          <ul className="flex flex-wrap gap-1">
            {NODE_STATUSES.map((status) => (
              <li key={status} className={`rounded px-1.5 text-[11px] leading-4 font-medium ${STATUS_BADGE[status].className}`}>
                {STATUS_BADGE[status].label}
              </li>
            ))}
          </ul>
        </div>

        <div>
          <Heading>Connections</Heading>
          <ul className="space-y-1">
            {RELATION_TYPES.map((type) => (
              <li key={type} className="flex items-center gap-2">
                <EdgeSample stroke={RELATION_STROKE[type]} />
                <span>
                  <span className="font-medium text-slate-800">{RELATION_INFO[type].name}</span>
                  <span className="text-slate-600"> · {RELATION_INFO[type].hint.toLowerCase()}</span>
                </span>
              </li>
            ))}
            <li className="flex items-center gap-2">
              <span className="w-7 shrink-0 text-center">
                <span className="rounded-full border border-slate-400 px-1 text-[10px] leading-4 font-medium text-slate-600">+2d</span>
              </span>
              <span className="text-slate-600">
                Wait before the next step, or <span className="font-medium text-slate-800">x3</span> rework rounds; click to select
              </span>
            </li>
          </ul>
        </div>

        <div>
          <Heading>Analysis</Heading>
          <ul className="space-y-1">
            <li className="flex items-center gap-2">
              <span className="flex w-7 shrink-0 justify-center">
                <EdgeSample stroke={CRITICAL_STROKE} halo />
              </span>
              <MiniOutline path={action.path} stroke={CRITICAL_STROKE.color} halo />
              <span className="text-slate-600">
                <span className="font-medium text-slate-800">Critical path</span>: sets the lead time
              </span>
            </li>
            <li className="flex items-center gap-2">
              <span className="flex w-7 shrink-0 justify-center text-red-600">
                <Glyph name="flame" className="size-4" />
              </span>
              <span className="text-slate-600">
                <span className="font-medium text-slate-800">Bottleneck</span>: holds up the critical path
              </span>
            </li>
          </ul>
          <p className="mt-2 mb-1 text-slate-600">
            {criticality ? (
              <>
                <span className="font-medium text-slate-800">Criticality heat map</span>: how often the step was on the critical path in the
                simulated runs
              </>
            ) : (
              <>
                <span className="font-medium text-slate-800">Slack heat map</span>: spare time, as a share of the lead time
              </>
            )}
          </p>
          <ul className="grid grid-cols-4 gap-1" data-testid="heat-scale">
            {(criticality ? CRITICALITY_SCALE : HEAT_SCALE).map(({ heat, label }) => (
              <li key={heat} className="flex flex-col items-center gap-0.5 text-center text-[11px] leading-tight text-slate-600">
                <MiniOutline path={action.path} stroke="#94a3b8" fill={HEAT_FILL[heat]} />
                {label}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
});
