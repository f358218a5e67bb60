import { describe, expect, it } from "vitest";
import { automationInputHash, requireMemberRoom, requireWritable } from "./guards";

describe("guards", () => {
  it("refuses to write to an archived project, saying what was refused", () => {
    expect(() => requireWritable("ACTIVE")).not.toThrow();
    expect(() => requireWritable("ARCHIVED")).toThrow("This project is archived; unarchive it to edit");
    expect(() => requireWritable("ARCHIVED", "comment")).toThrow(expect.objectContaining({ domainCode: "PROJECT_ARCHIVED" }));
  });

  it("refuses one more member once the organization is full", () => {
    expect(() => requireMemberRoom(49, { max_members: 50 })).not.toThrow();
    expect(() => requireMemberRoom(50, { max_members: 50 })).toThrow("This organization has reached its limit of 50 members");
  });

  it("hashes the automation inputs the same way wherever a score is stored", () => {
    const input = { type: "ACTION" as const, isRepetitive: true, brainUsage: "LOW" as const, tools: ["Excel"], external: false };
    expect(automationInputHash({ ...input, tools: ["Excel"] })).toBe(automationInputHash(input));
    expect(automationInputHash({ ...input, tools: [] })).not.toBe(automationInputHash({ ...input, tools: ["Excel"] }));
    expect(automationInputHash(input)).toMatch(/^[0-9a-f]{64}$/);
  });
});
