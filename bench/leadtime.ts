/**
 * npm run bench:leadtime — lead time engines on generated graphs, on PGlite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) on a real server in a throwaway database.
 * (a) the production SQL CPM, (b) the in-memory CPM including fetching the rows,
 * (c) a path-enumerating CTE (every path carried as an array) under a 10 s statement_timeout,
 * to show what the level-by-level engine avoids. Medians of 5 runs.
 *
 * "Never analyzed": a new database whose tables have autovacuum switched off and no ANALYZE,
 * as right after a bulk import (the planner has no row counts, and guesses one row per scan).
 * Each first call runs on a project inserted just before it, so its rows have never been seen
 * by the statistics and the lead-time cache misses: the raw engine, the service (cache miss),
 * and four service first calls at once on four fresh projects (wall time for all four). Then
 * ANALYZE, and the same engine and service (cache row deleted) in the same run, medians of 5.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { rows, type Database } from "~/server/db";
import { edges, leadTimeCache, nodes, organizations, projects, users, type Organization, type Project } from "~/server/db/schema";
import { DEFAULT_ORGANIZATION_SETTINGS } from "~/server/services/organizations/defaults";
import { computeCpm, type CpmResult } from "~/server/analysis/cpm";
import { computeCpmSql } from "~/server/analysis/cpm-sql";
import { leadTime } from "~/server/services/analysis";
import type { ProjectContext } from "~/server/services/context";
import { createTestDatabase } from "~/server/test/db";
import { chain, layered, realistic, scattered, type BenchGraph } from "./graphs";

const RUNS = 5;

async function insertGraph(db: Database, ids: { organizationId: string; projectId: string }, graph: BenchGraph) {
  const nodeIds = graph.durations.map(() => randomUUID());
  const chunk = <T>(list: T[], size = 2000) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  for (const part of chunk(
    graph.durations.map((d, i) => ({ ...ids, id: nodeIds[i]!, label: `n${i}`, type: "ACTION" as const, durationMinutes: d })),
  )) {
    await db.insert(nodes).values(part);
  }
  const edgeRows = [
    ...graph.deps.map((e) => ({
      ...ids,
      sourceId: nodeIds[e.s]!,
      targetId: nodeIds[e.t]!,
      relationType: "REQUIRES" as const,
      lagMinutes: e.lag,
    })),
    ...graph.feedback.map((f) => ({
      ...ids,
      sourceId: nodeIds[f.s]!,
      targetId: nodeIds[f.t]!,
      relationType: "FEEDBACK_TO" as const,
      properties: { frequency: f.frequency },
    })),
  ];
  for (const part of chunk(edgeRows)) await db.insert(edges).values(part);
}

async function inMemory(db: Database, projectId: string): Promise<CpmResult> {
  const [nodeRows, edgeRows] = await Promise.all([
    db
      .select({ id: nodes.id, duration: nodes.durationMinutes })
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
    db
      .select({
        source: edges.sourceId,
        target: edges.targetId,
        lag: edges.lagMinutes,
        type: edges.relationType,
        properties: edges.properties,
      })
      .from(edges)
      .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt))),
  ]);
  return computeCpm(
    nodeRows,
    edgeRows.filter((e) => e.type !== "FEEDBACK_TO"),
    edgeRows.filter((e) => e.type === "FEEDBACK_TO").map((e) => ({ ...e, frequency: e.properties.frequency ?? 0 })),
  );
}

/** A path-enumerating recursive CTE, for comparison: it carries every path from a source as an array. */
async function pathArrayCte(db: Database, projectId: string): Promise<string> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL statement_timeout = '10s'`);
      await tx.execute(sql`
        WITH RECURSIVE deps AS (
          SELECT source_id, target_id FROM edges WHERE project_id = ${projectId} AND deleted_at IS NULL AND relation_type <> 'FEEDBACK_TO'
        ), critical_path AS (
          SELECT n.id, n.duration_minutes AS cumulative, ARRAY[n.id] AS path
          FROM nodes n WHERE n.project_id = ${projectId} AND NOT EXISTS (SELECT 1 FROM deps WHERE target_id = n.id)
          UNION ALL
          SELECT n.id, cp.cumulative + n.duration_minutes, cp.path || n.id
          FROM critical_path cp JOIN deps d ON d.source_id = cp.id JOIN nodes n ON n.id = d.target_id
        )
        SELECT cumulative, path FROM critical_path ORDER BY cumulative DESC LIMIT 1`);
    });
    return "";
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === "57014") return "timeout";
    throw error;
  }
}

async function median(fn: () => Promise<unknown>, runs = RUNS) {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, last };
}

const sameResult = (a: CpmResult, b: CpmResult) => {
  const sort = (r: CpmResult) => [...r.nodes].sort((x, y) => (x.id < y.id ? -1 : 1));
  return (
    JSON.stringify(sort(a)) === JSON.stringify(sort(b)) &&
    JSON.stringify(a.criticalPath) === JSON.stringify(b.criticalPath) &&
    a.criticalPathMinutes === b.criticalPathMinutes
  );
};

/** The context projectProcedure would give the organization's creator on one of its projects. */
function ownerContext(db: Database, org: Organization, project: Project): ProjectContext {
  return {
    db,
    actor: { userId: org.createdBy!, sessionId: null, ip: null, userAgent: null },
    access: { organizationId: org.id, orgRole: "OWNER", project, projectRole: "OWNER" },
  };
}

async function benchOrganization(db: Database) {
  const [user] = await db.insert(users).values({ email: "bench@example.test", name: "Bench", passwordHash: "-" }).returning();
  const [org] = await db
    .insert(organizations)
    .values({ name: "Bench", slug: "bench", settings: DEFAULT_ORGANIZATION_SETTINGS, createdBy: user!.id })
    .returning();
  return org!;
}

async function benchDatabase(kind: "pglite" | "server") {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  const org = await benchOrganization(db);
  const graphs = [layered(50, 200, 3), scattered(10_000, 30_000, 0.05), realistic(), chain(10_000)];
  const rowsOut: string[][] = [];
  for (const graph of graphs) {
    const [project] = await db
      .insert(projects)
      .values({ organizationId: org!.id, name: graph.name, slug: graph.name.replace(/[^a-z0-9]+/gi, "-").toLowerCase() })
      .returning();
    await insertGraph(db, { organizationId: org!.id, projectId: project!.id }, graph);
    await db.execute(sql`ANALYZE nodes`);
    await db.execute(sql`ANALYZE edges`);
    const a = await median(() => computeCpmSql(db, project!.id));
    const b = await median(() => inMemory(db, project!.id));
    const agree = sameResult(a.last as CpmResult, b.last as CpmResult) ? "yes" : "NO";
    // PGlite runs in this thread and cannot interrupt itself, so only the server runs (c).
    const c = kind === "server" ? await median(() => pathArrayCte(db, project!.id), graph.name.startsWith("realistic") ? RUNS : 1) : null;
    const ctx = ownerContext(db, org, project!);
    await leadTime(ctx);
    const hit = await median(() => leadTime(ctx));
    rowsOut.push([
      graph.name,
      String(graph.durations.length),
      String(graph.deps.length),
      a.ms.toFixed(1),
      b.ms.toFixed(1),
      (a.ms / b.ms).toFixed(2),
      c ? (c.last === "timeout" ? "timeout" : c.ms.toFixed(1)) : "n/a",
      hit.ms.toFixed(2),
      agree,
    ]);
  }
  await handle.close();
  return rowsOut;
}

const COLD_RUNS = 3;

/** First calls on tables that were never analyzed, against the same calls after ANALYZE. */
async function neverAnalyzed(kind: "pglite" | "server") {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  // Per table, so that autovacuum cannot analyze behind the bench's back even on a server
  // where it is on (PGlite has no autovacuum; the option is accepted and does nothing there).
  const tables = rows<{ name: string }>(await db.execute(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`));
  for (const { name } of tables) {
    await db.execute(sql.raw(`ALTER TABLE "${name}" SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)`));
  }
  const org = await benchOrganization(db);
  const graph = layered(30, 100, 3);
  const freshProject = async () => {
    const [project] = await db
      .insert(projects)
      .values({ organizationId: org.id, name: `cold ${randomUUID()}`, slug: `cold-${randomUUID()}` })
      .returning();
    await insertGraph(db, { organizationId: org.id, projectId: project!.id }, graph);
    return ownerContext(db, org, project!);
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  const engineFirst: number[] = [];
  const serviceFirst: number[] = [];
  const projectsSeen: Awaited<ReturnType<typeof freshProject>>[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const ctx = await freshProject();
    projectsSeen.push(ctx);
    engineFirst.push(await timed(() => computeCpmSql(db, ctx.access.project.id)));
  }
  for (let i = 0; i < COLD_RUNS; i++) {
    const ctx = await freshProject();
    serviceFirst.push(await timed(() => leadTime(ctx)));
  }
  const four = await Promise.all(Array.from({ length: 4 }, freshProject));
  const concurrent = await timed(() => Promise.all(four.map((ctx) => leadTime(ctx))));
  const analyzed = rows<{ n: number }>(
    await db.execute(
      sql`SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE relname IN ('nodes', 'edges') AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)`,
    ),
  );
  const wasCold = kind === "pglite" || analyzed[0]?.n === 0;

  await db.execute(sql`ANALYZE nodes`);
  await db.execute(sql`ANALYZE edges`);
  const ctx = projectsSeen[0]!;
  const engineWarm = await median(() => computeCpmSql(db, ctx.access.project.id));
  const serviceTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await db.delete(leadTimeCache).where(eq(leadTimeCache.projectId, ctx.access.project.id));
    serviceTimes.push(await timed(() => leadTime(ctx)));
  }
  serviceTimes.sort((a, b) => a - b);
  const serviceWarm = serviceTimes[Math.floor(serviceTimes.length / 2)]!;
  await handle.close();
  const mid = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  return [
    [
      wasCold ? graph.name : `${graph.name} (analyzed by someone else!)`,
      String(graph.durations.length),
      String(graph.deps.length),
      mid(engineFirst).toFixed(1),
      engineWarm.ms.toFixed(1),
      (mid(engineFirst) / engineWarm.ms).toFixed(2),
      mid(serviceFirst).toFixed(1),
      serviceWarm.toFixed(1),
      (mid(serviceFirst) / serviceWarm).toFixed(2),
      concurrent.toFixed(1),
    ],
  ];
}

function coldTable(title: string, body: string[][]) {
  const head = [
    "graph",
    "nodes",
    "deps",
    "engine first ms",
    "engine analyzed ms",
    "first/analyzed",
    "service first ms",
    "service analyzed ms",
    "first/analyzed",
    "4 first at once ms",
  ];
  printTable(`${title}: never analyzed (first calls: median of ${COLD_RUNS} fresh projects; analyzed: median of ${RUNS})`, head, body);
}

function table(title: string, body: string[][]) {
  const head = ["graph", "nodes", "deps", "(a) SQL ms", "(b) memory ms", "a/b", "(c) path CTE ms", "cache hit ms", "a = b"];
  printTable(`${title} (median of ${RUNS})`, head, body);
}

function printTable(title: string, head: string[], body: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
// BENCH_ONLY=cold runs just the never-analyzed tables, BENCH_ONLY=analyzed just the others.
const only = process.env.BENCH_ONLY;
if (serverUrl) {
  process.env.TEST_DATABASE_URL = serverUrl;
  if (only !== "analyzed") coldTable("PostgreSQL server", await neverAnalyzed("server"));
  if (only !== "cold") table("PostgreSQL server", await benchDatabase("server"));
}
if (only !== "analyzed") coldTable("PGlite (embedded)", await neverAnalyzed("pglite"));
if (only !== "cold") table("PGlite (embedded)", await benchDatabase("pglite"));
