export const ORG_ROLES = ["OWNER", "ADMIN", "MEMBER"] as const;
export const PROJECT_ROLES = ["OWNER", "EDITOR", "COMMENTER", "VIEWER"] as const;

export type OrgRole = (typeof ORG_ROLES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];

const ORG_RANK: Record<OrgRole, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1 };
const PROJECT_RANK: Record<ProjectRole, number> = { OWNER: 4, EDITOR: 3, COMMENTER: 2, VIEWER: 1 };

export function orgRoleAtLeast(role: OrgRole, min: OrgRole): boolean {
  return ORG_RANK[role] >= ORG_RANK[min];
}

export function projectRoleAtLeast(role: ProjectRole, min: ProjectRole): boolean {
  return PROJECT_RANK[role] >= PROJECT_RANK[min];
}

/** Organization OWNER/ADMIN act as project OWNER everywhere in their organization. */
export function effectiveProjectRole(orgRole: OrgRole, memberRole: ProjectRole | null): ProjectRole | null {
  return orgRoleAtLeast(orgRole, "ADMIN") ? "OWNER" : memberRole;
}

export const can = {
  editGraph: (role: ProjectRole) => projectRoleAtLeast(role, "EDITOR"),
  comment: (role: ProjectRole) => projectRoleAtLeast(role, "COMMENTER"),
  manageProject: (role: ProjectRole) => role === "OWNER",
  manageOrganization: (role: OrgRole) => orgRoleAtLeast(role, "ADMIN"),
};
