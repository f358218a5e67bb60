"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { LABEL_WIDTH } from "~/domain/matrix";
import { LaneHeader } from "../axes/LaneHeader";
import type { DepartmentLaneNode } from "../flow-elements";

/** One department: a full-width band tinted with its colour, its name in the label column. */
export const DepartmentLane = memo(function DepartmentLane({ data }: NodeProps<DepartmentLaneNode>) {
  const { band, index } = data;
  return (
    <div
      data-testid={`lane-department-${band.id ?? "unassigned"}`}
      className="flex size-full border-b border-slate-200"
      style={{ backgroundColor: `${band.color}${index % 2 ? "12" : "0a"}` }}
    >
      <LaneHeader
        axis="department"
        data={data}
        className="flex h-full shrink-0 flex-col gap-1 border-r border-l-4 border-r-slate-200 bg-white/85 px-3 py-3"
        style={{ width: LABEL_WIDTH, borderLeftColor: band.color }}
      />
    </div>
  );
});
