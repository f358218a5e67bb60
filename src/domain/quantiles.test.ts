import { describe, expect, it } from "vitest";
import { probabilityWithin } from "./quantiles";

describe("probabilityWithin", () => {
  const q = [0, 10, 20, 30, 40]; // quartiles of a uniform 0..40

  it("is 0 below the smallest run, 1 from the largest on, and interpolates between", () => {
    expect(probabilityWithin(q, -1)).toBe(0);
    expect(probabilityWithin(q, 40)).toBe(1);
    expect(probabilityWithin(q, 99)).toBe(1);
    expect(probabilityWithin(q, 20)).toBe(0.5);
    expect(probabilityWithin(q, 25)).toBe(0.625);
  });

  it("never decreases", () => {
    const steps = Array.from({ length: 81 }, (_, i) => probabilityWithin(q, i / 2 - 1));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]!);
  });

  it("counts every run that ties: a fixed process is certain from its one lead time on", () => {
    expect(probabilityWithin([7, 7, 7], 6.9)).toBe(0);
    expect(probabilityWithin([7, 7, 7], 7)).toBe(1);
    expect(probabilityWithin([0, 5, 5, 5, 10], 5)).toBe(0.75);
  });

  it("is 0 with no runs", () => {
    expect(probabilityWithin([], 5)).toBe(0);
  });
});
