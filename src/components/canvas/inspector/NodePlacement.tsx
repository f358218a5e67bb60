"use client";

import { useMemo, useState } from "react";
import type { AxisItem, GraphNode } from "~/domain/graph";
import { UNASSIGNED_NAME, layoutMatrix } from "~/domain/matrix";
import { SelectField } from "../../ui/SelectField";
import { moveToCellOp } from "../canvas-ops";
import { useEditorSelector } from "../editor-context";

/** Unassigned is the empty value: a select cannot hold null. */
const UNASSIGNED = "";
const byPosition = (a: AxisItem, b: AxisItem) => a.position - b.position || a.id.localeCompare(b.id);

/** Department and Stage selects: the keyboard's way to move a step to another cell. */
export function NodePlacement({ node }: { node: GraphNode }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, state: e.state }));
  const { state } = editor;
  const [error, setError] = useState<string | null>(null);
  const layout = useMemo(
    () => layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() }),
    [state.departments, state.stages, state.nodes],
  );
  const departments = useMemo(() => [...state.departments.values()].sort(byPosition), [state.departments]);
  const stages = useMemo(() => [...state.stages.values()].sort(byPosition), [state.stages]);
  // A lane deleted elsewhere leaves the step drawn in Unassigned; the selects say the same.
  const departmentId = node.departmentId && state.departments.has(node.departmentId) ? node.departmentId : null;
  const stageId = node.stageId && state.stages.has(node.stageId) ? node.stageId : null;

  const move = (to: { departmentId: string | null; stageId: string | null }) => {
    const op = moveToCellOp(state, layout, node, to.departmentId, to.stageId);
    setError(op ? (editor.apply([op])?.message ?? null) : null);
  };
  const lane = (value: string) => (value === UNASSIGNED ? null : value);

  return (
    <div className="space-y-1.5">
      {/* One per row: lane names such as "IT & Engineering" do not fit half of the panel. */}
      <div className="space-y-3">
        <SelectField
          label="Department"
          value={departmentId ?? UNASSIGNED}
          onChange={(e) => move({ departmentId: lane(e.target.value), stageId })}
        >
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          <option value={UNASSIGNED}>{UNASSIGNED_NAME}</option>
        </SelectField>
        <SelectField label="Stage" value={stageId ?? UNASSIGNED} onChange={(e) => move({ departmentId, stageId: lane(e.target.value) })}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={UNASSIGNED}>{UNASSIGNED_NAME}</option>
        </SelectField>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
