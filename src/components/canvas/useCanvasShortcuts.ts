"use client";

import { useEffect, type RefObject } from "react";

export type ShortcutHandler = (event: KeyboardEvent) => boolean;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Canvas keyboard shortcuts. They listen on the window in the capture phase, so they run
 * before React Flow's own key handling (which would otherwise also move nodes on arrow keys),
 * and only when focus is on the canvas or nowhere in particular, never while typing.
 * `handle` returns true when it used the key.
 */
export function useCanvasShortcuts(scope: RefObject<HTMLElement | null>, handle: RefObject<ShortcutHandler>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      const target = event.target as Node | null;
      if (target !== document.body && !(target && scope.current?.contains(target))) return;
      if (handle.current(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [scope, handle]);
}
