"use client";

import { memo } from "react";

/** The top-left cell, naming the two axes. */
export const MatrixCorner = memo(function MatrixCorner() {
  return (
    <div className="flex size-full flex-col justify-center border-r border-b border-slate-200 bg-slate-50 px-3 text-[11px] font-medium tracking-wide text-slate-500 uppercase">
      <span>Stages →</span>
      <span>Departments ↓</span>
    </div>
  );
});
