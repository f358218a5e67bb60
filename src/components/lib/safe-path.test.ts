import { describe, expect, it } from "vitest";
import { safeFromPath } from "./safe-path";

describe("safeFromPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeFromPath("/projects/abc?tab=analysis#top")).toBe("/projects/abc?tab=analysis#top");
    expect(safeFromPath(["/settings", "/other"])).toBe("/settings");
  });

  it.each([
    ["a tab the browser drops", "/\t/127.0.0.1:9/tab"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["an absolute URL", "https://evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "dashboard"],
    ["a space before the slashes", " //evil.example"],
    ["nothing", undefined],
    ["an empty string", ""],
  ])("falls back on %s", (_what, from) => {
    expect(safeFromPath(from)).toBe("/dashboard");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeFromPath("/a/../../b")).toBe("/b");
  });
});
