import type { DbOrTx } from "~/server/db";
import { activityLogs } from "~/server/db/schema";
import { notify } from "~/server/realtime";
import type { Actor } from "../context";

export { activityPeople, exportActivityCsv, listActivity, type FeedFilter, type FeedItem } from "./feed";

type ActivityEntry = Omit<typeof activityLogs.$inferInsert, "userId" | "ipAddress" | "userAgent" | "id" | "createdAt">;

/**
 * Appends activity rows. `quiet` skips the "activity changed" signal for callers that send
 * their own (a graph batch's change signal already makes viewers refresh the feed).
 */
export async function logActivity(db: DbOrTx, actor: Actor, entries: ActivityEntry | ActivityEntry[], opts: { quiet?: boolean } = {}) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db
    .insert(activityLogs)
    .values(
      list.map((entry) => ({ ...entry, userId: actor.userId, ipAddress: actor.ip?.slice(0, 45) ?? null, userAgent: actor.userAgent })),
    );
  // Open activity feeds refetch. Sent inside the caller's transaction, so it is delivered only
  // if the entry commits; Postgres folds identical notifications of one transaction into one.
  if (opts.quiet) return;
  for (const projectId of new Set(list.map((entry) => entry.projectId).filter(Boolean))) {
    await notify(db, { kind: "touch", projectId, topic: "activity" });
  }
}
