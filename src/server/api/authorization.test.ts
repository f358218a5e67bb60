/**
 * Table-driven authorization test: every procedure of the app router crossed with every kind
 * of actor, each cell on fresh fixtures. The expected outcome of a cell is derived from the
 * DESIGN rules (not from the server code) by `expectedOutcome`; a few spelled-out rows check
 * that the derivation says what the rules say.
 *
 * Rules: organization roles OWNER > ADMIN > MEMBER; project roles OWNER > EDITOR > COMMENTER >
 * VIEWER. Organization OWNER/ADMIN act as project OWNER on every project of their organization;
 * an organization MEMBER sees only the projects they are a member of. Whoever cannot see the
 * organization/project gets NOT_FOUND (never FORBIDDEN); whoever can see it but lacks the role
 * gets FORBIDDEN; signed out is UNAUTHORIZED.
 */
import { randomUUID } from "node:crypto";
import { TRPCError, type AnyProcedure } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { OrgRole, ProjectRole } from "~/domain/roles";
import { appRouter, type AppRouter } from "~/server/api/root";
import type { Database } from "~/server/db";
import { activityLogs, organizationMembers, organizations, projectMembers, projects } from "~/server/db/schema";
import { ACTOR_NAMES, ACTORS, createFixture, createOrgWithProject, uniqueSlug, type ActorName, type ActorTraits, type Caller, type Fixture } from "~/server/test/actors";
import { callerFor, TEST_PASSWORD } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";

type Access =
  | { kind: "public" }
  | { kind: "authed" }
  | { kind: "org"; min: OrgRole }
  | { kind: "project"; min: ProjectRole };

type Outcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN";


// Own ranks, deliberately not imported from ~/domain/roles: the test restates the rules.
const ORG_RANK: Record<OrgRole, number> = { MEMBER: 1, ADMIN: 2, OWNER: 3 };
const PROJECT_RANK: Record<ProjectRole, number> = { VIEWER: 1, COMMENTER: 2, EDITOR: 3, OWNER: 4 };

function expectedOutcome(access: Access, actor: ActorTraits): Outcome {
  if (access.kind === "public") return "ok";
  if (!actor.signedIn) return "UNAUTHORIZED";
  if (access.kind === "authed") return "ok";
  // Not a member of the organization: neither it nor its projects exist for this actor.
  if (!actor.orgRole) return "NOT_FOUND";
  if (access.kind === "org") return ORG_RANK[actor.orgRole] >= ORG_RANK[access.min] ? "ok" : "FORBIDDEN";
  const effective: ProjectRole | null = actor.orgRole === "OWNER" || actor.orgRole === "ADMIN" ? "OWNER" : actor.projectRole;
  if (!effective) return "NOT_FOUND";
  return PROJECT_RANK[effective] >= PROJECT_RANK[access.min] ? "ok" : "FORBIDDEN";
}

/** "a.b.c" for every procedure in a router record: the table below must name each one. */
type ProcedurePath<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends AnyProcedure ? `${Prefix}${K}` : ProcedurePath<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type AppProcedurePath = ProcedurePath<AppRouter["_def"]["record"]>;

type ProcedureCase = {
  access: Access;
  /** Runs as the fixture owner before the actor's call (after the actor exists). */
  setup?: (fx: Fixture) => Promise<unknown>;
  /** Valid input chosen so that an allowed call really succeeds. */
  call: (caller: Caller, fx: Fixture) => Promise<unknown>;
};

const PUBLIC: Access = { kind: "public" };
const AUTHED: Access = { kind: "authed" };
const org = (min: OrgRole): Access => ({ kind: "org", min });
const project = (min: ProjectRole): Access => ({ kind: "project", min });

const PROCEDURES: Record<AppProcedurePath, ProcedureCase> = {
  "auth.signUp": {
    access: PUBLIC,
    call: (c) => c.auth.signUp({ name: "Signer", email: `signup-${randomUUID()}@example.test`, password: "long-enough-pw" }),
  },
  "search.query": { access: AUTHED, call: (c) => c.search.query({ q: "Org A Project" }) },

  "user.me": { access: AUTHED, call: (c) => c.user.me() },
  "user.updateProfile": { access: AUTHED, call: (c) => c.user.updateProfile({ name: "Renamed", avatarUrl: "" }) },
  "user.changePassword": {
    access: AUTHED,
    call: (c) => c.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "another-long-password" }),
  },
  "template.list": { access: org("MEMBER"), call: (c, fx) => c.template.list({ organizationId: fx.orgId }) },
  // get/use/update/delete work on a template the owner saved from the fixture's project.
  "template.get": {
    access: org("MEMBER"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.get({ organizationId: fx.orgId, templateId: own!.id });
    },
  },
  "template.use": {
    access: org("MEMBER"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.use({ organizationId: fx.orgId, templateId: own!.id, name: "From template" });
    },
  },
  "template.saveFromProject": {
    access: project("EDITOR"),
    call: (c, fx) => c.template.saveFromProject({ projectId: fx.projectId, name: "Saved template", category: "CUSTOM", tags: [] }),
  },
  "template.update": {
    access: org("ADMIN"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.update({ organizationId: fx.orgId, templateId: own!.id, name: "Renamed template" });
    },
  },
  "template.delete": {
    access: org("ADMIN"),
    setup: (fx) => fx.ownerCaller.template.saveFromProject({ projectId: fx.projectId, name: "Org template", category: "CUSTOM", tags: [] }),
    call: async (c, fx) => {
      const [own] = (await fx.ownerCaller.template.list({ organizationId: fx.orgId })).filter((t) => !t.builtin);
      return c.template.delete({ organizationId: fx.orgId, templateId: own!.id });
    },
  },

  "org.create": { access: AUTHED, call: (c) => c.org.create({ name: "Created Org", slug: uniqueSlug("created") }) },
  "transfer.previewImport": {
    access: org("MEMBER"),
    call: (c, fx) => c.transfer.previewImport({ organizationId: fx.orgId, text: '{"name": "Imported", "nodes": [], "edges": []}' }),
  },
  "transfer.importProjects": {
    access: org("MEMBER"),
    call: (c, fx) => c.transfer.importProjects({ organizationId: fx.orgId, text: '{"name": "Imported", "nodes": [], "edges": []}' }),
  },
  "transfer.exportJson": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportJson({ projectId: fx.projectId }) },
  "transfer.exportCsv": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportCsv({ projectId: fx.projectId }) },
  "transfer.exportBpmn": { access: project("EDITOR"), call: (c, fx) => c.transfer.exportBpmn({ projectId: fx.projectId }) },
  "org.list": { access: AUTHED, call: (c) => c.org.list() },
  "org.get": { access: org("MEMBER"), call: (c, fx) => c.org.get({ organizationId: fx.orgId }) },
  "org.update": { access: org("ADMIN"), call: (c, fx) => c.org.update({ organizationId: fx.orgId, name: "Renamed Org" }) },
  "org.delete": { access: org("OWNER"), call: (c, fx) => c.org.delete({ organizationId: fx.orgId }) },

  "org.members.list": { access: org("MEMBER"), call: (c, fx) => c.org.members.list({ organizationId: fx.orgId }) },
  "org.members.add": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.add({ organizationId: fx.orgId, email: fx.outsider.email, role: "MEMBER" }),
  },
  "org.members.changeRole": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.changeRole({ organizationId: fx.orgId, userId: fx.orgTarget.id, role: "ADMIN" }),
  },
  "org.members.remove": {
    access: org("ADMIN"),
    call: (c, fx) => c.org.members.remove({ organizationId: fx.orgId, userId: fx.orgTarget.id }),
  },
  "org.members.leave": { access: org("MEMBER"), call: (c, fx) => c.org.members.leave({ organizationId: fx.orgId }) },

  "project.create": {
    access: org("MEMBER"),
    call: (c, fx) => c.project.create({ organizationId: fx.orgId, name: "Another Project" }),
  },
  "project.list": { access: org("MEMBER"), call: (c, fx) => c.project.list({ organizationId: fx.orgId }) },
  "project.trash": { access: org("MEMBER"), call: (c, fx) => c.project.trash({ organizationId: fx.orgId }) },
  "project.get": { access: project("VIEWER"), call: (c, fx) => c.project.get({ projectId: fx.projectId }) },
  "analysis.leadTime": { access: project("VIEWER"), call: (c, fx) => c.analysis.leadTime({ projectId: fx.projectId }) },
  "analysis.automationCandidates": {
    access: project("VIEWER"),
    call: (c, fx) => c.analysis.automationCandidates({ projectId: fx.projectId }),
  },
  "comment.list": { access: project("VIEWER"), call: (c, fx) => c.comment.list({ projectId: fx.projectId, status: "all" }) },
  "comment.create": {
    access: project("COMMENTER"),
    call: (c, fx) => c.comment.create({ projectId: fx.projectId, content: "A project comment" }),
  },
  // Only authors edit or delete: the actor's own comment is written straight to the table
  // (signed-out callers fail at user.me), so the procedure's role check decides the cell.
  "comment.edit": {
    access: project("COMMENTER"),
    call: async (c, fx) => {
      const { comments } = await import("~/server/db/schema");
      const me = await c.user.me();
      const [mine] = await fx.db.insert(comments).values({ organizationId: fx.orgId, projectId: fx.projectId, userId: me.id, content: "Mine" }).returning();
      return c.comment.edit({ projectId: fx.projectId, commentId: mine!.id, content: "Edited" });
    },
  },
  "comment.delete": {
    access: project("COMMENTER"),
    call: async (c, fx) => {
      const { comments } = await import("~/server/db/schema");
      const me = await c.user.me();
      const [mine] = await fx.db.insert(comments).values({ organizationId: fx.orgId, projectId: fx.projectId, userId: me.id, content: "Mine" }).returning();
      return c.comment.delete({ projectId: fx.projectId, commentId: mine!.id });
    },
  },
  // The owner's thread: resolving someone else's thread takes EDITOR.
  "comment.setResolved": {
    access: project("EDITOR"),
    setup: (fx) => fx.ownerCaller.comment.create({ projectId: fx.projectId, content: "Owner's thread" }),
    call: async (c, fx) => {
      const [thread] = await fx.ownerCaller.comment.list({ projectId: fx.projectId });
      return c.comment.setResolved({ projectId: fx.projectId, commentId: thread!.id, resolved: true });
    },
  },
  "graph.get": { access: project("VIEWER"), call: (c, fx) => c.graph.get({ projectId: fx.projectId }) },
  "activity.list": { access: project("VIEWER"), call: (c, fx) => c.activity.list({ projectId: fx.projectId }) },
  "activity.people": { access: project("VIEWER"), call: (c, fx) => c.activity.people({ projectId: fx.projectId }) },
  "activity.exportCsv": { access: project("EDITOR"), call: (c, fx) => c.activity.exportCsv({ projectId: fx.projectId }) },
  "graph.applyOps": {
    access: project("EDITOR"),
    call: (c, fx) =>
      c.graph.applyOps({
        projectId: fx.projectId,
        clientOpId: randomUUID(),
        ops: [{ op: "createAxis", axis: "stage", item: { id: randomUUID(), name: "Added stage", color: "#336699", position: 9 } }],
      }),
  },
  // Resolves to the event stream once access is granted; the stream itself is not read here.
  "graph.onChange": {
    access: project("VIEWER"),
    call: (c, fx) => c.graph.onChange({ projectId: fx.projectId, since: 0, tab: "authorization-test" }),
  },
  "project.update": {
    access: project("EDITOR"),
    call: (c, fx) => c.project.update({ projectId: fx.projectId, name: "Renamed Project" }),
  },
  "version.list": { access: project("VIEWER"), call: (c, fx) => c.version.list({ projectId: fx.projectId }) },
  "version.get": {
    access: project("VIEWER"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) => c.version.get({ projectId: fx.projectId, versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id }),
  },
  "version.compare": {
    access: project("VIEWER"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) =>
      c.version.compare({ projectId: fx.projectId, from: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id, to: "current" }),
  },
  "version.save": { access: project("EDITOR"), call: (c, fx) => c.version.save({ projectId: fx.projectId, comment: "Saved" }) },
  "version.prepareRestore": {
    access: project("EDITOR"),
    setup: (fx) => fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" }),
    call: async (c, fx) =>
      c.version.prepareRestore({ projectId: fx.projectId, versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id }),
  },
  "version.restore": {
    access: project("EDITOR"),
    setup: async (fx) => {
      await fx.ownerCaller.version.save({ projectId: fx.projectId, comment: "Baseline" });
      await fx.ownerCaller.graph.applyOps({
        projectId: fx.projectId,
        clientOpId: randomUUID(),
        ops: [{ op: "createAxis", axis: "stage", item: { id: randomUUID(), name: "Added stage", color: "#336699", position: 9 } }],
      });
    },
    call: async (c, fx) =>
      c.version.restore({ projectId: fx.projectId, versionId: (await fx.ownerCaller.version.list({ projectId: fx.projectId }))[0]!.id }),
  },
  "project.archive": { access: project("OWNER"), call: (c, fx) => c.project.archive({ projectId: fx.projectId }) },
  "project.unarchive": {
    access: project("OWNER"),
    setup: (fx) => fx.ownerCaller.project.archive({ projectId: fx.projectId }),
    call: (c, fx) => c.project.unarchive({ projectId: fx.projectId }),
  },
  "project.delete": { access: project("OWNER"), call: (c, fx) => c.project.delete({ projectId: fx.projectId }) },
  "project.restore": {
    access: project("OWNER"),
    setup: (fx) => fx.ownerCaller.project.delete({ projectId: fx.projectId }),
    call: (c, fx) => c.project.restore({ projectId: fx.projectId }),
  },

  "project.members.list": {
    access: project("VIEWER"),
    call: (c, fx) => c.project.members.list({ projectId: fx.projectId }),
  },
  "project.members.add": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.add({ projectId: fx.projectId, email: fx.outsider.email, role: "VIEWER" }),
  },
  "project.members.changeRole": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.changeRole({ projectId: fx.projectId, userId: fx.projectTarget.id, role: "VIEWER" }),
  },
  "project.members.remove": {
    access: project("OWNER"),
    call: (c, fx) => c.project.members.remove({ projectId: fx.projectId, userId: fx.projectTarget.id }),
  },
};

const PROCEDURE_ENTRIES = Object.entries(PROCEDURES) as [AppProcedurePath, ProcedureCase][];

/** Spelled out by hand from the rules, to check `expectedOutcome` against. */
const SANITY_ROWS: [AppProcedurePath, ActorName, Outcome][] = [
  ["project.update", "projectViewer", "FORBIDDEN"],
  ["project.update", "projectEditor", "ok"],
  ["project.get", "otherOrgOwner", "NOT_FOUND"],
  ["project.get", "orgMember", "NOT_FOUND"],
  ["project.get", "signedOut", "UNAUTHORIZED"],
  ["project.delete", "orgAdmin", "ok"],
  ["project.restore", "projectOwner", "ok"],
  ["project.members.add", "projectEditor", "FORBIDDEN"],
  ["project.trash", "otherOrgOwner", "NOT_FOUND"],
  ["org.update", "projectOwner", "FORBIDDEN"],
  ["org.delete", "orgAdmin", "FORBIDDEN"],
  ["org.get", "nonMember", "NOT_FOUND"],
  ["org.members.leave", "projectViewer", "ok"],
  ["user.me", "signedOut", "UNAUTHORIZED"],
  ["user.me", "nonMember", "ok"],
  ["auth.signUp", "signedOut", "ok"],
];

/** "ok", or the tRPC code plus the message (the message only shows up in mismatch reports). */
async function outcomeOf(promise: Promise<unknown>): Promise<{ code: string; message?: string }> {
  try {
    await promise;
    return { code: "ok" };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

/** Everything of organization A that a cross-tenant call could touch. */
async function snapshotOrganization(db: Database, organizationId: string) {
  return {
    organization: await db.select().from(organizations).where(eq(organizations.id, organizationId)),
    organizationMembers: await db
      .select()
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, organizationId))
      .orderBy(asc(organizationMembers.id)),
    projects: await db.select().from(projects).where(eq(projects.organizationId, organizationId)).orderBy(asc(projects.id)),
    projectMembers: await db
      .select()
      .from(projectMembers)
      .where(eq(projectMembers.organizationId, organizationId))
      .orderBy(asc(projectMembers.id)),
    activityLogs: await db
      .select()
      .from(activityLogs)
      .where(eq(activityLogs.organizationId, organizationId))
      .orderBy(asc(activityLogs.id)),
  };
}

describe("authorization table", () => {
  it("names every procedure of the app router, and nothing else", () => {
    const routerPaths = Object.keys(appRouter._def.procedures).sort();
    expect(routerPaths.length).toBeGreaterThan(0);
    expect(Object.keys(appRouter._def.lazy)).toEqual([]); // lazy routers would hide procedures
    expect(Object.keys(PROCEDURES).sort()).toEqual(routerPaths);
  });

  it("derives the hand-written sanity rows from the rules", () => {
    const wrong = SANITY_ROWS.filter(([path, actor, expected]) => expectedOutcome(PROCEDURES[path].access, ACTORS[actor]) !== expected);
    expect(wrong).toEqual([]);
  });
});

describe.each(testDatabaseKinds())("authorization on %s", (kind) => {
  const db = useTestDatabase(kind);

  describe.each(PROCEDURE_ENTRIES)("%s", (path, procedure) => {
    it(
      "answers every actor as the rules say",
      async () => {
        const mismatches: { actor: ActorName; expected: Outcome; got: string; message?: string }[] = [];
        for (const actorName of ACTOR_NAMES) {
          const actor = ACTORS[actorName];
          const fx = await createFixture(db());
          const userId = await actor.create(fx);
          await procedure.setup?.(fx);
          const expected = expectedOutcome(procedure.access, actor);
          const got = await outcomeOf(procedure.call(callerFor(fx.db, userId), fx));
          if (got.code !== expected) mismatches.push({ actor: actorName, expected, got: got.code, message: got.message });
        }
        expect(mismatches, `wrong cells for ${path}`).toEqual([]);
      },
      60_000,
    );
  });

  it("keeps organization A invisible to an owner of organization B, and unchanged", async () => {
    const scoped = PROCEDURE_ENTRIES.filter(([, p]) => p.access.kind === "org" || p.access.kind === "project");
    expect(scoped.length).toBeGreaterThan(0);
    const mismatches: { procedure: string; got: string; message?: string }[] = [];
    const changed: string[] = [];

    for (const [path, procedure] of scoped) {
      const fx = await createFixture(db());
      await procedure.setup?.(fx);
      const orgB = await createOrgWithProject(db(), "Org B");
      const before = await snapshotOrganization(db(), fx.orgId);
      const got = await outcomeOf(procedure.call(orgB.ownerCaller, fx));
      if (got.code !== "NOT_FOUND") mismatches.push({ procedure: path, got: got.code, message: got.message });
      if (JSON.stringify(await snapshotOrganization(db(), fx.orgId)) !== JSON.stringify(before)) changed.push(path);
    }

    // Mixed ids: B's own organization/project with A's members must not reach into A either.
    const fx = await createFixture(db());
    const orgB = await createOrgWithProject(db(), "Org B");
    const before = await snapshotOrganization(db(), fx.orgId);
    const b = orgB.ownerCaller;
    const mixed: [string, () => Promise<unknown>][] = [
      [
        "org.members.changeRole (B org, A user)",
        () => b.org.members.changeRole({ organizationId: orgB.orgId, userId: fx.orgTarget.id, role: "ADMIN" }),
      ],
      ["org.members.remove (B org, A user)", () => b.org.members.remove({ organizationId: orgB.orgId, userId: fx.orgTarget.id })],
      [
        "project.members.changeRole (B project, A user)",
        () => b.project.members.changeRole({ projectId: orgB.projectId, userId: fx.projectTarget.id, role: "VIEWER" }),
      ],
      [
        "project.members.remove (B project, A user)",
        () => b.project.members.remove({ projectId: orgB.projectId, userId: fx.projectTarget.id }),
      ],
    ];
    for (const [label, call] of mixed) {
      const got = await outcomeOf(call());
      if (got.code !== "NOT_FOUND") mismatches.push({ procedure: label, got: got.code, message: got.message });
    }
    if (JSON.stringify(await snapshotOrganization(db(), fx.orgId)) !== JSON.stringify(before)) changed.push("mixed ids");

    expect(mismatches).toEqual([]);
    expect(changed).toEqual([]);
  }, 60_000);
});
