import { randomUUID } from "node:crypto";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import type { Database } from "~/server/db";
import { addOrgMember, addProjectMember, callerFor, createUser } from "./factories";

/** What an actor is, relative to organization A and its project P. */
export type ActorTraits = { signedIn: boolean; orgRole: OrgRole | null; projectRole: ProjectRole | null };

export type Caller = ReturnType<typeof callerFor>;
export type User = Awaited<ReturnType<typeof createUser>>;

/** Organization A with project P, owned by `owner`, plus the targets some procedures need. */
export type Fixture = {
  db: Database;
  owner: User;
  ownerCaller: Caller;
  orgId: string;
  projectId: string;
  /** An organization MEMBER of A: target of org.members.changeRole/remove. */
  orgTarget: User;
  /** An organization MEMBER of A and project EDITOR of P: target of project.members.changeRole/remove. */
  projectTarget: User;
  /** A user in no organization: added by org.members.add / project.members.add. */
  outsider: User;
};

export const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createOrgWithProject(db: Database, name: string) {
  const owner = await createUser(db, { name: `${name} Owner` });
  const ownerCaller = callerFor(db, owner.id);
  const org = await ownerCaller.org.create({ name, slug: uniqueSlug("authz") });
  const project = await ownerCaller.project.create({ organizationId: org.id, name: `${name} Project` });
  return { owner, ownerCaller, orgId: org.id, projectId: project.id };
}

export async function createFixture(db: Database): Promise<Fixture> {
  const base = await createOrgWithProject(db, "Org A");
  return {
    db,
    ...base,
    orgTarget: await addOrgMember(db, base.orgId, "MEMBER", "Org Target"),
    projectTarget: await addProjectMember(db, base.orgId, base.projectId, "EDITOR", "Project Target"),
    outsider: await createUser(db, { name: "Outsider" }),
  };
}

export const ACTOR_NAMES = [
  "orgOwner",
  "orgAdmin",
  "orgMember",
  "projectOwner",
  "projectEditor",
  "projectCommenter",
  "projectViewer",
  "nonMember",
  "otherOrgOwner",
  "signedOut",
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export type ActorSpec = ActorTraits & { create: (fx: Fixture) => Promise<string | null> };

const projectActor = (role: ProjectRole): ActorSpec => ({
  signedIn: true,
  orgRole: "MEMBER",
  projectRole: role,
  create: async (fx) => (await addProjectMember(fx.db, fx.orgId, fx.projectId, role, `Project ${role}`)).id,
});

export const ACTORS: Record<ActorName, ActorSpec> = {
  // A second organization OWNER (the fixture's creator stays an owner too). Besides covering
  // "OWNER who did not create the org", this keeps org.members.leave by this actor from
  // tripping LAST_OWNER, so its cell tests authorization rather than the last-owner rule.
  orgOwner: {
    signedIn: true,
    orgRole: "OWNER",
    projectRole: null,
    create: async (fx) => (await addOrgMember(fx.db, fx.orgId, "OWNER", "Org Owner")).id,
  },
  orgAdmin: {
    signedIn: true,
    orgRole: "ADMIN",
    projectRole: null,
    create: async (fx) => (await addOrgMember(fx.db, fx.orgId, "ADMIN", "Org Admin")).id,
  },
  orgMember: {
    signedIn: true,
    orgRole: "MEMBER",
    projectRole: null,
    create: async (fx) => (await addOrgMember(fx.db, fx.orgId, "MEMBER", "Org Member")).id,
  },
  projectOwner: projectActor("OWNER"),
  projectEditor: projectActor("EDITOR"),
  projectCommenter: projectActor("COMMENTER"),
  projectViewer: projectActor("VIEWER"),
  nonMember: {
    signedIn: true,
    orgRole: null,
    projectRole: null,
    create: async (fx) => (await createUser(fx.db, { name: "Non Member" })).id,
  },
  otherOrgOwner: {
    signedIn: true,
    orgRole: null,
    projectRole: null,
    create: async (fx) => (await createOrgWithProject(fx.db, "Org B")).owner.id,
  },
  signedOut: { signedIn: false, orgRole: null, projectRole: null, create: async () => null },
};
