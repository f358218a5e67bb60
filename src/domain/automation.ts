/**
 * Automation potential, 0-100, deterministic and explained (docs/ARCHITECTURE.md, section
 * "7. Automation score"). Baseline weights: repetitiveness 0.35, brain usage 0.30 (LOW scores
 * high), rule-based 0.20, tool 0.15.
 */
export type AutomationInput = {
  type: "TRIGGER" | "ACTION" | "DECISION" | "ARTIFACT";
  isRepetitive: boolean;
  brainUsage: "LOW" | "MEDIUM" | "HIGH";
  tools: string[];
};

export type AutomationReasoning = {
  repetitiveness: number;
  brain_usage: "LOW" | "MEDIUM" | "HIGH";
  rule_based: boolean;
  tool_available: boolean;
  final_score: number;
  reasons: string[];
};

const BRAIN_POINTS = { LOW: 100, MEDIUM: 50, HIGH: 0 } as const;

export function automationScore(input: AutomationInput): AutomationReasoning {
  const repetitiveness = input.isRepetitive ? 100 : 20;
  // A decision that needs real judgement is not rule-based; anything else follows a procedure.
  const ruleBased = input.type !== "DECISION" || input.brainUsage === "LOW";
  const toolAvailable = input.tools.some((t) => t.trim() !== "");
  const score = Math.round(
    0.35 * repetitiveness + 0.3 * BRAIN_POINTS[input.brainUsage] + 0.2 * (ruleBased ? 100 : 0) + 0.15 * (toolAvailable ? 100 : 0),
  );
  const reasons = [
    input.isRepetitive ? "repeats the same way every time" : "varies from case to case",
    { LOW: "needs little thinking", MEDIUM: "needs some judgement", HIGH: "needs expert judgement" }[input.brainUsage],
    ruleBased ? "follows clear rules" : "is a judgement call",
    toolAvailable ? `already runs in ${input.tools.join(", ")}` : "has no tool to automate it in yet",
  ];
  return {
    repetitiveness,
    brain_usage: input.brainUsage,
    rule_based: ruleBased,
    tool_available: toolAvailable,
    final_score: Math.min(100, Math.max(0, score)),
    reasons,
  };
}
