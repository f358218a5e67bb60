import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeUnsafeText, findUnsafeText } from "./unsafe-text";

describe("findUnsafeText", () => {
  it("finds a NUL byte anywhere, and says where", () => {
    expect(findUnsafeText({ ops: [{ node: { label: "ok" } }, { node: { label: "a\u0000b" } }] })).toEqual({
      path: "ops[1].node.label",
      problem: "contains a NUL character",
    });
    expect(findUnsafeText("\u0000")).toEqual({ path: "input", problem: "contains a NUL character" });
  });

  it("finds lone surrogates, high or low, but accepts real pairs", () => {
    expect(findUnsafeText({ name: "x\uD800" })?.path).toBe("name");
    expect(findUnsafeText({ name: "\uDC00x" })?.problem).toBe("contains half of a character (a lone UTF-16 surrogate)");
    expect(findUnsafeText({ name: "emoji 😀 and 𝄞" })).toBeNull();
  });

  it("checks object keys too", () => {
    expect(describeUnsafeText(findUnsafeText({ settings: { "a\u0000": 1 } })!)).toBe(
      "settings.a\u0000 has a name that contains a NUL character",
    );
  });

  it("accepts every well-formed string without NUL", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value: unknown = JSON.parse(text);
        return findUnsafeText(value) === null || JSON.stringify(value).includes("\\u0000");
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => !s.includes("\u0000")),
        (s) => findUnsafeText({ s }) === null,
      ),
    );
  });

  it("ignores numbers, booleans, null and dates", () => {
    expect(findUnsafeText({ a: 1, b: true, c: null, d: new Date(0), e: undefined })).toBeNull();
  });
});
