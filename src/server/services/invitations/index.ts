import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { INVITATION_DAYS } from "~/domain/invitations";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import { rows, type Transaction } from "~/server/db";
import { reloadAccess } from "~/server/db/acting";
import { invitations, organizationMembers, projectMembers, projects, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { logActivity } from "../activity";
import type { OrgContext, ProjectContext, ServiceContext } from "../context";
import { notFound, ServiceError } from "../errors";
import { requireMemberRoom } from "../guards";
import { assertMayGrant, listMembers, lockOrganization } from "../organizations/members";
import { listProjectMembers } from "../projects/members";

/** Where the invitee answers: the link the inviter copies (email delivery is not part of FlowMatrix). */
export const invitationPath = (id: string) => `/invitations/${id}`;

const pendingColumns = {
  id: invitations.id,
  email: invitations.email,
  orgRole: invitations.orgRole,
  projectRole: invitations.projectRole,
  invitedByName: users.name,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

type PendingRow = {
  id: string;
  email: string;
  orgRole: OrgRole;
  projectRole: ProjectRole | null;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

export type PendingInvitation = PendingRow & { path: string; expired: boolean };

const withLink = (row: PendingRow, now = new Date()): PendingInvitation => ({
  ...row,
  path: invitationPath(row.id),
  expired: row.expiresAt <= now,
});

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);

async function memberRoom(tx: Transaction, organizationId: string) {
  const settings = await lockOrganization(tx, organizationId);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(organizationMembers)
    .where(eq(organizationMembers.organizationId, organizationId));
  requireMemberRoom(count?.n ?? 0, settings);
}

/**
 * The one pending invitation of this address to the organization (projectId null) or project,
 * renewed: asking again updates the role and the expiry, it does not pile up offers. Callers
 * hold the organization's row lock, so two invitations of one address cannot race.
 */
async function offer(
  tx: Transaction,
  invitedBy: string,
  target: { organizationId: string; projectId: string | null; email: string; orgRole: OrgRole; projectRole: ProjectRole | null },
) {
  const scope = target.projectId === null ? isNull(invitations.projectId) : eq(invitations.projectId, target.projectId);
  const values = { orgRole: target.orgRole, projectRole: target.projectRole, invitedBy, expiresAt: expiry() };
  const [renewed] = await tx
    .update(invitations)
    .set(values)
    .where(
      and(
        eq(invitations.organizationId, target.organizationId),
        scope,
        eq(invitations.email, target.email),
        eq(invitations.status, "PENDING"),
      ),
    )
    .returning({ id: invitations.id });
  const id =
    renewed?.id ??
    (
      await tx
        .insert(invitations)
        .values({ ...target, ...values })
        .returning({ id: invitations.id })
    )[0]!.id;
  const [row] = await tx
    .select(pendingColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.id, id));
  return withLink(row!);
}

export type InviteResult =
  | { status: "INVITED"; invitation: PendingInvitation }
  | { status: "ADDED"; member: Awaited<ReturnType<typeof listProjectMembers>>[number] };

/**
 * Asking someone to join the organization. The answer is an invitation whether or not an
 * account uses the address, so it says nothing about who has one; only members already in
 * the organization (whom the admin sees anyway) are refused as such.
 */
export async function inviteToOrganization(ctx: OrgContext, input: { email: string; role: OrgRole }): Promise<InviteResult> {
  const { access, actor } = ctx;
  assertMayGrant(access, input.role);
  return withTransaction(ctx.db, async (tx) => {
    await memberRoom(tx, access.organizationId);
    const members = await listMembers({ ...ctx, db: tx });
    if (members.some((m) => m.email === input.email)) {
      throw new ServiceError("ALREADY_MEMBER", `${input.email} is already a member of this organization`);
    }
    const invitation = await offer(tx, actor.userId, {
      organizationId: access.organizationId,
      projectId: null,
      email: input.email,
      orgRole: input.role,
      projectRole: null,
    });
    return { status: "INVITED", invitation };
  });
}

/**
 * Sharing a project: a member of its organization is added at once (they agreed to the
 * organization already); anyone else gets an invitation to join both.
 */
export async function inviteToProject(ctx: ProjectContext, input: { email: string; role: ProjectRole }): Promise<InviteResult> {
  const { access, actor } = ctx;
  return withTransaction(ctx.db, async (tx) => {
    await lockOrganization(tx, access.organizationId);
    const [colleague] = await tx
      .select({ userId: users.id })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, access.organizationId), eq(users.email, input.email)));
    if (!colleague) {
      await memberRoom(tx, access.organizationId);
      const invitation = await offer(tx, actor.userId, {
        organizationId: access.organizationId,
        projectId: access.project.id,
        email: input.email,
        orgRole: "MEMBER",
        projectRole: input.role,
      });
      return { status: "INVITED", invitation };
    }
    const inserted = await tx
      .insert(projectMembers)
      .values({
        organizationId: access.organizationId,
        projectId: access.project.id,
        userId: colleague.userId,
        role: input.role,
        invitedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: projectMembers.id });
    if (inserted.length === 0) throw new ServiceError("ALREADY_MEMBER", `${input.email} is already a member of this project`);
    await logActivity(tx, actor, {
      organizationId: access.organizationId,
      projectId: access.project.id,
      entityType: "MEMBER",
      entityId: colleague.userId,
      action: "SHARE",
      details: { new_value: { email: input.email, role: input.role } },
    });
    const member = (await listProjectMembers({ ...ctx, db: tx })).find((m) => m.userId === colleague.userId)!;
    return { status: "ADDED", member };
  });
}

/** The organization's open invitations (not the project ones), newest first; expired ones say so. */
export async function listOrganizationInvitations({ db, access }: OrgContext) {
  const found = await db
    .select(pendingColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.organizationId, access.organizationId), isNull(invitations.projectId), eq(invitations.status, "PENDING")))
    .orderBy(desc(invitations.createdAt), invitations.id);
  return found.map((row) => withLink(row));
}

export async function listProjectInvitations({ db, access }: ProjectContext) {
  const found = await db
    .select(pendingColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.projectId, access.project.id), eq(invitations.status, "PENDING")))
    .orderBy(desc(invitations.createdAt), invitations.id);
  return found.map((row) => withLink(row));
}

async function revoke(ctx: ServiceContext, scope: ReturnType<typeof eq>, invitationId: string) {
  const [revoked] = await ctx.db
    .update(invitations)
    .set({ status: "REVOKED", respondedAt: new Date() })
    .where(and(eq(invitations.id, invitationId), scope, eq(invitations.status, "PENDING")))
    .returning({ id: invitations.id });
  if (!revoked) throw notFound("Invitation");
  return { ok: true as const };
}

export function revokeOrganizationInvitation(ctx: OrgContext, input: { invitationId: string }) {
  return revoke(ctx, and(eq(invitations.organizationId, ctx.access.organizationId), isNull(invitations.projectId))!, input.invitationId);
}

export function revokeProjectInvitation(ctx: ProjectContext, input: { invitationId: string }) {
  return revoke(ctx, eq(invitations.projectId, ctx.access.project.id), input.invitationId);
}

// The invitee's side. They cannot see the organization before joining it, so these read and
// answer through the definer functions of drizzle/0013_invitations.sql, which answer only about
// invitations addressed to the acting user's own email.

type MineRow = {
  id: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED";
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  project_id: string | null;
  project_name: string | null;
  project_slug: string | null;
  org_role: OrgRole;
  project_role: ProjectRole | null;
  invited_by_name: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  gone: boolean;
};

export type InvitationState = "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED" | "EXPIRED" | "GONE";

export type ReceivedInvitation = {
  id: string;
  state: InvitationState;
  organization: { id: string; name: string; slug: string };
  project: { id: string; name: string } | null;
  orgRole: OrgRole;
  projectRole: ProjectRole | null;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
};

function received(row: MineRow, now = new Date()): ReceivedInvitation {
  const expiresAt = new Date(row.expires_at);
  const state: InvitationState = row.status !== "PENDING" ? row.status : row.gone ? "GONE" : expiresAt <= now ? "EXPIRED" : "PENDING";
  return {
    id: row.id,
    state,
    organization: { id: row.organization_id, name: row.organization_name, slug: row.organization_slug },
    project: row.project_id ? { id: row.project_id, name: row.project_name ?? "" } : null,
    orgRole: row.org_role,
    projectRole: row.project_role,
    invitedByName: row.invited_by_name,
    createdAt: new Date(row.created_at),
    expiresAt,
  };
}

async function mine(ctx: ServiceContext, only: string | null) {
  const found = rows<MineRow>(await ctx.db.execute(sql`SELECT * FROM app_my_invitations(${only}::uuid)`));
  return found.map((row) => received(row));
}

/** What the dashboard lists: invitations the signed-in person can still accept. */
export async function listMyInvitations(ctx: ServiceContext) {
  return (await mine(ctx, null)).filter((i) => i.state === "PENDING");
}

/** The invitation link's page: the invitation in whatever state it is, if it is addressed to the signed-in person. */
export async function getMyInvitation(ctx: ServiceContext, input: { invitationId: string }) {
  const [found] = await mine(ctx, input.invitationId);
  if (found) return found;
  const [elsewhere] = rows<{ yes: boolean }>(
    await ctx.db.execute(sql`SELECT app_invitation_for_someone_else(${input.invitationId}::uuid) AS yes`),
  );
  if (elsewhere?.yes) {
    throw new ServiceError(
      "WRONG_ACCOUNT",
      "This invitation was sent to a different email address; sign in with that address to answer it",
    );
  }
  throw notFound("Invitation");
}

const CLOSED: Record<string, string> = {
  WAS_ACCEPTED: "You have already accepted this invitation",
  WAS_DECLINED: "You declined this invitation; ask for a new one to join",
  WAS_REVOKED: "This invitation was withdrawn",
  EXPIRED: "This invitation has expired; ask for a new one",
  GONE: "The organization or project of this invitation has been deleted",
  FULL: "This organization has reached its member limit; ask an admin to make room",
};

async function answer(ctx: ServiceContext, invitationId: string, fn: "app_accept_invitation" | "app_decline_invitation") {
  const [result] = rows<{ outcome: string }>(await ctx.db.execute(sql`SELECT ${sql.raw(fn)}(${invitationId}::uuid) AS outcome`));
  const outcome = result?.outcome ?? "NOT_FOUND";
  if (outcome === "NOT_FOUND") await getMyInvitation(ctx, { invitationId }); // throws WRONG_ACCOUNT or NOT_FOUND
  if (outcome === "FULL") throw new ServiceError("LIMIT_REACHED", CLOSED.FULL!);
  if (CLOSED[outcome]) throw new ServiceError("INVITATION_CLOSED", CLOSED[outcome]!);
  return outcome;
}

/** Joins the organization (and project) the invitation names, with its roles; returns where to go next. */
export async function acceptInvitation(ctx: ServiceContext, input: { invitationId: string }) {
  await answer(ctx, input.invitationId, "app_accept_invitation");
  await reloadAccess(ctx.db);
  const [joined] = await mine(ctx, input.invitationId);
  const invitation = joined!;
  if (invitation.project) {
    const [project] = await ctx.db
      .select({ organizationId: projects.organizationId })
      .from(projects)
      .where(eq(projects.id, invitation.project.id));
    if (project) {
      await logActivity(ctx.db, ctx.actor, {
        organizationId: project.organizationId,
        projectId: invitation.project.id,
        entityType: "MEMBER",
        entityId: ctx.actor.userId,
        action: "SHARE",
        details: { new_value: { role: invitation.projectRole, accepted_invitation: true, invited_by_name: invitation.invitedByName } },
      });
    }
  }
  return invitation;
}

export async function declineInvitation(ctx: ServiceContext, input: { invitationId: string }) {
  await answer(ctx, input.invitationId, "app_decline_invitation");
  return { ok: true as const };
}
