import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode, type GraphState } from "~/domain/graph";
import { layoutMatrix } from "~/domain/matrix";
import type { Operation } from "~/domain/operations";
import { canvasCommands, type KeyChord } from "./canvas-commands";
import { IDLE_EDITOR, type EditorApi, type Selection } from "./editor-context";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [SALES, INTAKE, REVIEW, A, B] = [1, 2, 3, 4, 5].map(uuid) as [string, string, string, string, string];
const lane = (id: string, position: number): AxisItem => ({ id, name: id, color: "#0ea5e9", position });
const node = (id: string, stageId: string): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: id,
  x: 30,
  y: 40,
  departmentId: SALES,
  stageId,
});

const state = toState({
  departments: [lane(SALES, 0)],
  stages: [lane(INTAKE, 0), lane(REVIEW, 1)],
  nodes: [node(A, INTAKE), node(B, REVIEW)],
  edges: [],
});
const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
const nothing = () => {};

/** The commands over a fixed graph, recording every batch they apply. */
function commandsWith(selection: Selection, readOnly = false) {
  const batches: Operation[][] = [];
  const editor: EditorApi = {
    projectId: uuid(99),
    state: state satisfies GraphState,
    facts: new Map(),
    readOnly,
    selection,
    setSelection: nothing,
    apply: (ops) => {
      batches.push(ops);
      return null;
    },
    ...IDLE_EDITOR,
    focusNode: nothing,
    focusRequest: null,
    revision: 0,
    highlight: null,
    setHighlight: nothing,
    diff: null,
  };
  return { batches, commands: canvasCommands({ editor, layout, startRename: nothing }) };
}

const press = (key: string, mods: Partial<KeyChord> = {}): KeyChord => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe("Alt+arrow keys", () => {
  it("move the selection to the neighbouring stage in one batch", () => {
    const { batches, commands } = commandsWith({ nodes: [A], edges: [] });
    expect(commands.onKey(press("ArrowRight", { altKey: true }))).toBe(true);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([expect.objectContaining({ op: "updateNode", id: A, set: expect.objectContaining({ stageId: REVIEW }) })]);
  });

  it("swallow the key at the edge of the matrix without changing anything", () => {
    const { batches, commands } = commandsWith({ nodes: [A], edges: [] });
    expect(commands.onKey(press("ArrowLeft", { altKey: true }))).toBe(true);
    expect(commands.onKey(press("ArrowDown", { altKey: true }))).toBe(true);
    expect(batches).toEqual([]);
  });

  it("leave the key alone with nothing selected, or read-only", () => {
    expect(commandsWith({ nodes: [], edges: [] }).commands.onKey(press("ArrowRight", { altKey: true }))).toBe(false);
    const viewer = commandsWith({ nodes: [A], edges: [] }, true);
    expect(viewer.commands.onKey(press("ArrowRight", { altKey: true }))).toBe(false);
    expect(viewer.batches).toEqual([]);
  });

  it("plain arrows still nudge inside the cell", () => {
    const { batches, commands } = commandsWith({ nodes: [A], edges: [] });
    expect(commands.onKey(press("ArrowDown"))).toBe(true);
    expect(batches).toEqual([[{ op: "updateNode", id: A, set: { y: 50 }, expect: { y: 40 } }]]);
  });
});

describe("palette clicks", () => {
  it("add the step to the selected step's cell, clear of it", () => {
    const { batches, commands } = commandsWith({ nodes: [B], edges: [] });
    commands.addInCell({ x: 0, y: 0 }, "ACTION");
    expect(batches[0]).toEqual([{ op: "createNode", node: expect.objectContaining({ type: "ACTION", stageId: REVIEW, x: 24 }) }]);
    const created = batches[0]![0]!;
    // B sits off the slot grid, at y 40: the new step goes right below it, a gap apart.
    expect(created.op === "createNode" && created.node.y).toBe(40 + 88 + 24);
  });
});
