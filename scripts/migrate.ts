import { env } from "~/env.js";
import { appliedMigrations, openDatabase } from "~/server/db";

const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await handle.migrate();
console.log(`${handle.mode} database migrated: ${await appliedMigrations(handle.db)} migrations applied`);
await handle.close();
