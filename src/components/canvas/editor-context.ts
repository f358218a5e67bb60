"use client";

import { createContext, useContext, useRef, useSyncExternalStore } from "react";
import type { OperationError } from "~/domain/apply";
import type { Conflict } from "~/domain/conflict";
import type { GraphState, NodeFacts, Severity } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import type { LiveEnvelope } from "~/trpc/react";

export type SaveStatus = "saved" | "saving" | "offline" | "error";

export type Selection = { nodes: string[]; edges: string[] };

/** One event of the live stream (`graph.onChange`), as the server sends it. */
type LiveEvent = LiveEnvelope["data"];

export type Viewer = Extract<LiveEvent, { type: "viewers" }>["viewers"][number];

export type DiffKind = "added" | "removed" | "changed" | "moved";

export type NodeTimes = { es: number; ef: number; ls: number; lf: number; slack: number; critical: boolean };

/**
 * The latest lead-time analysis as the canvas and inspector show it: the critical path
 * (nodes and the tight edges between them) and each node's schedule, with a heat overlay when
 * `heat` names one: each step's slack, or its criticality index from the Monte Carlo runs
 * (the share of runs in which it was critical).
 */
export type Highlight = {
  criticalNodes: ReadonlySet<string>;
  criticalEdges: ReadonlySet<string>;
  times: ReadonlyMap<string, NodeTimes>;
  /** Bottleneck severity per node from the same analysis (fresher than NodeFacts). */
  bottlenecks: ReadonlyMap<string, Severity>;
  showCritical: boolean;
  heat: HeatMode | null;
  criticality: ReadonlyMap<string, number>;
};

export type HeatMode = "slack" | "criticality";

/** What every canvas piece (canvas, inspector, toolbar, palette) reads and calls. */
export type EditorApi = {
  projectId: string;
  /** The graph as the person sees it: server state plus their unsaved edits. */
  state: GraphState;
  /** Server-computed facts per node (duration minutes, ai score, bottleneck, comments). */
  facts: ReadonlyMap<string, NodeFacts>;
  readOnly: boolean;
  selection: Selection;
  setSelection(selection: Selection): void;
  /**
   * Applies a batch at once on screen and queues it for the server; one undo step. Returns
   * the error instead when the batch is invalid (nothing changes then; the error is also
   * shown to the person).
   */
  apply(ops: Operation[]): OperationError | null;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  saveStatus: SaveStatus;
  /** Resends what failed after an error. */
  retry(): void;
  /** The last problem to show (rejected edit, conflict, failed undo), or null. */
  notice: string | null;
  dismissNotice(): void;
  /** My edit that lost to someone else's: shown with "Apply mine" and "Keep theirs". */
  conflict: Conflict | null;
  resolveConflict(choice: "mine" | "theirs"): void;
  viewers: Viewer[];
  /** Asks the canvas to centre on and select a step or a connection, by id (from search, analysis, comments). */
  focusNode(id: string): void;
  focusRequest: { id: string; at: number } | null;
  /** The server revision the confirmed graph is at; analysis refreshes when it moves. */
  revision: number;
  highlight: Highlight | null;
  setHighlight(highlight: Highlight | null): void;
  /**
   * When comparing versions: how each node/edge (by id) differs; removed ones are present
   * in `state` as ghosts. Null while editing.
   */
  diff: ReadonlyMap<string, DiffKind> | null;
};

/**
 * Where the editor's state comes from (the live store, a fixed graph, or a view over another
 * source). Each snapshot is a whole EditorApi; a new one means something changed.
 */
export type EditorSource = Subscribable<EditorApi>;
type Subscribable<S> = { subscribe(listener: () => void): () => void; getSnapshot(): S };

export const EditorContext = createContext<EditorSource | null>(null);

export function useEditorSource(): EditorSource {
  const source = useContext(EditorContext);
  if (!source) throw new Error("The editor is read inside <EditorProvider> (or <StaticEditor>) only");
  return source;
}

/** A source whose snapshots are `map` of another's, computed once per snapshot of it. */
export function mappedSource<S>(source: Subscribable<S>, map: (snapshot: S) => EditorApi): EditorSource {
  let from: S | undefined;
  let to: EditorApi | undefined;
  return {
    subscribe: source.subscribe,
    getSnapshot() {
      const snapshot = source.getSnapshot();
      if (to === undefined || snapshot !== from) {
        from = snapshot;
        to = map(snapshot);
      }
      return to;
    },
  };
}

const noChanges = () => () => {};

const nothing = () => {};

/**
 * The parts of an editor nobody is editing in: no history, nothing to save, retry or resolve,
 * nobody else present. A read-only view (a saved version) and tests spread it.
 */
export const IDLE_EDITOR = {
  undo: nothing,
  redo: nothing,
  canUndo: false,
  canRedo: false,
  saveStatus: "saved",
  retry: nothing,
  notice: null,
  dismissNotice: nothing,
  conflict: null,
  resolveConflict: nothing,
  viewers: [],
} satisfies Partial<EditorApi>;

/** A source that never changes; a new value is a new source. */
export function fixedSource(editor: EditorApi): EditorSource {
  return { subscribe: noChanges, getSnapshot: () => editor };
}

/**
 * Part of the editor; the component re-renders only when that part changes. Results are
 * compared shallowly, so a selector may pick several fields into a new object or array.
 */
export function useEditorSelector<T>(select: (editor: EditorApi) => T): T {
  const source = useEditorSource();
  const last = useRef<{ snapshot: EditorApi; select: (editor: EditorApi) => T; value: T } | null>(null);
  const read = () => {
    const snapshot = source.getSnapshot();
    const cached = last.current;
    if (cached && cached.snapshot === snapshot && cached.select === select) return cached.value;
    const value = select(snapshot);
    last.current = { snapshot, select, value: cached && shallowEqual(cached.value, value) ? cached.value : value };
    return last.current.value;
  };
  return useSyncExternalStore(source.subscribe, read, read);
}

/** Equal, or plain objects (or arrays) with equal entries; a Map or Set is equal only to itself. */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlain(a) || !isPlain(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const entries = Object.entries(a);
  return (
    entries.length === Object.keys(b).length &&
    entries.every(([key, value]) => Object.hasOwn(b, key) && Object.is(value, Reflect.get(b, key)))
  );
}

function isPlain(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype;
}
