"use client";

import { createContext, useContext } from "react";
import type { OperationError } from "~/domain/apply";
import type { Conflict } from "~/domain/conflict";
import type { GraphState, NodeFacts, Severity } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import type { LiveEnvelope } from "~/trpc/react";

export type SaveStatus = "saved" | "saving" | "offline" | "error";

export type Selection = { nodes: string[]; edges: string[] };

/** One event of the live stream (`graph.onChange`), as the server sends it. */
export type LiveEvent = LiveEnvelope["data"];

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

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor must be used inside <EditorProvider>");
  return editor;
}
