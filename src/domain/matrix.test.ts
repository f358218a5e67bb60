import { describe, expect, it } from "vitest";
import type { AxisItem } from "./graph";
import {
  CELL_PADDING,
  HEADER_HEIGHT,
  LABEL_WIDTH,
  MIN_CELL_HEIGHT,
  MIN_CELL_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  absolutePosition,
  cellAt,
  cellRect,
  layoutMatrix,
} from "./matrix";

const axis = (id: string, position: number, name = id): AxisItem => ({ id, name, color: "#123456", position });
const sales = axis("sales", 0, "Sales");
const ops = axis("ops", 1, "Ops");
const intake = axis("intake", 0, "Intake");
const review = axis("review", 1, "Review");
const place = (departmentId: string | null, stageId: string | null, x = CELL_PADDING, y = CELL_PADDING) => ({
  departmentId,
  stageId,
  x,
  y,
});

describe("layoutMatrix", () => {
  it("lays bands out in position order after the label column and header row", () => {
    const layout = layoutMatrix({ departments: [ops, sales], stages: [review, intake], nodes: [] });
    expect(layout.rows.map((r) => r.id)).toEqual(["sales", "ops"]);
    expect(layout.columns.map((c) => c.id)).toEqual(["intake", "review"]);
    expect(layout.columns[0]).toMatchObject({ x: LABEL_WIDTH, width: MIN_CELL_WIDTH, name: "Intake" });
    expect(layout.columns[1]!.x).toBe(LABEL_WIDTH + MIN_CELL_WIDTH);
    expect(layout.rows[0]).toMatchObject({ y: HEADER_HEIGHT, height: MIN_CELL_HEIGHT });
    expect(layout.width).toBe(LABEL_WIDTH + 2 * MIN_CELL_WIDTH);
    expect(layout.height).toBe(HEADER_HEIGHT + 2 * MIN_CELL_HEIGHT);
  });

  it("adds Unassigned bands only for unplaced nodes or an empty axis", () => {
    const placed = layoutMatrix({ departments: [sales], stages: [intake], nodes: [place("sales", "intake")] });
    expect(placed.rows.map((r) => r.id)).toEqual(["sales"]);
    expect(placed.columns.map((c) => c.id)).toEqual(["intake"]);

    const loose = layoutMatrix({ departments: [sales], stages: [intake], nodes: [place(null, "intake"), place("sales", null)] });
    expect(loose.rows.map((r) => r.id)).toEqual(["sales", null]);
    expect(loose.columns.map((c) => c.id)).toEqual(["intake", null]);
    expect(loose.rows.at(-1)!.name).toBe("Unassigned");

    const bare = layoutMatrix({ departments: [], stages: [], nodes: [] });
    expect(bare.rows.map((r) => r.id)).toEqual([null]);
    expect(bare.columns.map((c) => c.id)).toEqual([null]);
  });

  it("treats a node whose lane no longer exists as unassigned", () => {
    const layout = layoutMatrix({ departments: [sales], stages: [intake], nodes: [place("gone", "intake")] });
    expect(layout.rows.map((r) => r.id)).toEqual(["sales", null]);
  });

  it("grows a band to fit its furthest node and pushes later bands along", () => {
    const layout = layoutMatrix({
      departments: [sales, ops],
      stages: [intake, review],
      nodes: [place("sales", "intake", 500, 30), place("ops", "review", 30, 400)],
    });
    expect(layout.columns[0]!.width).toBe(500 + NODE_WIDTH + CELL_PADDING);
    expect(layout.columns[1]!.x).toBe(LABEL_WIDTH + 500 + NODE_WIDTH + CELL_PADDING);
    expect(layout.columns[1]!.width).toBe(MIN_CELL_WIDTH);
    expect(layout.rows[0]!.height).toBe(MIN_CELL_HEIGHT);
    expect(layout.rows[1]!.height).toBe(400 + NODE_HEIGHT + CELL_PADDING);
  });
});

describe("cells and positions", () => {
  const layout = layoutMatrix({
    departments: [sales, ops],
    stages: [intake, review],
    nodes: [place("ops", "review", 300, 150), place(null, null)],
  });

  it("round-trips a node between its cell and its canvas position", () => {
    for (const node of [
      place("ops", "review", 300, 150),
      place("sales", "intake", 30, 60),
      place(null, null),
      place("ops", null, 30, 90),
    ]) {
      const cell = cellAt(layout, absolutePosition(layout, node));
      expect(cell).toEqual({ departmentId: node.departmentId, stageId: node.stageId, offset: { x: node.x, y: node.y } });
    }
  });

  it("gives each cell's rectangle, or null for a lane that is not drawn", () => {
    const review = layout.columns[1]!;
    const ops = layout.rows[1]!;
    expect(cellRect(layout, "ops", "review")).toEqual({ x: review.x, y: ops.y, width: review.width, height: ops.height });
    expect(cellRect(layout, "ops", "nope")).toBeNull();
  });

  it("picks the cell under the node's centre", () => {
    const second = layout.columns[1]!.x;
    // The node starts in the first column but most of it is over the second.
    const cell = cellAt(layout, { x: second - NODE_WIDTH / 2 + 10, y: HEADER_HEIGHT + 50 });
    expect(cell.stageId).toBe("review");
    expect(cell.departmentId).toBe("sales");
    expect(cell.offset.x).toBe(CELL_PADDING);
  });

  it("clamps the offset so the node stays inside the cell", () => {
    const row = layout.rows[0]!;
    const column = layout.columns[0]!;
    const cell = cellAt(layout, { x: column.x + column.width - NODE_WIDTH / 2 - 1, y: row.y + row.height - NODE_HEIGHT / 2 - 1 });
    expect(cell.stageId).toBe("intake");
    expect(cell.offset).toEqual({ x: column.width - NODE_WIDTH - CELL_PADDING, y: row.height - NODE_HEIGHT - CELL_PADDING });
  });

  it("snaps points over the headers or past the last band to the nearest band", () => {
    expect(cellAt(layout, { x: -500, y: -500 })).toEqual({
      departmentId: "sales",
      stageId: "intake",
      offset: { x: CELL_PADDING, y: CELL_PADDING },
    });
    const far = cellAt(layout, { x: layout.width + 1000, y: layout.height + 1000 });
    expect(far.departmentId).toBeNull();
    expect(far.stageId).toBeNull();
    const lastColumn = layout.columns.at(-1)!;
    expect(far.offset.x).toBe(lastColumn.width - NODE_WIDTH - CELL_PADDING);
  });
});
