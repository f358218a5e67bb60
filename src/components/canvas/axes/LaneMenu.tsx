"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Glyph } from "../nodes/glyphs";

export type LaneMenuItem = { label: string; onSelect: () => void; danger?: boolean; disabled?: boolean };

const ITEM =
  "flex w-full items-center px-3 py-1.5 text-left text-sm hover:bg-slate-50 focus:bg-slate-100 focus:outline-none disabled:pointer-events-none disabled:opacity-40";

/**
 * A menu button whose list is portalled to the page: inside the flow it would be scaled by the
 * zoom and stacked under the steps.
 */
export function LaneMenu({ label, items }: { label: string; items: LaneMenuItem[] }) {
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const open = anchor !== null;

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setAnchor(null);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setAnchor(null);
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const list = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []);
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown") list[(index + 1) % list.length]?.focus();
    else if (event.key === "ArrowUp") list[(index - 1 + list.length) % list.length]?.focus();
    else if (event.key === "Tab") setAnchor(null);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={() => setAnchor(open ? null : buttonRef.current!.getBoundingClientRect())}
        className="nodrag nopan rounded p-0.5 text-slate-400 hover:bg-slate-900/5 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <Glyph name="dots" className="size-4" strokeWidth={3} />
      </button>
      {anchor &&
        createPortal(
          <div
            ref={menuRef}
            role="menu"
            aria-label={label}
            onKeyDown={onKeyDown}
            className="fixed z-50 w-48 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
            style={{ top: anchor.bottom + 4, left: Math.max(8, anchor.right - 192) }}
          >
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                onClick={() => {
                  setAnchor(null);
                  item.onSelect();
                }}
                className={`${ITEM} ${item.danger ? "text-red-600" : "text-slate-700"}`}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
