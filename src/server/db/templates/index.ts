import { randomUUID } from "node:crypto";
import { DEFAULT_NODE_FIELDS, type GraphSnapshot } from "~/domain/graph";
import { CELL_PADDING, NODE_HEIGHT } from "~/domain/matrix";
import agileSprint from "./agile-sprint.json";
import brandIdentity from "./brand-identity.json";
import campaignLaunch from "./campaign-launch.json";
import cicdRelease from "./cicd-release.json";
import contentPipeline from "./content-pipeline.json";
import hardwareNpi from "./hardware-npi.json";
import pcbPrototype from "./pcb-prototype.json";
import uxDesignSprint from "./ux-design-sprint.json";
import { businessTemplates } from "./business";
import type { BuiltinTemplate } from "./types";

export type { BuiltinTemplate } from "./types";

export const builtinTemplates = [
  agileSprint,
  cicdRelease,
  hardwareNpi,
  pcbPrototype,
  campaignLaunch,
  contentPipeline,
  uxDesignSprint,
  brandIdentity,
  ...businessTemplates,
] as BuiltinTemplate[];

/** The template as a graph with fresh ids; throws on a lane or step key that does not exist. */
export function builtinGraph(template: BuiltinTemplate): GraphSnapshot {
  const axis = (list: BuiltinTemplate["departments"]) => list.map((a, position) => ({ id: randomUUID(), ...a, position }));
  const departments = axis(template.departments);
  const stages = axis(template.stages);
  const find = <T extends { name: string }>(list: T[], name: string) => {
    const found = list.find((a) => a.name === name);
    if (!found) throw new Error(`Template "${template.name}": no lane named "${name}"`);
    return found;
  };
  const slots = new Map<string, number>();
  const ids = new Map<string, string>();
  const nodes = template.nodes.map((n) => {
    const departmentId = find(departments, n.department).id;
    const stageId = find(stages, n.stage).id;
    const slot = slots.get(`${departmentId}:${stageId}`) ?? 0;
    slots.set(`${departmentId}:${stageId}`, slot + 1);
    const id = randomUUID();
    ids.set(n.key, id);
    return {
      ...DEFAULT_NODE_FIELDS,
      id,
      label: n.label,
      type: n.type,
      departmentId,
      stageId,
      x: CELL_PADDING,
      y: CELL_PADDING + slot * (NODE_HEIGHT + CELL_PADDING),
      avgTime: n.avgTime,
      tools: n.tools,
      isRepetitive: n.isRepetitive,
      brainUsage: n.brainUsage,
      pca: n.pca ?? DEFAULT_NODE_FIELDS.pca,
      external: n.external ?? DEFAULT_NODE_FIELDS.external,
    };
  });
  const nodeId = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`Template "${template.name}": no step with key "${key}"`);
    return id;
  };
  const edges = template.edges.map((e) => ({
    id: randomUUID(),
    sourceId: nodeId(e.from),
    targetId: nodeId(e.to),
    relationType: e.type,
    lagTime: e.lag ?? null,
    lagWorking: false,
    frequency: e.frequency ?? 1,
    condition: null,
  }));
  return { nodes, edges, departments, stages };
}
