import { describe, expect, it } from "vitest";
import { automationScore } from "./automation";

describe("automationScore", () => {
  it("scores a repetitive, low-judgement, tooled step at the top", () => {
    const r = automationScore({ type: "ACTION", isRepetitive: true, brainUsage: "LOW", tools: ["Zapier"] });
    expect(r).toMatchObject({ final_score: 100, rule_based: true, tool_available: true, repetitiveness: 100 });
  });

  it("scores an expert judgement call low", () => {
    const r = automationScore({ type: "DECISION", isRepetitive: false, brainUsage: "HIGH", tools: [] });
    expect(r.final_score).toBe(7);
    expect(r.rule_based).toBe(false);
    expect(r.reasons).toContain("is a judgement call");
  });

  it("weights the factors 0.35 / 0.30 / 0.20 / 0.15", () => {
    const base = { type: "ACTION" as const, isRepetitive: false, brainUsage: "MEDIUM" as const, tools: [] };
    expect(automationScore(base).final_score).toBe(Math.round(0.35 * 20 + 0.3 * 50 + 20));
    expect(automationScore({ ...base, tools: ["Excel"] }).final_score - automationScore(base).final_score).toBe(15);
  });
});
