/**
 * npm run bench:eventlog — a CSV event log of 100,000 events (10,000 cases through a
 * 10-step process, start and complete times) through run.previewLog and run.importLog, then
 * run.actuals over the 10,000 runs, with the first call reported apart. PGlite always; the
 * real server too with BENCH_DATABASE_URL or TEST_DATABASE_URL. Target: import <= 10 s.
 */
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";
import { streamResult } from "~/server/test/stream";
import { mulberry32 } from "./stats";

const STEPS = 10;
const CASES = 10_000;
const MAPPING = { caseId: "case", activity: "activity", start: "start", complete: "complete", resource: "resource" };

function log() {
  const random = mulberry32(11);
  const lines = ["case,activity,start,complete,resource"];
  for (let c = 0; c < CASES; c++) {
    let at = Date.UTC(2026, 0, 1) + c * 3_600_000;
    for (let s = 0; s < STEPS; s++) {
      const start = at + Math.floor(random() * 60) * 60_000;
      const end = start + (15 + Math.floor(random() * 240)) * 60_000;
      lines.push(`case-${c},Step ${s},${new Date(start).toISOString()},${new Date(end).toISOString()},person ${s % 3}`);
      at = end;
    }
  }
  return lines.join("\n");
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function run(kind: TestDatabaseKind, text: string) {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  try {
    const [user] = await db.insert(users).values({ email: "eventlog-bench@example.test", name: "Bench", passwordHash: "-" }).returning();
    const caller = createCaller(createInnerContext({ db, session: { userId: user!.id }, ip: "127.0.0.1", userAgent: "bench" }));
    const org = await caller.org.create({ name: "Bench org" });
    const project = await caller.project.create({ organizationId: org.id, name: "Log" });
    const steps = Array.from({ length: STEPS }, (_, i) => nodeOp(`Step ${i}`, { avgTime: "2h" }));
    const links = steps.slice(1).map((s, i) => edgeOp(steps[i]!.node.id, s.node.id));
    await caller.graph.applyOps({ projectId: project.id, ...batch([...steps, ...links]) });
    const input = { projectId: project.id, format: "csv" as const, text, mapping: MAPPING };
    const [preview, previewMs] = await time(() => caller.run.previewLog(input));
    if (preview.problemCount || preview.activities.some((a) => !a.stepId)) throw new Error("the log should match cleanly");
    const [imported, importMs] = await time(() => streamResult(caller.run.importLog(input)));
    if (imported.cases !== CASES) throw new Error(`imported ${imported.cases} cases`);
    const [, firstActualsMs] = await time(() => caller.run.actuals({ projectId: project.id, factor: 1.5 }));
    const [, actualsMs] = await time(() => caller.run.actuals({ projectId: project.id, factor: 1.5 }));
    const name = kind === "server" ? "PostgreSQL server" : "PGlite";
    console.log(
      `| ${name} | ${(previewMs / 1000).toFixed(2)} | ${(importMs / 1000).toFixed(2)} | ${(firstActualsMs / 1000).toFixed(2)} | ${(actualsMs / 1000).toFixed(2)} | ${importMs <= 10_000 ? "met" : "not met"} |`,
    );
  } finally {
    await handle.close();
  }
}

const text = log();
console.log(
  `Event log: ${CASES.toLocaleString("en")} cases x ${STEPS} steps = ${(CASES * STEPS).toLocaleString("en")} events, ${(text.length / 1e6).toFixed(1)} MB`,
);
console.log("| database | preview s | import s | actuals, first s | actuals, again s | import <= 10 s |");
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite", text);
if (serverUrl) await run("server", text);
else console.log("(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
