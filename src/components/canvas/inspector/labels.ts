import type { BrainUsage, NodeStatus, NodeType, RelationType, Severity } from "~/domain/graph";

export const TYPE_LABEL: Record<NodeType, string> = {
  TRIGGER: "Trigger",
  ACTION: "Action",
  DECISION: "Decision",
  ARTIFACT: "Artifact",
};

export const STATUS_LABEL: Record<NodeStatus, string> = {
  PENDING: "Pending",
  READY: "Ready",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  BLOCKED: "Blocked",
};

export const BRAIN_LABEL: Record<BrainUsage, string> = {
  LOW: "Low (routine)",
  MEDIUM: "Medium (some judgement)",
  HIGH: "High (expert judgement)",
};

export const RELATION_LABEL: Record<RelationType, string> = {
  REQUIRES: "Requires",
  BLOCKS: "Blocks",
  FEEDBACK_TO: "Feedback (rework loop)",
};

export const SEVERITY_TONE = { LOW: "slate", MEDIUM: "amber", HIGH: "red", CRITICAL: "red" } as const satisfies Record<Severity, string>;
