import { describe, expect, it } from "vitest";
import { can, effectiveProjectRole, orgRoleAtLeast, projectRoleAtLeast } from "./roles";

describe("roles", () => {
  it("ranks organization roles", () => {
    expect(orgRoleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(orgRoleAtLeast("MEMBER", "ADMIN")).toBe(false);
  });

  it("ranks project roles", () => {
    expect(projectRoleAtLeast("EDITOR", "COMMENTER")).toBe(true);
    expect(projectRoleAtLeast("COMMENTER", "EDITOR")).toBe(false);
    expect(projectRoleAtLeast("VIEWER", "VIEWER")).toBe(true);
  });

  it("lets organization owners and admins act as project owners", () => {
    expect(effectiveProjectRole("ADMIN", null)).toBe("OWNER");
    expect(effectiveProjectRole("OWNER", "VIEWER")).toBe("OWNER");
    expect(effectiveProjectRole("MEMBER", "VIEWER")).toBe("VIEWER");
    expect(effectiveProjectRole("MEMBER", null)).toBeNull();
  });

  it("derives capabilities", () => {
    expect(can.editGraph("VIEWER")).toBe(false);
    expect(can.comment("COMMENTER")).toBe(true);
    expect(can.manageProject("EDITOR")).toBe(false);
    expect(can.manageOrganization("ADMIN")).toBe(true);
  });
});
