import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import { listenerFor, type Database, type DbOrTx } from "~/server/db";

/**
 * Live sync goes through Postgres LISTEN/NOTIFY so every app instance sharing the database
 * hears every commit. A NOTIFY sent inside a transaction is delivered only if it commits.
 * Payloads stay tiny (8 kB limit): subscribers read the batches themselves from
 * operation_batches, which also lets a reconnecting client catch up from any revision.
 */
const CHANNEL = "flowmatrix_graph";

/** `hello` asks everyone already viewing to announce themselves to the newcomer. */
export type Presence = { userId: string; name: string; image: string | null; tab: string; hello?: boolean };

/** Something besides the graph changed in a project; viewers refetch that topic. */
export type Topic = "comments" | "activity" | "versions";

export type Signal =
  | { kind: "change"; projectId: string; revision: number }
  | { kind: "touch"; projectId: string; topic: Topic }
  | { kind: "presence"; projectId: string; presence: Presence; leaving: boolean };

export async function notify(db: DbOrTx, signal: Signal): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(signal)})`);
}

type Hub = { on(projectId: string, fn: (signal: Signal) => void): () => void };

const globalForHubs = globalThis as unknown as { __flowmatrixHubs?: WeakMap<Database, Promise<Hub>> };
const hubs = (globalForHubs.__flowmatrixHubs ??= new WeakMap());

/** One LISTEN per process and database, fanned out to subscribers by project. */
export function hubFor(db: Database): Promise<Hub> {
  let hub = hubs.get(db);
  if (!hub) {
    hub = startHub(db);
    hubs.set(db, hub);
    hub.catch(() => hubs.delete(db));
  }
  return hub;
}

async function startHub(db: Database): Promise<Hub> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  await listenerFor(db)(CHANNEL, (payload) => {
    try {
      const signal = JSON.parse(payload) as Signal;
      emitter.emit(signal.projectId, signal);
    } catch {
      // Not ours or malformed: nothing to deliver.
    }
  });
  return {
    on(projectId, fn) {
      emitter.on(projectId, fn);
      return () => emitter.off(projectId, fn);
    },
  };
}

/** Buffers signals for an async generator; `next` waits for one, or returns null once `abort` fires. */
export function signalQueue<T>(abort: AbortSignal) {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  abort.addEventListener("abort", () => wake?.(), { once: true });
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    async next(): Promise<T | null> {
      while (items.length === 0) {
        if (abort.aborted) return null;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      return items.shift() ?? null;
    },
  };
}
