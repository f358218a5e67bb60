import type { BrainUsage, NodeStatus, NodeType, RelationType } from "~/domain/graph";
import customerOnboarding from "./demo/customer-onboarding.json";
import productLaunch from "./demo/product-launch.json";

/**
 * Demo seed data for FlowMatrix.
 *
 * The shape of the two demo processes (JSON files in ./demo), laid out on a
 * department × stage matrix.
 *
 * Conventions:
 * - REQUIRES / BLOCKS edges are finish-to-start dependencies and form a DAG
 *   flowing left-to-right through the stages.
 * - Exactly one FEEDBACK_TO edge per project models a rework loop pointing
 *   back to an earlier node (not a dependency).
 * - Durations are `<number><unit>` groups with unit m|h|d|w (e.g. "2h30m").
 */

export type SeedNode = {
  key: string;
  label: string;
  description?: string;
  type: NodeType;
  department: string;
  stage: string;
  status: NodeStatus;
  progress: number;
  avgTime: string;
  tools: string[];
  isRepetitive: boolean;
  brainUsage: BrainUsage;
  assignee: string | null;
  tags: string[];
  /** Percent complete and accurate; absent means 100. */
  pca?: number;
  external?: boolean;
};

export type SeedEdge = {
  from: string;
  to: string;
  type: RelationType;
  lag?: string;
  frequency?: number;
  condition?: string;
};

export type SeedAxis = { name: string; color: string };

export type SeedProject = {
  name: string;
  slug: string;
  description: string;
  departments: SeedAxis[];
  stages: SeedAxis[];
  nodes: SeedNode[];
  edges: SeedEdge[];
};

export const demoProjects = [customerOnboarding, productLaunch] as SeedProject[];
