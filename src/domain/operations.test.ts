import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS } from "./graph";
import { batchSchema, operationSchema } from "./operations";

const ID = "00000000-0000-4000-8000-000000000001";
const node = { ...DEFAULT_NODE_FIELDS, id: ID, label: "Review", x: 10, y: 20, departmentId: null, stageId: null };

const issues = (input: unknown) => operationSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("operation schemas", () => {
  it("accepts a complete step and normalises text", () => {
    const parsed = operationSchema.parse({ op: "createNode", node: { ...node, label: "  Review  ", avgTime: " 1w 2d ", assignee: "" } });
    expect(parsed).toMatchObject({ node: { label: "Review", avgTime: "1w 2d", assignee: null } });
  });

  it("says what is wrong with a field", () => {
    expect(issues({ op: "createNode", node: { ...node, avgTime: "2hrs" } })).toEqual([
      'node.avgTime: Average time: "2hrs" is not a duration like 45m, 2h30m, 1.5h, 3d or 1w 2d (units m, h, d, w)',
    ]);
    expect(issues({ op: "createNode", node: { ...node, label: "" } })).toEqual(["node.label: Label is required"]);
    expect(issues({ op: "createNode", node: { ...node, progress: 101 } })).toEqual(["node.progress: Progress must be 0-100"]);
    expect(issues({ op: "createNode", node: { ...node, type: "TASK" } })[0]).toMatch(/^node.type: /);
    expect(
      issues({
        op: "createEdge",
        edge: { id: ID, sourceId: ID, targetId: "nope", relationType: "REQUIRES", lagTime: "1d", frequency: 1, condition: null },
      })[0],
    ).toMatch(/^edge.targetId/);
  });

  it("requires an expected value for every field an update sets, and something to set", () => {
    expect(issues({ op: "updateNode", id: ID, set: { label: "A" }, expect: {} })).toEqual([
      "expect: expect must give the current value of every field in set",
    ]);
    expect(issues({ op: "updateNode", id: ID, set: {}, expect: {} })).toEqual(["set: Nothing to change"]);
    expect(issues({ op: "updateNode", id: ID, set: { colour: "red" }, expect: { colour: "blue" } })).not.toEqual([]);
    expect(issues({ op: "updateAxis", axis: "stage", id: ID, set: { color: "#12345g" }, expect: { color: "#123456" } })).toEqual([
      "set.color: Colour must look like #1a2b3c",
    ]);
  });

  it("bounds a batch", () => {
    expect(batchSchema.safeParse({ clientOpId: "abcdefgh", ops: [] }).success).toBe(false);
    expect(batchSchema.safeParse({ clientOpId: "short", ops: [{ op: "deleteNode", id: ID }] }).success).toBe(false);
    expect(batchSchema.safeParse({ clientOpId: "abcdefgh", ops: [{ op: "deleteNode", id: ID }] }).success).toBe(true);
  });
});
