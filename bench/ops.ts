/**
 * npm run bench:ops — server-side cost of one-operation batches (graph.applyOps through the
 * real router: validation, access check, project lock, compare-and-set, cycle check, writes,
 * activity row, revision bump, NOTIFY) on a 2,000-node / 3,000-edge project. PGlite always;
 * the real server too with BENCH_DATABASE_URL or TEST_DATABASE_URL. Target: p50 <= 30 ms on
 * the real server. Then large batches (a 500-step paste, 5,000 creates, a 4,000-operation
 * chain) against their targets; before multi-row writes the server took 9-10 s for 5,000
 * creates and 7 s for the chain.
 */
import { randomUUID } from "node:crypto";
import { DEFAULT_NODE_FIELDS } from "~/domain/graph";
import type { Operation } from "~/domain/operations";
import { createCaller } from "~/server/api/root";
import { createInnerContext } from "~/server/api/trpc";
import { edges, nodes, users } from "~/server/db/schema";
import { createTestDatabase, type TestDatabaseKind } from "~/server/test/db";
import { median, mulberry32, percentile } from "./stats";

const NODES = 2000;
const EDGES = 3000;
const RUNS = 60;
const BULK_RUNS = 3;

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

    // Large batches: a paste, a generated process, a long chain; each timed BULK_RUNS times.
    const step = (i: number) => ({
      op: "createNode" as const,
      node: {
        ...DEFAULT_NODE_FIELDS,
        id: randomUUID(),
        label: `Pasted ${i}`,
        x: 24,
        y: 24,
        departmentId: pick(graph.departments).id,
        stageId: pick(graph.stages).id,
      },
    });
    const link = (sourceId: string, targetId: string) => ({
      op: "createEdge" as const,
      edge: {
        id: randomUUID(),
        sourceId,
        targetId,
        relationType: "REQUIRES" as const,
        lagTime: null,
        lagWorking: false,
        frequency: 1,
        condition: null,
      },
    });
    const chain = (steps: number) => {
      const created = Array.from({ length: steps }, (_, i) => step(i));
      return [...created, ...created.slice(1).map((c, i) => link(created[i]!.node.id, c.node.id))];
    };
    const dag = (steps: number, links: number) => {
      const created = Array.from({ length: steps }, (_, i) => step(i));
      const pairs = new Set<string>();
      const out: Operation[] = [...created];
      while (pairs.size < links) {
        const a = Math.floor(random() * (steps - 1));
        const b = a + 1 + Math.floor(random() * Math.min(20, steps - a - 1));
        if (pairs.has(`${a}>${b}`)) continue;
        pairs.add(`${a}>${b}`);
        out.push(link(created[a]!.node.id, created[b]!.node.id));
      }
      return out;
    };
    const bulk: [string, () => Operation[], number][] = [
      ["paste 500 steps and 499 connections", () => chain(500), 200],
      ["5,000 creates (2,500 steps, 2,500 connections)", () => dag(2500, 2500), 1000],
      ["a chain of 2,000 steps (3,999 operations)", () => chain(2000), 1000],
    ];
    const bulkRows: string[][] = [];
    for (const [name, make, target] of bulk) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < BULK_RUNS; i++) {
        const ops = make();
        count = ops.length;
        const started = performance.now();
        await caller.graph.applyOps({ projectId: project.id, clientOpId: randomUUID(), ops });
        times.push(performance.now() - started);
      }
      const p50 = median(times);
      bulkRows.push([
        name,
        String(count),
        p50.toFixed(0),
        ((p50 / count) * 1000).toFixed(0),
        `<= ${target}`,
        p50 <= target ? "met" : "not met",
      ]);
    }
    console.log(`\nLarge batches, median of ${BULK_RUNS} (ms; the target is for the server)`);
    console.log("| batch | ops | median ms | µs per op | target ms | |");
    console.log("| --- | ---: | ---: | ---: | ---: | --- |");
    for (const row of bulkRows) console.log(`| ${row.join(" | ")} |`);
  } finally {
    await handle.close();
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) process.env.TEST_DATABASE_URL = serverUrl;
await run("pglite");
if (serverUrl) await run("server");
else console.log("\n(set BENCH_DATABASE_URL=postgres://... to measure the real server)");
