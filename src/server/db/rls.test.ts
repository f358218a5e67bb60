import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";
import { callerFor, createInvitation, createUser } from "~/server/test/factories";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { startSession } from "~/server/services/sessions";
import { rows, type Database } from "./index";
import { actAs, APP_ROLE, reloadAccess } from "./acting";

/** Every table that holds a tenant's rows, and how to pick one tenant's rows out of it. */
const TENANT_TABLES: Record<string, (t: Tenant) => ReturnType<typeof sql>> = {
  organizations: (t) => sql`id = ${t.orgId}`,
  organization_members: (t) => sql`organization_id = ${t.orgId}`,
  projects: (t) => sql`organization_id = ${t.orgId}`,
  project_members: (t) => sql`organization_id = ${t.orgId}`,
  departments: (t) => sql`organization_id = ${t.orgId}`,
  stages: (t) => sql`organization_id = ${t.orgId}`,
  nodes: (t) => sql`organization_id = ${t.orgId}`,
  edges: (t) => sql`organization_id = ${t.orgId}`,
  project_versions: (t) => sql`organization_id = ${t.orgId}`,
  comments: (t) => sql`organization_id = ${t.orgId}`,
  activity_logs: (t) => sql`organization_id = ${t.orgId}`,
  operation_batches: (t) => sql`organization_id = ${t.orgId}`,
  undo_entries: (t) => sql`organization_id = ${t.orgId}`,
  ai_analysis_cache: (t) => sql`organization_id = ${t.orgId}`,
  lead_time_cache: (t) => sql`organization_id = ${t.orgId}`,
  simulation_cache: (t) => sql`organization_id = ${t.orgId}`,
  templates: (t) => sql`organization_id = ${t.orgId}`,
  invitations: (t) => sql`organization_id = ${t.orgId}`,
  process_runs: (t) => sql`organization_id = ${t.orgId}`,
  run_step_events: (t) => sql`organization_id = ${t.orgId}`,
  run_plans: (t) => sql`organization_id = ${t.orgId}`,
  api_tokens: (t) => sql`organization_id = ${t.orgId}`,
  users: (t) => sql`id = ${t.userId}`,
  sessions: (t) => sql`user_id = ${t.userId}`,
};

/** Tables without tenant rows: attempt counters keyed by email or address, and the migrations' own. */
const NOT_TENANT_DATA = ["rate_limits"];

type Tenant = { userId: string; email: string; orgId: string; projectId: string };

/** A tenant with a row in every tenant table, made the way users make them. */
async function createTenant(db: Database, name: string): Promise<Tenant> {
  const user = await createUser(db, { name });
  await startSession(db, { userId: user.id, userAgent: "vitest" });
  const caller = callerFor(db, user.id);
  const org = await caller.org.create({ name: `${name} org` });
  const project = await caller.project.create({ organizationId: org.id, name: `${name} project` });
  const projectId = project.id;
  const a = nodeOp("Draft", { avgTime: "1h", isRepetitive: true, brainUsage: "LOW" });
  const b = nodeOp("Review", { avgTime: "2h" });
  await caller.graph.applyOps({ projectId, ...batch([a, b, edgeOp(a.node.id, b.node.id)]), history: { kind: "do" } });
  await caller.comment.create({ projectId, content: "Looks right", nodeId: a.node.id });
  await caller.version.save({ projectId, comment: "First cut" });
  await caller.analysis.leadTime({ projectId });
  await caller.analysis.automationCandidates({ projectId });
  await caller.analysis.simulate({ projectId, runs: 100 });
  const run = await caller.run.start({ projectId, name: `${name} run` });
  await caller.run.record({ projectId, runId: run.id, nodeId: a.node.id, kind: "START" });
  await caller.token.create({ organizationId: org.id, name: `${name} token`, scope: "READ" });
  await caller.template.saveFromProject({ projectId, name: `${name} template`, category: "CUSTOM", tags: [] });
  await caller.org.members.add({ organizationId: org.id, email: `asked-${user.id}@example.test`, role: "MEMBER" });
  await caller.project.members.add({ projectId, email: `asked-${user.id}@example.test`, role: "VIEWER" });
  return { userId: user.id, email: user.email, orgId: org.id, projectId };
}

/** Rows a statement touched, counted the same way on both drivers. */
async function touched(db: Database | Parameters<Parameters<typeof actAs>[2]>[0], statement: ReturnType<typeof sql>) {
  const result = await db.execute(sql`WITH touched AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM touched`);
  return rows<{ n: number }>(result)[0]!.n;
}

async function count(db: Parameters<Parameters<typeof actAs>[2]>[0], table: string, where: ReturnType<typeof sql>) {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${where}`);
  return rows<{ n: number }>(result)[0]!.n;
}

/** Runs `fn` as the app role, then rolls back whatever it did. */
async function asApp(db: Database, userId: string | null, fn: Parameters<typeof actAs>[2]) {
  const undo = new Error("roll back");
  await actAs(db, userId, async (tx) => {
    await fn(tx);
    throw undo;
  }).catch((error: unknown) => {
    if (error !== undo) throw error;
  });
}

describe.each(testDatabaseKinds())("Row-Level Security on %s", (kind) => {
  const getDb = useTestDatabase(kind);

  it("runs requests as a role that is no superuser, cannot bypass RLS and owns no table", async () => {
    const db = getDb();
    const [role] = rows<{ rolsuper: boolean; rolbypassrls: boolean }>(
      await db.execute(sql`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ${APP_ROLE}`),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const [owned] = rows<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = ${APP_ROLE}`),
    );
    expect(owned!.n).toBe(0);
    const user = await createUser(db);
    const [me] = await actAs(db, user.id, async (tx) =>
      rows<{ role: string; acting: string }>(await tx.execute(sql`SELECT current_user AS role, current_setting('app.user_id') AS acting`)),
    );
    expect(me).toEqual({ role: APP_ROLE, acting: user.id });
  });

  it("has RLS enabled and forced on every table but the attempt counters", async () => {
    const tables = rows<{ name: string; enabled: boolean; forced: boolean }>(
      await getDb().execute(sql`
        SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`),
    );
    const unprotected = tables.filter((t) => !(t.enabled && t.forced)).map((t) => t.name);
    expect(unprotected).toEqual(NOT_TENANT_DATA);
    expect(tables.map((t) => t.name).filter((t) => !NOT_TENANT_DATA.includes(t))).toEqual(Object.keys(TENANT_TABLES).sort());
  });

  it("shows, updates and deletes none of another tenant's rows in any table, and nothing without a user", async () => {
    const db = getDb();
    const mine = await createTenant(db, "Ada");
    const theirs = await createTenant(db, "Bea");
    for (const [table, of] of Object.entries(TENANT_TABLES)) {
      // As the owner, both tenants have rows here: the checks below are not vacuous.
      expect(await count(db as never, table, of(theirs)), `${table} has rows of B`).toBeGreaterThan(0);
      await asApp(db, mine.userId, async (tx) => {
        expect(await count(tx, table, of(mine)), `A sees own ${table}`).toBeGreaterThan(0);
        expect(await count(tx, table, of(theirs)), `A sees B's ${table}`).toBe(0);
        expect(await touched(tx, sql`UPDATE ${sql.identifier(table)} SET id = id WHERE ${of(theirs)}`), `A updates B's ${table}`).toBe(0);
        expect(await touched(tx, sql`DELETE FROM ${sql.identifier(table)} WHERE ${of(theirs)}`), `A deletes B's ${table}`).toBe(0);
      });
      await asApp(db, null, async (tx) => {
        const tenantRows = table === "templates" ? sql`organization_id IS NOT NULL` : sql`true`;
        expect(await count(tx, table, tenantRows), `nobody sees ${table}`).toBe(0);
        expect(await touched(tx, sql`UPDATE ${sql.identifier(table)} SET id = id`), `nobody updates ${table}`).toBe(0);
        expect(await touched(tx, sql`DELETE FROM ${sql.identifier(table)}`), `nobody deletes ${table}`).toBe(0);
      });
    }
    // B's rows are all still there.
    for (const [table, of] of Object.entries(TENANT_TABLES)) expect(await count(db as never, table, of(theirs))).toBeGreaterThan(0);
  });

  it("refuses to write a row into another tenant's project or organization", async () => {
    const db = getDb();
    const mine = await createTenant(db, "Cy");
    const theirs = await createTenant(db, "Di");
    await asApp(db, mine.userId, async (tx) => {
      await expect(
        tx.execute(sql`INSERT INTO departments (organization_id, project_id, name, color, position)
                       VALUES (${theirs.orgId}, ${theirs.projectId}, 'Planted', '#000000', 9)`),
      ).rejects.toThrow();
    });
    await asApp(db, mine.userId, async (tx) => {
      await expect(
        tx.execute(
          sql`INSERT INTO organization_members (organization_id, user_id, role) VALUES (${theirs.orgId}, ${mine.userId}, 'OWNER')`,
        ),
      ).rejects.toThrow();
    });
    await asApp(db, mine.userId, async (tx) => {
      await expect(
        tx.execute(sql`INSERT INTO project_members (organization_id, project_id, user_id, role)
                       VALUES (${theirs.orgId}, ${theirs.projectId}, ${mine.userId}, 'OWNER')`),
      ).rejects.toThrow();
    });
  });

  it("lets an invitee read and answer only invitations addressed to them, and see the organization only once they accept", async () => {
    const db = getDb();
    const inviter = await createTenant(db, "Eve");
    const invitee = await createTenant(db, "Fay");
    const bystander = await createTenant(db, "Gus");
    const invitation = await createInvitation(db, { organizationId: inviter.orgId, email: invitee.email.toUpperCase() });
    const outcome = async (tx: Parameters<Parameters<typeof actAs>[2]>[0], id: string) =>
      rows<{ o: string }>(await tx.execute(sql`SELECT app_accept_invitation(${id}::uuid) AS o`))[0]!.o;
    await asApp(db, bystander.userId, async (tx) => {
      expect(await count(tx, "invitations", sql`id = ${invitation.id}`)).toBe(0);
      expect(rows(await tx.execute(sql`SELECT * FROM app_my_invitations(${invitation.id}::uuid)`))).toHaveLength(0);
      expect(await outcome(tx, invitation.id)).toBe("NOT_FOUND");
      expect(await count(tx, "organization_members", sql`organization_id = ${inviter.orgId}`)).toBe(0);
    });
    await asApp(db, invitee.userId, async (tx) => {
      // Addressed to them: they read it through the function, not the table, and see nothing of the organization yet.
      expect(await count(tx, "invitations", sql`id = ${invitation.id}`)).toBe(0);
      expect(rows(await tx.execute(sql`SELECT id FROM app_my_invitations(NULL)`))).toEqual([{ id: invitation.id }]);
      expect(await count(tx, "organizations", sql`id = ${inviter.orgId}`)).toBe(0);
      expect(await outcome(tx, invitation.id)).toBe("ACCEPTED");
      expect(await outcome(tx, invitation.id)).toBe("WAS_ACCEPTED");
      await reloadAccess(tx);
      expect(await count(tx, "organizations", sql`id = ${inviter.orgId}`)).toBe(1);
      // Joining the organization opens none of its projects: those need their own invitation or role.
      expect(await count(tx, "projects", sql`id = ${inviter.projectId}`)).toBe(0);
    });
  });
});
