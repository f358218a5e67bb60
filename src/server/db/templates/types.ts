import type { BrainUsage, NodeType, RelationType } from "~/domain/graph";
import type { templateCategory } from "../schema/enums";

type TemplateCategory = (typeof templateCategory.enumValues)[number];

/**
 * The built-in templates, written as data like the demo processes: lanes and steps by name,
 * dependencies by step key. Steps sharing a cell stack downwards, as in the demo seed.
 */
export type BuiltinTemplate = {
  name: string;
  description: string;
  category: Exclude<TemplateCategory, "CUSTOM">;
  tags: string[];
  departments: { name: string; color: string }[];
  stages: { name: string; color: string }[];
  nodes: {
    key: string;
    label: string;
    type: NodeType;
    department: string;
    stage: string;
    avgTime: string;
    tools: string[];
    isRepetitive: boolean;
    brainUsage: BrainUsage;
    pca?: number;
    external?: boolean;
  }[];
  edges: { from: string; to: string; type: RelationType; lag?: string; frequency?: number }[];
};
