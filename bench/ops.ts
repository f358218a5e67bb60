/**
 * npm run bench:ops — server-side cost of one-operation batches (graph.applyOps through the
 * real router: validation, access check, project lock, compare-and-set, cycle check, writes,
 * activity row, revision bump, NOTIFY) on a 2,000-node / 3,000-edge project. PGlite always;
 * the real server too with BENCH_DATABASE_URL or TEST_DATABASE_URL. Target: p50 <= 30 ms on
 * the real server.
 */
import { randomUUID } from "node:crypto";
import { DEFAULT_NODE_FIELDS } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { edges, nodes, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { mulberry32, percentile } from "./stats";

const NODES = 2000;
const EDGES = 3000;
const RUNS = 60;

async function run(kind: TestDatabaseKind) {
  const handle = await createTestDatabase(kind);
  const db = handle.db;
  const random = mulberry32(42);
  try {
    const [user] = await db.insert(users).values({ email: "ops-bench@example.test", name: "Bench", passwordHash: "-" }).returning();
    const caller = createCaller(createInnerContext({ db, session: { userId: user!.id }, ip: "127.0.0.1", userAgent: "bench" }));
    const org = await caller.org.create({ name: "Bench org" });
    const project = await caller.project.create({ organizationId: org.id, name: "Two thousand steps" });
    const ids = { organizationId: org.id, projectId: project.id };
    const graph = await caller.graph.get({ projectId: project.id });
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

    // A DAG by construction: every dependency points from a lower to a higher index.
    const nodeIds = Array.from({ length: NODES }, () => randomUUID());
    await db.insert(nodes).values(
      nodeIds.map((id, i) => ({
        ...ids,
        id,
        label: `Step ${i}`,
        type: "ACTION" as const,
        departmentId: pick(graph.departments).id,
        stageId: pick(graph.stages).id,
        positionX: 24,
        positionY: 24,
      })),
    );
    const edgeRows = Array.from({ length: EDGES }, () => {
      const s = Math.floor(random() * (NODES - 1));
      const t = s + 1 + Math.floor(random() * Math.min(50, NODES - s - 1));
      return { ...ids, sourceId: nodeIds[s]!, targetId: nodeIds[t]!, relationType: "REQUIRES" as const };
    });
    for (let i = 0; i < edgeRows.length; i += 1000) await db.insert(edges).values(edgeRows.slice(i, i + 1000));

    const current = new Map(nodeIds.map((id, i) => [id, { x: 24, y: 24, label: `Step ${i}` }]));
    const cases: [string, () => Operation][] = [
      [
        "move a step (updateNode x/y)",
        () => {
          const id = pick(nodeIds);
          const before = current.get(id)!;
          const next = { ...before, x: before.x + 1, y: before.y + 1 };
          current.set(id, next);
          return { op: "updateNode", id, set: { x: next.x, y: next.y }, expect: { x: before.x, y: before.y } };
        },
      ],
      [
        "rename a step (updateNode label)",
        () => {
          const id = pick(nodeIds);
          const before = current.get(id)!;
          const label = `${before.label}'`;
          current.set(id, { ...before, label });
          return { op: "updateNode", id, set: { label }, expect: { label: before.label } };
        },
      ],
      [
        "connect two steps (createEdge + cycle check)",
        () => {
          const s = Math.floor(random() * (NODES - 1));
          const t = s + 1 + Math.floor(random() * (NODES - s - 1));
          const edge = {
            id: randomUUID(),
            sourceId: nodeIds[s]!,
            targetId: nodeIds[t]!,
            relationType: "REQUIRES" as const,
            lagTime: null,
            lagWorking: false,
            frequency: 1,
            condition: null,
          };
          return { op: "createEdge", edge };
        },
      ],
      [
        "add a step (createNode)",
        () => ({
          op: "createNode",
          node: {
            ...DEFAULT_NODE_FIELDS,
            id: randomUUID(),
            label: "New step",
            x: 24,
            y: 24,
            departmentId: pick(graph.departments).id,
            stageId: pick(graph.stages).id,
          },
        }),
      ],
    ];

    const rows: string[][] = [];
    for (const [name, make] of cases) {
      for (let i = 0; i < 5; i++) await caller.graph.applyOps({ projectId: project.id, clientOpId: randomUUID(), ops: [make()] });
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const op = make();
        const started = performance.now();
        await caller.graph.applyOps({ projectId: project.id, clientOpId: randomUUID(), ops: [op] });
        times.push(performance.now() - started);
      }
      rows.push([name, percentile(times, 0.5).toFixed(1), percentile(times, 0.95).toFixed(1)]);
    }
    console.log(
      `\n${kind === "server" ? "PostgreSQL server" : "PGlite"}: ${NODES} nodes / ${EDGES} edges, ${RUNS} one-op batches each (ms)`,
    );
    console.log(["operation".padEnd(46), "p50".padStart(8), "p95".padStart(8)].join(""));
    for (const [name, p50, p95] of rows) console.log([name!.padEnd(46), p50!.padStart(8), p95!.padStart(8)].join(""));
  } finally {
    await handle.close();
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite");
if (serverUrl) await run("server");
else console.log("\n(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
