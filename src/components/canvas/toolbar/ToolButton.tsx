"use client";

import { useId } from "react";

type ToolButtonProps = React.ComponentProps<"button"> & {
  label: string;
  /** Tooltip text when it should say more than the label. */
  tip?: string;
  shortcut?: string;
  iconOnly?: boolean;
  /** Keeps the tooltip hidden, e.g. while the panel the button opens is showing under it. */
  hideTip?: boolean;
};

/**
 * A toolbar button with a tooltip that also shows on keyboard focus and on disabled buttons
 * (a native title would not), naming the action and its shortcut.
 */
export function ToolButton({
  label,
  tip,
  shortcut,
  iconOnly = false,
  hideTip = false,
  className = "",
  children,
  ...props
}: ToolButtonProps) {
  const tipId = useId();
  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        aria-label={iconOnly ? label : undefined}
        aria-describedby={tipId}
        className={`inline-flex h-8 items-center justify-center gap-1.5 rounded-md text-sm font-medium text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent ${iconOnly ? "w-8" : "px-2.5"} ${className}`}
        {...props}
      >
        {children}
      </button>
      <span
        role="tooltip"
        id={tipId}
        className={`pointer-events-none invisible absolute top-full left-0 z-50 mt-1.5 rounded-md bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white opacity-0 shadow transition-opacity delay-300 group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 ${hideTip ? "hidden" : ""}`}
      >
        {tip ?? label}
        {shortcut && <span className="ml-1.5 text-slate-400">{shortcut}</span>}
      </span>
    </span>
  );
}
