"use client";

import { useCallback, useMemo, useState } from "react";
import type { DiffKind } from "~/domain/diff";
import { toState, type GraphSnapshot, type NodeFacts } from "~/domain/graph";
import { EditorContext, fixedSource, IDLE_EDITOR, type Selection } from "../canvas/editor-context";
import { DiffContext } from "./diff-style";

const NO_FACTS: ReadonlyMap<string, NodeFacts> = new Map();
const nothing = () => {};

/**
 * An editor context over a fixed graph: the canvas, lists and focus work as usual, every
 * edit is a no-op. Lets the look-back and compare views reuse <MatrixCanvas /> as it is.
 */
export function StaticEditor({
  projectId,
  graph,
  revision,
  diff,
  children,
}: {
  projectId: string;
  graph: GraphSnapshot;
  revision: number;
  diff: ReadonlyMap<string, DiffKind> | null;
  children: React.ReactNode;
}) {
  const state = useMemo(() => toState(graph), [graph]);
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const [focusRequest, setFocusRequest] = useState<{ id: string; at: number } | null>(null);
  const focusNode = useCallback(
    (id: string) => {
      setFocusRequest({ id, at: Date.now() });
      setSelection(state.edges.has(id) ? { nodes: [], edges: [id] } : { nodes: [id], edges: [] });
    },
    [state],
  );
  const source = useMemo(
    () =>
      fixedSource({
        projectId,
        state,
        facts: NO_FACTS,
        readOnly: true,
        selection,
        setSelection,
        apply: () => null,
        ...IDLE_EDITOR,
        focusNode,
        focusRequest,
        revision,
        highlight: null,
        setHighlight: nothing,
        diff,
      }),
    [projectId, state, selection, focusNode, focusRequest, revision, diff],
  );
  return (
    <EditorContext.Provider value={source}>
      <DiffContext.Provider value={diff}>{children}</DiffContext.Provider>
    </EditorContext.Provider>
  );
}
