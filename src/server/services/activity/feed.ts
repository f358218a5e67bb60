import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import { activityLogs, users } from "~/server/db/schema";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";
import { toCsv } from "./csv";
import { describeActivity, type ActivityChange } from "./describe";

type Action = (typeof activityLogs.$inferSelect)["action"];
type EntityType = (typeof activityLogs.$inferSelect)["entityType"];

export type FeedFilter = { userId?: string; entityType?: EntityType; action?: Action };

export type FeedItem = {
  id: string;
  at: Date;
  actor: { id: string | null; name: string };
  action: Action;
  entityType: EntityType;
  entityId: string | null;
  /** The whole sentence: "Dana moved 'Review contract' from Legal / Draft to Legal / Review". */
  text: string;
  /** The same without the person, for layouts that show the name separately. */
  summary: string;
  changes: ActivityChange[];
  /** An entry about several entities (one batch): each of them, for the expandable details. */
  parts: { summary: string; changes: ActivityChange[] }[];
  partsTotal: number;
};

/**
 * Keyset position: the last row's (created_at, id). created_at travels as text with its
 * microseconds; a JS Date would round them off and skip or repeat rows written in the same
 * millisecond (every row of one graph batch shares its transaction's timestamp).
 */
type Cursor = { at: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const valid =
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at ?? "") &&
    isRealDay(at!) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? "");
  if (!valid) throw new ServiceError("STALE_CURSOR", "This page of activity is no longer valid; reload the list");
  return { at: at!, id: id! };
}

/** The date and time part is a real instant Postgres accepts (no February 30th, no year 0). */
function isRealDay(at: string): boolean {
  const millis = `${at.slice(0, 23)}Z`;
  const time = Date.parse(millis);
  return Number.isFinite(time) && time >= Date.parse("0001-01-01T00:00:00.000Z") && new Date(time).toISOString() === millis;
}

const exactTime = sql<string>`to_char(${activityLogs.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function feedWhere(projectId: string, filter: FeedFilter, cursor: Cursor | null): SQL | undefined {
  return and(
    eq(activityLogs.projectId, projectId),
    filter.userId ? eq(activityLogs.userId, filter.userId) : undefined,
    filter.entityType ? eq(activityLogs.entityType, filter.entityType) : undefined,
    filter.action ? eq(activityLogs.action, filter.action) : undefined,
    // A row comparison, so the (project_id[, filter], created_at DESC, id DESC) indexes can
    // start the scan right at the cursor instead of filtering their way to it.
    cursor ? sql`(${activityLogs.createdAt}, ${activityLogs.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined,
  );
}

/** Who MEMBER rows are about, by current name; the person may have left since. */
async function subjectNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

/** One page of a project's activity, newest first. */
export async function listActivity(
  { db, access }: ProjectContext,
  input: FeedFilter & { cursor?: string | null; limit: number },
): Promise<{ items: FeedItem[]; nextCursor: string | null }> {
  const projectId = access.project.id;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const found = await db
    .select({
      id: activityLogs.id,
      at: activityLogs.createdAt,
      exactAt: exactTime,
      userId: activityLogs.userId,
      userName: users.name,
      action: activityLogs.action,
      entityType: activityLogs.entityType,
      entityId: activityLogs.entityId,
      details: activityLogs.details,
    })
    .from(activityLogs)
    .leftJoin(users, eq(users.id, activityLogs.userId))
    .where(feedWhere(projectId, input, cursor))
    .orderBy(desc(activityLogs.createdAt), desc(activityLogs.id))
    .limit(input.limit + 1);

  const page = found.slice(0, input.limit);
  const members = page.filter((r) => r.entityType === "MEMBER" && r.entityId).map((r) => r.entityId!);
  const names = await subjectNames(db, [...new Set(members)]);
  const items = page.map((row): FeedItem => {
    const actorName = row.userName ?? "Someone";
    const { summary, changes, parts, partsTotal } = describeActivity({
      action: row.action,
      entityType: row.entityType,
      details: row.details,
      subjectName: row.entityId ? names.get(row.entityId) : null,
    });
    return {
      id: row.id,
      at: row.at,
      actor: { id: row.userId, name: actorName },
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      text: `${actorName} ${summary}`,
      summary,
      changes,
      parts,
      partsTotal,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: found.length > input.limit && last ? encodeCursor({ at: last.exactAt, id: last.id }) : null };
}

/**
 * Everyone who appears in a project's activity, for the person filter. A plain DISTINCT would
 * read every row of a busy project; this walks the (project_id, user_id, ...) index one
 * person at a time ("loose index scan"), so it costs one index probe per person.
 */
export async function activityPeople({ db, access }: ProjectContext): Promise<{ id: string; name: string }[]> {
  const projectId = access.project.id;
  const result = await db.execute(sql`
    WITH RECURSIVE actor AS (
      (SELECT user_id FROM ${activityLogs}
        WHERE project_id = ${projectId} AND user_id IS NOT NULL ORDER BY user_id LIMIT 1)
      UNION ALL
      SELECT (SELECT a.user_id FROM ${activityLogs} a
               WHERE a.project_id = ${projectId} AND a.user_id > actor.user_id ORDER BY a.user_id LIMIT 1)
        FROM actor WHERE actor.user_id IS NOT NULL
    )
    SELECT u.id, u.name FROM actor JOIN ${users} u ON u.id = actor.user_id ORDER BY lower(u.name), u.id`);
  return rows<{ id: string; name: string }>(result);
}

export const EXPORT_LIMIT = 20_000;
const EXPORT_PAGE = 1_000;

/**
 * The filtered feed as CSV, newest first, at most EXPORT_LIMIT rows (the response is built in
 * memory). Read in keyset pages so a long export never holds one huge result set.
 */
export async function exportActivityCsv(ctx: ProjectContext, filter: FeedFilter) {
  const lines: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listActivity>> = await listActivity(ctx, {
      ...filter,
      cursor,
      limit: Math.min(EXPORT_PAGE, EXPORT_LIMIT - lines.length),
    });
    for (const item of page.items) {
      lines.push([
        item.at.toISOString(),
        item.actor.name,
        item.action.toLowerCase(),
        item.entityType.toLowerCase(),
        item.parts.length > 0 ? `${item.text}: ${item.parts.map((part) => part.summary).join("; ")}` : item.text,
        item.changes
          .map((c) => (c.from ? `${c.field}: ${c.from}` : ""))
          .filter(Boolean)
          .join("; "),
        item.changes
          .map((c) => (c.to ? `${c.field}: ${c.to}` : ""))
          .filter(Boolean)
          .join("; "),
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor && lines.length < EXPORT_LIMIT);
  const day = new Date().toISOString().slice(0, 10);
  return {
    filename: `${ctx.access.project.slug}-activity-${day}.csv`,
    csv: toCsv(["time", "person", "action", "entity", "description", "old", "new"], lines),
    rows: lines.length,
    truncated: cursor !== null,
  };
}
