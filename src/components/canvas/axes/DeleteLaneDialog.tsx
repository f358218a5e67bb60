"use client";

import { useState } from "react";
import type { Axis, AxisItem } from "~/domain/graph";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { AXIS_NOUN } from "./axis-ops";

const UNASSIGNED = "";

/** Deleting a lane that still holds steps: the person picks where those steps go. */
export function DeleteLaneDialog({
  axis,
  lane,
  count,
  others,
  onCancel,
  onConfirm,
}: {
  axis: Axis;
  lane: AxisItem;
  count: number;
  others: AxisItem[];
  onCancel: () => void;
  onConfirm: (moveNodesTo: string | null) => void;
}) {
  const [target, setTarget] = useState(UNASSIGNED);
  const noun = AXIS_NOUN[axis].toLowerCase();
  const options = [
    ...others.map((o) => ({ value: o.id, label: o.name, color: o.color })),
    { value: UNASSIGNED, label: "Unassigned", color: "#94a3b8" },
  ];
  return (
    <Dialog
      open
      onClose={onCancel}
      title={`Delete ${noun} "${lane.name}"?`}
      description={`${count} ${count === 1 ? "step is" : "steps are"} in this ${noun}. Choose where ${count === 1 ? "it goes" : "they go"}.`}
    >
      <fieldset>
        <legend className="sr-only">Move steps to</legend>
        <div className="max-h-64 space-y-1 overflow-y-auto">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name="move-to"
                value={option.value}
                checked={target === option.value}
                onChange={() => setTarget(option.value)}
                className="accent-brand-600"
              />
              <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: option.color }} />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => onConfirm(target === UNASSIGNED ? null : target)}>
          Delete {noun}
        </Button>
      </div>
    </Dialog>
  );
}
