"use client";

import { createContext, useContext } from "react";
import type { DiffKind } from "~/domain/diff";

/**
 * How each node and edge differs, for the compare canvas; the same map as `editor.diff`.
 * A context of its own because steps and edges read it: the editor context changes with
 * every edit, this one never changes while editing (it is null), so a big map stays fast.
 */
export const DiffContext = createContext<ReadonlyMap<string, DiffKind> | null>(null);

export function useDiffKind(id: string): DiffKind | null {
  return useContext(DiffContext)?.get(id) ?? null;
}

export const DIFF_COLOR: Record<DiffKind, string> = {
  added: "#16a34a",
  removed: "#dc2626",
  changed: "#d97706",
  moved: "#4f46e5",
};

export const DIFF_WORD: Record<DiffKind, string> = { added: "New", removed: "Removed", changed: "Changed", moved: "Moved" };

/** Badge classes per kind, for lists and the canvas markers. */
export const DIFF_BADGE: Record<DiffKind, string> = {
  added: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  removed: "bg-red-50 text-red-700 ring-red-200",
  changed: "bg-amber-50 text-amber-800 ring-amber-200",
  moved: "bg-indigo-50 text-indigo-700 ring-indigo-200",
};
