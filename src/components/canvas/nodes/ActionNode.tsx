"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { ActivityFlowNode } from "../flow-elements";
import { NodeCard } from "./NodeCard";

/** A action step; its outline, icon and colour come from NODE_LOOK.ACTION. */
export const ActionNode = memo(function ActionNode(props: NodeProps<ActivityFlowNode>) {
  return <NodeCard {...props} />;
});
