"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { useEditorSelector } from "../canvas/editor-context";

/**
 * Centres the canvas on `?step=<nodeId>` (where search results link to) once the step is in
 * the loaded graph, and again whenever the parameter names another step.
 */
export function FocusStepFromUrl() {
  const step = useSearchParams().get("step");
  const { state, focusNode } = useEditorSelector((e) => ({ state: e.state, focusNode: e.focusNode }));
  const present = step !== null && state.nodes.has(step);
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!step || !present || focused.current === step) return;
    focused.current = step;
    focusNode(step);
  }, [step, present, focusNode]);
  return null;
}
