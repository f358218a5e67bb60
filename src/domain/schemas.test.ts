import { describe, expect, it } from "vitest";
import { avatarUrlSchema, emailSchema, passwordSchema, slugify } from "./schemas";

describe("slugify", () => {
  it.each([
    ["Customer Onboarding!", "customer-onboarding"],
    ["  Acme -- Corp  ", "acme-corp"],
    ["Café Zürich", "cafe-zurich"],
    ["!!!", "untitled"],
  ])("%j -> %s", (name, slug) => expect(slugify(name)).toBe(slug));
});

describe("input schemas", () => {
  it("lowercases and trims email", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
  });

  it("rejects short passwords with the rule", () => {
    const result = passwordSchema.safeParse("short");
    expect(result.error?.issues[0]?.message).toBe("Password must be at least 10 characters");
  });

  it("accepts an empty avatar as none and rejects non-http URLs", () => {
    expect(avatarUrlSchema.parse("")).toBeNull();
    expect(avatarUrlSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });
});
