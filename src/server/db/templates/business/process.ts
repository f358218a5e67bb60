import type { BrainUsage, NodeType } from "~/domain/graph";
import type { BuiltinTemplate } from "../types";

/**
 * The business processes consultants map most (HR, finance, customer, operations), written
 * compactly: a step is [key, label, type, department, stage, time, brain use, repetitive,
 * tools]; a link [from, to, wait] makes `to` require `from`, after the wait when given; a
 * rework loop sends work from a later step back to an earlier one, that often.
 */
type Step = [
  key: string,
  label: string,
  type: NodeType,
  department: string,
  stage: string,
  time: string,
  brain: BrainUsage,
  repetitive: boolean,
  tools?: string[],
];
type Link = [from: string, to: string, wait?: string];
type Rework = [from: string, to: string, frequency: number];

type Process = Omit<BuiltinTemplate, "departments" | "stages" | "nodes" | "edges"> & {
  departments: string[];
  stages: string[];
  steps: Step[];
  links: Link[];
  rework: Rework[];
};

const DEPARTMENT_COLORS = ["#5a6fb0", "#3f8a8c", "#c0686f", "#c08b3e", "#6e9a5a", "#8a6fb0"];
const STAGE_COLORS = ["#7a8ca3", "#6b97b8", "#8a7bb5", "#b58a5e", "#c46f5f", "#6e9a8a"];

export function process(p: Process): BuiltinTemplate {
  const lanes = (names: string[], colors: string[]) => names.map((name, i) => ({ name, color: colors[i % colors.length]! }));
  return {
    name: p.name,
    description: p.description,
    category: p.category,
    tags: p.tags,
    departments: lanes(p.departments, DEPARTMENT_COLORS),
    stages: lanes(p.stages, STAGE_COLORS),
    nodes: p.steps.map(([key, label, type, department, stage, avgTime, brainUsage, isRepetitive, tools = []]) => ({
      key,
      label,
      type,
      department,
      stage,
      avgTime,
      brainUsage,
      isRepetitive,
      tools,
    })),
    edges: [
      ...p.links.map(([from, to, lag]) => ({ from, to, type: "REQUIRES" as const, ...(lag && { lag }) })),
      ...p.rework.map(([from, to, frequency]) => ({ from, to, type: "FEEDBACK_TO" as const, frequency })),
    ],
  };
}
