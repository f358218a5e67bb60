import { describe, expect, it } from "vitest";
import { describeActivity, formatValue } from "./describe";

const say = (action: string, entityType: string, details: unknown, subjectName?: string) =>
  describeActivity({ action, entityType, details, subjectName }).summary;

const update = (fields: Record<string, [unknown, unknown]>, extra: Record<string, unknown> = {}) => ({
  ...extra,
  fields_changed: Object.keys(fields),
  old_value: Object.fromEntries(Object.entries(fields).map(([k, [from]]) => [k, from])),
  new_value: Object.fromEntries(Object.entries(fields).map(([k, [, to]]) => [k, to])),
});

describe("describeActivity: steps", () => {
  it("says which cell a step moved between, by lane names", () => {
    const details = update(
      { departmentId: ["d1", "d1"], stageId: ["s1", "s2"], x: [10, 20] },
      {
        label: "Review contract",
        from: "Legal / Draft",
        to: "Legal / Review",
      },
    );
    const { summary, changes } = describeActivity({ action: "MOVE", entityType: "NODE", details });
    expect(summary).toBe("moved 'Review contract' from Legal / Draft to Legal / Review");
    expect(changes).toEqual([{ field: "place", from: "Legal / Draft", to: "Legal / Review" }]);
  });

  it("calls a move inside one cell a reposition and shows no coordinates", () => {
    const { summary, changes } = describeActivity({
      action: "MOVE",
      entityType: "NODE",
      details: update({ x: [1, 2], y: [3, 4] }, { label: "A" }),
    });
    expect(summary).toBe("repositioned 'A'");
    expect(changes).toEqual([]);
  });

  it("names one changed field with its old and new value", () => {
    const details = update({ avgTime: ["2h", "3h"] }, { label: "Check credit" });
    expect(say("UPDATE", "NODE", details)).toBe("changed the average time of 'Check credit' from 2h to 3h");
    expect(describeActivity({ action: "UPDATE", entityType: "NODE", details }).changes).toEqual([
      { field: "average time", from: "2h", to: "3h" },
    ]);
  });

  it("says set / cleared when one side is empty, and reads enums, flags and percentages", () => {
    expect(say("UPDATE", "NODE", update({ avgTime: [null, "45m"] }, { label: "A" }))).toBe("set the average time of 'A' to 45m");
    expect(say("UPDATE", "NODE", update({ assignee: ["Kim", null] }, { label: "A" }))).toBe("cleared the assignee of 'A'");
    expect(say("UPDATE", "NODE", update({ status: ["PENDING", "IN_PROGRESS"] }, { label: "A" }))).toBe(
      "changed the status of 'A' from pending to in progress",
    );
    expect(say("UPDATE", "NODE", update({ isRepetitive: [false, true] }, { label: "A" }))).toBe("marked 'A' as repetitive");
    expect(formatValue("progress", 40)).toBe("40%");
    expect(formatValue("tools", ["CRM", "Mail"])).toBe("CRM, Mail");
  });

  it("renames with the old and new label, and lists several fields", () => {
    expect(say("UPDATE", "NODE", update({ label: ["Draft", "Draft quote"] }, { label: "Draft quote" }))).toBe(
      "renamed the step 'Draft' to 'Draft quote'",
    );
    const many = update({ status: ["PENDING", "READY"], progress: [0, 50] }, { label: "A" });
    expect(say("UPDATE", "NODE", many)).toBe("changed the status and progress of 'A'");
    const lots = update({ status: ["PENDING", "READY"], progress: [0, 50], tools: [[], ["CRM"]], tags: [[], ["x"]] }, { label: "A" });
    expect(say("UPDATE", "NODE", lots)).toBe("changed the status, progress and 2 more fields of 'A'");
  });

  it("covers creating and deleting steps", () => {
    expect(say("CREATE", "NODE", { label: "Receive order" })).toBe("added the step 'Receive order'");
    expect(say("DELETE", "NODE", { label: "Receive order" })).toBe("deleted the step 'Receive order'");
  });
});

describe("describeActivity: connections, lanes, project, members", () => {
  it("connects and disconnects with the relation in words", () => {
    expect(say("CREATE", "EDGE", { source: "A", target: "B", relationType: "REQUIRES" })).toBe("connected 'A' to 'B' (requires)");
    expect(say("DELETE", "EDGE", { source: "A", target: null, relationType: "FEEDBACK_TO" })).toBe(
      "disconnected 'A' from a deleted step (feedback loop)",
    );
    expect(say("UPDATE", "EDGE", update({ lagTime: ["1h", "2h"] }, { source: "A", target: "B", relationType: "BLOCKS" }))).toBe(
      "changed the lag of the connection 'A' → 'B' from 1h to 2h",
    );
  });

  it("adds, renames and reorders departments and stages", () => {
    expect(say("CREATE", "DEPARTMENT", { name: "Legal" })).toBe("added the department 'Legal'");
    expect(say("UPDATE", "STAGE", update({ name: ["Draft", "Drafting"] }, { name: "Drafting" }))).toBe(
      "renamed the stage 'Draft' to 'Drafting'",
    );
    expect(say("UPDATE", "STAGE", update({ position: [0, 2] }, { name: "Review" }))).toBe(
      "changed the position of the stage 'Review' from 1 to 3",
    );
    expect(say("DELETE", "DEPARTMENT", { name: "Legal" })).toBe("deleted the department 'Legal'");
  });

  it("describes project changes", () => {
    expect(say("CREATE", "PROJECT", { new_value: { name: "Onboarding" } })).toBe("created the project 'Onboarding'");
    expect(say("UPDATE", "PROJECT", update({ name: ["Old", "New"] }))).toBe("renamed the project from 'Old' to 'New'");
    expect(say("ARCHIVE", "PROJECT", update({ status: ["ACTIVE", "ARCHIVED"] }))).toBe("archived the project");
    expect(say("RESTORE", "PROJECT", update({ status: ["ARCHIVED", "ACTIVE"] }))).toBe("unarchived the project");
    expect(say("DELETE", "PROJECT", update({ deletedAt: [null, "2026-01-01T00:00:00Z"] }))).toBe("moved the project to the trash");
    expect(say("RESTORE", "PROJECT", update({ deletedAt: ["2026-01-01T00:00:00Z", null] }))).toBe("restored the project from the trash");
  });

  it("names the member by their current name, falling back to the email", () => {
    expect(say("SHARE", "MEMBER", { new_value: { email: "vera@x.test", role: "VIEWER" } }, "Vera")).toBe("added Vera as viewer");
    expect(say("SHARE", "MEMBER", { new_value: { email: "vera@x.test", role: "VIEWER" } })).toBe("added vera@x.test as viewer");
    expect(say("UPDATE", "MEMBER", update({ role: ["EDITOR", "VIEWER"] }), "Vera")).toBe("changed Vera's role from editor to viewer");
    expect(say("DELETE", "MEMBER", { old_value: { role: "EDITOR" } }, "Vera")).toBe("removed Vera (editor) from the project");
  });

  it("never throws on shapes it does not know", () => {
    expect(say("CREATE", "VERSION", { versionNumber: 3 })).toBe("saved version 3");
    expect(say("CREATE", "COMMENT", { label: "Check credit" })).toBe("commented on 'Check credit'");
    expect(say("IMPORT", "TEMPLATE", null)).toBe("imported a template");
    expect(say("UPDATE", "NODE", "not an object")).toBe("updated a step");
  });

  it("shortens long values", () => {
    const long = "x".repeat(200);
    expect(formatValue("description", long)).toHaveLength(80);
    expect(formatValue("description", long).endsWith("…")).toBe(true);
  });

  it("tells one batch about several entities as one sentence, each of them in its parts", () => {
    const moved = (label: string, fields: string[]) => ({ id: label, label, fields_changed: fields, old_value: {}, new_value: {} });
    const tidy = describeActivity({
      action: "MOVE",
      entityType: "NODE",
      details: { count: 23, items: [moved("Draft", ["x", "y"]), moved("Sign", ["x"])] },
    });
    expect(tidy.summary).toBe("rearranged 23 steps");
    expect(tidy.parts.map((p) => p.summary)).toEqual(["repositioned 'Draft'", "repositioned 'Sign'"]);
    expect(tidy.partsTotal).toBe(23);
    expect(say("MOVE", "NODE", { count: 3, to: "Legal / Review", items: [] })).toBe("moved 3 steps to Legal / Review");
    expect(say("CREATE", "EDGE", { count: 4, items: [] })).toBe("added 4 connections");
    expect(say("DELETE", "STAGE", { count: 2, items: [] })).toBe("deleted 2 stages");
    const statuses = { count: 2, items: [moved("A", ["status"]), moved("B", ["status"])] };
    expect(say("UPDATE", "NODE", statuses)).toBe("changed the status of 2 steps");
    expect(say("UPDATE", "NODE", { count: 2, items: [moved("A", ["status"]), moved("B", ["label"])] })).toBe("updated 2 steps");
  });

  it("says which step a comment is on, and versions with their note", () => {
    expect(say("CREATE", "COMMENT", { node_id: "n1", step: "Check credit", parent_id: null })).toBe("commented on 'Check credit'");
    expect(say("CREATE", "COMMENT", { node_id: "n1", step: "Check credit", parent_id: "c1" })).toBe("replied on 'Check credit'");
    expect(say("CREATE", "COMMENT", { node_id: "n1", step: null })).toBe("commented on a deleted step");
    expect(say("CREATE", "COMMENT", { node_id: null })).toBe("commented on the project");
    expect(say("CREATE", "VERSION", { versionNumber: 2, comment: "Before review" })).toBe("saved version 2 ('Before review')");
    expect(say("RESTORE", "VERSION", { versionNumber: 2 })).toBe("restored version 2");
  });
});
