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

  it("refuses passwords bcrypt would cut at 72 bytes, counting bytes, not letters", () => {
    expect(passwordSchema.safeParse("a".repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(73)).error?.issues[0]?.message).toMatch(/^Password must be at most 72 bytes/);
    // 36 two-byte letters fill the 72 bytes; one more is over.
    expect(passwordSchema.safeParse("é".repeat(36)).success).toBe(true);
    expect(passwordSchema.safeParse("é".repeat(37)).success).toBe(false);
  });

  it("accepts an empty avatar as none and rejects non-http URLs", () => {
    expect(avatarUrlSchema.parse("")).toBeNull();
    expect(avatarUrlSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });
});
