"use client";

import { useMemo } from "react";
import { EditorContext, mappedSource, useEditorSource } from "../canvas/editor-context";
import { EditorToolbar } from "../canvas/toolbar/EditorToolbar";
import { useVersionView } from "../versions/VersionViewContext";
import { FullScreenButton } from "./FullScreen";

const noEdit = () => null;

/** The toolbar; while a version is being viewed or compared, its editing actions rest. */
export function ToolbarArea() {
  const source = useEditorSource();
  const { view } = useVersionView();
  const resting = useMemo(
    () =>
      view ? mappedSource(source, (editor) => ({ ...editor, readOnly: true, canUndo: false, canRedo: false, apply: noEdit })) : source,
    [source, view],
  );
  return (
    <EditorContext.Provider value={resting}>
      <EditorToolbar end={<FullScreenButton />} />
    </EditorContext.Provider>
  );
}
