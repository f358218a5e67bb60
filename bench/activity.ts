/**
 * npm run bench:activity — one page of a project's activity feed (activity.list through the
 * real router: access check, keyset query, names, words) on a project with 1,000,000 activity
 * rows on the real server (BENCH_DATABASE_URL or TEST_DATABASE_URL) and 100,000 on PGlite,
 * plus 10% as many rows in a second project. Target: p50 <= 50 ms on the real server.
 * BENCH_EXPLAIN=1 also prints each case's plan (EXPLAIN ANALYZE, server only).
 */
import { sql } from "drizzle-orm";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { rows as resultRows, type Database } from "~/server/db";
import { users } from "~/server/db/schema";
import { encodeCursor } from "~/server/services/activity/feed";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { percentile } from "./stats";

const RUNS = 40;
const LIMIT = 50;

/**
 * Rows in one statement: groups of four share a timestamp (like the rows of one graph batch),
 * five busy people plus one who wrote every 10,000th row, and entity types / actions with the
 * skew a real project has (mostly step edits, a handful of membership changes).
 */
async function fill(db: Database, ids: { organizationId: string; projectId: string }, people: string[], count: number) {
  const [busy1, busy2, busy3, busy4, busy5, rare] = people;
  await db.execute(sql`
    INSERT INTO activity_logs (organization_id, project_id, user_id, action, entity_type, entity_id, details, revision, created_at)
    SELECT ${ids.organizationId}::uuid, ${ids.projectId}::uuid,
      CASE WHEN g % 10000 = 0 THEN ${rare}::uuid
           ELSE (ARRAY[${busy1}::uuid, ${busy2}::uuid, ${busy3}::uuid, ${busy4}::uuid, ${busy5}::uuid])[1 + g % 5] END,
      (CASE WHEN g % 20000 = 3 THEN 'SHARE' WHEN g % 10 < 5 THEN 'UPDATE' WHEN g % 10 < 8 THEN 'MOVE'
            WHEN g % 10 < 9 THEN 'CREATE' ELSE 'DELETE' END)::activity_action,
      (CASE WHEN g % 20000 = 3 THEN 'MEMBER' WHEN g % 100 < 70 THEN 'NODE' WHEN g % 100 < 94 THEN 'EDGE'
            WHEN g % 100 < 97 THEN 'DEPARTMENT' ELSE 'STAGE' END)::entity_type,
      gen_random_uuid(),
      jsonb_build_object('label', 'Step ' || (g % 2000), 'fields_changed', jsonb_build_array('avgTime'),
        'old_value', jsonb_build_object('avgTime', '2h'), 'new_value', jsonb_build_object('avgTime', '3h')),
      g / 4,
      timestamptz '2024-01-01 00:00:00+00' + (g / 4) * interval '30 seconds'
    FROM generate_series(1, ${count}) AS g`);
}

async function run(kind: TestDatabaseKind, count: number) {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  try {
    const people = await db
      .insert(users)
      .values(
        ["Dana", "Sam", "Olga", "Vera", "Ken", "Rare Ruth"].map((name) => ({
          name,
          email: `${name.replace(" ", ".").toLowerCase()}@bench.test`,
          passwordHash: "-",
        })),
      )
      .returning();
    const owner = people[0]!;
    const caller = createCaller(createInnerContext({ db, session: { userId: owner.id }, ip: "127.0.0.1", userAgent: "bench" }));
    const org = await caller.org.create({ name: "Bench org" });
    const project = await caller.project.create({ organizationId: org.id, name: "Busy project" });
    const other = await caller.project.create({ organizationId: org.id, name: "Other project" });
    const personIds = people.map((p) => p.id);

    const loadStarted = performance.now();
    await fill(db, { organizationId: org.id, projectId: project.id }, personIds, count);
    await fill(db, { organizationId: org.id, projectId: other.id }, personIds, count / 10);
    await db.execute(sql`VACUUM ANALYZE activity_logs`);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const [middle] = resultRows<{ at: string; id: string }>(
      await db.execute(sql`
        SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id FROM activity_logs
        WHERE project_id = ${project.id} ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(count / 2) - 1} LIMIT 1`),
    );
    const deep = encodeCursor(middle!);
    const base = { projectId: project.id, limit: LIMIT };
    const cases: [string, Parameters<typeof caller.activity.list>[0]][] = [
      ["first page", base],
      [`deep page (after ${Math.floor(count / 2).toLocaleString("en")} rows)`, { ...base, cursor: deep }],
      ["person: busy (20%)", { ...base, userId: people[1]!.id }],
      ["person: rare (0.01%)", { ...base, userId: people[5]!.id }],
      ["person: busy, deep page", { ...base, userId: people[1]!.id, cursor: deep }],
      ["entity type: steps (70%)", { ...base, entityType: "NODE" }],
      ["entity type: members (0.005%)", { ...base, entityType: "MEMBER" }],
      ["action: moved (30%)", { ...base, action: "MOVE" }],
      ["action: shared (0.005%)", { ...base, action: "SHARE" }],
      ["person + entity type: busy + stages", { ...base, userId: people[1]!.id, entityType: "STAGE" }],
    ];

    const table: string[][] = [];
    for (const [name, input] of cases) {
      for (let i = 0; i < 3; i++) await caller.activity.list(input);
      const times: number[] = [];
      let got = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        got = (await caller.activity.list(input)).items.length;
        times.push(performance.now() - started);
      }
      table.push([name, String(got), percentile(times, 0.5).toFixed(1), percentile(times, 0.95).toFixed(1)]);
      if (process.env.BENCH_EXPLAIN && kind === "server") await explain(db, input, middle!);
    }
    const peopleStarted = performance.now();
    await caller.activity.people({ projectId: project.id });
    const peopleMs = performance.now() - peopleStarted;

    console.log(
      `\n${kind === "server" ? "PostgreSQL server" : "PGlite"}: ${count.toLocaleString("en")} activity rows in the project ` +
        `(+${(count / 10).toLocaleString("en")} elsewhere, loaded in ${loadSeconds.toFixed(1)} s), ${RUNS} runs of a ${LIMIT}-row page (ms)`,
    );
    console.log(["page".padEnd(40), "rows".padStart(6), "p50".padStart(8), "p95".padStart(8)].join(""));
    for (const [name, got, p50, p95] of table)
      console.log([name!.padEnd(40), got!.padStart(6), p50!.padStart(8), p95!.padStart(8)].join(""));
    console.log(`${"activity.people (once)".padEnd(46)}${peopleMs.toFixed(1).padStart(8)}`);
  } finally {
    await handle.close();
  }
}

/** The feed's query shape by hand, to show which index answers each case. */
async function explain(
  db: Database,
  input: { projectId: string; userId?: string; entityType?: string; action?: string; cursor?: string | null },
  middle: { at: string; id: string },
) {
  const where = [sql`project_id = ${input.projectId}`];
  if (input.userId) where.push(sql`user_id = ${input.userId}`);
  if (input.entityType) where.push(sql`entity_type = ${input.entityType}`);
  if (input.action) where.push(sql`action = ${input.action}`);
  if (input.cursor) where.push(sql`(created_at, id) < (${middle.at}::timestamptz, ${middle.id}::uuid)`);
  const plan = resultRows<{ "QUERY PLAN": string }>(
    await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM activity_logs WHERE ${sql.join(where, sql` AND `)}
      ORDER BY created_at DESC, id DESC LIMIT ${LIMIT + 1}`),
  ).map((r) => r["QUERY PLAN"]);
  console.log(
    plan
      .filter((line) => /Index|Scan|Filter|Cond|Execution|Buffers|Sort/.test(line))
      .map((l) => `    ${l.trim()}`)
      .join("\n"),
  );
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite", 100_000);
if (serverUrl) await run("server", 1_000_000);
else console.log("\n(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
