/**
 * Automation potential, 0-100, deterministic and explained (docs/ARCHITECTURE.md, section
 * "7. Automation score"). Baseline weights: repetitiveness 0.35, brain usage 0.30 (LOW scores
 * high), rule-based 0.20, tool 0.15. A trigger (an event that starts the process) and an
 * external step (the customer's, a supplier's or an authority's doing) are nobody's work to
 * automate: they score 0 and are never candidates, though their time still counts.
 */
export type AutomationInput = {
  type: "TRIGGER" | "ACTION" | "DECISION" | "ARTIFACT";
  isRepetitive: boolean;
  brainUsage: "LOW" | "MEDIUM" | "HIGH";
  tools: string[];
  external: boolean;
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
  if (input.type === "TRIGGER" || input.external) {
    return {
      repetitiveness: 0,
      brain_usage: input.brainUsage,
      rule_based: false,
      tool_available: false,
      final_score: 0,
      reasons: [
        input.type === "TRIGGER"
          ? "is an event that starts the process, not work"
          : "is done outside the team, so it is waited for, not worked",
      ],
    };
  }
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

/** The reasons as one sentence: "This step repeats the same way every time, needs little thinking and follows clear rules." */
export function explainAutomation(reasoning: Pick<AutomationReasoning, "reasons">): string {
  const reasons = reasoning.reasons;
  if (reasons.length === 0) return "";
  const list = reasons.length === 1 ? reasons[0]! : `${reasons.slice(0, -1).join(", ")} and ${reasons.at(-1)!}`;
  return `This step ${list}.`;
}

/** Triggers and external steps are never automation candidates. */
export function isAutomatable(step: Pick<AutomationInput, "type" | "external">): boolean {
  return step.type !== "TRIGGER" && !step.external;
}
