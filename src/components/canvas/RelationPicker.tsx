"use client";

import { useEffect, useRef } from "react";
import type { RelationType } from "~/domain/graph";
import { RELATION_COLOR } from "./flow-elements";

const CHOICES: { type: RelationType; name: string; hint: string; dashed?: boolean }[] = [
  { type: "REQUIRES", name: "Requires", hint: "Starts after this one finishes" },
  { type: "BLOCKS", name: "Blocks", hint: "Cannot start until this is cleared" },
  { type: "FEEDBACK_TO", name: "Feedback to", hint: "Rework loop back to an earlier step", dashed: true },
];

/** Asks which relation a new connection is, next to where it was dropped. */
export function RelationPicker({
  at,
  error,
  onPick,
  onCancel,
}: {
  at: { x: number; y: number };
  error: string | null;
  onPick: (type: RelationType) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector("button")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onCancel();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [onCancel]);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label="Connection type"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="absolute z-20 w-64 rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg"
      style={{ left: at.x, top: at.y }}
    >
      <p className="px-2 pt-1 pb-1.5 text-xs font-medium text-slate-500">Connection type</p>
      {CHOICES.map((choice) => (
        <button
          key={choice.type}
          type="button"
          onClick={() => onPick(choice.type)}
          className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
        >
          <svg width="22" height="10" className="mt-1.5 shrink-0" aria-hidden="true">
            <line x1="1" y1="5" x2="16" y2="5" stroke={RELATION_COLOR[choice.type]} strokeWidth="2" strokeDasharray={choice.dashed ? "4 3" : undefined} />
            <path d="M15 1 L21 5 L15 9 Z" fill={RELATION_COLOR[choice.type]} />
          </svg>
          <span>
            <span className="block text-sm font-medium text-slate-800">{choice.name}</span>
            <span className="block text-xs text-slate-500">{choice.hint}</span>
          </span>
        </button>
      ))}
      {error && (
        <p role="alert" className="mx-1 mt-1 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
