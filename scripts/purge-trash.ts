import { env } from "~/env.js";
import { openDatabase } from "~/server/db";
import { purgeExpiredTrash } from "~/server/services/lifecycle/purge";

// npm run purge:trash: what the daily cron route does, for a server without cron jobs.
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
try {
  await purgeExpiredTrash(handle.db);
} finally {
  await handle.close();
}
