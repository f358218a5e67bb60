import { describe, expect, it } from "vitest";
import { durationMinutes, estimateMinutes, formatMinutes, parseDuration, parseEstimate } from "./duration";

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

describe("parseEstimate", () => {
  it("reads one duration as a fixed time and three as optimistic / most likely / pessimistic", () => {
    expect(parseEstimate("4h")).toEqual({ ok: true, estimate: { low: 240, mode: 240, high: 240 } });
    expect(parseEstimate("2h / 4h / 2d")).toEqual({ ok: true, estimate: { low: 120, mode: 240, high: 2880 } });
    expect(parseEstimate("1h/1h/1h")).toEqual({ ok: true, estimate: { low: 60, mode: 60, high: 60 } });
    expect(durationMinutes("2h / 4h / 2d")).toBe(240);
  });

  it.each([
    ["2h / 4h", /has 2 parts/],
    ["4h / 2h / 2d", /must grow from optimistic to most likely to pessimistic \(4h \/ 2h \/ 2d does not\)/],
    ["2h / soon / 2d", /The most likely time: "soon" is not a duration/],
    ["2h / 4h / ", /The pessimistic time: Empty duration/],
  ])("rejects %j and says what is wrong", (text, message) => {
    const result = parseEstimate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("gives zeros for an empty estimate", () => {
    expect(estimateMinutes(null)).toEqual({ low: 0, mode: 0, high: 0 });
    expect(estimateMinutes("")).toEqual({ low: 0, mode: 0, high: 0 });
  });
});
