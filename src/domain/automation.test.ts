import { describe, expect, it } from "vitest";
import { automationScore, explainAutomation, isAutomatable } from "./automation";

describe("automationScore", () => {
  it("scores a repetitive, low-judgement, tooled step at the top", () => {
    const r = automationScore({ type: "ACTION", isRepetitive: true, brainUsage: "LOW", tools: ["Zapier"], external: false });
    expect(r).toMatchObject({ final_score: 100, rule_based: true, tool_available: true, repetitiveness: 100 });
  });

  it("scores an expert judgement call low", () => {
    const r = automationScore({ type: "DECISION", isRepetitive: false, brainUsage: "HIGH", tools: [], external: false });
    expect(r.final_score).toBe(7);
    expect(r.rule_based).toBe(false);
    expect(r.reasons).toContain("is a judgement call");
  });

  it("weights the factors 0.35 / 0.30 / 0.20 / 0.15", () => {
    const base = { type: "ACTION" as const, isRepetitive: false, brainUsage: "MEDIUM" as const, tools: [], external: false };
    expect(automationScore(base).final_score).toBe(Math.round(0.35 * 20 + 0.3 * 50 + 20));
    expect(automationScore({ ...base, tools: ["Excel"] }).final_score - automationScore(base).final_score).toBe(15);
  });

  it("never rates a trigger or an external step as automatable, whatever its other facts", () => {
    const ideal = { type: "ACTION" as const, isRepetitive: true, brainUsage: "LOW" as const, tools: ["Zapier"], external: false };
    expect(automationScore({ ...ideal, external: true })).toMatchObject({
      final_score: 0,
      reasons: ["is done outside the team, so it is waited for, not worked"],
    });
    expect(automationScore({ ...ideal, type: "TRIGGER" }).final_score).toBe(0);
    expect(isAutomatable({ ...ideal, external: true })).toBe(false);
    expect(isAutomatable({ ...ideal, type: "TRIGGER" })).toBe(false);
    expect(isAutomatable(ideal)).toBe(true);
  });

  it("reads its reasons as one sentence", () => {
    const r = automationScore({ type: "ACTION", isRepetitive: true, brainUsage: "LOW", tools: [], external: false });
    expect(explainAutomation(r)).toBe(
      "This step repeats the same way every time, needs little thinking, follows clear rules and has no tool to automate it in yet.",
    );
    expect(explainAutomation({ reasons: ["is an event that starts the process, not work"] })).toBe(
      "This step is an event that starts the process, not work.",
    );
  });
});
