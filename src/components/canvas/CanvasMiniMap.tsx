"use client";

import { useState, useSyncExternalStore } from "react";
import { MiniMap, Panel, useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import type { MatrixLayout } from "~/domain/matrix";
import { minimapColor } from "./minimap";

const STORAGE_KEY = "flowmatrix:minimap";

/** Whether the whole matrix is on screen, in which case a map of it would only cover steps. */
const fitsInView = (layout: MatrixLayout) => (s: ReactFlowState) => {
  const [tx, ty, zoom] = s.transform;
  return tx >= 0 && ty >= 0 && tx + layout.width * zoom <= s.width && ty + layout.height * zoom <= s.height;
};

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

/**
 * The overview map, offered only while part of the matrix is off screen. It starts folded
 * away so it never sits on steps unasked; opened, clicking or dragging in it moves the view,
 * and the choice is remembered.
 */
export function CanvasMiniMap({ layout }: { layout: MatrixLayout }) {
  const flow = useReactFlow();
  const fits = useStore(fitsInView(layout));
  const stored = useSyncExternalStore(
    subscribeStorage,
    () => localStorage.getItem(STORAGE_KEY),
    () => null,
  );
  const [open, setOpen] = useState<boolean | null>(null);
  const shown = open ?? stored === "open";
  if (fits) return null;
  const toggle = () => {
    const next = !shown;
    setOpen(next);
    localStorage.setItem(STORAGE_KEY, next ? "open" : "closed");
  };
  return (
    <>
      <Panel position="bottom-right" className="!m-2 !mb-2">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={shown}
          aria-label={shown ? "Hide the map" : "Show the map"}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          {shown ? "Hide map" : "Map"}
        </button>
      </Panel>
      {shown && (
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          ariaLabel="Mini map"
          className="!bottom-9 !m-2"
          onClick={(_event, at) => void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 250 })}
        />
      )}
    </>
  );
}
