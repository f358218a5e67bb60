"use client";

import { useId, useRef } from "react";
import { useStoredFlag } from "../../lib/useStoredFlag";
import { Legend } from "../Legend";
import { Icon } from "../../ui/Icon";
import { ToolButton } from "./ToolButton";

const STORAGE_KEY = "flowmatrix:legend-open";

/**
 * "Legend" toggles a panel that floats just below it over the canvas, and stays open while
 * the person works (it's a reference, not a menu) until toggled or closed; the choice is
 * remembered. The panel follows the button in the tab order; Esc in it closes it.
 */
export function LegendToggle() {
  const [open, setOpen] = useStoredFlag(STORAGE_KEY);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="relative flex items-center border-l border-slate-200 pl-2">
      <ToolButton
        ref={buttonRef}
        label="Legend"
        tip="What the shapes, colours and lines mean"
        aria-pressed={open}
        hideTip={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
        className="aria-pressed:bg-slate-100 aria-pressed:text-slate-900"
      >
        <Icon name="legend" />
        Legend
      </ToolButton>
      {open && (
        <div className="absolute top-full left-2 z-30 mt-2">
          <Legend id={panelId} onClose={close} />
        </div>
      )}
    </div>
  );
}
