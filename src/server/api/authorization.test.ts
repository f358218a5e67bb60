/**
 * Table-driven authorization test: every procedure of the app router crossed with every kind
 * of actor, each cell on fresh fixtures. The expected outcome of a cell is derived from the
 * role rules (not from the server code) by `expectedOutcome`; a few spelled-out rows check
 * that the derivation says what the rules say.
 *
 * Rules: organization roles OWNER > ADMIN > MEMBER; project roles OWNER > EDITOR > COMMENTER >
 * VIEWER. Organization OWNER/ADMIN act as project OWNER on every project of their organization;
 * an organization MEMBER sees only the projects they are a member of. Whoever cannot see the
 * organization/project gets NOT_FOUND (never FORBIDDEN); whoever can see it but lacks the role
 * gets FORBIDDEN; signed out is UNAUTHORIZED.
 */
import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { Database } from "~/server/db";
import { activityLogs, organizationMembers, organizations, projectMembers, projects } from "~/server/db/schema";
import { ACTOR_NAMES, ACTORS, createFixture, createOrgWithProject, type ActorName } from "~/server/test/actors";
import { callerFor } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";

import { expectedOutcome, PROCEDURES, type AppProcedurePath, type Outcome, type ProcedureCase } from "~/server/test/authorization-table";

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
    activityLogs: await db.select().from(activityLogs).where(eq(activityLogs.organizationId, organizationId)).orderBy(asc(activityLogs.id)),
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
    it("answers every actor as the rules say", async () => {
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
      // Ten fixtures, and for some rows ten bcrypt checks: slow on a busy 2-core machine.
    }, 120_000);
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
