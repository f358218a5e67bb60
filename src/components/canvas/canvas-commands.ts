"use client";

import type { NodeType } from "~/domain/graph";
import type { MatrixLayout, Point } from "~/domain/matrix";
import type { Operation } from "~/domain/operations";
import { addInCellOp, cellMoveOps, createAtOp, deleteOps, nudgeOps } from "./canvas-ops";
import { copyNodes, pasteOps, readClipboard, writeClipboard } from "./clipboard";
import type { EditorApi } from "./editor-context";

const NUDGE = 10;
const FINE_NUDGE = 1;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The parts of a key press the keyboard map reads. */
export type KeyChord = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">;

/** The parts of the editor the commands read and call. */
type CommandEditor = Pick<EditorApi, "state" | "selection" | "readOnly" | "apply" | "setSelection" | "undo" | "redo">;

type CommandOptions = {
  editor: CommandEditor;
  layout: MatrixLayout;
  startRename: (id: string) => void;
};

/** What the palette, double-click and keyboard do to the graph, as editor batches. */
export function canvasCommands({ editor, layout, startRename }: CommandOptions) {
  const { state, selection } = editor;
  const newId = () => crypto.randomUUID();

  const pasteFrom = (clip: ReturnType<typeof copyNodes>) => {
    if (!clip) return false;
    const { ops, nodeIds } = pasteOps(state, layout, clip, { newId });
    if (!editor.apply(ops)) editor.setSelection({ nodes: nodeIds, edges: [] });
    return true;
  };

  /** Creates a step, selects it and opens its name for editing. */
  const create = (op: (id: string) => Operation) => {
    const id = newId();
    if (editor.apply([op(id)])) return;
    editor.setSelection({ nodes: [id], edges: [] });
    startRename(id);
  };

  const commands = {
    /** A new step centred on a canvas point (a double-click or a drop), or the nearest free slot. */
    createAt(point: Point, type: NodeType) {
      create((id) => createAtOp(state, layout, id, type, point));
    },
    /** A palette click: into the selected step's cell, else the cell in the middle of the view. */
    addInCell(viewCentre: Point, type: NodeType) {
      create((id) => addInCellOp(state, layout, id, type, { selected: selection.nodes, viewCentre }));
    },
    deleteSelection() {
      const ops = deleteOps(state, selection);
      if (ops.length === 0) return false;
      if (!editor.apply(ops)) editor.setSelection({ nodes: [], edges: [] });
      return true;
    },
    copy() {
      const clip = copyNodes(state, selection.nodes);
      if (!clip) return false;
      writeClipboard(localStorage, clip);
      return true;
    },
    paste() {
      return pasteFrom(readClipboard(localStorage));
    },
    duplicate() {
      return pasteFrom(copyNodes(state, selection.nodes));
    },
    nudge(dx: number, dy: number) {
      if (selection.nodes.length === 0) return false;
      const ops = nudgeOps(state, layout, selection.nodes, dx, dy);
      if (ops.length > 0) editor.apply(ops);
      return true;
    },
    /** The selected steps to the neighbouring cell, in one undoable batch; nothing at the edge. */
    moveCell(columns: number, rows: number) {
      if (selection.nodes.length === 0) return false;
      const ops = cellMoveOps(state, layout, selection.nodes, columns, rows);
      if (ops.length > 0) editor.apply(ops);
      // Used even at the edge: Alt+Left would otherwise take the browser back a page.
      return true;
    },
  };

  /** The keyboard map; true when the key was used. `onCanvas`: focus is on the canvas (or the page body). */
  const onKey = (event: KeyChord, onCanvas = true): boolean => {
    const mod = event.metaKey || event.ctrlKey;
    const key = event.key.toLowerCase();
    if (!editor.readOnly && mod && key === "z") {
      if (event.shiftKey) editor.redo();
      else editor.undo();
      return true;
    }
    if (!editor.readOnly && mod && key === "y") {
      editor.redo();
      return true;
    }
    // Only undo/redo are page-wide: the rest act on the selection, so Delete on a panel button must not delete a step.
    if (!onCanvas) return false;
    if (event.key === "Escape") {
      if (selection.nodes.length === 0 && selection.edges.length === 0) return false;
      editor.setSelection({ nodes: [], edges: [] });
      return true;
    }
    if (mod && key === "c") return commands.copy();
    if (editor.readOnly) return false;
    if (mod && key === "v") return commands.paste();
    if (mod && key === "d") return commands.duplicate();
    const arrow = ARROWS[event.key];
    if (arrow && event.altKey && !mod && !event.shiftKey) return commands.moveCell(arrow[0], arrow[1]);
    if (mod || event.altKey) return false;
    if (event.key === "Delete" || event.key === "Backspace") return commands.deleteSelection();
    if (arrow) {
      const step = event.shiftKey ? FINE_NUDGE : NUDGE;
      return commands.nudge(arrow[0] * step, arrow[1] * step);
    }
    if (event.key === "F2" && selection.nodes.length === 1) {
      startRename(selection.nodes[0]!);
      return true;
    }
    return false;
  };

  return { ...commands, onKey };
}
