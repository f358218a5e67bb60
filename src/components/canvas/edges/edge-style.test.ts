import { describe, expect, it } from "vitest";
import { RELATION_TYPES } from "~/domain/graph";
import { HEAT_SCALE } from "../flow-elements";
import { CRITICAL_STROKE, DIMMED_LABEL, RELATION_STROKE, SELECTED_STROKE, relationStroke } from "./edge-style";

/** WCAG relative luminance and contrast of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("connection styles", () => {
  it("draws the critical path in a colour and weight no relation uses", () => {
    for (const type of RELATION_TYPES) {
      const stroke = relationStroke(type, false);
      expect(stroke).toBe(RELATION_STROKE[type]);
      expect(relationStroke(type, true)).toBe(CRITICAL_STROKE);
      expect(CRITICAL_STROKE.color).not.toBe(stroke.color);
      expect(CRITICAL_STROKE.width).toBeGreaterThan(stroke.width);
      expect(SELECTED_STROKE.color).not.toBe(stroke.color);
    }
    expect(CRITICAL_STROKE.color).not.toBe(SELECTED_STROKE.color);
  });

  it("tells relations apart by line pattern too, not by colour alone", () => {
    const patterns = RELATION_TYPES.map((type) => RELATION_STROKE[type].dash ?? "solid");
    expect(new Set(patterns).size).toBe(RELATION_TYPES.length);
  });

  it("writes every label in a colour readable on the white chip (WCAG AA, 4.5:1)", () => {
    const inks = [...RELATION_TYPES.map((type) => RELATION_STROKE[type].ink), CRITICAL_STROKE.ink, SELECTED_STROKE.ink, DIMMED_LABEL.ink];
    for (const ink of inks) expect(contrast(ink, "#ffffff"), ink).toBeGreaterThanOrEqual(4.5);
  });
});

describe("heat scale", () => {
  it("names every heat level once, from no slack to plenty", () => {
    expect(HEAT_SCALE.map((h) => h.heat)).toEqual(["critical", "tight", "some", "loose"]);
    expect(HEAT_SCALE.map((h) => h.label)).toEqual(["No slack", "Under 10%", "Under 30%", "30%+"]);
  });
});
