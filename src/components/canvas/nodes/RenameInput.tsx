"use client";

import { useCanvasActions } from "../canvas-actions";
import { useInlineEdit } from "../useInlineEdit";

/**
 * Inline rename: Enter or leaving the field saves, Esc cancels. Enter and Esc hand focus back
 * to the step, so a keyboard user carries on from it rather than from the top of the page.
 */
export function RenameInput({ nodeId, initial }: { nodeId: string; initial: string }) {
  const actions = useCanvasActions();
  const edit = useInlineEdit(initial, (label) => actions.finishRename(nodeId, label));
  return (
    <input
      {...edit}
      onKeyDown={(event) => {
        // The edit finishes first, so the blur this focus causes cannot save a cancelled name.
        edit.onKeyDown(event);
        if (event.key === "Enter" || event.key === "Escape")
          event.currentTarget.closest<HTMLElement>(".react-flow__node")?.focus({ preventScroll: true });
      }}
      aria-label="Step name"
      maxLength={255}
      className="nodrag nopan nowheel min-w-0 flex-1 rounded border border-brand-500 bg-white px-1 text-[13px] leading-5 font-medium text-slate-900 outline-2 outline-brand-500/30"
    />
  );
}
