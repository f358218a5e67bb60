/**
 * The export format of the old app (the browser-only FlowMatrix that keeps its projects in the
 * browser), read and written. A file is a project, an array of projects, or an envelope
 * `{ settings: { departments, stages }, projects }`.
 * Validation never stops at the first problem: every problem is listed with its path, so a
 * person can fix a file in one pass. Conversion produces fresh ids (an export imported into
 * the organization it came from must not collide with the original).
 *
 * Old positions are absolute canvas points; ours are offsets inside the node's cell. Our own
 * exports carry the offset too (`offset`, ignored by the old app), so an export re-imports
 * exactly; for old files the offset is the point relative to its cell in a matrix of minimum
 * size bands, clamped to stay inside the cell's top-left padding (bands grow to fit).
 */
import type { z } from "zod";
import {
  isDependency,
  NODE_STATUSES,
  NODE_TYPES,
  RELATION_TYPES,
  BRAIN_USAGES,
  findPath,
  type AxisItem,
  type GraphEdge,
  type GraphNode,
  type GraphSnapshot,
  type RelationType,
} from "../graph";
import { absolutePosition, bandIndex, CELL_PADDING, layoutMatrix } from "../matrix";
import { edgeFieldSchemas, nodeFieldSchemas } from "../operations";
import { axisNameSchema, colorSchema, personNameSchema } from "../schemas";

export type PlannedProject = {
  name: string;
  description: string | null;
  graph: GraphSnapshot;
};

/** `problems` refuse the file; `notes` say what was left out or changed on the way in, before anything is written. */
export type ImportParse = {
  format: "json" | "bpmn";
  projects: PlannedProject[];
  problems: string[];
  notes: string[];
  /** BPMN: how many sub-processes the file has, whichever way they were read. */
  subProcesses?: number;
};

export const AXIS_PALETTE = ["#0ea5e9", "#8b5cf6", "#10b981", "#f59e0b", "#ef4444", "#ec4899", "#14b8a6", "#6366f1"];
const MAX_OFFSET = 4000;

type Json = Record<string, unknown>;
type Ctx = { problems: string[]; newId: () => string };
type AxisDef = { key: string; name: string; color: string; order: number };
type AxisCatalog = { fromSettings: boolean; items: AxisDef[] };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));

function check<T>(ctx: Ctx, schema: z.ZodType<T, unknown>, value: unknown, path: string): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = [path, ...issue.path.map(String)].join(".");
    ctx.problems.push(`${where}: ${issue.message.replace(/^(Average time|Lag): /, "")}`);
  }
  return undefined;
}

function oneOf<T extends string>(ctx: Ctx, values: readonly T[], value: unknown, path: string, fallback?: T): T | undefined {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === "string" && (values as readonly string[]).includes(value)) return value as T;
  const list = values.join(", ");
  ctx.problems.push(`${path}: ${value === undefined ? `is required (one of ${list})` : `${show(value)} is not one of ${list}`}`);
  return undefined;
}

function optional<T>(ctx: Ctx, schema: z.ZodType<T, unknown>, value: unknown, path: string, fallback: T): T {
  if (value === undefined) return fallback;
  return check(ctx, schema, value, path) ?? fallback;
}

function idOf(ctx: Ctx, value: unknown, path: string): string | undefined {
  if ((typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Number.isFinite(value))) return String(value);
  ctx.problems.push(`${path}: ${value === undefined ? "is required" : `${show(value)} is not an id (a non-empty string)`}`);
  return undefined;
}

function readAxes(ctx: Ctx, list: unknown, path: string): AxisDef[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    ctx.problems.push(`${path}: must be an array`);
    return [];
  }
  const names = new Map<string, number>();
  const ids = new Map<string, number>();
  const out: AxisDef[] = [];
  list.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(raw)) return void ctx.problems.push(`${at}: must be an object`);
    const id = idOf(ctx, raw.id, `${at}.id`);
    const name = check(ctx, axisNameSchema, raw.name, `${at}.name`);
    const color = optional(ctx, colorSchema, raw.color, `${at}.color`, AXIS_PALETTE[i % AXIS_PALETTE.length]!);
    const order = raw.order === undefined ? i : typeof raw.order === "number" && Number.isFinite(raw.order) ? raw.order : undefined;
    if (order === undefined) ctx.problems.push(`${at}.order: ${show(raw.order)} is not a number`);
    if (id !== undefined && ids.has(id)) ctx.problems.push(`${at}.id: duplicate id ${show(id)} (also ${path}[${ids.get(id)}])`);
    if (name !== undefined && names.has(name.toLowerCase()))
      ctx.problems.push(`${at}.name: duplicate name ${show(name)} (also ${path}[${names.get(name.toLowerCase())}])`);
    if (id === undefined || name === undefined || order === undefined) return;
    ids.set(id, i);
    names.set(name.toLowerCase(), i);
    out.push({ key: id, name, color, order });
  });
  return out.sort((a, b) => a.order - b.order);
}

/** Resolves a node's stage/department reference (an id, else a name) to the axis it names. */
function resolveAxis(ctx: Ctx, catalog: AxisCatalog, ref: unknown, path: string, what: string): AxisDef | null {
  if (ref === undefined || ref === null || ref === "") return null;
  if (typeof ref !== "string" && typeof ref !== "number") {
    ctx.problems.push(`${path}: ${show(ref)} is not a ${what} id or name`);
    return null;
  }
  const text = String(ref).trim();
  const found = catalog.items.find((a) => a.key === text) ?? catalog.items.find((a) => a.name.toLowerCase() === text.toLowerCase());
  if (found) return found;
  if (catalog.fromSettings) {
    ctx.problems.push(`${path}: ${show(ref)} is not the id or name of a ${what} in settings.${what}s`);
    return null;
  }
  const name = check(ctx, axisNameSchema, text, path);
  if (name === undefined) return null;
  const created = { key: text, name, color: AXIS_PALETTE[catalog.items.length % AXIS_PALETTE.length]!, order: catalog.items.length };
  catalog.items.push(created);
  return created;
}

function position(ctx: Ctx, raw: unknown, path: string): { x: number; y: number } | undefined {
  if (raw === undefined) return undefined;
  if (isObject(raw) && Number.isFinite(raw.x) && Number.isFinite(raw.y)) return { x: raw.x as number, y: raw.y as number };
  ctx.problems.push(`${path}: ${show(raw)} is not a point like {"x": 120, "y": 80}`);
  return undefined;
}

type NodeDraft = Omit<GraphNode, "departmentId" | "stageId"> & {
  key?: string;
  department: AxisDef | null;
  stage: AxisDef | null;
  absolute?: { x: number; y: number };
  offset?: { x: number; y: number };
};

function readNode(ctx: Ctx, raw: unknown, at: string, axes: { department: AxisCatalog; stage: AxisCatalog }): NodeDraft | null {
  if (!isObject(raw)) {
    ctx.problems.push(`${at}: must be an object`);
    return null;
  }
  const attributes = raw.attributes === undefined ? {} : raw.attributes;
  if (!isObject(attributes)) ctx.problems.push(`${at}.attributes: must be an object`);
  const a = isObject(attributes) ? attributes : {};
  const tools = a.tool === undefined || a.tool === null ? [] : typeof a.tool === "string" ? [a.tool] : a.tool;
  const label = check(ctx, nodeFieldSchemas.label, raw.label, `${at}.label`);
  const type = oneOf(ctx, NODE_TYPES, raw.type, `${at}.type`);
  const node: NodeDraft = {
    key: idOf(ctx, raw.id, `${at}.id`),
    id: ctx.newId(),
    label: label ?? "",
    type: type ?? "ACTION",
    description: optional(ctx, nodeFieldSchemas.description, raw.description, `${at}.description`, null),
    status: oneOf(ctx, NODE_STATUSES, raw.status ?? undefined, `${at}.status`, "PENDING") ?? "PENDING",
    progress: optional(ctx, nodeFieldSchemas.progress, raw.progress, `${at}.progress`, 0),
    x: 0,
    y: 0,
    avgTime: optional(ctx, nodeFieldSchemas.avgTime, a.avg_time, `${at}.attributes.avg_time`, null),
    tools: optional(ctx, nodeFieldSchemas.tools, tools, `${at}.attributes.tool`, []),
    isRepetitive: optional(ctx, nodeFieldSchemas.isRepetitive, a.is_repetitive, `${at}.attributes.is_repetitive`, false),
    brainUsage: oneOf(ctx, BRAIN_USAGES, a.brain_usage ?? undefined, `${at}.attributes.brain_usage`, "MEDIUM") ?? "MEDIUM",
    assignee: optional(ctx, nodeFieldSchemas.assignee, a.assignee, `${at}.attributes.assignee`, null),
    pca: optional(ctx, nodeFieldSchemas.pca, a.pca, `${at}.attributes.pca`, 100),
    external: optional(ctx, nodeFieldSchemas.external, a.external, `${at}.attributes.external`, false),
    tags: optional(ctx, nodeFieldSchemas.tags, raw.ontology_tags ?? undefined, `${at}.ontology_tags`, []),
    department: resolveAxis(ctx, axes.department, raw.department, `${at}.department`, "department"),
    stage: resolveAxis(ctx, axes.stage, raw.stage, `${at}.stage`, "stage"),
    absolute: position(ctx, raw.position, `${at}.position`),
    offset: position(ctx, raw.offset, `${at}.offset`),
  };
  return node;
}

type EdgeDraft = { key?: string; source?: string; target?: string; fields: Omit<GraphEdge, "id" | "sourceId" | "targetId"> };

function readEdge(ctx: Ctx, raw: unknown, at: string): EdgeDraft | null {
  if (!isObject(raw)) {
    ctx.problems.push(`${at}: must be an object`);
    return null;
  }
  const props = raw.properties === undefined || raw.properties === null ? {} : raw.properties;
  if (!isObject(props)) ctx.problems.push(`${at}.properties: must be an object`);
  const p = isObject(props) ? props : {};
  return {
    key: idOf(ctx, raw.id, `${at}.id`),
    source: idOf(ctx, raw.source, `${at}.source`),
    target: idOf(ctx, raw.target, `${at}.target`),
    fields: {
      relationType: oneOf<RelationType>(ctx, RELATION_TYPES, raw.relation_type, `${at}.relation_type`) ?? "REQUIRES",
      lagTime: optional(ctx, edgeFieldSchemas.lagTime, p.lag_time, `${at}.properties.lag_time`, null),
      lagWorking: optional(ctx, edgeFieldSchemas.lagWorking, p.lag_working ?? undefined, `${at}.properties.lag_working`, false),
      frequency: optional(ctx, edgeFieldSchemas.frequency, p.frequency ?? undefined, `${at}.properties.frequency`, 1),
      condition: optional(ctx, edgeFieldSchemas.condition, p.condition, `${at}.properties.condition`, null),
    },
  };
}

/** Reports every dependency edge that closes a loop, naming the loop by its steps' labels. */
function reportCycles(ctx: Ctx, path: string, edges: { index: number; edge: GraphEdge }[], labels: Map<string, string>) {
  const deps = edges.filter((e) => isDependency(e.edge.relationType));
  const indegree = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const { edge } of deps) {
    indegree.set(edge.targetId, (indegree.get(edge.targetId) ?? 0) + 1);
    out.set(edge.sourceId, [...(out.get(edge.sourceId) ?? []), edge.targetId]);
  }
  const queue = [...out.keys()].filter((id) => !indegree.get(id));
  let seen = 0;
  for (let i = 0; i < queue.length; i++) {
    seen++;
    for (const next of out.get(queue[i]!) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const involved = new Set([...out.keys(), ...indegree.keys()]).size;
  if (seen === involved) return;
  // Slow path, only for files that do have a loop: add edges one by one to find the ones that close it.
  const successors = new Map<string, Map<string, true>>();
  for (const { index, edge } of deps) {
    const loop = findPath(successors, edge.targetId, edge.sourceId);
    if (loop) {
      const names = [...loop, loop[0]!].map((id) => show(labels.get(id) ?? id));
      ctx.problems.push(`${path}.edges[${index}]: closes a dependency cycle ${names.join(" -> ")}`);
      continue;
    }
    successors.set(edge.sourceId, (successors.get(edge.sourceId) ?? new Map()).set(edge.targetId, true));
  }
}

function toAxisItems(ctx: Ctx, catalog: AxisCatalog): Map<AxisDef, AxisItem> {
  return new Map(catalog.items.map((a, position) => [a, { id: ctx.newId(), name: a.name, color: a.color, position }]));
}

function readProject(
  ctx: Ctx,
  raw: unknown,
  path: string,
  settings: { department: AxisDef[]; stage: AxisDef[] } | null,
): PlannedProject | null {
  if (!isObject(raw)) {
    ctx.problems.push(`${path}: must be a project object with nodes and edges`);
    return null;
  }
  const name = check(ctx, personNameSchema, raw.name, `${path}.name`);
  const description = optional(ctx, nodeFieldSchemas.description, raw.description, `${path}.description`, null);
  const axes = {
    department: { fromSettings: settings !== null, items: [...(settings?.department ?? [])] },
    stage: { fromSettings: settings !== null, items: [...(settings?.stage ?? [])] },
  };
  const rawNodes = raw.nodes === undefined ? [] : raw.nodes;
  const rawEdges = raw.edges === undefined ? [] : raw.edges;
  if (!Array.isArray(rawNodes)) ctx.problems.push(`${path}.nodes: must be an array`);
  if (!Array.isArray(rawEdges)) ctx.problems.push(`${path}.edges: must be an array`);

  const byKey = new Map<string, { index: number; node: NodeDraft }>();
  const drafts: NodeDraft[] = [];
  (Array.isArray(rawNodes) ? rawNodes : []).forEach((r, i) => {
    const at = `${path}.nodes[${i}]`;
    const draft = readNode(ctx, r, at, axes);
    if (!draft) return;
    drafts.push(draft);
    if (draft.key === undefined) return;
    const first = byKey.get(draft.key);
    if (first) ctx.problems.push(`${at}.id: duplicate id ${show(draft.key)} (also ${path}.nodes[${first.index}])`);
    else byKey.set(draft.key, { index: i, node: draft });
  });

  const edgeKeys = new Map<string, number>();
  const edges: { index: number; edge: GraphEdge }[] = [];
  (Array.isArray(rawEdges) ? rawEdges : []).forEach((r, i) => {
    const at = `${path}.edges[${i}]`;
    const draft = readEdge(ctx, r, at);
    if (!draft) return;
    if (draft.key !== undefined) {
      if (edgeKeys.has(draft.key))
        ctx.problems.push(`${at}.id: duplicate id ${show(draft.key)} (also ${path}.edges[${edgeKeys.get(draft.key)}])`);
      else edgeKeys.set(draft.key, i);
    }
    const source = draft.source === undefined ? undefined : byKey.get(draft.source);
    const target = draft.target === undefined ? undefined : byKey.get(draft.target);
    if (draft.source !== undefined && !source)
      ctx.problems.push(`${at}.source: ${show(draft.source)} is not the id of a node in this project`);
    if (draft.target !== undefined && !target)
      ctx.problems.push(`${at}.target: ${show(draft.target)} is not the id of a node in this project`);
    if (source && target && source === target)
      ctx.problems.push(`${at}: a step cannot depend on itself (source and target are ${show(draft.source)})`);
    if (!source || !target || source === target) return;
    edges.push({ index: i, edge: { id: ctx.newId(), sourceId: source.node.id, targetId: target.node.id, ...draft.fields } });
  });
  reportCycles(ctx, path, edges, new Map(drafts.map((d) => [d.id, d.label])));
  if (name === undefined) return null;

  const departments = toAxisItems(ctx, axes.department);
  const stages = toAxisItems(ctx, axes.stage);
  const base = layoutMatrix({ departments: departments.values(), stages: stages.values(), nodes: [] });
  const bands = bandIndex(base);
  const nodes: GraphNode[] = drafts.map(({ key: _key, department, stage, absolute, offset, ...fields }) => {
    const departmentId = department ? departments.get(department)!.id : null;
    const stageId = stage ? stages.get(stage)!.id : null;
    const relative =
      offset ?? (absolute ? { x: absolute.x - bands.column(stageId).x, y: absolute.y - bands.row(departmentId).y } : { x: 0, y: 0 });
    const clamp = (v: number) => (offset ? v : Math.min(MAX_OFFSET, Math.max(CELL_PADDING, Math.round(v))));
    return { ...fields, departmentId, stageId, x: clamp(relative.x), y: clamp(relative.y) };
  });
  return {
    name,
    description,
    graph: { nodes, edges: edges.map((e) => e.edge), departments: [...departments.values()], stages: [...stages.values()] },
  };
}

/** Reads an already parsed JSON value in any of the three accepted shapes. */
export function readLegacy(value: unknown, options: { newId?: () => string } = {}): ImportParse {
  const ctx: Ctx = { problems: [], newId: options.newId ?? (() => crypto.randomUUID()) };
  let list: unknown[];
  let listPath: (i: number) => string;
  let settings: { department: AxisDef[]; stage: AxisDef[] } | null = null;
  if (Array.isArray(value)) {
    list = value;
    listPath = (i) => `[${i}]`;
  } else if (isObject(value) && "projects" in value) {
    if (value.settings !== undefined) {
      if (!isObject(value.settings)) ctx.problems.push("settings: must be an object with departments and stages");
      else
        settings = {
          department: readAxes(ctx, value.settings.departments, "settings.departments"),
          stage: readAxes(ctx, value.settings.stages, "settings.stages"),
        };
    }
    if (!Array.isArray(value.projects)) {
      ctx.problems.push("projects: must be an array of projects");
      return { format: "json", projects: [], problems: ctx.problems, notes: [] };
    }
    list = value.projects;
    listPath = (i) => `projects[${i}]`;
  } else if (isObject(value) && ("nodes" in value || "edges" in value)) {
    list = [value];
    listPath = () => "project";
  } else {
    return {
      format: "json",
      projects: [],
      problems: ["The file is not a FlowMatrix export: expected a project, an array of projects or { settings, projects }"],
      notes: [],
    };
  }
  if (list.length === 0) ctx.problems.push("The file holds no projects");
  const projects = list.map((raw, i) => readProject(ctx, raw, listPath(i), settings)).filter((p): p is PlannedProject => p !== null);
  return { format: "json", projects, problems: ctx.problems, notes: [] };
}

export function parseLegacyJson(text: string, options: { newId?: () => string } = {}): ImportParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { format: "json", projects: [], problems: [`The file is not valid JSON: ${(error as Error).message}`], notes: [] };
  }
  return readLegacy(value, options);
}

export type ExportMeta = { id: string; name: string; description: string | null; createdAt: string; updatedAt: string };

/** One project in the envelope shape, ids kept; `offset` lets our importer restore positions exactly. */
export function exportLegacy(meta: ExportMeta, graph: GraphSnapshot) {
  const layout = layoutMatrix({ departments: graph.departments, stages: graph.stages, nodes: graph.nodes });
  const axis = (a: AxisItem) => ({ id: a.id, name: a.name, color: a.color, order: a.position });
  return {
    format: "flowmatrix",
    version: 1,
    settings: { departments: graph.departments.map(axis), stages: graph.stages.map(axis) },
    projects: [
      {
        ...meta,
        nodes: graph.nodes.map((n) => ({
          id: n.id,
          label: n.label,
          type: n.type,
          status: n.status,
          description: n.description,
          progress: n.progress,
          position: absolutePosition(layout, n),
          offset: { x: n.x, y: n.y },
          stage: n.stageId,
          department: n.departmentId,
          attributes: {
            tool: n.tools,
            avg_time: n.avgTime,
            is_repetitive: n.isRepetitive,
            brain_usage: n.brainUsage,
            assignee: n.assignee,
            pca: n.pca,
            external: n.external,
          },
          ontology_tags: n.tags,
        })),
        edges: graph.edges.map((e) => ({
          id: e.id,
          source: e.sourceId,
          target: e.targetId,
          relation_type: e.relationType,
          properties: { lag_time: e.lagTime, ...(e.lagWorking && { lag_working: true }), condition: e.condition, frequency: e.frequency },
        })),
      },
    ],
  };
}
