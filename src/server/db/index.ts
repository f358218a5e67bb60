import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Database | Transaction;
export type DatabaseMode = "embedded" | "server";

export type Unlisten = () => Promise<void>;
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<Unlisten>;

export type DatabaseHandle = {
  db: Database;
  mode: DatabaseMode;
  migrate(): Promise<void>;
  /** LISTEN on a channel (a dedicated connection on postgres.js); resolves once listening. */
  listen: Listen;
  close(): Promise<void>;
};

/**
 * LISTEN lives on the driver, not on drizzle: procedures only hold `db`, so look it up here.
 * On globalThis because Next.js may load this module once per route bundle.
 */
const globalForListen = globalThis as unknown as { __flowmatrixListeners?: WeakMap<Database, Listen> };
const listeners = (globalForListen.__flowmatrixListeners ??= new WeakMap());

export function listenerFor(db: Database): Listen {
  const listen = listeners.get(db);
  if (!listen) throw new Error("This database handle cannot LISTEN");
  return listen;
}

function register(handle: DatabaseHandle): DatabaseHandle {
  listeners.set(handle.db, handle.listen);
  return handle;
}

const migrationsFolder = join(process.cwd(), "drizzle");

/** No statement may run longer (DATABASE_STATEMENT_TIMEOUT_MS overrides it): a stuck query fails instead of holding a request. */
export const STATEMENT_TIMEOUT_MS = 10_000;

function statementTimeout(): number {
  const configured = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : STATEMENT_TIMEOUT_MS;
}

/**
 * Opens postgres.js when a URL is given, else PGlite in `dataDir` (a folder or memory://).
 * On a server, connecting gives up after 10 s, a statement after `statementTimeoutMs` and a
 * transaction left idle (a request that stopped half-way) after 30 s, so a database that is
 * gone or stuck answers with an error in bounded time rather than a hanging request.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; statementTimeoutMs?: number }): Promise<DatabaseHandle> {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: 10,
      connect_timeout: 10,
      onnotice: () => {},
      connection: {
        statement_timeout: opts.statementTimeoutMs ?? statementTimeout(),
        idle_in_transaction_session_timeout: 30_000,
      },
    });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" });
    return register({
      db,
      mode: "server",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    });
  }
  const client = await PGlite.create(opts.dataDir ?? "memory://", { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return register({
    db,
    mode: "embedded",
    migrate: () => migratePglite(db, { migrationsFolder }),
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    close: () => client.close(),
  });
}

/** `db.execute()` gives an array on postgres.js and `{ rows }` on PGlite. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function appliedMigrations(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return rows<{ n: number }>(result)[0]?.n ?? 0;
}

type Opener = () => Promise<DatabaseHandle>;

const globalForDb = globalThis as unknown as { __flowmatrixDb?: Promise<DatabaseHandle>; __flowmatrixOpener?: Opener };

/**
 * Says how the process opens its database and makes it ready (src/server/bootstrap.ts:
 * migrate and seed the embedded one), then opens it. This module only holds the result, so the
 * driver does not depend on the demo data or the services that build it.
 */
export function provideDatabase(open: Opener): Promise<DatabaseHandle> {
  globalForDb.__flowmatrixOpener ??= open;
  return getDatabase();
}

/**
 * The process-wide database, once it is ready: a request that arrives while the server is
 * still booting waits for the boot, and a boot that failed is tried again on the next call.
 * PGlite must have exactly one instance per data folder (two silently lose writes), and
 * Next.js may evaluate this module once per route bundle, so the instance lives on globalThis.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  const open = globalForDb.__flowmatrixOpener;
  if (!open)
    return Promise.reject(
      new Error("No database yet: src/instrumentation.ts opens it through src/server/bootstrap.ts when the server starts"),
    );
  globalForDb.__flowmatrixDb ??= open().catch((error: unknown) => {
    globalForDb.__flowmatrixDb = undefined;
    throw error;
  });
  return globalForDb.__flowmatrixDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}
