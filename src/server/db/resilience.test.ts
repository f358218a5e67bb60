import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "~/app/api/health/route";
import { createTestDatabase, type TestDatabaseHandle } from "~/server/test/db";
import { actAs } from "./acting";
import { openDatabase, provideDatabase, rows } from "./index";

const serverUrl = process.env.TEST_DATABASE_URL;

describe("an unreachable database", () => {
  it("makes /api/health answer 503 with the reason, quickly", async () => {
    // Nothing listens on port 1: every connection is refused.
    provideDatabase(() => openDatabase({ url: "postgres://postgres@127.0.0.1:1/nowhere" }));
    const started = Date.now();
    const response = await health();
    expect(response.status).toBe(503);
    expect(((await response.json()) as { db: string; reason: string }).db).toBe("error");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

// Statement timeouts and terminated connections exist only on a real server (PGlite runs in
// this process); `npm test` and CI set TEST_DATABASE_URL, so these run there.
describe.skipIf(!serverUrl)("the PostgreSQL server misbehaving", () => {
  const handles: TestDatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it("stops a statement that runs past the timeout with a clear error", async () => {
    const handle = await createTestDatabase("server");
    handles.push(handle);
    const quick = await openDatabase({ url: handle.url!, statementTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(quick.db.execute(sql`SELECT pg_sleep(5)`)).rejects.toMatchObject({ cause: { code: "57014" } });
      expect(Date.now() - started).toBeLessThan(3000);
      // The connection is still good afterwards.
      expect(rows<{ n: number }>(await quick.db.execute(sql`SELECT 1 AS n`))[0]?.n).toBe(1);
    } finally {
      await quick.close();
    }
  });

  it("survives its connections being terminated: no uncaught error, queries work again, LISTEN resumes", async () => {
    const handle = await createTestDatabase("server");
    handles.push(handle);
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    process.on("unhandledRejection", record);
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    try {
      const heard: string[] = [];
      await handle.listen("resilience_test", (payload) => heard.push(payload));
      await Promise.all(Array.from({ length: 10 }, () => handle.db.execute(sql`SELECT 1`)));
      const name = new URL(handle.url!).pathname.slice(1);
      const storm = Promise.allSettled(Array.from({ length: 20 }, () => handle.db.execute(sql`SELECT pg_sleep(0.2)`)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name} AND pid <> pg_backend_pid()`;
      const settled = await storm;
      // Each query either ran or failed with the driver's error; none hangs.
      for (const result of settled) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(Error);

      // Requests (each an acting transaction) work again at once: a dead pooled connection is retried on another.
      const after = await Promise.all(Array.from({ length: 10 }, () => actAs(handle.db, null, (tx) => tx.execute(sql`SELECT 1 AS n`))));
      expect(after.map((r) => rows<{ n: number }>(r)[0]?.n)).toEqual(Array(10).fill(1));
      for (let attempt = 0; attempt < 50 && heard.length === 0; attempt++) {
        await handle.db.execute(sql`SELECT pg_notify('resilience_test', 'back')`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(heard).toContain("back");
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
      process.off("unhandledRejection", record);
      await admin.end();
    }
  });
});
