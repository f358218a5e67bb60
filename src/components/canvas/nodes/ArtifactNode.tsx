"use client";

import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { ActivityFlowNode } from "../flow-elements";
import { NodeCard } from "./NodeCard";

/** A artifact step; its outline, icon and colour come from NODE_LOOK.ARTIFACT. */
export const ArtifactNode = memo(function ArtifactNode(props: NodeProps<ActivityFlowNode>) {
  return <NodeCard {...props} />;
});
