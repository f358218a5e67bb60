import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "~/server/db";

export type TestDatabaseKind = "pglite" | "server";

/** PGlite always; the real server too when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "server"] : ["pglite"];
}

export type TestDatabaseHandle = DatabaseHandle & { url: string | null };

/** A freshly migrated database of its own; `close()` drops it again on the server. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabaseHandle> {
  if (kind === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    return { ...handle, url: null };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `fm_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Registers before/after hooks and returns a getter for the suite's database. */
export function useTestDatabase(kind: TestDatabaseKind): () => Database {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("test database not ready");
    return handle.db;
  };
}
