/**
 * Reads BPMN 2.0 XML: FlowMatrix's own exports back to the same project, and models drawn in
 * other tools (Signavio, Camunda Modeler, bpmn.io...) as far as a matrix can hold them.
 *
 * A collaboration becomes one project: every pool's lanes are departments (a pool without
 * lanes is one department), message flows between steps are connections. A process outside
 * any collaboration is a project of its own. Tasks, events, gateways and call activities are
 * steps; a sub-process is flattened into its steps (flows into it go to its first steps, flows
 * out leave from its last) or kept as one step; a boundary event is a step after the activity
 * it is attached to. A sequence flow that closes a loop is a rework connection. Everything
 * else (data objects, annotations, black-box pools, flows whose ends were not imported) is
 * left out, and every such decision is a note naming the element, shown before anything is
 * written. Vendor extensions and attributes BPMN does not define are notes, never refusals.
 * The result goes through the same validation as a JSON import (readLegacy).
 */
import { BpmnModdle, type ModdleNode } from "bpmn-moddle";
import { NODE_TYPES, type NodeType } from "../graph";
import { CELL_PADDING } from "../matrix";
import { FM_NS } from "./bpmn";
import { AXIS_PALETTE, readLegacy, type ImportParse } from "./legacy";
import {
  Assembly,
  LABEL_MAX,
  capitalize,
  collapse,
  ids,
  isStep,
  isSubProcess,
  kindOf,
  list,
  loopClosers,
  one,
  quote,
  trim,
  uniqueName,
  type BpmnOptions,
  type Json,
} from "./bpmn-walk";

export type { BpmnOptions, SubProcessMode } from "./bpmn-walk";

type Pool = { process: ModdleNode; participant?: ModdleNode };

/** Turns one collaboration (or one lone process) into the JSON shape readLegacy validates. */
/** An fm: boolean as written; anything but "true"/"false" is passed on for the field check to report. */
const flag = (v: string | undefined) => (v === "true" ? true : v === "false" ? false : v);

function assemble(pools: Pool[], messageFlows: ModdleNode[], name: string, a: Assembly, bounds: Map<string, { x: number; y: number }>) {
  const taken = new Set<string>();
  const laneKey = new Map<string, string | null>();
  for (const { process, participant } of pools) {
    const poolName = a.clean(participant?.name ?? process.name);
    const leafLanes = (lanes: ModdleNode[], parents: string[]): { lane: ModdleNode; parents: string[] }[] =>
      lanes.flatMap((lane) => {
        const children = list(one(lane, "childLaneSet"), "lanes");
        return children.length ? leafLanes(children, [...parents, a.clean(lane.name)]) : [{ lane, parents }];
      });
    const lanes = leafLanes(
      list(process, "laneSets").flatMap((set) => list(set, "lanes")),
      [],
    );
    let poolKey: string | null = null;
    if (lanes.length === 0 && pools.length > 1) {
      poolKey = participant?.id ?? process.id!;
      a.departments.push({
        id: poolKey,
        name: uniqueName(poolName || poolKey, taken),
        color: AXIS_PALETTE[a.departments.length % AXIS_PALETTE.length],
      });
    }
    for (const { lane, parents } of lanes) {
      const key = a.fm(lane, "unassigned") === "true" ? null : lane.id!;
      for (const r of list(lane, "flowNodeRef")) if (r.id) laneKey.set(r.id, key);
      if (key === null) continue;
      const qualifier = [...(pools.length > 1 ? [poolName] : []), ...parents].filter(Boolean).join(" / ") || undefined;
      const base = a.clean(lane.name) || lane.id!;
      const color = a.fm(lane, "color") ?? AXIS_PALETTE[a.departments.length % AXIS_PALETTE.length];
      a.departments.push({ id: key, name: uniqueName(base, taken, qualifier), color });
    }
    a.walk(list(process, "flowElements"), (id) => laneKey.get(id) ?? null, { lane: poolKey, stage: undefined });
    for (const artifact of list(process, "artifacts")) a.leaveOut(kindOf(artifact), artifact.id!);
  }
  for (const m of messageFlows) {
    const source = one(m, "sourceRef")?.id;
    const target = one(m, "targetRef")?.id;
    if (source && target) a.flows.push({ id: m.id!, source, target, el: m, what: "message flow" });
  }

  const labelOf = (el: ModdleNode) => {
    const label = a.clean(el.name) || capitalize(kindOf(el));
    if (label.length <= LABEL_MAX) return label;
    a.notes.push(`${el.id}: name shortened to ${LABEL_MAX} characters`);
    return `${label.slice(0, LABEL_MAX - 1)}…`;
  };
  const order = [...a.steps.keys()];
  // Without FlowMatrix's own offset, a step keeps where the diagram drew it, relative to its lane.
  const offsetFromDiagram = (id: string, lane: string | null) => {
    const at = bounds.get(id);
    if (!at) return undefined;
    const origin = (lane ? bounds.get(lane) : undefined) ?? { x: 0, y: 0 };
    const clamp = (v: number) => Math.max(CELL_PADDING, Math.round(v));
    return { x: clamp(at.x - origin.x), y: clamp(at.y - origin.y) };
  };
  const nodes = [...a.steps].map(([id, { el, lane, stage }]) => {
    const declared = a.fm(el, "offset")?.split(",").map(Number);
    const num = (key: string) => (a.fm(el, key) === undefined ? undefined : Number(a.fm(el, key)));
    const bool = (key: string) => flag(a.fm(el, key));
    const docs = list(el, "documentation")
      .map((d) => d.get("text") as string)
      .filter(Boolean);
    return {
      id,
      label: labelOf(el),
      type: stepType(el, a.fm(el, "type")),
      status: a.fm(el, "status"),
      progress: num("progress"),
      description: docs.join("\n") || null,
      department: lane,
      stage: stage ?? null,
      offset: declared?.length === 2 && declared.every(Number.isFinite) ? { x: declared[0], y: declared[1] } : offsetFromDiagram(id, lane),
      attributes: {
        avg_time: a.fm(el, "avgTime") ?? null,
        is_repetitive: bool("repetitive"),
        brain_usage: a.fm(el, "brainUsage"),
        assignee: a.fm(el, "assignee") ?? null,
        pca: num("pca"),
        external: bool("external"),
        tool: a.fmChildren(el, "tool").map((t) => t.name),
      },
      ontology_tags: a.fmChildren(el, "tag").map((t) => t.name),
    };
  });

  const edges: Json[] = [];
  const pairs = new Set<string>();
  const elementOf = new Map<number, string>();
  for (const flow of a.flows) {
    const sources = a.resolve(flow.source, "exits");
    const targets = a.resolve(flow.target, "entries");
    if (sources.length === 0 || targets.length === 0) {
      const missing = sources.length === 0 ? flow.source : flow.target;
      a.leaveOut(
        `${flow.what} whose other end was not imported`,
        `${flow.id} (${missing})`,
        `${flow.what}s whose other end was not imported`,
      );
      continue;
    }
    for (const source of sources)
      for (const target of targets) {
        if (source === target) {
          a.notes.push(`${flow.id}: leads from ${source} back to itself; left out (a step cannot depend on itself)`);
          continue;
        }
        if (pairs.has(`${source}>${target}`)) continue;
        pairs.add(`${source}>${target}`);
        const declared = a.fm(flow.el, "relation");
        const condition = one(flow.el, "conditionExpression")?.get("body") as string | undefined;
        elementOf.set(edges.length, flow.id);
        edges.push({
          id: `${flow.id}#${source}>${target}`,
          source,
          target,
          relation_type: declared ?? "REQUIRES",
          properties: {
            lag_time: a.fm(flow.el, "lag") ?? null,
            lag_working: flag(a.fm(flow.el, "lagWorking")),
            frequency: a.fm(flow.el, "frequency") === undefined ? undefined : Number(a.fm(flow.el, "frequency")),
            // Modelers label a gateway's outgoing flows ("yes", "approved"): that is the connection's condition.
            condition: (condition?.trim() || (flow.what === "sequence flow" ? a.clean(flow.el?.name) : "")).slice(0, 500) || null,
          },
        });
        if (flow.what === "message flow") a.notes.push(`${flow.id}: message flow imported as a connection from ${source} to ${target}`);
      }
  }
  const dependencies = edges
    .map((e, i) => ({ key: String(i), source: e.source as string, target: e.target as string, relation: e.relation_type }))
    .filter((e) => e.relation !== "FEEDBACK_TO");
  for (const key of [...loopClosers(order, dependencies)].sort((x, y) => Number(x) - Number(y))) {
    const e = edges[Number(key)]!;
    e.relation_type = "FEEDBACK_TO";
    a.notes.push(
      `${elementOf.get(Number(key))}: closes a loop (${e.source} -> ${e.target}), imported as a rework connection, once per run`,
    );
  }
  for (const [what, left] of a.left)
    a.notes.push(`Left out ${left.ids.length} ${left.ids.length === 1 ? what : left.plural}: ${ids(left.ids)}`);

  const stages = stageList(pools, a, nodes);
  return {
    json: { settings: { departments: a.departments, stages }, projects: [{ name, description: processDescription(pools), nodes, edges }] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((_, i) => elementOf.get(i)!),
  };
}

function stepType(el: ModdleNode, declared: string | undefined): NodeType {
  if (declared && (NODE_TYPES as readonly string[]).includes(declared)) return declared as NodeType;
  if (el.$type === "bpmn:StartEvent") return "TRIGGER";
  if (el.$type.endsWith("Gateway")) return "DECISION";
  return "ACTION";
}

/** FlowMatrix's stage list in the process, in order with colours; else the stage names steps carry, in order of appearance. */
function stageList(pools: Pool[], a: Assembly, nodes: { stage: string | null }[]): Json[] {
  const declared = pools.flatMap(({ process }) =>
    a.fmChildren(process, "stages").flatMap((s) => (s.$children as Json[] | undefined) ?? []),
  );
  if (declared.length)
    return declared.map((s, i) => ({ id: s.id, name: s.name, color: s.color ?? AXIS_PALETTE[i % AXIS_PALETTE.length], order: i }));
  const names = [...new Set(nodes.map((n) => n.stage).filter((s): s is string => !!s))];
  return names.map((name, i) => ({ id: name, name, order: i }));
}

function processDescription(pools: Pool[]): string | null {
  const text = pools
    .flatMap(({ process }) => list(process, "documentation"))
    .map((d) => (d.get("text") as string | undefined)?.trim())
    .filter(Boolean);
  return text.length ? text.join("\n\n") : null;
}

/** Reads BPMN 2.0 XML: each collaboration, and each process outside one, becomes one project. */
export async function parseBpmn(xml: string, options: BpmnOptions = {}): Promise<ImportParse> {
  let parsed;
  try {
    parsed = await new BpmnModdle().fromXML(xml);
  } catch (error) {
    return {
      format: "bpmn",
      projects: [],
      problems: [`The file is not BPMN 2.0 XML: ${(error as Error).message.split("\n")[0]}`],
      notes: [],
    };
  }
  const notes = [...new Set(parsed.warnings.map((w) => w.message.split("\n")[0]!))].map((m) => `Ignored: ${m}`);
  const definitions = parsed.rootElement;
  const clean = definitions.get("exporter") === "FlowMatrix" ? trim : collapse;
  const prefix = Object.entries(definitions.$attrs ?? {})
    .find(([k, v]) => k.startsWith("xmlns:") && v === FM_NS)?.[0]
    .slice(6);
  const fm = (el: ModdleNode | undefined, key: string) => (prefix ? el?.$attrs?.[`${prefix}:${key}`] : undefined);
  const fmChildren = (el: ModdleNode | undefined, local: string) =>
    prefix ? (list(one(el, "extensionElements"), "values").filter((v) => v.$type === `${prefix}:${local}`) as unknown as Json[]) : [];

  const roots = list(definitions, "rootElements");
  const bounds = new Map<string, { x: number; y: number }>();
  for (const d of list(definitions, "diagrams"))
    for (const shape of list(one(d, "plane"), "planeElement")) {
      const el = one(shape, "bpmnElement");
      const b = shape.get("bounds") as { x: number; y: number } | undefined;
      if (el?.id && b && !bounds.has(el.id)) bounds.set(el.id, { x: b.x, y: b.y });
    }
  const hasSteps = (p: ModdleNode) => list(p, "flowElements").some((e) => isStep(e) || isSubProcess(e));
  const groups: { name: string; pools: Pool[]; messageFlows: ModdleNode[] }[] = [];
  const grouped = new Set<ModdleNode>();
  for (const c of roots.filter((r) => r.$type === "bpmn:Collaboration")) {
    const pools: Pool[] = [];
    for (const participant of list(c, "participants")) {
      const process = one(participant, "processRef");
      if (process && hasSteps(process)) {
        pools.push({ process, participant });
        grouped.add(process);
      } else notes.push(`${participant.id}${participant.name ? ` ${quote(clean(participant.name))}` : ""}: a pool without steps; left out`);
    }
    if (pools.length === 0) continue;
    const named = pools.map((p) => clean(p.participant?.name ?? p.process.name)).filter(Boolean);
    const name = pools.length === 1 ? named[0] : clean(c.name) || named.join(" & ");
    groups.push({ name: (name || "Imported process").slice(0, 255), pools, messageFlows: list(c, "messageFlows") });
  }
  for (const process of roots.filter((r) => r.$type === "bpmn:Process" && !grouped.has(r) && hasSteps(r)))
    groups.push({ name: clean(process.name) || `Imported process ${groups.length + 1}`, pools: [{ process }], messageFlows: [] });
  if (groups.length === 0)
    return { format: "bpmn", projects: [], problems: ["The file has no process with tasks, events or gateways"], notes };

  const result: ImportParse = { format: "bpmn", projects: [], problems: [], notes };
  for (const group of groups) {
    const a = new Assembly(fm, fmChildren, options.subProcesses ?? "flatten", clean);
    const { json, nodeIds, edgeIds } = assemble(group.pools, group.messageFlows, group.name, a, bounds);
    const where = groups.length > 1 ? `${quote(group.name)}: ` : "";
    result.notes.push(...a.notes.map((n) => where + n));
    const read = readLegacy(json, options);
    // Problems name the element, not the JSON path readLegacy knows it by.
    const located = read.problems.map((p) =>
      p
        .replace(/^projects\[0\]\.nodes\[(\d+)\]\.?/, (_, i) => `${where}${nodeIds[Number(i)]}: `)
        .replace(/^projects\[0\]\.edges\[(\d+)\]\.?/, (_, i) => `${where}${edgeIds[Number(i)]}: `)
        .replace(/^projects\[0\]\.?/, where)
        .replace(/^settings\.departments\[(\d+)\]\.?/, (_, i) => `${where}${String(a.departments[Number(i)]?.id)}: `)
        .replace(/^settings\.stages/, `${where}stages`)
        .replace(/: (attributes\.|properties\.)?/, ": "),
    );
    result.problems.push(...located);
    result.subProcesses = (result.subProcesses ?? 0) + a.subProcesses;
    result.projects.push(...read.projects);
  }
  return result;
}
