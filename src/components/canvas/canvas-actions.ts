"use client";

import { createContext, useContext, useMemo } from "react";
import type { Axis } from "~/domain/graph";
import { useLatest } from "../lib/useStableCallback";

/**
 * What nodes and lanes inside the flow can ask the canvas to do. The value never changes
 * identity, so thousands of memoised nodes can use it without re-rendering on every edit.
 */
export type CanvasActions = {
  /** label null cancels the rename. */
  finishRename(nodeId: string, label: string | null): void;
  startLaneRename(axis: Axis, id: string): void;
  finishLaneRename(axis: Axis, id: string, name: string | null): void;
  recolorLane(axis: Axis, id: string, color: string): void;
  /** Moves a lane so it sits before the lane now at `beforeIndex`. */
  moveLane(axis: Axis, id: string, beforeIndex: number): void;
  deleteLane(axis: Axis, id: string): void;
  addLane(axis: Axis): void;
};

export const CanvasActionsContext = createContext<CanvasActions | null>(null);

export function useCanvasActions(): CanvasActions {
  const actions = useContext(CanvasActionsContext);
  if (!actions) throw new Error("useCanvasActions must be used inside <MatrixCanvas>");
  return actions;
}

/** A CanvasActions value of stable identity that always runs the latest implementation. */
export function useStableActions(impl: CanvasActions): CanvasActions {
  const latest = useLatest(impl);
  return useMemo<CanvasActions>(
    () => ({
      finishRename: (nodeId, label) => latest.current.finishRename(nodeId, label),
      startLaneRename: (axis, id) => latest.current.startLaneRename(axis, id),
      finishLaneRename: (axis, id, name) => latest.current.finishLaneRename(axis, id, name),
      recolorLane: (axis, id, color) => latest.current.recolorLane(axis, id, color),
      moveLane: (axis, id, beforeIndex) => latest.current.moveLane(axis, id, beforeIndex),
      deleteLane: (axis, id) => latest.current.deleteLane(axis, id),
      addLane: (axis) => latest.current.addLane(axis),
    }),
    [latest],
  );
}
