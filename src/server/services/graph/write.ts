/**
 * Writes an applied batch's row changes. Runs of the same kind of change (steps created,
 * connections deleted...) go out as multi-row statements of up to ROWS_PER_STATEMENT rows,
 * so a 5,000-step paste is a handful of statements, not 5,000 round trips. Runs keep the
 * applier's order (lanes before the nodes placed in them, nodes before edges); updates stay
 * one statement per row, each with its own columns.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Change } from "~/domain/apply";
import type { AxisItem } from "~/domain/graph";
import { rows, type Transaction } from "~/server/db";
import { departments, edges, nodes, stages } from "~/server/db/schema";
import type { ProjectAccess } from "../access";
import { ServiceError } from "../errors";
import { edgeColumns, nodeColumns } from "./rows";

/** Rows per statement: a lane row has a handful of parameters, a step or connection run is one JSON parameter. */
const ROWS_PER_STATEMENT = 2500;

type Owner = { organizationId: string; projectId: string };
type Kind = "create" | "update" | "delete";

type NodeChange = Extract<Change, { entity: "node" }>;
type EdgeChange = Extract<Change, { entity: "edge" }>;
const isNode = (c: Change): c is NodeChange => c.entity === "node";
const isEdge = (c: Change): c is EdgeChange => c.entity === "edge";

const kindOf = (c: Change): Kind => (c.after && !c.before ? "create" : c.after ? "update" : "delete");

function* chunks<T>(items: T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Consecutive changes of one entity and kind. */
function runsOf(changes: readonly Change[]): Change[][] {
  const runs: Change[][] = [];
  for (const change of changes) {
    const last = runs.at(-1)?.[0];
    if (last && last.entity === change.entity && kindOf(last) === kindOf(change)) runs.at(-1)!.push(change);
    else runs.push([change]);
  }
  return runs;
}

export async function writeChanges(tx: Transaction, access: ProjectAccess, changes: readonly Change[]) {
  const owner = { organizationId: access.organizationId, projectId: access.project.id };
  const now = new Date();
  for (const run of runsOf(changes)) {
    const kind = kindOf(run[0]!);
    if (kind === "create") await createRows(tx, owner, run, now);
    else if (kind === "delete") await deleteRows(tx, owner, run, now);
    else for (const change of run) await updateRow(tx, owner, change, now);
  }
}

const DUPLICATE = { node: "Step", edge: "Connection", department: "Department", stage: "Stage" } as const;

/** A step as one record of the JSON parameter (jsonb_to_recordset reads it as NODE_RECORD). */
function nodeRecord(c: NodeChange) {
  const r = nodeColumns(c.after!);
  return {
    id: c.id,
    label: r.label,
    description: r.description,
    type: r.type,
    status: r.status,
    progress: r.progress,
    x: r.positionX,
    y: r.positionY,
    department: r.departmentId,
    stage: r.stageId,
    attributes: r.attributes,
    minutes: r.durationMinutes,
    low: r.durationLowMinutes,
    high: r.durationHighMinutes,
    tags: r.ontologyTags,
    score: r.aiScore,
  };
}

const NODE_RECORD = sql.raw(`r(id uuid, label text, description text, type text, status text, progress int, x float8, y float8,
  department uuid, stage uuid, attributes jsonb, minutes float8, low float8, high float8, tags jsonb, score int)`);

function edgeRecord(c: EdgeChange) {
  const r = edgeColumns(c.after!);
  return {
    id: c.id,
    source: r.sourceId,
    target: r.targetId,
    relation: r.relationType,
    properties: r.properties,
    minutes: r.lagMinutes,
    low: r.lagLowMinutes,
    high: r.lagHighMinutes,
  };
}

const EDGE_RECORD = sql.raw(
  `r(id uuid, source uuid, target uuid, relation text, properties jsonb, minutes float8, low float8, high float8)`,
);

/**
 * Inserts one run's rows; returns the ids that went in (a taken id is skipped, not an error
 * yet). Steps and connections go in as one JSON parameter each statement: thousands of bind
 * parameters cost more to send and plan than the rows cost to write.
 */
async function insertAll(tx: Transaction, owner: Owner, part: Change[]): Promise<{ id: string }[]> {
  const entity = part[0]!.entity;
  if (entity === "node")
    return rows<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO nodes (id, organization_id, project_id, label, description, type, status, progress, position_x, position_y,
                           department_id, stage_id, attributes, duration_minutes, duration_low_minutes, duration_high_minutes,
                           ontology_tags, ai_score)
        SELECT r.id, ${owner.organizationId}, ${owner.projectId}, r.label, r.description, r.type::node_type, r.status::node_status,
               r.progress, r.x, r.y, r.department, r.stage, r.attributes, r.minutes, r.low, r.high,
               ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.score
        FROM jsonb_to_recordset(${JSON.stringify(part.filter(isNode).map(nodeRecord))}::jsonb) AS ${NODE_RECORD}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`),
    );
  if (entity === "edge")
    return rows<{ id: string }>(
      await tx.execute(sql`
        INSERT INTO edges (id, organization_id, project_id, source_id, target_id, relation_type, properties, lag_minutes,
                           lag_low_minutes, lag_high_minutes)
        SELECT r.id, ${owner.organizationId}, ${owner.projectId}, r.source, r.target, r.relation::relation_type, r.properties,
               r.minutes, r.low, r.high
        FROM jsonb_to_recordset(${JSON.stringify(part.filter(isEdge).map(edgeRecord))}::jsonb) AS ${EDGE_RECORD}
        ON CONFLICT (id) DO NOTHING
        RETURNING id`),
    );
  const table = entity === "department" ? departments : stages;
  return tx
    .insert(table)
    .values(part.map((c) => ({ ...owner, ...(c.after as AxisItem) })))
    .onConflictDoNothing({ target: table.id })
    .returning({ id: table.id });
}

/**
 * Brings back steps or connections soft-deleted in this project under the same ids (undo of
 * a delete), all in one statement; returns the ids that came back.
 */
async function reviveAll(tx: Transaction, projectId: string, part: Change[], now: Date): Promise<Set<string>> {
  const at = now.toISOString();
  const nodeParts = part.filter(isNode);
  const edgeParts = part.filter(isEdge);
  const revived = [
    ...(nodeParts.length
      ? rows<{ id: string }>(
          await tx.execute(sql`
            UPDATE nodes SET label = r.label, description = r.description, type = r.type::node_type, status = r.status::node_status,
                   progress = r.progress, position_x = r.x, position_y = r.y, department_id = r.department, stage_id = r.stage,
                   attributes = r.attributes, duration_minutes = r.minutes, duration_low_minutes = r.low,
                   duration_high_minutes = r.high, ontology_tags = ARRAY(SELECT jsonb_array_elements_text(r.tags)),
                   ai_score = r.score, deleted_at = NULL, updated_at = ${at}
            FROM jsonb_to_recordset(${JSON.stringify(nodeParts.map(nodeRecord))}::jsonb) AS ${NODE_RECORD}
            WHERE nodes.id = r.id AND nodes.project_id = ${projectId} AND nodes.deleted_at IS NOT NULL
            RETURNING nodes.id`),
        )
      : []),
    ...(edgeParts.length
      ? rows<{ id: string }>(
          await tx.execute(sql`
            UPDATE edges SET source_id = r.source, target_id = r.target, relation_type = r.relation::relation_type,
                   properties = r.properties, lag_minutes = r.minutes, lag_low_minutes = r.low, lag_high_minutes = r.high,
                   deleted_at = NULL, updated_at = ${at}
            FROM jsonb_to_recordset(${JSON.stringify(edgeParts.map(edgeRecord))}::jsonb) AS ${EDGE_RECORD}
            WHERE edges.id = r.id AND edges.project_id = ${projectId} AND edges.deleted_at IS NOT NULL
            RETURNING edges.id`),
        )
      : []),
  ];
  return new Set(revived.map((r) => r.id));
}

async function createRows(tx: Transaction, owner: Owner, run: Change[], now: Date) {
  for (const part of chunks(run)) {
    const inserted = await insertAll(tx, owner, part);
    if (inserted.length === part.length) continue;
    // A taken id: a step or connection soft-deleted in this project comes back (undo of a
    // delete); any other, anywhere, is refused (the row may be invisible to the caller).
    const fresh = new Set(inserted.map((r) => r.id));
    const taken = part.filter((c) => !fresh.has(c.id));
    const revived = await reviveAll(tx, owner.projectId, taken, now);
    const refused = taken.find((c) => !revived.has(c.id));
    if (refused) throw new ServiceError("DUPLICATE_ID", `${DUPLICATE[refused.entity]} id ${refused.id} is already in use`);
  }
}

async function deleteRows(tx: Transaction, owner: Owner, run: Change[], now: Date) {
  const entity = run[0]!.entity;
  for (const part of chunks(run.map((c) => c.id))) {
    if (entity === "node" || entity === "edge") {
      const table = entity === "node" ? nodes : edges;
      await tx
        .update(table)
        .set({ deletedAt: now, updatedAt: now })
        .where(and(eq(table.projectId, owner.projectId), inArray(table.id, part)));
    } else {
      const table = entity === "department" ? departments : stages;
      await tx.delete(table).where(and(eq(table.projectId, owner.projectId), inArray(table.id, part)));
    }
  }
}

async function updateRow(tx: Transaction, owner: Owner, change: Change, now: Date) {
  if (change.entity === "node") {
    const before = change.before!;
    const after = change.after!;
    const statusChanged = before.status !== after.status;
    await tx
      .update(nodes)
      .set({
        ...nodeColumns(after),
        updatedAt: now,
        ...(statusChanged && {
          completedAt: after.status === "COMPLETED" ? now : null,
          ...(after.status === "IN_PROGRESS" && { startedAt: now }),
        }),
      })
      .where(and(eq(nodes.id, change.id), eq(nodes.projectId, owner.projectId)));
  } else if (change.entity === "edge") {
    await tx
      .update(edges)
      .set({ ...edgeColumns(change.after!), updatedAt: now })
      .where(and(eq(edges.id, change.id), eq(edges.projectId, owner.projectId)));
  } else {
    const table = change.entity === "department" ? departments : stages;
    const { name, color, position } = change.after!;
    await tx
      .update(table)
      .set({ name, color, position, updatedAt: now })
      .where(and(eq(table.id, change.id), eq(table.projectId, owner.projectId)));
  }
}
