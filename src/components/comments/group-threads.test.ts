import { describe, expect, it } from "vitest";
import { DEFAULT_NODE_FIELDS, toState } from "~/domain/graph";
import { groupThreads } from "./group-threads";
import type { Thread } from "./useComments";

const at = new Date("2026-01-01T00:00:00Z");
const thread = (id: string, step: { id: string; label: string } | null): Thread => ({
  id,
  nodeId: step?.id ?? null,
  step: step ? { ...step, deleted: false } : null,
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  root: { id, content: id, deleted: false, author: null, createdAt: at, editedAt: null, canEdit: false },
  replies: [],
  lastActivityAt: at,
  canReply: false,
  canResolve: false,
});

describe("groupThreads", () => {
  it("groups by step in list order, labels from the live graph, missing steps as deleted", () => {
    const state = toState({
      departments: [],
      stages: [],
      edges: [],
      nodes: [{ ...DEFAULT_NODE_FIELDS, id: "s1", label: "Renamed", x: 0, y: 0, departmentId: null, stageId: null }],
    });
    const { steps, project } = groupThreads(
      [
        thread("t1", { id: "s2", label: "Gone" }),
        thread("t2", null),
        thread("t3", { id: "s1", label: "Old name" }),
        thread("t4", { id: "s2", label: "Gone" }),
      ],
      state,
    );
    expect(steps.map((g) => [g.stepId, g.label, g.deleted, g.threads.map((t) => t.id)])).toEqual([
      ["s2", "Gone", true, ["t1", "t4"]],
      ["s1", "Renamed", false, ["t3"]],
    ]);
    expect(project.map((t) => t.id)).toEqual(["t2"]);
  });
});
