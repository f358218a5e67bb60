"use client";

import { useCanvasActions } from "../canvas-actions";
import { useInlineEdit } from "../useInlineEdit";

/** Inline rename: Enter or leaving the field saves, Esc cancels. */
export function RenameInput({ nodeId, initial }: { nodeId: string; initial: string }) {
  const actions = useCanvasActions();
  const edit = useInlineEdit(initial, (label) => actions.finishRename(nodeId, label));
  return (
    <input
      {...edit}
      aria-label="Step name"
      maxLength={255}
      className="nodrag nopan nowheel min-w-0 flex-1 rounded border border-brand-500 bg-white px-1 text-[13px] leading-5 font-medium text-slate-900 outline-2 outline-brand-500/30"
    />
  );
}
