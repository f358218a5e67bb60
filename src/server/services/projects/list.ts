import { and, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { can, effectiveProjectRole, type ProjectRole } from "~/domain/roles";
import { nodes, projectMembers, projects } from "~/server/db/schema";
import { containing } from "~/server/db/like";
import type { OrgContext } from "../context";
import { ServiceError } from "../errors";

export type ProjectSort = "updated" | "created" | "name";

export type ListProjectsInput = {
  sort: ProjectSort;
  status: "ACTIVE" | "ARCHIVED" | "ALL";
  search?: string;
  cursor?: string | null;
  limit: number;
};

type Cursor = { v: string; id: string };

/**
 * Keyset pagination over (sort key, id). Timestamps are compared at millisecond precision
 * because the cursor travels through a JS Date, and Postgres keeps microseconds.
 */
const SORTS: Record<ProjectSort, { key: SQL; dir: "asc" | "desc"; read: (p: typeof projects.$inferSelect) => string }> = {
  updated: { key: sql`date_trunc('milliseconds', ${projects.updatedAt})`, dir: "desc", read: (p) => p.updatedAt.toISOString() },
  created: { key: sql`date_trunc('milliseconds', ${projects.createdAt})`, dir: "desc", read: (p) => p.createdAt.toISOString() },
  name: { key: sql`lower(${projects.name})`, dir: "asc", read: (p) => p.name.toLowerCase() },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An instant as toISOString writes it, one Postgres accepts too (a real calendar day, year 1 or later). */
function isExactTime(text: string): boolean {
  const time = Date.parse(text);
  return Number.isFinite(time) && time >= Date.parse("0001-01-01T00:00:00.000Z") && new Date(time).toISOString() === text;
}

/** The cursor a previous page handed out, checked in full: anything else is a clear 400, never a failing cast. */
function decodeCursor(cursor: string | null | undefined, sort: ProjectSort): Cursor | null {
  if (!cursor) return null;
  const stale = new ServiceError("STALE_CURSOR", "This page of projects is no longer valid; reload the list");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw stale;
  }
  const { v, id } = (parsed ?? {}) as Partial<Cursor>;
  if (typeof v !== "string" || typeof id !== "string" || !UUID.test(id) || v.length > 300) throw stale;
  if (sort !== "name" && !isExactTime(v)) throw stale;
  return { v, id };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export async function listProjects({ db, access, actor }: OrgContext, input: ListProjectsInput) {
  const sort = SORTS[input.sort];
  const seesAll = can.manageOrganization(access.orgRole);
  const cursor = decodeCursor(input.cursor, input.sort);
  const cursorValue = cursor && (input.sort === "name" ? cursor.v : sql`${cursor.v}::timestamptz`);
  const after =
    cursor &&
    (sort.dir === "asc"
      ? sql`(${sort.key}, ${projects.id}) > (${cursorValue}, ${cursor.id}::uuid)`
      : sql`(${sort.key}, ${projects.id}) < (${cursorValue}, ${cursor.id}::uuid)`);
  const search = input.search?.trim();

  const rowsPlusOne = await db
    .select({
      project: projects,
      memberRole: projectMembers.role,
      completedCount: sql<number>`(SELECT count(*)::int FROM ${nodes} n WHERE n.project_id = ${projects.id} AND n.deleted_at IS NULL AND n.status = 'COMPLETED')`,
    })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
    .where(
      and(
        eq(projects.organizationId, access.organizationId),
        isNull(projects.deletedAt),
        input.status === "ALL" ? undefined : eq(projects.status, input.status),
        seesAll ? undefined : sql`${projectMembers.role} IS NOT NULL`,
        search ? or(ilike(projects.name, containing(search)), ilike(projects.description, containing(search))) : undefined,
        after ?? undefined,
      ),
    )
    .orderBy(
      sort.dir === "asc" ? sql`${sort.key} ASC` : sql`${sort.key} DESC`,
      sort.dir === "asc" ? sql`${projects.id} ASC` : sql`${projects.id} DESC`,
    )
    .limit(input.limit + 1);

  const page = rowsPlusOne.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ project, memberRole, completedCount }) => ({
      id: project.id,
      name: project.name,
      slug: project.slug,
      description: project.description,
      status: project.status,
      nodesCount: project.nodesCount,
      edgesCount: project.edgesCount,
      completedPercent: project.nodesCount ? Math.round((completedCount / project.nodesCount) * 100) : 0,
      updatedAt: project.updatedAt,
      createdAt: project.createdAt,
      myRole: effectiveProjectRole(access.orgRole, memberRole) as ProjectRole,
    })),
    nextCursor: rowsPlusOne.length > input.limit && last ? encodeCursor({ v: sort.read(last.project), id: last.project.id }) : null,
  };
}
