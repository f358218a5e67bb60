"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { ActivityFlowNode } from "../flow-elements";
import { NodeCard } from "./NodeCard";

/** A decision step; its outline, icon and colour come from NODE_LOOK.DECISION. */
export const DecisionNode = memo(function DecisionNode(props: NodeProps<ActivityFlowNode>) {
  return <NodeCard {...props} />;
});
