import { describe, expect, it } from "vitest";
import { durationMinutes, formatMinutes, parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    ["45m", 45],
    ["2h30m", 150],
    ["1.5h", 90],
    ["3d", 4320],
    ["1w 2d", 12960],
    [" 2H ", 120],
  ])("%s is %d minutes", (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  it.each(["", "2", "h", "2x", "2h-", "-1h", "1..5h", "two hours"])("rejects %j with the accepted form", (text) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/45m, 2h30m/);
  });

  it("treats an empty duration as zero but throws on garbage", () => {
    expect(durationMinutes(null)).toBe(0);
    expect(() => durationMinutes("soon")).toThrow(/not a duration/);
  });
});

describe("formatMinutes", () => {
  it.each([
    [0, "0m"],
    [45, "45m"],
    [312, "5h 12m"],
    [4560, "3d 4h"],
    [1440, "1d"],
  ])("%d -> %s", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
