"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { ActivityFlowNode } from "../flow-elements";
import { NodeCard } from "./NodeCard";

/** A trigger step; its outline, icon and colour come from NODE_LOOK.TRIGGER. */
export const TriggerNode = memo(function TriggerNode(props: NodeProps<ActivityFlowNode>) {
  return <NodeCard {...props} />;
});
