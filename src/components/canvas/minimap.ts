import type { Node } from "@xyflow/react";
import type { FlowNode } from "./flow-elements";

const STEP_COLOR: Record<string, string> = { trigger: "#34d399", action: "#38bdf8", decision: "#fbbf24", artifact: "#a78bfa" };

/** Steps in their type colour, department bands faintly in theirs, everything else invisible. */
export function minimapColor(node: Node): string {
  const flowNode = node as FlowNode;
  if (flowNode.type === "departmentLane") return `${flowNode.data.band.color}26`;
  return STEP_COLOR[flowNode.type ?? ""] ?? "transparent";
}
