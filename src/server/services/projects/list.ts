import { and, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { can, effectiveProjectRole, type ProjectRole } from "~/domain/roles";
import { nodes, projectMembers, projects } from "~/server/db/schema";
import type { OrgContext } from "../context";

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

function decodeCursor(cursor: string | null | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    return typeof parsed.v === "string" && typeof parsed.id === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export async function listProjects({ db, access, actor }: OrgContext, input: ListProjectsInput) {
  const sort = SORTS[input.sort];
  const seesAll = can.manageOrganization(access.orgRole);
  const cursor = decodeCursor(input.cursor);
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
        search ? or(ilike(projects.name, `%${search}%`), ilike(projects.description, `%${search}%`)) : undefined,
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
