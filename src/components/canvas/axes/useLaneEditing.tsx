"use client";

import { useState } from "react";
import type { Axis } from "~/domain/graph";
import type { EditorApi } from "../editor-context";
import { addAxisOp, axisItems, deleteAxisOp, nodesInLane, reorderAxisOps, updateAxisOp } from "./axis-ops";
import { DeleteLaneDialog } from "./DeleteLaneDialog";

type LaneRef = { axis: Axis; id: string };

/** Lane editing on the canvas: add, rename, recolour, reorder and delete (with its dialog). */
export function useLaneEditing(editor: Pick<EditorApi, "state" | "readOnly" | "apply">) {
  const [renamingLane, setRenamingLane] = useState<LaneRef | null>(null);
  const [deleting, setDeleting] = useState<LaneRef | null>(null);
  const { state } = editor;
  const itemOf = (axis: Axis, id: string) => (axis === "department" ? state.departments : state.stages).get(id);

  const actions = {
    startLaneRename: (axis: Axis, id: string) => setRenamingLane({ axis, id }),
    finishLaneRename: (axis: Axis, id: string, name: string | null) => {
      setRenamingLane(null);
      const item = itemOf(axis, id);
      const op = item && name !== null ? updateAxisOp(axis, item, { name }) : null;
      if (op) editor.apply([op]);
    },
    recolorLane: (axis: Axis, id: string, color: string) => {
      const item = itemOf(axis, id);
      const op = item ? updateAxisOp(axis, item, { color }) : null;
      if (op) editor.apply([op]);
    },
    /** Moves a lane so it sits before the lane now at `beforeIndex`. */
    moveLane: (axis: Axis, id: string, beforeIndex: number) => {
      const from = axisItems(state, axis).findIndex((item) => item.id === id);
      if (from < 0) return;
      const ops = reorderAxisOps(state, axis, id, beforeIndex > from ? beforeIndex - 1 : beforeIndex);
      if (ops.length > 0) editor.apply(ops);
    },
    deleteLane: (axis: Axis, id: string) => {
      if (nodesInLane(state, axis, id) > 0) setDeleting({ axis, id });
      else editor.apply([deleteAxisOp(axis, id, null)]);
    },
    addLane: (axis: Axis) => {
      const id = crypto.randomUUID();
      if (!editor.apply([addAxisOp(state, axis, id)])) setRenamingLane({ axis, id });
    },
  };

  const lane = deleting && itemOf(deleting.axis, deleting.id);
  const dialog =
    deleting && lane ? (
      <DeleteLaneDialog
        axis={deleting.axis}
        lane={lane}
        count={nodesInLane(state, deleting.axis, deleting.id)}
        others={axisItems(state, deleting.axis).filter((item) => item.id !== deleting.id)}
        onCancel={() => setDeleting(null)}
        onConfirm={(moveNodesTo) => {
          setDeleting(null);
          editor.apply([deleteAxisOp(deleting.axis, deleting.id, moveNodesTo)]);
        }}
      />
    ) : null;

  return { actions, renamingLane: editor.readOnly ? null : renamingLane, dialog };
}
