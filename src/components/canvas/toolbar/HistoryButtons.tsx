"use client";

import { useEditorSelector } from "../editor-context";
import { Icon } from "../../ui/Icon";
import { ToolButton } from "./ToolButton";
import { useModKey } from "./useModKey";

export function HistoryButtons() {
  const { undo, redo, canUndo, canRedo } = useEditorSelector((e) => ({
    undo: e.undo,
    redo: e.redo,
    canUndo: e.canUndo,
    canRedo: e.canRedo,
  }));
  const apple = useModKey() === "⌘";
  return (
    <div className="flex items-center gap-0.5">
      <ToolButton label="Undo" shortcut={apple ? "⌘Z" : "Ctrl+Z"} iconOnly onClick={undo} disabled={!canUndo}>
        <Icon name="undo" />
      </ToolButton>
      <ToolButton label="Redo" shortcut={apple ? "⇧⌘Z" : "Ctrl+Shift+Z"} iconOnly onClick={redo} disabled={!canRedo}>
        <Icon name="redo" />
      </ToolButton>
    </div>
  );
}
