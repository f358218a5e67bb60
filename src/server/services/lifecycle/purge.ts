import { sql } from "drizzle-orm";
import { rows, type Database } from "~/server/db";
import { actAs } from "~/server/db/acting";

/** How long a deleted project waits in the trash when its organization says nothing else. */
export const DEFAULT_TRASH_RETENTION_DAYS = 30;

export type PurgedProject = { id: string; organizationId: string; name: string; deletedAt: Date };

/**
 * Deletes, for good, the projects that have been in the trash longer than their
 * organization's retention period: in batches of `batchSize`, each its own short transaction
 * (so a large backlog never holds long locks), each logged. Returns what went.
 */
export async function purgeExpiredTrash(
  db: Database,
  { batchSize = 100, log = console.info }: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<PurgedProject[]> {
  const purged: PurgedProject[] = [];
  for (;;) {
    const batch = await actAs(db, null, async (tx) =>
      rows<{ id: string; organization_id: string; name: string; deleted_at: string | Date }>(
        await tx.execute(sql`SELECT id, organization_id, name, deleted_at FROM app_purge_expired_trash(${batchSize})`),
      ),
    );
    const items = batch.map((r) => ({ id: r.id, organizationId: r.organization_id, name: r.name, deletedAt: new Date(r.deleted_at) }));
    if (items.length) log(`purge-trash: deleted ${items.length} project(s) past their retention: ${items.map((p) => p.id).join(", ")}`);
    purged.push(...items);
    if (items.length < batchSize) break;
  }
  log(`purge-trash: done, ${purged.length} project(s) deleted for good`);
  return purged;
}
