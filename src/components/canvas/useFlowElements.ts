"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { layoutMatrix } from "~/domain/matrix";
import type { Axis } from "~/domain/graph";
import type { EditorApi } from "./editor-context";
import { matrixOrder } from "./flow-names";
import {
  activityNodes,
  laneCounts,
  laneNodes,
  nextSelection,
  relationEdges,
  type ActivityCache,
  type EdgeCache,
  type FlowNode,
  type RelationFlowEdge,
} from "./flow-elements";

const ACTIVITY_CACHE: ActivityCache = new WeakMap();
const EDGE_CACHE: EdgeCache = new WeakMap();

type FlowEditor = Pick<EditorApi, "state" | "facts" | "readOnly" | "selection" | "highlight" | "setSelection">;
type Options = { renamingId: string | null; renamingLane: { axis: Axis; id: string } | null };

/**
 * React Flow's nodes and edges, derived from the editor's graph and selection. Drag positions
 * are the only local state: they are applied here frame by frame and dropped as soon as the
 * editor's graph changes (normally because the drop was applied).
 */
export function useFlowElements(editor: FlowEditor, { renamingId, renamingLane }: Options) {
  const { state, facts, readOnly, selection, highlight } = editor;
  const layout = useMemo(
    () => layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() }),
    [state.departments, state.stages, state.nodes],
  );
  const order = useMemo(() => matrixOrder(state.nodes.values(), layout), [state.nodes, layout]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);

  const lanes = useMemo(
    () => laneNodes({ layout, counts: laneCounts(state), readOnly, renamingLane: readOnly ? null : renamingLane }),
    [layout, state, readOnly, renamingLane],
  );
  const steps = useMemo(
    () =>
      activityNodes(
        { layout, order, facts, selected: selectedNodes, readOnly, renamingId: readOnly ? null : renamingId, highlight },
        ACTIVITY_CACHE,
      ),
    [layout, order, facts, selectedNodes, readOnly, renamingId, highlight],
  );
  // Steps first so that Tab reaches them before the lane headers' buttons; the lanes' negative
  // zIndex keeps them drawn underneath whatever their place in the array.
  const base = useMemo<FlowNode[]>(() => [...steps, ...lanes], [lanes, steps]);
  const edges = useMemo(() => relationEdges(state, order, selectedEdges, highlight, EDGE_CACHE), [state, order, selectedEdges, highlight]);

  const [transient, setTransient] = useState({ base, nodes: base });
  let nodes = transient.nodes;
  if (transient.base !== base) {
    setTransient({ base, nodes: base });
    nodes = base;
  }
  const dropTransient = useCallback(() => setTransient({ base, nodes: base }), [base]);

  // React Flow reports node and edge selection in separate calls within one gesture.
  const selectionRef = useRef(selection);
  useLayoutEffect(() => {
    selectionRef.current = selection;
  }, [selection]);
  const { setSelection } = editor;
  const select = useCallback(
    (kind: "nodes" | "edges", changes: readonly { type: string; id?: string; selected?: boolean }[]) => {
      const next = nextSelection(selectionRef.current, kind, changes);
      if (!next) return;
      selectionRef.current = next;
      setSelection(next);
    },
    [setSelection],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      select("nodes", changes);
      const moves = changes.filter((c) => c.type === "position");
      if (moves.length > 0) setTransient((t) => ({ base: t.base, nodes: applyNodeChanges(moves, t.nodes) }));
    },
    [select],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<RelationFlowEdge>[]) => select("edges", changes), [select]);

  return { layout, nodes, edges, onNodesChange, onEdgesChange, dropTransient };
}
