"use client";

import { memo } from "react";
import { useStore, type ReactFlowState } from "@xyflow/react";
import { HEADER_HEIGHT, LABEL_WIDTH, type MatrixLayout } from "~/domain/matrix";

/** Below these sizes a pinned name would not fit, whatever the zoom. */
const MIN_LABEL_WIDTH = 112;
const MIN_HEADER_HEIGHT = 30;

const transformOf = (s: ReactFlowState) => s.transform;

/**
 * The stage header row and the department label column, pinned to the canvas's top and left
 * edges once panning would carry them out of view, like frozen panes in a spreadsheet: each
 * band's name stays lined up with its band, so every step's row and column stay named.
 * Purely visual; the lane nodes underneath keep the menus and editing.
 */
export const FrozenHeaders = memo(function FrozenHeaders({ layout }: { layout: MatrixLayout }) {
  const [tx, ty, zoom] = useStore(transformOf);
  const top = ty < 0;
  const left = tx < 0;
  if (!top && !left) return null;
  const width = Math.max(LABEL_WIDTH * zoom, MIN_LABEL_WIDTH);
  const height = Math.max(HEADER_HEIGHT * zoom, MIN_HEADER_HEIGHT);
  // A band half under the pinned corner still shows its name, in the part that is in view.
  const inset = (start: number, covered: number) => Math.max(0, covered - start);
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0 z-[4] overflow-hidden" data-testid="frozen-headers">
      {top && (
        <div
          className="absolute inset-x-0 top-0 border-b border-slate-300 bg-white shadow-sm"
          style={{ height }}
          data-testid="frozen-stages"
        >
          {layout.columns.map((c) => (
            <div
              key={c.id ?? "unassigned"}
              className="absolute top-0 flex h-full items-center gap-1.5 overflow-hidden border-r border-slate-200 px-2 text-xs font-semibold text-slate-800"
              style={{
                left: tx + c.x * zoom,
                width: c.width * zoom,
                paddingLeft: 8 + inset(tx + c.x * zoom, left ? width : 0),
                borderTop: `3px solid ${c.color}`,
              }}
            >
              <span className="truncate">{c.name}</span>
            </div>
          ))}
        </div>
      )}
      {left && (
        <div
          className="absolute inset-y-0 left-0 border-r border-slate-300 bg-white shadow-sm"
          style={{ width }}
          data-testid="frozen-departments"
        >
          {layout.rows.map((r) => (
            <div
              key={r.id ?? "unassigned"}
              className="absolute left-0 flex w-full items-start overflow-hidden border-b border-slate-200 px-2 py-1.5 text-xs font-semibold text-slate-800"
              style={{
                top: ty + r.y * zoom,
                height: r.height * zoom,
                paddingTop: 6 + inset(ty + r.y * zoom, top ? height : 0),
                borderLeft: `3px solid ${r.color}`,
              }}
            >
              <span className="line-clamp-3 break-words">{r.name}</span>
            </div>
          ))}
        </div>
      )}
      <div
        className="absolute border-r border-b border-slate-300 bg-slate-50"
        style={{
          left: left ? 0 : tx,
          top: top ? 0 : ty,
          width: left ? width : LABEL_WIDTH * zoom,
          height: top ? height : HEADER_HEIGHT * zoom,
        }}
      />
    </div>
  );
});
