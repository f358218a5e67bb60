"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { Icon } from "../../ui/Icon";
import { useCanvasActions } from "../canvas-actions";
import type { AddLaneNode } from "../flow-elements";

/** "Add stage" after the last column, "Add department" under the last row. */
export const AddLaneButton = memo(function AddLaneButton({ data }: NodeProps<AddLaneNode>) {
  const actions = useCanvasActions();
  const noun = data.axis === "stage" ? "stage" : "department";
  return (
    <button
      type="button"
      onClick={() => actions.addLane(data.axis)}
      onDoubleClick={(e) => e.stopPropagation()}
      className="nodrag nopan flex size-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-slate-300 bg-white/70 text-sm font-medium text-slate-500 hover:border-brand-500 hover:bg-brand-50 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <Icon name="plus" className="size-4" />
      Add {noun}
    </button>
  );
});
