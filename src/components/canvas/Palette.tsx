"use client";

import { NODE_TYPES, type NodeType } from "~/domain/graph";
import { Glyph } from "./nodes/glyphs";
import { NODE_LOOK } from "./nodes/node-style";

export const PALETTE_MIME = "application/x-flowmatrix-node-type";

export function droppedNodeType(event: React.DragEvent): NodeType | null {
  const type = event.dataTransfer.getData(PALETTE_MIME);
  return (NODE_TYPES as readonly string[]).includes(type) ? (type as NodeType) : null;
}

/** Step types to drag onto a cell; a click adds one to the cell in the middle of the view. */
export function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  return (
    <div
      role="toolbar"
      aria-label="Add steps"
      aria-orientation="horizontal"
      className="flex items-center gap-0.5 rounded-lg border border-slate-200 bg-white p-1 shadow-md"
    >
      <p className="hidden px-1.5 text-[11px] font-medium tracking-wide text-slate-600 uppercase sm:block">Add</p>
      {NODE_TYPES.map((type) => {
        const look = NODE_LOOK[type];
        return (
          <button
            key={type}
            type="button"
            draggable
            aria-label={`Add ${look.name}`}
            title={`Drag onto a cell to add a ${look.name.toLowerCase()} step, or click to add one in view`}
            onDragStart={(event) => {
              event.dataTransfer.setData(PALETTE_MIME, type);
              event.dataTransfer.effectAllowed = "copy";
            }}
            onClick={() => onAdd(type)}
            className="flex cursor-grab items-center gap-2 rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 active:cursor-grabbing"
          >
            <span className={`flex size-6 items-center justify-center rounded-md ${look.chip}`}>
              <Glyph name={look.glyph} className="size-3.5" />
            </span>
            <span className="hidden sm:inline">{look.name}</span>
          </button>
        );
      })}
    </div>
  );
}
