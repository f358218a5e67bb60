/**
 * npm run bench:import — transfer.importProjects through the real router on a legacy export
 * of 10,000 steps and 15,000 dependencies across 5 departments x 6 stages: parse, validate
 * (duplicate ids, dangling ends, cycles), one transaction of inserts, counts verified.
 * PGlite always; the real server too with BENCH_DATABASE_URL or TEST_DATABASE_URL.
 * Target: median <= 5 s.
 */
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { users } from "~/server/db/schema";
import { setOrgLimits } from "~/server/test/factories";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { median, mulberry32 } from "./stats";

const NODES = 10_000;
const EDGES = 15_000;
const RUNS = 3;

function legacyFile() {
  const random = mulberry32(7);
  const axis = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${i}`, name: `${prefix} ${i}`, color: "#0ea5e9", order: i }));
  const settings = { departments: axis("dept", 5), stages: axis("stage", 6) };
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    id: `node_${i}`,
    label: `Step ${i}`,
    type: "ACTION",
    position: { x: 200 + Math.floor(random() * 1500), y: 60 + Math.floor(random() * 1000) },
    stage: `stage_${i % 6}`,
    department: `dept ${i % 5}`,
    attributes: { tool: ["Excel"], avg_time: `${1 + (i % 8)}h`, is_repetitive: i % 2 === 0, brain_usage: "MEDIUM", assignee: null },
  }));
  // A DAG by construction: every dependency points from a lower to a higher index.
  const edges = Array.from({ length: EDGES }, (_, i) => {
    const s = Math.floor(random() * (NODES - 1));
    const t = s + 1 + Math.floor(random() * Math.min(50, NODES - s - 1));
    return {
      id: `edge_${i}`,
      source: `node_${s}`,
      target: `node_${t}`,
      relation_type: "REQUIRES",
      properties: { lag_time: i % 3 ? null : "30m" },
    };
  });
  return JSON.stringify({ settings, projects: [{ id: "p", name: "Ten thousand steps", nodes, edges }] });
}

async function run(kind: TestDatabaseKind, text: string) {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  try {
    const [user] = await db.insert(users).values({ email: "import-bench@example.test", name: "Bench", passwordHash: "-" }).returning();
    const caller = createCaller(createInnerContext({ db, session: { userId: user!.id }, ip: "127.0.0.1", userAgent: "bench" }));
    const org = await caller.org.create({ name: "Bench org" });
    await setOrgLimits(db, org.id, { maxProjects: 100 });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const report = await caller.transfer.importProjects({ organizationId: org.id, text });
      times.push(performance.now() - started);
      const [p] = report.projects;
      if (report.successful !== 1 || !p || p.stored.nodes !== NODES || p.stored.edges !== EDGES)
        throw new Error(`import failed: ${JSON.stringify(report)}`);
    }
    console.log(
      `${(kind === "server" ? "PostgreSQL server" : "PGlite").padEnd(18)} median ${(median(times) / 1000).toFixed(2)} s  (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s)`,
    );
  } finally {
    await handle.close();
  }
}

const text = legacyFile();
console.log(`Import of ${NODES} steps / ${EDGES} dependencies (${(text.length / 1e6).toFixed(1)} MB), ${RUNS} runs; target median <= 5 s`);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite", text);
if (serverUrl) await run("server", text);
else console.log("(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
