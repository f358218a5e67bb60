"use client";

import { useEffect, useId, useRef, useState } from "react";

type MenuProps = {
  /** Content of the trigger button; it is also the button's accessible name. */
  trigger: React.ReactNode;
  triggerClassName?: string;
  triggerTestId?: string;
  align?: "left" | "right";
  label: string;
  children: (close: () => void) => React.ReactNode;
};

const ITEM_SELECTOR = '[role="menuitem"],[role="menuitemradio"]';

function menuItems(root: HTMLElement | null) {
  return Array.from(root?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);
}

/** A menu button (WAI-ARIA pattern): arrows move between items, Esc and outside clicks close it. */
export function Menu({ trigger, triggerClassName = "", triggerTestId, align = "left", label, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const items = () => menuItems(rootRef.current);
  const dismiss = () => setOpen(false);
  const closeAndRefocus = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuItems(rootRef.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!open) return;
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (event.key === "Escape") closeAndRefocus();
    else if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Tab") return setOpen(false);
    else return;
    event.preventDefault();
  };

  return (
    <div ref={rootRef} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={triggerTestId}
        onClick={() => setOpen((v) => !v)}
        className={`inline-flex items-center gap-2 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${triggerClassName}`}
      >
        {trigger}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className={`absolute z-40 mt-2 w-64 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
        >
          {children(dismiss)}
        </div>
      )}
    </div>
  );
}
