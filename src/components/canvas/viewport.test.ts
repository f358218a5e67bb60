import { describe, expect, it } from "vitest";
import type { AxisItem } from "~/domain/graph";
import { HEADER_HEIGHT, LABEL_WIDTH, layoutMatrix } from "~/domain/matrix";
import { initialViewport, OPEN_ZOOM, READABLE_ZOOM, savedViewport, saveViewport } from "./viewport";

const axis = (prefix: string, n: number): AxisItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix}${i}`, color: "#123456", position: i }));
const at = (departmentId: string, stageId: string) => ({ departmentId, stageId, x: 24, y: 24 });

describe("initialViewport", () => {
  it("fits a small matrix whole", () => {
    const layout = layoutMatrix({ departments: axis("d", 2), stages: axis("s", 2), nodes: [] });
    const view = initialViewport(layout, [at("d0", "s0")], { width: 1200, height: 800 });
    expect(view.zoom).toBe(1);
    expect(view.x + layout.width * view.zoom).toBeLessThanOrEqual(1200);
    expect(view.y + layout.height * view.zoom).toBeLessThanOrEqual(800);
  });

  it("opens a big matrix at a readable zoom on its top-left occupied cells", () => {
    const layout = layoutMatrix({ departments: axis("d", 6), stages: axis("s", 8), nodes: [] });
    const nodes = [at("d2", "s5"), at("d4", "s3"), at("d5", "s7")];
    const view = initialViewport(layout, nodes, { width: 1000, height: 600 });
    expect(view.zoom).toBe(OPEN_ZOOM);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Row d2 starts right under the pinned header row, column s3 right of the pinned label column.
    expect(layout.rows[2]!.y * view.zoom + view.y).toBeCloseTo(HEADER_HEIGHT * view.zoom);
    expect(layout.columns[3]!.x * view.zoom + view.x).toBeCloseTo(LABEL_WIDTH * view.zoom);
  });

  it("keeps the matrix corner in view when the first cell is occupied", () => {
    const layout = layoutMatrix({ departments: axis("d", 6), stages: axis("s", 8), nodes: [] });
    const view = initialViewport(layout, [at("d0", "s0")], { width: 1000, height: 600 });
    expect(view).toEqual({ x: 16, y: 16, zoom: OPEN_ZOOM });
  });

  it("fits an empty matrix however small it gets, since no label is shown", () => {
    const layout = layoutMatrix({ departments: axis("d", 6), stages: axis("s", 8), nodes: [] });
    const view = initialViewport(layout, [], { width: 1000, height: 600 });
    expect(view.zoom).toBeLessThan(READABLE_ZOOM);
    expect(view.x + layout.width * view.zoom).toBeLessThanOrEqual(1000);
  });
});

describe("saved viewports", () => {
  it("round-trips per project and ignores anything malformed", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveViewport(storage, "p1", { x: 1, y: 2, zoom: 0.9 });
    expect(savedViewport(storage, "p1")).toEqual({ x: 1, y: 2, zoom: 0.9 });
    expect(savedViewport(storage, "p2")).toBeNull();
    store.set("flowmatrix:viewport:p3", "{not json");
    store.set("flowmatrix:viewport:p4", JSON.stringify({ x: 1, y: 2, zoom: 0 }));
    expect(savedViewport(storage, "p3")).toBeNull();
    expect(savedViewport(storage, "p4")).toBeNull();
  });
});
