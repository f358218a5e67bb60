import { eq } from "drizzle-orm";
import type { Database } from "~/server/db";
import { actAs } from "~/server/db/acting";
import { projects, users } from "~/server/db/schema";
import { hubFor, notify, signalQueue, type Presence, type Signal, type Topic } from "~/server/realtime";
import { batchesSince, type LiveBatch } from "./index";

export type Viewer = { userId: string; name: string; image: string | null };

export type LiveEvent =
  | { type: "batch"; batch: LiveBatch }
  | { type: "reload"; revision: number }
  | { type: "viewers"; viewers: Viewer[] }
  | { type: "touch"; topic: Topic };

/**
 * An event with the revision the viewer is caught up to once they have it: the id a
 * reconnect resumes from, so every event can carry one (not only batches).
 */
export type LiveMessage = { revision: number; event: LiveEvent };

const PAGE = 200;
/** Further behind than this, reloading the graph is cheaper than replaying batches. */
const MAX_REPLAY = 1000;
const HEARTBEAT_MS = 15_000;
const PRESENCE_TTL_MS = 40_000;

/**
 * Everything a viewer needs after `since`: the batches they missed, then each new batch as
 * it commits, plus who else is looking. The listener is attached before the catch-up read,
 * so a batch committed in between is not lost (it is just seen twice and skipped).
 *
 * The stream outlives the request's transaction, so `db` is the process's database and each
 * read or notice is its own short transaction acting as the viewer (Row-Level Security holds).
 */
export async function* liveChanges(opts: {
  db: Database;
  projectId: string;
  userId: string;
  tab: string;
  since: number;
  abort: AbortSignal;
}): AsyncGenerator<LiveMessage> {
  const { db, projectId, userId, abort } = opts;
  const hub = await hubFor(db);
  const queue = signalQueue<Signal | { kind: "tick" }>(abort);
  const off = hub.on(projectId, (signal) => queue.push(signal));
  const [me] = await actAs(db, userId, (tx) =>
    tx.select({ name: users.name, image: users.avatarUrl }).from(users).where(eq(users.id, userId)),
  );
  const presence: Presence = { userId, name: me?.name ?? "Someone", image: me?.image ?? null, tab: opts.tab };
  const seen = new Map<string, { presence: Presence; at: number }>([[opts.tab, { presence, at: Date.now() }]]);
  const announce = (leaving = false, hello = false) =>
    actAs(db, userId, (tx) => notify(tx, { kind: "presence", projectId, presence: { ...presence, hello }, leaving })).catch(
      () => undefined,
    );
  const heartbeat = setInterval(() => {
    void announce();
    queue.push({ kind: "tick" });
  }, HEARTBEAT_MS);

  let last = opts.since;
  const message = (event: LiveEvent): LiveMessage => ({ revision: last, event });
  async function* catchUp(): AsyncGenerator<LiveMessage> {
    for (let replayed = 0; ;) {
      const page = await actAs(db, userId, (tx) => batchesSince(tx, projectId, last, PAGE));
      for (const batch of page) {
        last = batch.revision;
        yield message({ type: "batch", batch });
      }
      replayed += page.length;
      if (page.length < PAGE) return;
      if (replayed >= MAX_REPLAY) {
        const [row] = await actAs(db, userId, (tx) =>
          tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId)),
        );
        last = row?.revision ?? last;
        yield message({ type: "reload", revision: last });
        return;
      }
    }
  }
  const viewers = (): LiveEvent => {
    const byUser = new Map<string, Viewer>();
    for (const { presence: p } of seen.values()) byUser.set(p.userId, { userId: p.userId, name: p.name, image: p.image });
    return { type: "viewers", viewers: [...byUser.values()] };
  };

  try {
    await announce(false, true);
    yield* catchUp();
    yield message(viewers());
    for (;;) {
      const signal = await queue.next();
      if (!signal) return;
      if (signal.kind === "change") {
        if (signal.revision > last) yield* catchUp();
        continue;
      }
      if (signal.kind === "touch") {
        yield message({ type: "touch", topic: signal.topic });
        continue;
      }
      const before = [...seen.keys()].sort().join();
      if (signal.kind === "presence") {
        const other = signal.presence;
        if (signal.leaving) seen.delete(other.tab);
        else seen.set(other.tab, { presence: other, at: Date.now() });
        if (other.hello && other.tab !== opts.tab) void announce();
      }
      const now = Date.now();
      for (const [tab, entry] of seen) if (tab !== opts.tab && now - entry.at > PRESENCE_TTL_MS) seen.delete(tab);
      if ([...seen.keys()].sort().join() !== before) yield message(viewers());
    }
  } finally {
    clearInterval(heartbeat);
    off();
    await announce(true);
  }
}
