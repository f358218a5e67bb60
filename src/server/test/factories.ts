import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { hashPassword } from "~/server/auth/password";
import type { Database } from "~/server/db";
import type { InviteResult, PendingInvitation } from "~/server/services/invitations";
import { invitations, organizationMembers, organizations, projectMembers, users } from "~/server/db/schema";

export const TEST_PASSWORD = "correct-horse-battery";

let passwordHash: Promise<string> | undefined;

/** A caller signed in as `userId`, on the sign-in `sessionId` when given (else one no session row backs). */
export function callerFor(db: Database, userId: string | null, sessionId: string | null = null) {
  return createCaller(createInnerContext({ db, session: userId ? { userId, sessionId } : null, ip: "203.0.113.7", userAgent: "vitest" }));
}

export async function createUser(db: Database, overrides: { name?: string; email?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      name: overrides.name ?? `User ${tag}`,
      email: overrides.email ?? `user-${tag}@example.test`,
      passwordHash: await passwordHash,
    })
    .returning();
  return user!;
}

/** An organization owned by a new user; returns the owner's caller too. */
export async function createOrg(db: Database, name = "Test Org") {
  const owner = await createUser(db, { name: "Owner" });
  const caller = callerFor(db, owner.id);
  const org = await caller.org.create({ name });
  return { owner, caller, org };
}

export async function addOrgMember(db: Database, organizationId: string, role: OrgRole, name?: string) {
  const user = await createUser(db, { name });
  await db.insert(organizationMembers).values({ organizationId, userId: user.id, role });
  return user;
}

export async function addProjectMember(db: Database, organizationId: string, projectId: string, role: ProjectRole, name?: string) {
  const user = await addOrgMember(db, organizationId, "MEMBER", name);
  await db.insert(projectMembers).values({ organizationId, projectId, userId: user.id, role });
  return user;
}

export async function setOrgLimits(db: Database, organizationId: string, limits: { maxProjects?: number; maxMembers?: number }) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  await db
    .update(organizations)
    .set({
      settings: {
        ...org!.settings,
        max_projects: limits.maxProjects ?? org!.settings.max_projects,
        max_members: limits.maxMembers ?? org!.settings.max_members,
      },
    })
    .where(eq(organizations.id, organizationId));
}

/** A pending invitation of `email` to the organization, or to a project in it when `projectRole` is given (written directly). */
export async function createInvitation(
  db: Database,
  target: { organizationId: string; email: string; projectId?: string; projectRole?: ProjectRole; orgRole?: OrgRole; expiresAt?: Date },
) {
  const [invitation] = await db
    .insert(invitations)
    .values({
      organizationId: target.organizationId,
      projectId: target.projectId ?? null,
      email: target.email.toLowerCase(),
      orgRole: target.orgRole ?? "MEMBER",
      projectRole: target.projectId ? (target.projectRole ?? "EDITOR") : null,
      expiresAt: target.expiresAt ?? new Date(Date.now() + 86_400_000),
    })
    .returning();
  return invitation!;
}

/** The invitation an add answered with; fails the test when the person was added at once instead. */
export function invitationOf(result: InviteResult): PendingInvitation {
  if (result.status !== "INVITED") throw new Error(`expected an invitation, got ${result.status}`);
  return result.invitation;
}
