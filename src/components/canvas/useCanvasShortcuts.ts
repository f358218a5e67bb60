"use client";

import { useEffect, type RefObject } from "react";

/**
 * `onCanvas` is true when focus is on the canvas or nowhere in particular; false when it is
 * on some other control of the page (a toolbar or side-panel button, a link).
 */
export type ShortcutHandler = (event: KeyboardEvent, onCanvas: boolean) => boolean;

/** Widgets that own their keys: typing, and open dialogs and menus with their own keyboard. */
const KEEPS_KEYS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog, [role="dialog"], [role="alertdialog"], [role="menu"]';

function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (target instanceof HTMLElement && target.isContentEditable) || target.closest(KEEPS_KEYS) !== null;
}

/**
 * Editor keyboard shortcuts. They listen on the window in the capture phase, so they run
 * before React Flow's own key handling (which would otherwise also move nodes on arrow keys).
 * They reach `handle` wherever focus is on the page (undo right after clicking "Tidy up"
 * must work) except inside a widget that owns its keys; `handle` decides which keys also
 * need focus on the canvas. It returns true when it used the key; a stable `handle` keeps the
 * listener attached.
 */
export function useCanvasShortcuts(scope: RefObject<HTMLElement | null>, handle: ShortcutHandler) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || ownsKeys(event.target)) return;
      const target = event.target as Node | null;
      const onCanvas = target === document.body || (target !== null && scope.current?.contains(target) === true);
      if (handle(event, onCanvas)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [scope, handle]);
}
