"use client";

import { useEffect, useRef, useState } from "react";
import { useCanvasActions } from "../canvas-actions";

/** Inline rename: Enter or leaving the field saves, Esc cancels. */
export function RenameInput({ nodeId, initial }: { nodeId: string; initial: string }) {
  const actions = useCanvasActions();
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (label: string | null) => {
    if (done.current) return;
    done.current = true;
    actions.finishRename(nodeId, label);
  };

  return (
    <input
      ref={ref}
      aria-label="Step name"
      value={value}
      maxLength={255}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={() => finish(value)}
      className="nodrag nopan nowheel min-w-0 flex-1 rounded border border-brand-500 bg-white px-1 text-[13px] leading-5 font-medium text-slate-900 outline-2 outline-brand-500/30"
    />
  );
}
