/**
 * npm run bench:search — search.query through the real router (access rules, three grouped
 * queries, snippets) on 100,000 steps: 50 projects of 2,000 steps in two organizations, labels
 * and descriptions drawn from a business vocabulary so common words match thousands of rows.
 * Measured for an organization owner (sees 80,000 steps) and for an organization member of
 * three projects. PGlite always; the real server too with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL. Target: p95 <= 50 ms.
 */
import { sql } from "drizzle-orm";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import type { Database } from "~/server/db";
import { organizationMembers, projectMembers, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { percentile } from "./stats";

const PROJECTS_PER_ORG = [40, 10];
const STEPS_PER_PROJECT = 2000;
const RUNS = 40;
const QUERIES = ["invoice", "customer onboarding", "custmer onbording", "appr", "kyc", "review supplier contract"];

const VERBS = [
  "Review",
  "Approve",
  "Send",
  "Draft",
  "Verify",
  "Collect",
  "Schedule",
  "Archive",
  "Sign",
  "Prepare",
  "Update",
  "Escalate",
  "Reconcile",
  "Publish",
  "Assign",
  "Validate",
  "Notify",
  "Close",
  "Record",
  "Audit",
];
const OBJECTS = [
  "invoice",
  "purchase order",
  "customer onboarding",
  "supplier contract",
  "expense report",
  "payroll run",
  "tax filing",
  "sales quote",
  "shipping label",
  "quality check",
  "budget plan",
  "support ticket",
  "access request",
  "vendor payment",
  "credit note",
  "delivery note",
  "timesheet",
  "release notes",
  "risk assessment",
  "board minutes",
  "job offer",
  "training plan",
  "warranty claim",
  "price list",
  "inventory count",
];
const TAGS = ["finance", "kyc", "compliance", "sales", "hr", "legal", "ops", "it", "procurement", "logistics"];
const CONTEXT = [
  "for the regional team",
  "after manager sign-off",
  "with the customer",
  "before month end",
  "using the ERP",
  "per the policy handbook",
  "when the threshold is exceeded",
  "in the shared drive",
];

const textArray = (words: string[]) =>
  sql`ARRAY[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;

/** Generated inside the database (shipping 100,000 rows through the driver takes minutes on PGlite). */
async function seedSteps(db: Database, organizationId: string) {
  await db.execute(sql`SELECT setseed(0.42)`);
  await db.execute(sql`
    WITH w AS (SELECT ${textArray(VERBS)} AS verbs, ${textArray(OBJECTS)} AS objects, ${textArray(TAGS)} AS tags, ${textArray(CONTEXT)} AS context)
    INSERT INTO nodes (organization_id, project_id, label, description, ontology_tags, type)
    SELECT p.organization_id, p.id,
      w.verbs[1 + floor(random() * ${VERBS.length})::int] || ' ' || w.objects[1 + floor(random() * ${OBJECTS.length})::int]
        || CASE WHEN g % 7 = 0 THEN ' ' || w.context[1 + floor(random() * ${CONTEXT.length})::int] ELSE '' END,
      CASE WHEN g % 3 = 0 THEN w.verbs[1 + floor(random() * ${VERBS.length})::int] || ' the ' || w.objects[1 + floor(random() * ${OBJECTS.length})::int]
        || ' ' || w.context[1 + floor(random() * ${CONTEXT.length})::int] || ', then check the ' || w.objects[1 + floor(random() * ${OBJECTS.length})::int] || '.' END,
      CASE WHEN g % 4 = 0 THEN ARRAY[w.tags[1 + floor(random() * ${TAGS.length})::int]] ELSE '{}'::text[] END,
      'ACTION'
    FROM w, projects p, generate_series(1, ${STEPS_PER_PROJECT}) g
    WHERE p.organization_id = ${organizationId}`);
}

async function seed(db: Database) {
  const [owner, member] = await db
    .insert(users)
    .values([
      { email: "search-owner@example.test", name: "Owner", passwordHash: "-" },
      { email: "search-member@example.test", name: "Member", passwordHash: "-" },
    ])
    .returning();
  const callerFor = (userId: string) => createCaller(createInnerContext({ db, session: { userId }, ip: "127.0.0.1", userAgent: "bench" }));
  const ownerCaller = callerFor(owner!.id);
  for (const [orgIndex, projectCount] of PROJECTS_PER_ORG.entries()) {
    const org = await ownerCaller.org.create({ name: `Bench org ${orgIndex}` });
    const projectIds: string[] = [];
    for (let p = 0; p < projectCount; p++) {
      const project = await ownerCaller.project.create({
        organizationId: org.id,
        name: `${OBJECTS[p % OBJECTS.length]} process ${orgIndex}-${p}`,
      });
      projectIds.push(project.id);
    }
    await seedSteps(db, org.id);
    if (orgIndex === 0) {
      await db.insert(organizationMembers).values({ organizationId: org.id, userId: member!.id, role: "MEMBER" });
      await db
        .insert(projectMembers)
        .values(
          projectIds.slice(0, 3).map((projectId) => ({ organizationId: org.id, projectId, userId: member!.id, role: "VIEWER" as const })),
        );
    }
  }
  await db.execute(sql`ANALYZE`);
  return { owner: ownerCaller, member: callerFor(member!.id) };
}

async function run(kind: TestDatabaseKind) {
  const handle = await createTestDatabase(kind);
  try {
    const started = performance.now();
    const actors = await seed(handle.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(
      `\n${kind === "server" ? "PostgreSQL server" : "PGlite"}: 100,000 steps (seeded in ${seconds} s), ${RUNS} runs per query (ms)`,
    );
    console.log(["query".padEnd(40), "hits".padStart(6), "p50".padStart(8), "p95".padStart(8)].join(""));
    for (const [who, caller] of Object.entries(actors)) {
      for (const q of QUERIES) {
        for (let i = 0; i < 3; i++) await caller.search.query({ q });
        const times: number[] = [];
        let hits = 0;
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          const result = await caller.search.query({ q });
          times.push(performance.now() - t0);
          hits = result.steps.length + result.projects.length + result.templates.length;
        }
        const name = `${who}: "${q}"`;
        console.log(
          [
            name.padEnd(40),
            String(hits).padStart(6),
            percentile(times, 0.5).toFixed(1).padStart(8),
            percentile(times, 0.95).toFixed(1).padStart(8),
          ].join(""),
        );
      }
    }
  } finally {
    await handle.close();
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite");
if (serverUrl) await run("server");
else console.log("\n(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
