"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { HEADER_HEIGHT } from "~/domain/matrix";
import { LaneHeader } from "../axes/LaneHeader";
import type { StageLaneNode } from "../flow-elements";

/** One stage: a header on top and a full-height column, every other one shaded. */
export const StageLane = memo(function StageLane({ data }: NodeProps<StageLaneNode>) {
  const { band, index } = data;
  return (
    <div data-testid={`lane-stage-${band.id ?? "unassigned"}`} className="flex size-full flex-col border-r border-slate-200">
      <LaneHeader
        axis="stage"
        data={data}
        className="flex shrink-0 flex-col justify-center gap-0.5 border-t-4 border-b border-b-slate-200 bg-white px-3"
        style={{ height: HEADER_HEIGHT, borderTopColor: band.color }}
      />
      <div className={`flex-1 ${index % 2 ? "bg-slate-900/[0.025]" : ""}`} />
    </div>
  );
});
