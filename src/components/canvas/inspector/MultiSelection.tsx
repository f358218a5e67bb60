"use client";

import { plural } from "../../lib/format";
import { deleteOps } from "../canvas-ops";
import { Button } from "../../ui/Button";
import { Icon } from "../../ui/Icon";
import { useEditorSelector } from "../editor-context";

export function selectionSummary(nodes: number, edges: number): string {
  if (nodes === 0) return `${plural(edges, "connection")} selected`;
  if (edges === 0) return `${plural(nodes, "step")} selected`;
  return `${plural(nodes, "step")} and ${plural(edges, "connection")} selected`;
}

function deleteLabel(nodes: number, edges: number): string {
  if (nodes > 0 && edges > 0) return "Delete selection";
  return `Delete ${nodes > 0 ? plural(nodes, "step") : plural(edges, "connection")}`;
}

/** Several things selected: a count and one undoable delete for all of them. */
export function MultiSelection({ nodes, edges }: { nodes: string[]; edges: string[] }) {
  const editor = useEditorSelector((e) => ({ apply: e.apply, readOnly: e.readOnly, setSelection: e.setSelection, state: e.state }));
  const remove = () => {
    if (!editor.apply(deleteOps(editor.state, { nodes, edges }))) editor.setSelection({ nodes: [], edges: [] });
  };

  return (
    <div className="space-y-4 px-4 py-5">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{selectionSummary(nodes.length, edges.length)}</h2>
        <p className="mt-1 text-sm text-slate-500">
          {editor.readOnly
            ? "Select a single step to see its details."
            : "Select a single step to edit it, or move and tidy them together."}
        </p>
      </div>
      {!editor.readOnly && (
        <Button variant="dangerOutline" size="sm" onClick={remove}>
          <Icon name="trash" className="size-4" />
          {deleteLabel(nodes.length, edges.length)}
        </Button>
      )}
    </div>
  );
}
