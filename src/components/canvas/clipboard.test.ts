import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode, type GraphState } from "~/domain/graph";
import { NODE_HEIGHT, NODE_WIDTH, layoutMatrix } from "~/domain/matrix";
import { operationSchema } from "~/domain/operations";
import { overlaps } from "~/domain/tidy";
import { CLIPBOARD_KEY, PASTE_SHIFT, copyNodes, freeShift, pasteOps, readClipboard, writeClipboard, type ClipboardData } from "./clipboard";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const lane = (id: string, name: string, position = 0): AxisItem => ({ id, name, color: "#0ea5e9", position });
const node = (id: string, departmentId: string | null, stageId: string | null, x = 30, y = 40): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: `Step ${id.slice(-2)}`,
  x,
  y,
  departmentId,
  stageId,
  tools: ["CRM"],
});
const [SALES, INTAKE, A, B, C, E1, E2] = [1, 2, 3, 4, 5, 6, 7].map(uuid) as [string, string, string, string, string, string, string];

const source = toState({
  departments: [lane(SALES, "Sales")],
  stages: [lane(INTAKE, "Intake")],
  nodes: [node(A, SALES, INTAKE), node(B, SALES, INTAKE, 30, 160), node(C, null, INTAKE)],
  edges: [
    { id: E1, sourceId: A, targetId: B, relationType: "REQUIRES", lagTime: "2h", lagWorking: false, frequency: 0, condition: null },
    { id: E2, sourceId: B, targetId: C, relationType: "REQUIRES", lagTime: null, lagWorking: false, frequency: 0, condition: null },
  ],
});

const layoutOf = (state: GraphState) =>
  layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });
const paste = (state: GraphState, clip: ClipboardData) => pasteOps(state, layoutOf(state), clip, { newId });
const box = (n: GraphNode) => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT });

/** Pairs of steps drawn over each other (same cell, boxes overlapping). */
function overlapping(state: GraphState): string[] {
  const nodes = [...state.nodes.values()];
  return nodes.flatMap((a, i) =>
    nodes
      .slice(i + 1)
      .filter((b) => a.departmentId === b.departmentId && a.stageId === b.stageId && overlaps(box(a), box(b)))
      .map((b) => `${a.label}/${b.label}`),
  );
}

let counter = 100;
const newId = () => uuid(counter++);

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe("copy and paste", () => {
  it("copies the nodes and only the edges between them", () => {
    const clip = copyNodes(source, [A, B])!;
    expect(clip.nodes.map((n) => n.id)).toEqual([A, B]);
    expect(clip.edges.map((e) => e.id)).toEqual([E1]);
    expect(copyNodes(source, ["nope"])).toBeNull();
  });

  it("pastes fresh copies in the same cells, shifted as a group clear of the originals, with the edge between them", () => {
    const { ops, nodeIds } = paste(source, copyNodes(source, [A, B])!);
    for (const op of ops) operationSchema.parse(op);
    const next = applyOperations(source, ops).state;
    expect(next.nodes.size).toBe(5);
    const [a, b] = nodeIds.map((id) => next.nodes.get(id)!) as [GraphNode, GraphNode];
    expect([a, b].every((n) => n.departmentId === SALES && n.stageId === INTAKE)).toBe(true);
    expect(a.x - 30).toBe(a.y - 40);
    expect((a.x - 30) % PASTE_SHIFT).toBe(0);
    expect({ x: b.x - a.x, y: b.y - a.y }).toEqual({ x: 0, y: 120 });
    expect(overlapping(next)).toEqual([]);
    const edge = [...next.edges.values()].find((e) => e.sourceId === nodeIds[0]);
    expect(edge).toMatchObject({ targetId: nodeIds[1], lagTime: "2h" });
  });

  it("matches lanes of another project by name, else leaves the copy unassigned", () => {
    const other = toState({
      departments: [lane(uuid(50), "sales")],
      stages: [lane(uuid(51), "Review")],
      nodes: [],
      edges: [],
    });
    const storage = memoryStorage();
    writeClipboard(storage, copyNodes(source, [A])!);
    const clip = readClipboard(storage)!;
    const { ops, nodeIds } = paste(other, clip);
    const pasted = applyOperations(other, ops).state.nodes.get(nodeIds[0]!)!;
    expect(pasted).toMatchObject({ departmentId: uuid(50), stageId: null, label: "Step 03", tools: ["CRM"], x: 30, y: 40 });
  });

  it("keeps positions where the spot is free and fans repeated pastes out without overlaps", () => {
    const lanes = { departments: [lane(SALES, "Sales")], stages: [lane(INTAKE, "Intake")], edges: [] };
    const clip = copyNodes(source, [A])!;
    const empty = toState({ ...lanes, nodes: [] });
    expect(freeShift(empty, layoutOf(empty), clip)).toBe(0);
    const one = toState({ ...lanes, nodes: [node(A, SALES, INTAKE)] });
    // The copy clears the original once it has moved down a whole step.
    expect(freeShift(one, layoutOf(one), clip)).toBe(Math.ceil(NODE_HEIGHT / PASTE_SHIFT) * PASTE_SHIFT);
    let state = one;
    for (let i = 0; i < 4; i++) state = applyOperations(state, paste(state, clip).ops).state;
    expect(state.nodes.size).toBe(5);
    expect(overlapping(state)).toEqual([]);
  });

  it("moves copies that fall into one cell here apart from each other", () => {
    const two = toState({
      departments: [lane(SALES, "Sales")],
      stages: [lane(INTAKE, "Intake"), lane(uuid(52), "Review", 1)],
      nodes: [node(A, SALES, INTAKE), node(B, SALES, uuid(52))],
      edges: [],
    });
    const other = toState({ departments: [lane(uuid(50), "Sales")], stages: [], nodes: [], edges: [] });
    const { ops, nodeIds } = paste(other, copyNodes(two, [A, B])!);
    const next = applyOperations(other, ops).state;
    expect(nodeIds.map((id) => next.nodes.get(id)!.stageId)).toEqual([null, null]);
    expect(next.nodes.get(nodeIds[0]!)).toMatchObject({ x: 30, y: 40 });
    expect(overlapping(next)).toEqual([]);
  });

  it("ignores clipboard contents it did not write", () => {
    const storage = memoryStorage();
    storage.setItem(CLIPBOARD_KEY, "{not json");
    expect(readClipboard(storage)).toBeNull();
    storage.setItem(CLIPBOARD_KEY, JSON.stringify({ version: 1, nodes: [{ label: "x" }], edges: [] }));
    expect(readClipboard(storage)).toBeNull();
  });
});
