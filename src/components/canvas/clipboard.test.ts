import { describe, expect, it } from "vitest";
import { applyOperations } from "~/domain/apply";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode } from "~/domain/graph";
import { operationSchema } from "~/domain/operations";
import { CLIPBOARD_KEY, PASTE_SHIFT, copyNodes, freeShift, pasteOps, readClipboard, writeClipboard } from "./clipboard";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const lane = (id: string, name: string, position = 0): AxisItem => ({ id, name, color: "#0ea5e9", position });
const node = (id: string, departmentId: string | null, stageId: string | null): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: `Step ${id.slice(-2)}`,
  x: 30,
  y: 40,
  departmentId,
  stageId,
  tools: ["CRM"],
});
const [SALES, INTAKE, A, B, C, E1, E2] = [1, 2, 3, 4, 5, 6, 7].map(uuid) as [string, string, string, string, string, string, string];

const source = toState({
  departments: [lane(SALES, "Sales")],
  stages: [lane(INTAKE, "Intake")],
  nodes: [node(A, SALES, INTAKE), node(B, SALES, INTAKE), node(C, null, INTAKE)],
  edges: [
    { id: E1, sourceId: A, targetId: B, relationType: "REQUIRES", lagTime: "2h", frequency: 0, condition: null },
    { id: E2, sourceId: B, targetId: C, relationType: "REQUIRES", lagTime: null, frequency: 0, condition: null },
  ],
});

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

  it("pastes fresh copies in the same cells, shifted, with the edge between them", () => {
    const { ops, nodeIds } = pasteOps(source, copyNodes(source, [A, B])!, { newId, shift: 24 });
    for (const op of ops) operationSchema.parse(op);
    const next = applyOperations(source, ops).state;
    expect(next.nodes.size).toBe(5);
    const copies = nodeIds.map((id) => next.nodes.get(id)!);
    expect(copies.every((n) => n.departmentId === SALES && n.stageId === INTAKE && n.x === 54 && n.y === 64)).toBe(true);
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
    const { ops, nodeIds } = pasteOps(other, clip, { newId, shift: 0 });
    const pasted = applyOperations(other, ops).state.nodes.get(nodeIds[0]!)!;
    expect(pasted).toMatchObject({ departmentId: uuid(50), stageId: null, label: "Step 03", tools: ["CRM"] });
  });

  it("keeps positions where the spot is free and fans repeated pastes out", () => {
    const clip = copyNodes(source, [A])!;
    expect(freeShift(toState({ departments: [lane(SALES, "Sales")], stages: [lane(INTAKE, "Intake")], nodes: [], edges: [] }), clip)).toBe(0);
    expect(freeShift(source, clip)).toBe(PASTE_SHIFT);
    const once = applyOperations(source, pasteOps(source, clip, { newId, shift: freeShift(source, clip) }).ops).state;
    expect(freeShift(once, clip)).toBe(2 * PASTE_SHIFT);
  });

  it("ignores clipboard contents it did not write", () => {
    const storage = memoryStorage();
    storage.setItem(CLIPBOARD_KEY, "{not json");
    expect(readClipboard(storage)).toBeNull();
    storage.setItem(CLIPBOARD_KEY, JSON.stringify({ version: 1, nodes: [{ label: "x" }], edges: [] }));
    expect(readClipboard(storage)).toBeNull();
  });
});
