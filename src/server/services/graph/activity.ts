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

/** One activity row per changed entity: who is added by logActivity; what, old -> new here. */
export function activityEntries(changes: readonly Change[], ctx: ActivityContext): Entry[] {
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
