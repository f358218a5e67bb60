"use client";

import { useEffect, type RefObject } from "react";
import { useReactFlow } from "@xyflow/react";
import { nextStop, tabSequence } from "./tab-order";

const TABBABLE = "a[href], button, input, select, textarea, [tabindex]";
const STEP = ".react-flow__node";
const CONNECTION = ".react-flow__edge[tabindex]";

type Stop = HTMLElement | SVGElement;

function sequenceIn(root: HTMLElement): Stop[] {
  const stops = [...root.querySelectorAll<Stop>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.matches(":disabled") && !el.closest("[inert]"),
  );
  return tabSequence(stops, (el) => el.matches(STEP), [...root.querySelectorAll<SVGElement>(CONNECTION)]);
}

/**
 * Tab and Shift+Tab inside the canvas follow tabSequence (connections right after the steps).
 * Focus moves without the browser scrolling the canvas's overflow-hidden box, which would
 * shift the whole drawing; React Flow pans to a focused step itself, and a connection whose
 * middle is off screen is brought into view here.
 */
export function useCanvasTabOrder(scope: RefObject<HTMLElement | null>) {
  const flow = useReactFlow();
  useEffect(() => {
    const root = scope.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Tab" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const next = nextStop<EventTarget | null>(sequenceIn(root), event.target, event.shiftKey);
      if (!(next instanceof HTMLElement || next instanceof SVGElement)) return;
      event.preventDefault();
      next.focus({ preventScroll: true });
      if (next.matches(CONNECTION)) revealConnection(next);
    };
    const revealConnection = (edge: Element) => {
      const box = edge.getBoundingClientRect();
      const view = root.getBoundingClientRect();
      const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      if (middle.x >= view.left && middle.x <= view.right && middle.y >= view.top && middle.y <= view.bottom) return;
      const at = flow.screenToFlowPosition(middle);
      void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 200 });
    };
    root.addEventListener("keydown", onKeyDown);
    return () => root.removeEventListener("keydown", onKeyDown);
  }, [scope, flow]);
}
