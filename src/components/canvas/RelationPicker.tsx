"use client";

import { useEffect, useRef } from "react";
import { RELATION_TYPES, type RelationType } from "~/domain/graph";
import { RELATION_INFO, RELATION_STROKE } from "./edges/edge-style";
import { EdgeSample } from "./edges/EdgeSample";

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
      {RELATION_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          onClick={() => onPick(type)}
          className="flex w-full items-start gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
        >
          <span className="mt-1">
            <EdgeSample stroke={RELATION_STROKE[type]} width={22} />
          </span>
          <span>
            <span className="block text-sm font-medium text-slate-800">{RELATION_INFO[type].name}</span>
            <span className="block text-xs text-slate-600">{RELATION_INFO[type].hint}</span>
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
