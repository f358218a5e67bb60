import { and, eq, isNull } from "drizzle-orm";
import { effectiveProjectRole, orgRoleAtLeast, projectRoleAtLeast, type OrgRole, type ProjectRole } from "~/domain/roles";
import { organizationMembers, organizations, projectMembers, projects } from "~/server/db/schema";
import type { OrgAccess, ProjectAccess, ServiceContext } from "../context";
import { forbidden, notFound } from "../errors";

export type { OrgAccess, ProjectAccess };

/** Membership of a live organization, or NOT_FOUND: non-members learn nothing about it. */
export async function requireOrgAccess(
  { db, actor }: ServiceContext,
  { organizationId, min }: { organizationId: string; min: OrgRole },
): Promise<OrgAccess> {
  const userId = actor.userId;
  const [row] = await db
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId), isNull(organizations.deletedAt)),
    )
    .limit(1);
  if (!row) throw notFound("Organization");
  if (!orgRoleAtLeast(row.role, min)) throw forbidden(`This needs the organization role ${min} or higher`);
  return { organizationId, orgRole: row.role };
}

/**
 * Resolves the caller's effective role on a project. Anyone who cannot see the project,
 * including members of other organizations, gets NOT_FOUND; those who can see it but lack
 * the role get FORBIDDEN. Soft-deleted projects are only reachable with `allowDeleted`.
 */
export async function requireProjectAccess(
  { db, actor }: ServiceContext,
  { projectId, min, allowDeleted = false }: { projectId: string; min: ProjectRole; allowDeleted?: boolean },
): Promise<ProjectAccess> {
  const userId = actor.userId;
  const [row] = await db
    .select({ project: projects, orgRole: organizationMembers.role, memberRole: projectMembers.role })
    .from(projects)
    .innerJoin(organizations, and(eq(organizations.id, projects.organizationId), isNull(organizations.deletedAt)))
    .innerJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, projects.organizationId), eq(organizationMembers.userId, userId)),
    )
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.id, projectId))
    .limit(1);
  const role = row ? effectiveProjectRole(row.orgRole, row.memberRole) : null;
  if (!row || !role) throw notFound("Project");
  if (row.project.deletedAt && !allowDeleted) throw notFound("Project");
  if (!projectRoleAtLeast(role, min)) throw forbidden(`This needs the project role ${min} or higher`);
  return { organizationId: row.project.organizationId, orgRole: row.orgRole, project: row.project, projectRole: role };
}
