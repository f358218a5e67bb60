"use client";

import { tidy } from "~/domain/tidy";
import { useEditorSelector } from "../editor-context";
import { Icon } from "../../ui/Icon";
import { ToolButton } from "./ToolButton";

/** Auto-layout of the whole matrix or of the selected steps, each one undo step. */
export function TidyButtons() {
  const editor = useEditorSelector((e) => ({ apply: e.apply, readOnly: e.readOnly, selection: e.selection, state: e.state }));
  if (editor.readOnly) return null;
  const run = (onlyIds?: string[]) => {
    const ops = tidy(editor.state, onlyIds);
    if (ops.length > 0) editor.apply(ops);
  };
  const selected = editor.selection.nodes;
  return (
    <div className="flex items-center gap-0.5 border-l border-slate-200 pl-2">
      <ToolButton
        label="Tidy up"
        tip="Line every step up along its dependencies"
        onClick={() => run()}
        disabled={editor.state.nodes.size === 0}
      >
        <Icon name="tidy" />
        <span className="max-sm:sr-only">Tidy up</span>
      </ToolButton>
      {selected.length >= 2 && (
        <ToolButton label="Tidy selection" tip="Line up only the selected steps" onClick={() => run(selected)}>
          Tidy selection
        </ToolButton>
      )}
    </div>
  );
}
