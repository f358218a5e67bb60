import { describe, expect, it } from "vitest";
import { applyOperations, OperationError } from "./apply";
import { ago, conflictOf, describeConflict, heldValue, onTopOf } from "./conflict";
import { DEFAULT_NODE_FIELDS, toState, type GraphState } from "./graph";
import type { Operation } from "./operations";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const E = "00000000-0000-4000-8000-00000000000e";
const SALES = "00000000-0000-4000-8000-0000000000d1";
const LEGAL = "00000000-0000-4000-8000-0000000000d2";
const NOW = Date.UTC(2026, 11, 2, 12);

function graph(): GraphState {
  return toState({
    nodes: [A, B].map((id, i) => ({
      ...DEFAULT_NODE_FIELDS,
      id,
      label: ["Kickoff", "Invoice"][i]!,
      x: 20,
      y: 20,
      departmentId: SALES,
      stageId: null,
    })),
    edges: [{ id: E, sourceId: A, targetId: B, relationType: "REQUIRES", lagTime: null, lagWorking: false, frequency: 1, condition: null }],
    departments: [
      { id: SALES, name: "Sales", color: "#0369a1", position: 0 },
      { id: LEGAL, name: "Legal", color: "#0369a1", position: 1 },
    ],
    stages: [],
  });
}

const rename = (from: string, to: string): Operation => ({ op: "updateNode", id: A, set: { label: to }, expect: { label: from } });

/** Theirs lands first; mine, written against the old value, then fails as it would anywhere. */
function lose(theirs: Operation[], mine: Operation[]) {
  const state = applyOperations(graph(), theirs).state;
  try {
    applyOperations(state, mine);
  } catch (error) {
    if (error instanceof OperationError) return { state, error };
  }
  throw new Error("expected a conflict");
}

describe("conflicts", () => {
  it("says who renamed it to what, and keeps my value and my whole batch", () => {
    const mine = [
      { op: "updateNode", id: B, set: { progress: 50 }, expect: { progress: 0 } },
      rename("Kickoff", "Kickoff meeting"),
    ] as Operation[];
    const { state, error } = lose([rename("Kickoff", "Kick-off call")], mine);
    expect(error).toMatchObject({ code: "STALE_WRITE", index: 1 });
    const conflict = conflictOf(state, mine, error.index, { name: "Sam", at: NOW - 5_000 })!;
    expect(conflict).toMatchObject({
      entity: "node",
      id: A,
      fields: ["label"],
      mine: { label: "Kickoff meeting" },
      theirs: { label: "Kick-off call" },
      ops: mine,
    });
    expect(describeConflict(conflict, state, NOW)).toBe("Sam renamed it to “Kick-off call” a moment ago.");
    expect(heldValue(conflict, "node", A, "label")).toEqual({ value: "Kickoff meeting" });
    expect(heldValue(conflict, "node", A, "description")).toBeNull();
    expect(heldValue(conflict, "node", B, "label")).toBeNull();
  });

  it("applies mine on top of theirs: every update expects what is there now", () => {
    const mine = [rename("Kickoff", "Kickoff meeting")];
    const { state } = lose([rename("Kickoff", "Kick-off call")], mine);
    const again = onTopOf(state, mine);
    expect(again).toEqual([{ op: "updateNode", id: A, set: { label: "Kickoff meeting" }, expect: { label: "Kick-off call" } }]);
    expect(applyOperations(state, again).state.nodes.get(A)!.label).toBe("Kickoff meeting");
  });

  it("words moves, statuses, waits and unknown authors the way people say them", () => {
    const move: Operation = { op: "updateNode", id: A, set: { departmentId: LEGAL, x: 40 }, expect: { departmentId: SALES, x: 20 } };
    const moved = lose([move], [{ op: "updateNode", id: A, set: { departmentId: SALES, x: 60 }, expect: { departmentId: SALES, x: 20 } }]);
    const c1 = conflictOf(
      moved.state,
      [{ op: "updateNode", id: A, set: { departmentId: SALES, x: 60 }, expect: { departmentId: SALES, x: 20 } }],
      0,
      null,
    )!;
    expect(describeConflict(c1, moved.state, NOW)).toBe("Someone else moved it to Legal in the meantime.");

    const status: Operation = { op: "updateNode", id: A, set: { status: "IN_PROGRESS" }, expect: { status: "PENDING" } };
    const mineStatus: Operation = { op: "updateNode", id: A, set: { status: "BLOCKED" }, expect: { status: "PENDING" } };
    const s = lose([status], [mineStatus]);
    expect(describeConflict(conflictOf(s.state, [mineStatus], 0, { name: "Ana", at: NOW - 3 * 60_000 })!, s.state, NOW)).toBe(
      "Ana set its status to In progress 3 minutes ago.",
    );

    const lag: Operation = { op: "updateEdge", id: E, set: { lagTime: "2d" }, expect: { lagTime: null } };
    const mineLag: Operation = { op: "updateEdge", id: E, set: { lagTime: "1d" }, expect: { lagTime: null } };
    const l = lose([lag], [mineLag]);
    const c3 = conflictOf(l.state, [mineLag], 0, { name: "Ana", at: NOW - 2 * 3_600_000 })!;
    expect(c3.entity).toBe("edge");
    expect(describeConflict(c3, l.state, NOW)).toBe("Ana set its wait to 2d 2 hours ago.");
  });

  it("is null when the lost operation is not an update, or nothing it set was changed", () => {
    const state = graph();
    expect(conflictOf(state, [{ op: "deleteNode", id: A }], 0, null)).toBeNull();
    expect(conflictOf(state, [rename("Kickoff", "Mine")], 0, null)).toBeNull();
    expect(conflictOf(state, [{ ...rename("x", "y"), id: "00000000-0000-4000-8000-000000000099" } as Operation], 0, null)).toBeNull();
  });

  it("counts time like people do", () => {
    expect(ago(NOW - 10_000, NOW)).toBe("a moment ago");
    expect(ago(NOW - 70_000, NOW)).toBe("a minute ago");
    expect(ago(NOW - 50 * 60_000, NOW)).toBe("50 minutes ago");
    expect(ago(NOW - 58 * 60_000, NOW)).toBe("an hour ago");
    expect(ago(NOW - 5 * 3_600_000, NOW)).toBe("5 hours ago");
    expect(ago(NOW - 26 * 3_600_000, NOW)).toBe("a day ago");
    expect(ago(NOW - 3 * 86_400_000, NOW)).toBe("3 days ago");
    expect(ago(NOW + 5_000, NOW)).toBe("a moment ago");
  });
});
