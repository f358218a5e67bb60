"use client";

import { useState } from "react";
import { formatMinutes } from "~/domain/duration";
import type { Flow, Segment } from "~/domain/flow";
import { useEditorSelector } from "../canvas/editor-context";

/** Below this share of the bar a segment is drawn this wide anyway, so every step stays visible. */
const MIN_SEGMENT_PX = 3;

const keyOf = (g: Segment, i: number) => `${i}:${g.kind === "step" ? g.nodeId : (g.edgeId ?? g.toId)}`;
const targetOf = (g: Segment) => (g.kind === "step" ? g.nodeId : (g.edgeId ?? g.toId));
const isWaiting = (g: Segment) => g.kind === "wait" || g.external;

/**
 * The critical path as a value-stream timeline: work segments on the lower rail, waits on the
 * upper one, each as wide as its share of the time; below, the same segments as a labelled
 * list. Hovering either one highlights its twin; choosing one focuses it on the canvas.
 */
export function TimelineLadder({ flow }: { flow: Flow }) {
  const editor = useEditorSelector((e) => ({ focusNode: e.focusNode, state: e.state }));
  const [hovered, setHovered] = useState<string | null>(null);
  const total = flow.ladder.reduce((sum, g) => sum + g.minutes, 0);
  const label = (id: string) => editor.state.nodes.get(id)?.label ?? "Deleted step";
  const describe = (g: Segment) =>
    g.kind === "wait"
      ? `Wait ${formatMinutes(g.minutes)} before “${label(g.toId)}”`
      : `“${label(g.nodeId)}” ${formatMinutes(g.minutes)}${g.external ? " (external: waited for)" : ""}`;

  if (flow.ladder.length === 0) return null;
  return (
    <section aria-label="Timeline of the critical path">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Timeline of the critical path</h3>
      <div className="flex h-9 w-full gap-px" data-testid="timeline-ladder" aria-hidden>
        {flow.ladder.map((g, i) => {
          const key = keyOf(g, i);
          const waiting = isWaiting(g);
          return (
            <button
              key={key}
              type="button"
              tabIndex={-1}
              title={describe(g)}
              onMouseEnter={() => setHovered(key)}
              onMouseLeave={() => setHovered(null)}
              onClick={() => editor.focusNode(targetOf(g))}
              className="flex h-full flex-col"
              style={{ flexGrow: total > 0 ? g.minutes / total : 1, flexBasis: 0, minWidth: MIN_SEGMENT_PX }}
            >
              <span className={`h-1/2 w-full rounded-t-sm ${waiting ? (hovered === key ? "bg-amber-500" : "bg-amber-300") : ""}`} />
              <span className={`h-1/2 w-full rounded-b-sm ${waiting ? "" : hovered === key ? "bg-brand-700" : "bg-brand-500"}`} />
            </button>
          );
        })}
      </div>
      <p className="mt-1.5 flex flex-wrap gap-x-3 text-xs text-slate-600 tabular-nums" data-testid="timeline-totals">
        <span>
          <span className="mr-1 inline-block size-2 rounded-sm bg-brand-500 align-middle" />
          work {formatMinutes(flow.processMinutes)}
        </span>
        <span>
          <span className="mr-1 inline-block size-2 rounded-sm bg-amber-300 align-middle" />
          waiting {formatMinutes(flow.waitingMinutes)}
        </span>
        <span>= {formatMinutes(flow.processMinutes + flow.waitingMinutes)}</span>
      </p>
      <ol className="mt-2 space-y-0.5" aria-label="Critical path, step by step">
        {flow.ladder.map((g, i) => {
          const key = keyOf(g, i);
          const waiting = isWaiting(g);
          return (
            <li key={key}>
              <button
                type="button"
                onClick={() => editor.focusNode(targetOf(g))}
                onMouseEnter={() => setHovered(key)}
                onMouseLeave={() => setHovered(null)}
                onFocus={() => setHovered(key)}
                onBlur={() => setHovered(null)}
                className={`flex w-full items-baseline justify-between gap-2 rounded-md px-2 py-1 text-left text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none ${
                  hovered === key ? "bg-slate-100" : "hover:bg-slate-50"
                } ${g.kind === "wait" ? "pl-5 text-amber-800" : "text-slate-800"}`}
              >
                <span className="min-w-0 truncate">
                  {g.kind === "wait" ? (
                    <>waits{condition(editor.state.edges.get(g.edgeId ?? "")?.condition)}</>
                  ) : (
                    <>
                      <span className={waiting ? "text-amber-800" : "font-medium"}>{label(g.nodeId)}</span>
                      {g.external && <span className="ml-1 text-xs text-amber-800">external</span>}
                    </>
                  )}
                </span>
                <span className={`shrink-0 text-xs tabular-nums ${waiting ? "text-amber-800" : "text-slate-600"}`}>
                  {formatMinutes(g.minutes)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function condition(text: string | null | undefined) {
  return text ? <span className="text-amber-700">: {text}</span> : null;
}
