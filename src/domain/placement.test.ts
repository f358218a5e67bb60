import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState, type AxisItem, type GraphNode } from "./graph";
import { CELL_PADDING, MIN_CELL_WIDTH, NODE_HEIGHT, NODE_WIDTH, layoutMatrix, type Point, type Rect } from "./matrix";
import { SLOT_GAP, firstFreeSlot, isFree, nearestFreeSlot, placer } from "./placement";

const box = (x: number, y: number): Rect => ({ x, y, width: NODE_WIDTH, height: NODE_HEIGHT });
const lane = (id: string, position: number): AxisItem => ({ id, name: id, color: "#64748b", position });
const node = (id: string, departmentId: string | null, stageId: string | null, x = CELL_PADDING, y = CELL_PADDING): GraphNode => ({
  ...DEFAULT_NODE_FIELDS,
  id,
  label: id,
  x,
  y,
  departmentId,
  stageId,
});

describe("isFree", () => {
  it("allows touching but not overlapping, and keeps the gap when asked to", () => {
    const taken = [box(100, 100)];
    expect(isFree(taken, { x: 300, y: 100 })).toBe(true);
    expect(isFree(taken, { x: 299, y: 100 })).toBe(false);
    expect(isFree(taken, { x: 300, y: 100 }, SLOT_GAP)).toBe(false);
    expect(isFree(taken, { x: 300 + SLOT_GAP, y: 100 }, SLOT_GAP)).toBe(true);
  });
});

describe("firstFreeSlot", () => {
  const pitch = { x: NODE_WIDTH + SLOT_GAP, y: NODE_HEIGHT + SLOT_GAP };

  it("starts at the padding, then fills rows left to right as far as the cell is wide", () => {
    expect(firstFreeSlot([], MIN_CELL_WIDTH)).toEqual({ x: CELL_PADDING, y: CELL_PADDING });
    const wide = 2 * CELL_PADDING + 2 * NODE_WIDTH + SLOT_GAP;
    const first = box(CELL_PADDING, CELL_PADDING);
    expect(firstFreeSlot([first], wide)).toEqual({ x: CELL_PADDING + pitch.x, y: CELL_PADDING });
    expect(firstFreeSlot([first, box(CELL_PADDING + pitch.x, CELL_PADDING)], wide)).toEqual({ x: CELL_PADDING, y: CELL_PADDING + pitch.y });
  });

  it("goes below the cell's steps when the cell is full, so the band grows", () => {
    expect(firstFreeSlot([box(CELL_PADDING, CELL_PADDING)], MIN_CELL_WIDTH)).toEqual({ x: CELL_PADDING, y: CELL_PADDING + pitch.y });
    const scattered = [box(40, 30), box(60, 180), box(30, 330)];
    const slot = firstFreeSlot(scattered, MIN_CELL_WIDTH);
    expect(isFree(scattered, slot, SLOT_GAP)).toBe(true);
    expect(slot.y).toBeGreaterThan(330);
  });

  it("packs right below a step put off the grid by hand instead of skipping a row", () => {
    expect(firstFreeSlot([box(30, 56)], MIN_CELL_WIDTH)).toEqual({ x: CELL_PADDING, y: 56 + NODE_HEIGHT + SLOT_GAP });
  });

  it("always returns a free slot, inside the padding and across the cell's width", () => {
    const corner = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }) });
    fc.assert(
      fc.property(fc.array(corner, { maxLength: 12 }), fc.integer({ min: MIN_CELL_WIDTH, max: 1000 }), (corners, width) => {
        const obstacles = corners.map((c) => box(c.x, c.y));
        const slot = firstFreeSlot(obstacles, width);
        expect(isFree(obstacles, slot, SLOT_GAP)).toBe(true);
        expect(slot.y).toBeGreaterThanOrEqual(CELL_PADDING);
        expect(slot.x === CELL_PADDING || slot.x + NODE_WIDTH + CELL_PADDING <= width).toBe(true);
      }),
    );
  });
});

describe("nearestFreeSlot", () => {
  it("keeps a free spot and moves an occupied one the shortest way clear", () => {
    expect(nearestFreeSlot([box(400, 400)], { x: 30, y: 40 })).toEqual({ x: 30, y: 40 });
    // Up and left would cross the cell's padding, right is 214 away, down only 112.
    expect(nearestFreeSlot([box(100, 100)], { x: 110, y: 100 })).toEqual({ x: 110, y: 100 + NODE_HEIGHT + SLOT_GAP });
    expect(nearestFreeSlot([box(100, 100)], { x: 200, y: 150 })).toEqual({ x: 200, y: 100 + NODE_HEIGHT + SLOT_GAP });
    // Below a stack of two is further than to its left.
    expect(nearestFreeSlot([box(300, 24), box(300, 136)], { x: 200, y: 24 })).toEqual({ x: 300 - SLOT_GAP - NODE_WIDTH, y: 24 });
  });

  // Everything on a 4px grid (sizes and gap are multiples of 4), so the best spot is on it too.
  const onGrid = fc.integer({ min: 6, max: 100 }).map((n) => n * 4);
  const point = fc.record({ x: onGrid, y: onGrid });

  it("returns a free spot, inside the padding, that no free grid point beats", () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 5 }), point, (corners, preferred) => {
        const obstacles = corners.map((c) => box(c.x, c.y));
        const found = nearestFreeSlot(obstacles, preferred);
        expect(isFree(obstacles, found, SLOT_GAP)).toBe(true);
        expect(found.x).toBeGreaterThanOrEqual(CELL_PADDING);
        expect(found.y).toBeGreaterThanOrEqual(CELL_PADDING);
        const distance = (p: Point) => Math.hypot(p.x - preferred.x, p.y - preferred.y);
        const best = distance(found);
        for (let x = CELL_PADDING; x <= preferred.x + best; x += 4) {
          for (let y = CELL_PADDING; y <= preferred.y + best; y += 4) {
            if (distance({ x, y }) < best - 1e-9) expect(isFree(obstacles, { x, y }, SLOT_GAP)).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("placer", () => {
  const state = toState({
    departments: [lane("sales", 0)],
    stages: [lane("intake", 0), lane("review", 1)],
    nodes: [node("a", "sales", "intake"), node("ghost", "sales", "gone"), node("b", "sales", "review", 30, 40)],
    edges: [],
  });
  const layout = layoutMatrix({ departments: state.departments.values(), stages: state.stages.values(), nodes: state.nodes.values() });

  it("hands out a slot once per batch, so steps placed together do not overlap", () => {
    const place = placer(state, layout);
    const one = place.first({ departmentId: "sales", stageId: "intake" });
    const two = place.first({ departmentId: "sales", stageId: "intake" });
    expect(one.offset).toEqual({ x: CELL_PADDING, y: CELL_PADDING + NODE_HEIGHT + SLOT_GAP });
    expect(two.offset.y).toBeGreaterThan(one.offset.y);
  });

  it("does not count the steps being moved, and draws unknown lanes as Unassigned", () => {
    expect(placer(state, layout, ["a"]).first({ departmentId: "sales", stageId: "intake" }).offset).toEqual({
      x: CELL_PADDING,
      y: CELL_PADDING,
    });
    const unassigned = placer(state, layout).first({ departmentId: "sales", stageId: "nowhere" });
    expect(unassigned).toMatchObject({ departmentId: "sales", stageId: null, offset: { y: CELL_PADDING + NODE_HEIGHT + SLOT_GAP } });
  });

  it("lets a drop hang over the right and bottom edges, but keeps its centre in the cell", () => {
    const place = placer(state, layout);
    const review = layout.columns.find((c) => c.id === "review")!;
    const row = layout.rows[0]!;
    const spot = place.spotAt({ x: review.x + review.width - NODE_WIDTH / 2 - 10, y: row.y + row.height - NODE_HEIGHT / 2 - 4 });
    expect(spot).toEqual({
      departmentId: "sales",
      stageId: "review",
      offset: { x: review.width - NODE_WIDTH / 2 - 10, y: row.height - NODE_HEIGHT / 2 - 4 },
    });
    expect(spot.offset.x + NODE_WIDTH).toBeGreaterThan(review.width);
    const header = place.spotAt({ x: review.x + 10, y: 0 });
    expect(header.offset).toEqual({ x: CELL_PADDING, y: CELL_PADDING });
  });

  it("finds the neighbouring cell and nothing past the matrix edge", () => {
    const place = placer(state, layout);
    const lanes = { departmentId: "sales", stageId: "intake" };
    expect(place.neighbour(lanes, 1, 0)).toEqual({ departmentId: "sales", stageId: "review" });
    expect(place.neighbour(lanes, -1, 0)).toBeNull();
    expect(place.neighbour(lanes, 0, 1)).toBeNull();
    expect(place.neighbour({ departmentId: "sales", stageId: "review" }, 1, 0)).toEqual({ departmentId: "sales", stageId: null });
  });
});
