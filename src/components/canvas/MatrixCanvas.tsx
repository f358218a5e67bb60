"use client";

import "@xyflow/react/dist/style.css";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeTypes,
  type FitViewOptions,
  type IsValidConnection,
  type NodeMouseHandler,
  type NodeTypes,
  type OnMove,
  type OnNodeDrag,
  type SelectionDragHandler,
} from "@xyflow/react";
import type { NodeType, RelationType } from "~/domain/graph";
import { NODE_HEIGHT, NODE_WIDTH, absolutePosition } from "~/domain/matrix";
import { useStableCallback } from "../lib/useStableCallback";
import { useFullScreen } from "../project/FullScreen";
import { useLaneEditing } from "./axes/useLaneEditing";
import { CanvasActionsContext, useStableActions } from "./canvas-actions";
import { CanvasMiniMap } from "./CanvasMiniMap";
import { canvasCommands } from "./canvas-commands";
import { createEdgeOp, dropOps, renameOp } from "./canvas-ops";
import { useEditorSelector, type EditorApi } from "./editor-context";
import { RelationEdge } from "./edges/RelationEdge";
import { isActivity, type FlowNode, type RelationFlowEdge } from "./flow-elements";
import { AddLaneButton } from "./lanes/AddLaneButton";
import { DepartmentLane } from "./lanes/DepartmentLane";
import { FrozenHeaders } from "./lanes/FrozenHeaders";
import { MatrixCorner } from "./lanes/MatrixCorner";
import { StageLane } from "./lanes/StageLane";
import { StepNode } from "./nodes/StepNode";
import { Palette, PALETTE_MIME, droppedNodeType } from "./Palette";
import { RelationPicker } from "./RelationPicker";
import { useCanvasShortcuts } from "./useCanvasShortcuts";
import { useCanvasTabOrder } from "./useCanvasTabOrder";
import { useFlowElements } from "./useFlowElements";
import { initialViewport, savedViewport, saveViewport, type Viewport } from "./viewport";

const nodeTypes = {
  trigger: StepNode,
  action: StepNode,
  decision: StepNode,
  artifact: StepNode,
  departmentLane: DepartmentLane,
  stageLane: StageLane,
  addLane: AddLaneButton,
  corner: MatrixCorner,
} satisfies NodeTypes;
const edgeTypes = { relation: RelationEdge } satisfies EdgeTypes;

/** Past this many steps only what is on screen is rendered. */
const LARGE_GRAPH = 300;
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
/** "Fit view" never zooms in past 100 %. */
const FIT_VIEW: FitViewOptions = { padding: { top: "16px", right: "24px", bottom: "56px", left: "24px" }, maxZoom: 1, minZoom: MIN_ZOOM };
/** Focusing a step zooms in at least this far, over this long. */
const FOCUS_ZOOM = 0.9;
const FOCUS_MS = 400;
/** The relation picker opens this far from the drop point and keeps this much room inside the canvas (its w-64 and height, plus a margin). */
const PICKER_OFFSET = 8;
const PICKER_ROOM = { width: 272, height: 220 };
const isValidConnection: IsValidConnection<RelationFlowEdge> = (c) => c.source !== c.target;

/** What the canvas reads and calls: not presence, notices, save status or undo availability, so those do not re-render it. */
const canvasPart = (e: EditorApi) => ({
  projectId: e.projectId,
  state: e.state,
  facts: e.facts,
  readOnly: e.readOnly,
  selection: e.selection,
  highlight: e.highlight,
  focusRequest: e.focusRequest,
  setSelection: e.setSelection,
  apply: e.apply,
  undo: e.undo,
  redo: e.redo,
  dismissNotice: e.dismissNotice,
});

type PendingConnection = { source: string; target: string; at: { x: number; y: number }; error: string | null };

/** The project's matrix canvas: lanes, steps and connections, edited through the editor store. */
export function MatrixCanvas({ className = "" }: { className?: string }) {
  const sizeRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // The opening view depends on the canvas's size, so React Flow mounts once that is known
  // (before the first paint, so nothing flashes at the wrong zoom).
  useLayoutEffect(() => {
    const rect = sizeRef.current?.getBoundingClientRect();
    if (rect) setSize({ width: rect.width, height: rect.height });
  }, []);
  if (!size) return <div ref={sizeRef} className={`h-full w-full bg-slate-50 ${className}`} />;
  return (
    <ReactFlowProvider>
      <CanvasFlow className={className} size={size} />
    </ReactFlowProvider>
  );
}

function CanvasFlow({ className, size }: { className: string; size: { width: number; height: number } }) {
  const editor = useEditorSelector(canvasPart);
  const { state, readOnly } = editor;
  const flow = useReactFlow<FlowNode, RelationFlowEdge>();
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const connecting = useRef<Connection | null>(null);
  const lanes = useLaneEditing(editor);
  const { layout, nodes, edges, onNodesChange, onEdgesChange, dropTransient } = useFlowElements(editor, {
    renamingId,
    renamingLane: lanes.renamingLane,
  });
  const fullScreen = useFullScreen();
  const [opening] = useState<Viewport>(
    () => savedViewport(localStorage, editor.projectId) ?? initialViewport(layout, state.nodes.values(), size),
  );
  const commands = useMemo(() => canvasCommands({ editor, layout, startRename: setRenamingId }), [editor, layout]);
  const toFlow = (clientX: number, clientY: number) => flow.screenToFlowPosition({ x: clientX, y: clientY });

  // Handlers that something holds on to (React Flow's props, the window's key listener, the
  // nodes' actions) keep their identity and run the latest render's code: a new identity
  // would re-render every node on every frame of a drag.
  const onShortcut = useStableCallback((event: KeyboardEvent, onCanvas: boolean) => {
    if (onCanvas && event.key === "Escape" && pending) {
      setPending(null);
      return true;
    }
    if (event.key.toLowerCase() === "f" && !event.metaKey && !event.ctrlKey && !event.altKey) {
      fullScreen.toggle();
      return true;
    }
    if (commands.onKey(event, onCanvas)) return true;
    if (event.key === "Escape" && fullScreen.on) {
      fullScreen.toggle();
      return true;
    }
    return false;
  });
  useCanvasShortcuts(wrapperRef, onShortcut);
  useCanvasTabOrder(wrapperRef);

  const actions = useStableActions({
    finishRename: (id, label) => {
      setRenamingId(null);
      const node = state.nodes.get(id);
      const op = node && label !== null ? renameOp(node, label) : null;
      if (op) editor.apply([op]);
    },
    ...lanes.actions,
  });

  const focusOn = useStableCallback((id: string) => {
    const edge = state.edges.get(id);
    const ends = (edge ? [edge.sourceId, edge.targetId] : [id]).map((n) => state.nodes.get(n)).filter((n) => n !== undefined);
    if (ends.length === 0) return;
    // A connection is centred between its two ends.
    const centres = ends.map((n) => absolutePosition(layout, n));
    const x = centres.reduce((sum, c) => sum + c.x, 0) / centres.length + NODE_WIDTH / 2;
    const y = centres.reduce((sum, c) => sum + c.y, 0) / centres.length + NODE_HEIGHT / 2;
    void flow.setCenter(x, y, { zoom: Math.max(flow.getZoom(), FOCUS_ZOOM), duration: FOCUS_MS });
    editor.setSelection(edge ? { nodes: [], edges: [id] } : { nodes: [id], edges: [] });
  });
  const { focusRequest } = editor;
  useEffect(() => {
    if (focusRequest) focusOn(focusRequest.id);
  }, [focusRequest, focusOn]);

  const onDragStop = (dragged: FlowNode[]) => {
    const ops = dropOps(
      state,
      layout,
      dragged.filter(isActivity).map((n) => ({ id: n.id, position: n.position })),
    );
    dropTransient();
    if (ops.length > 0) editor.apply(ops);
  };
  const onNodeDragStop = useStableCallback<Parameters<OnNodeDrag<FlowNode>>, void>((_event, _node, dragged) => onDragStop(dragged));
  const onSelectionDragStop = useStableCallback<Parameters<SelectionDragHandler<FlowNode>>, void>((_event, dragged) => onDragStop(dragged));

  const onNodeDoubleClick = useStableCallback<Parameters<NodeMouseHandler<FlowNode>>, void>((event, node) => {
    if (readOnly) return;
    if (isActivity(node)) setRenamingId(node.id);
    else if (node.type === "departmentLane" || node.type === "stageLane") commands.createAt(toFlow(event.clientX, event.clientY), "ACTION");
  });
  const onNodeClick = useStableCallback<Parameters<NodeMouseHandler<FlowNode>>, void>((event, node) => {
    const modified = event.shiftKey || event.metaKey || event.ctrlKey;
    if (!isActivity(node) && !modified) editor.setSelection({ nodes: [], edges: [] });
  });

  const onConnect = useStableCallback((connection: Connection) => {
    connecting.current = connection;
  });
  const onConnectEnd = useStableCallback((event: MouseEvent | TouchEvent) => {
    const connection = connecting.current;
    connecting.current = null;
    const rect = wrapperRef.current?.getBoundingClientRect();
    if (!connection || !rect) return;
    const point = "changedTouches" in event ? event.changedTouches[0]! : event;
    const at = {
      x: Math.min(point.clientX - rect.left + PICKER_OFFSET, rect.width - PICKER_ROOM.width),
      y: Math.min(point.clientY - rect.top + PICKER_OFFSET, rect.height - PICKER_ROOM.height),
    };
    setPending({ source: connection.source, target: connection.target, at, error: null });
  });
  const pickRelation = (type: RelationType) => {
    if (!pending) return;
    const error = editor.apply([createEdgeOp(crypto.randomUUID(), pending.source, pending.target, type)]);
    // The picker shows the reason next to the choice, so the banner would only repeat it.
    if (error) editor.dismissNotice();
    setPending(error ? { ...pending, error: error.message } : null);
  };
  const cancelConnection = useStableCallback(() => setPending(null));
  // Only views people chose are remembered; programmatic moves (focusing a step) are not.
  const onMoveEnd = useStableCallback<Parameters<OnMove>, void>((event, viewport) => {
    if (event) saveViewport(localStorage, editor.projectId, viewport);
  });

  const addInView = (type: NodeType) => {
    const rect = wrapperRef.current?.getBoundingClientRect();
    if (rect) commands.addInCell(toFlow(rect.left + rect.width / 2, rect.top + rect.height / 2), type);
  };

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div
        ref={wrapperRef}
        data-testid="matrix-canvas"
        className={`relative h-full w-full bg-slate-50 ${className}`}
        onDragOver={(event) => {
          if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDrop={(event) => {
          const type = readOnly ? null : droppedNodeType(event);
          if (!type) return;
          event.preventDefault();
          commands.createAt(toFlow(event.clientX, event.clientY), type);
        }}
      >
        {!readOnly && (
          // Before the flow in the DOM, so Tab reaches it right after the toolbar.
          <div className="pointer-events-none absolute inset-x-0 bottom-2 z-10 flex justify-center">
            <div className="pointer-events-auto">
              <Palette onAdd={addInView} />
            </div>
          </div>
        )}
        <ReactFlow<FlowNode, RelationFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onSelectionDragStop={onSelectionDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onNodeClick={onNodeClick}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          // On touch screens a connection is two taps: the source handle, then the target's.
          onClickConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={false}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements={state.nodes.size > LARGE_GRAPH}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          defaultViewport={opening}
          onMoveEnd={onMoveEnd}
          // Trackpads: two-finger scroll pans, pinch and Ctrl/Cmd+wheel zoom.
          panOnScroll
          panOnScrollSpeed={1}
          zoomOnScroll={false}
          zoomOnPinch
        >
          <FrozenHeaders layout={layout} />
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
          <CanvasMiniMap layout={layout} />
        </ReactFlow>
        {pending && <RelationPicker at={pending.at} error={pending.error} onPick={pickRelation} onCancel={cancelConnection} />}
      </div>
      {lanes.dialog}
    </CanvasActionsContext.Provider>
  );
}
