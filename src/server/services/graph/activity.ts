import type { Change } from "~/domain/apply";
import { sameValue, type AxisItem, type GraphNode } from "~/domain/graph";
import type { activityLogs } from "~/server/db/schema";

type Entry = Pick<
  typeof activityLogs.$inferInsert,
  "organizationId" | "projectId" | "action" | "entityType" | "entityId" | "details" | "revision"
>;

const MOVE_FIELDS = new Set(["x", "y", "departmentId", "stageId"]);
const ENTITY = { node: "NODE", edge: "EDGE", department: "DEPARTMENT", stage: "STAGE" } as const;

export type ActivityContext = {
  organizationId: string;
  projectId: string;
  revision: number;
  axes: { department: ReadonlyMap<string, AxisItem>; stage: ReadonlyMap<string, AxisItem> };
  labels: ReadonlyMap<string, string>;
};

function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => !sameValue(b[k], a[k]));
}

function pick(entity: object, keys: string[]) {
  const e = entity as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, e[k]]));
}

/** "Legal / Draft": where a node sits, by lane names as they were at the time of the change. */
function cellName(node: GraphNode, ctx: ActivityContext): string {
  const department = node.departmentId ? (ctx.axes.department.get(node.departmentId)?.name ?? "?") : "Unassigned";
  const stage = node.stageId ? (ctx.axes.stage.get(node.stageId)?.name ?? "?") : "Unassigned";
  return `${department} / ${stage}`;
}

/** At most this many entities are listed in a grouped entry (the count is always whole). */
export const MAX_GROUP_ITEMS = 100;

/**
 * One activity entry per kind of change in a batch: a batch that moves 23 steps is one entry
 * "moved 23 steps" listing them, not 23 entries. Entries are grouped by (action, entity type),
 * so the feed's filters by action and kind still find every change; a group of one stays a
 * plain entry about its entity.
 */
export function activityEntries(changes: readonly Change[], ctx: ActivityContext): Entry[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entityEntries(changes, ctx)) {
    const key = `${entry.action}:${entry.entityType}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((group) => (group.length === 1 ? group[0]! : groupEntry(group)));
}

function groupEntry(group: Entry[]): Entry {
  const [first] = group as [Entry, ...Entry[]];
  const items = group.slice(0, MAX_GROUP_ITEMS).map((e) => ({ id: e.entityId, ...(e.details as object) }));
  const cells = new Set(group.map((e) => (e.details as { to?: string }).to ?? null));
  const [to] = cells;
  return {
    ...first,
    entityId: null,
    details: { count: group.length, items, ...(cells.size === 1 && to ? { to } : {}) },
  };
}

type MoveDetails = { label?: string; fields_changed?: string[]; old_value?: Record<string, unknown>; new_value?: Record<string, unknown> };
type GroupDetails = { count: number; items: (MoveDetails & { id: string | null })[]; to?: string };

/** A move that only changed positions within cells (x, y): a nudge or a drag, no lane change. */
const positionsOnly = (d: MoveDetails) => (d.fields_changed ?? []).every((f) => f === "x" || f === "y");

/** The entities an entry is about, sorted, with each one's details. */
function movedItems(entityId: string | null, details: unknown): (MoveDetails & { id: string | null })[] {
  const d = details as Partial<GroupDetails> & MoveDetails;
  return entityId ? [{ id: entityId, ...d }] : (d.items ?? []);
}

/**
 * Two moves of the same steps by the same person close together read as one: the later one
 * is folded into the earlier entry (from the first position to the last), or null when they
 * are not both position-only moves of exactly the same steps. Pure; the caller checks the
 * person, the time and that nothing else was logged in between.
 */
export function mergeNudge(
  previous: { entityId: string | null; details: unknown },
  next: { entityId?: string | null; details?: unknown },
): { entityId: string | null; details: Record<string, unknown> } | null {
  const before = movedItems(previous.entityId, previous.details);
  const after = movedItems(next.entityId ?? null, next.details);
  const count = (d: unknown, items: unknown[]) => (d as Partial<GroupDetails>).count ?? items.length;
  if (count(previous.details, before) !== before.length || count(next.details, after) !== after.length) return null;
  if (before.length !== after.length || !before.every(positionsOnly) || !after.every(positionsOnly)) return null;
  const nextById = new Map(after.map((item) => [item.id, item]));
  if (before.some((item) => !nextById.has(item.id))) return null;
  const merged = before.map((item) => {
    const later = nextById.get(item.id)!;
    const fields = [...new Set([...(item.fields_changed ?? []), ...(later.fields_changed ?? [])])];
    return {
      ...item,
      label: later.label ?? item.label,
      fields_changed: fields,
      old_value: Object.fromEntries(fields.map((f) => [f, item.old_value?.[f] ?? later.old_value?.[f]])),
      new_value: Object.fromEntries(fields.map((f) => [f, later.new_value?.[f] ?? item.new_value?.[f]])),
    };
  });
  if (merged.length === 1) {
    const [{ id, ...details }] = merged as [(typeof merged)[number]];
    return { entityId: id, details };
  }
  return { entityId: null, details: { count: merged.length, items: merged } };
}

/** One entry per changed entity: who is added by logActivity; what, old -> new here. */
function entityEntries(changes: readonly Change[], ctx: ActivityContext): Entry[] {
  const base = { organizationId: ctx.organizationId, projectId: ctx.projectId, revision: ctx.revision };
  const entries: Entry[] = [];
  for (const change of changes) {
    const entityType = ENTITY[change.entity];
    const describe = (entity: object): Record<string, unknown> => {
      if (change.entity === "node") return { label: (entity as GraphNode).label };
      if (change.entity === "edge") {
        const e = entity as { sourceId: string; targetId: string; relationType: string };
        return {
          relationType: e.relationType,
          source: ctx.labels.get(e.sourceId) ?? null,
          target: ctx.labels.get(e.targetId) ?? null,
        };
      }
      return { name: (entity as AxisItem).name };
    };
    if (!change.before && change.after) {
      entries.push({ ...base, action: "CREATE", entityType, entityId: change.id, details: describe(change.after) });
    } else if (change.before && !change.after) {
      entries.push({ ...base, action: "DELETE", entityType, entityId: change.id, details: describe(change.before) });
    } else if (change.before && change.after) {
      const fields = changedFields(change.before, change.after);
      if (fields.length === 0) continue;
      const moved = change.entity === "node" && fields.every((f) => MOVE_FIELDS.has(f));
      const details: Record<string, unknown> = {
        ...describe(change.after),
        fields_changed: fields,
        old_value: pick(change.before, fields),
        new_value: pick(change.after, fields),
      };
      if (change.entity === "node" && (fields.includes("departmentId") || fields.includes("stageId"))) {
        details.from = cellName(change.before as GraphNode, ctx);
        details.to = cellName(change.after as GraphNode, ctx);
      }
      entries.push({ ...base, action: moved ? "MOVE" : "UPDATE", entityType, entityId: change.id, details });
    }
  }
  return entries;
}
