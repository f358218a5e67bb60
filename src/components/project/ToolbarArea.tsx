"use client";

import { useMemo } from "react";
import { EditorContext, useEditor } from "../canvas/editor-context";
import { EditorToolbar } from "../canvas/toolbar/EditorToolbar";
import { useVersionView } from "../versions/VersionViewContext";
import { FullScreenButton } from "./FullScreen";

/** The toolbar; while a version is being viewed or compared, its editing actions rest. */
export function ToolbarArea() {
  const editor = useEditor();
  const { view } = useVersionView();
  const resting = useMemo(
    () => (view ? { ...editor, readOnly: true, canUndo: false, canRedo: false, apply: () => null } : editor),
    [editor, view],
  );
  return (
    <EditorContext.Provider value={resting}>
      <EditorToolbar end={<FullScreenButton />} />
    </EditorContext.Provider>
  );
}
