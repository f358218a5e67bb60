import { FIELD_WORDS } from "./apply";
import { sameValue, type GraphState } from "./graph";
import type { Operation } from "./operations";

/** Who made the change that won, and when (ms since the epoch). */
export type Author = { name: string; at: number };

export type ConflictEntity = "node" | "edge" | "department" | "stage";

/**
 * A compare-and-set edit that lost a race: the fields both people changed, my values and
 * theirs, who made theirs, and my whole batch so it can be applied again on top.
 */
export type Conflict = {
  entity: ConflictEntity;
  id: string;
  fields: string[];
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  by: Author | null;
  ops: Operation[];
};

type Update = Extract<Operation, { op: "updateNode" | "updateEdge" | "updateAxis" }>;

function isUpdate(op: Operation | undefined): op is Update {
  return op?.op === "updateNode" || op?.op === "updateEdge" || op?.op === "updateAxis";
}

function target(state: GraphState, op: Update): { entity: ConflictEntity; current: Record<string, unknown> | undefined } {
  if (op.op === "updateNode") return { entity: "node", current: state.nodes.get(op.id) };
  if (op.op === "updateEdge") return { entity: "edge", current: state.edges.get(op.id) };
  const items = op.axis === "department" ? state.departments : state.stages;
  return { entity: op.axis, current: items.get(op.id) };
}

/**
 * The conflict behind a STALE_WRITE on `ops[index]`, read against the graph as it is now
 * (theirs applied). Null when that operation is not an update or its entity is gone.
 */
export function conflictOf(state: GraphState, ops: Operation[], index: number, by: Author | null): Conflict | null {
  const op = ops[index];
  if (!isUpdate(op)) return null;
  const { entity, current } = target(state, op);
  if (!current) return null;
  const set = op.set as Record<string, unknown>;
  const expect = op.expect as Record<string, unknown>;
  const fields = Object.keys(set).filter((key) => !sameValue(current[key], expect[key]));
  if (fields.length === 0) return null;
  return {
    entity,
    id: op.id,
    fields,
    mine: Object.fromEntries(fields.map((key) => [key, set[key]])),
    theirs: Object.fromEntries(fields.map((key) => [key, current[key]])),
    by,
    ops,
  };
}

/**
 * My batch again, each update now expecting what is there: "apply mine" on top of theirs.
 * Creates and deletes are unchanged (they fail on their own if they no longer make sense).
 */
export function onTopOf(state: GraphState, ops: Operation[]): Operation[] {
  return ops.map((op) => {
    if (!isUpdate(op)) return op;
    const { current } = target(state, op);
    if (!current) return op;
    const expect = Object.fromEntries(Object.keys(op.set).map((key) => [key, current[key]]));
    return { ...op, expect } as Update;
  });
}

const NAME_FIELDS = new Set(["label", "name"]);
const MOVE_FIELDS = new Set(["x", "y", "departmentId", "stageId"]);

const quote = (value: unknown) => `“${String(value)}”`;
const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");

function lane(lanes: ReadonlyMap<string, { name: string }>, id: unknown): string | null {
  return typeof id === "string" ? (lanes.get(id)?.name ?? null) : null;
}

/** One phrase for all of a move's fields: "moved it to Legal / Contract", or "moved it". */
function movePhrase(conflict: Conflict, state: GraphState): string {
  const names = [
    "departmentId" in conflict.theirs ? lane(state.departments, conflict.theirs.departmentId) : null,
    "stageId" in conflict.theirs ? lane(state.stages, conflict.theirs.stageId) : null,
  ].filter(Boolean);
  return names.length > 0 ? `moved it to ${names.join(" / ")}` : "moved it";
}

function phrase(field: string, value: unknown): string {
  if (NAME_FIELDS.has(field)) return `renamed it to ${quote(value)}`;
  if (field === "status" || field === "relationType" || field === "type" || field === "brainUsage")
    return `set its ${FIELD_WORDS[field] ?? field} to ${words(String(value))}`;
  if (field === "progress") return `set its progress to ${String(value)}%`;
  if (field === "pca") return `set its %C&A to ${String(value)}%`;
  if (field === "external") return value ? "marked it external" : "marked it as worked in-house";
  if (field === "avgTime" || field === "lagTime")
    return value ? `set its ${field === "lagTime" ? "wait" : "average time"} to ${String(value)}` : `cleared its ${FIELD_WORDS[field]}`;
  if (field === "description" || field === "condition") return value ? `changed its ${field}` : `cleared its ${field}`;
  return `changed its ${FIELD_WORDS[field] ?? field}`;
}

/** "a moment ago", "5 minutes ago", "an hour ago", "3 days ago". */
export function ago(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return "a moment ago";
  const units: [string, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    const n = Math.round(seconds / size);
    if (n >= 1 && (unit === "minute" || seconds >= size * 0.95))
      return n === 1 ? `${unit === "hour" ? "an" : "a"} ${unit} ago` : `${n} ${unit}s ago`;
  }
  return "a minute ago";
}

/** “Sam renamed it to “Kick-off call” a moment ago.” for the person whose edit lost. */
export function describeConflict(conflict: Conflict, state: GraphState, now = Date.now()): string {
  const who = conflict.by?.name ?? "Someone else";
  const moved = conflict.entity === "node" && conflict.fields.some((field) => MOVE_FIELDS.has(field));
  const phrases = [
    ...(moved ? [movePhrase(conflict, state)] : []),
    ...conflict.fields.filter((field) => !(moved && MOVE_FIELDS.has(field))).map((field) => phrase(field, conflict.theirs[field])),
  ];
  const what = phrases.length > 2 ? `${phrases.slice(0, 2).join(", ")} and more` : phrases.join(" and ");
  const when = conflict.by ? ` ${ago(conflict.by.at, now)}` : " in the meantime";
  return `${who} ${what}${when}.`;
}

/** Whether the conflict holds my value of `field` on this entity (the field keeps showing it). */
export function heldValue(conflict: Conflict | null, entity: ConflictEntity, id: string, field: string): { value: unknown } | null {
  if (!conflict || conflict.entity !== entity || conflict.id !== id || !(field in conflict.mine)) return null;
  return { value: conflict.mine[field] };
}
