"use client";

import { useState } from "react";
import type { Axis } from "~/domain/graph";
import type { MatrixColumn, MatrixRow } from "~/domain/matrix";
import { DepartmentCalendarDialog } from "../../calendars/DepartmentCalendarDialog";
import { useCanvasActions } from "../canvas-actions";
import { useEditorSelector } from "../editor-context";
import type { LaneData } from "../flow-elements";
import { AXIS_NOUN } from "./axis-ops";
import { LaneColor } from "./LaneColor";
import { LaneMenu } from "./LaneMenu";
import { LaneName } from "./LaneName";

const laneMime = (axis: Axis) => `application/x-flowmatrix-${axis}`;
type Side = "before" | "after";

const DROP_LINE: Record<Axis, Record<Side, string>> = {
  stage: { before: "shadow-[inset_3px_0_0_var(--color-brand-500)]", after: "shadow-[inset_-3px_0_0_var(--color-brand-500)]" },
  department: { before: "shadow-[inset_0_3px_0_var(--color-brand-500)]", after: "shadow-[inset_0_-3px_0_var(--color-brand-500)]" },
};

/**
 * A lane's title block (stage header or department label): colour, name, step count and a
 * menu. Editable lanes can be dragged onto another lane's header to reorder.
 */
export function LaneHeader({
  axis,
  data,
  className,
  style,
}: {
  axis: Axis;
  data: LaneData<MatrixRow | MatrixColumn>;
  className: string;
  style: React.CSSProperties;
}) {
  const actions = useCanvasActions();
  const [dropSide, setDropSide] = useState<Side | null>(null);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const projectId = useEditorSelector((e) => e.projectId);
  const { band, index, count, readOnly, renaming } = data;
  const id = band.id;
  const noun = AXIS_NOUN[axis];
  const editable = !readOnly && id !== null;
  const [back, forward] = axis === "stage" ? ["left", "right"] : ["up", "down"];

  const sideOf = (event: React.DragEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const before = axis === "stage" ? event.clientX < rect.left + rect.width / 2 : event.clientY < rect.top + rect.height / 2;
    return before ? "before" : "after";
  };

  const dragProps = editable
    ? {
        draggable: true,
        onDragStart: (event: React.DragEvent) => {
          event.dataTransfer.setData(laneMime(axis), id);
          event.dataTransfer.effectAllowed = "move";
        },
        onDragOver: (event: React.DragEvent) => {
          if (!event.dataTransfer.types.includes(laneMime(axis))) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          setDropSide(sideOf(event));
        },
        onDragLeave: () => setDropSide(null),
        onDrop: (event: React.DragEvent) => {
          const dragged = event.dataTransfer.getData(laneMime(axis));
          setDropSide(null);
          if (!dragged) return;
          event.preventDefault();
          event.stopPropagation();
          actions.moveLane(axis, dragged, sideOf(event) === "before" ? index : index + 1);
        },
      }
    : {};

  return (
    <div
      {...dragProps}
      className={`${className} ${editable ? "nodrag nopan cursor-grab active:cursor-grabbing" : ""} ${dropSide ? DROP_LINE[axis][dropSide] : ""}`}
      style={style}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <div className={`flex min-w-0 gap-2 ${axis === "department" ? "items-start" : "items-center"}`}>
        <span className={`flex ${axis === "department" ? "mt-1" : ""}`}>
          <LaneColor
            color={band.color}
            name={band.name}
            editable={editable}
            onChange={(color) => id && actions.recolorLane(axis, id, color)}
          />
        </span>
        <LaneName
          name={band.name}
          noun={noun}
          renaming={renaming}
          onStart={editable ? () => actions.startLaneRename(axis, id) : undefined}
          onFinish={(name) => id && actions.finishLaneRename(axis, id, name)}
          wrap={axis === "department"}
          className={`min-w-0 flex-1 text-sm font-semibold ${id === null ? "text-slate-500 italic" : "text-slate-800"}`}
        />
        {editable && !renaming && (
          <LaneMenu
            label={`Options for ${noun.toLowerCase()} ${band.name}`}
            items={[
              { label: "Rename", onSelect: () => actions.startLaneRename(axis, id) },
              { label: `Move ${back}`, onSelect: () => actions.moveLane(axis, id, index - 1), disabled: index === 0 },
              { label: `Move ${forward}`, onSelect: () => actions.moveLane(axis, id, index + 2) },
              ...(axis === "department" ? [{ label: "Working calendar…", onSelect: () => setCalendarOpen(true) }] : []),
              { label: `Delete ${noun.toLowerCase()}`, onSelect: () => actions.deleteLane(axis, id), danger: true },
            ]}
          />
        )}
        {axis === "department" && id !== null && (
          <DepartmentCalendarDialog
            projectId={projectId}
            departmentId={id}
            name={band.name}
            open={calendarOpen}
            onClose={() => setCalendarOpen(false)}
          />
        )}
      </div>
      <span className="text-xs text-slate-500 tabular-nums">
        {count} {count === 1 ? "step" : "steps"}
      </span>
    </div>
  );
}
