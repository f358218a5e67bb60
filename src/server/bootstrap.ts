import { env } from "~/env.js";
import { provideDatabase, openDatabase, type DatabaseHandle } from "~/server/db";
import { demoLoginBanner, seedDemoIfEmpty } from "~/server/db/seed";
import { ensureBuiltinTemplates } from "~/server/services/templates/builtins";

/**
 * Brings a database up to date for the app: applies the migrations, adds the demo
 * organization when there are no users yet, and adds the built-in templates that are
 * missing. Every step is idempotent, so the embedded server runs it on each start and
 * `npm run db:seed` on demand.
 */
export async function prepareDatabase(handle: DatabaseHandle): Promise<{ seeded: boolean; templatesAdded: number }> {
  await handle.migrate();
  const seeded = await seedDemoIfEmpty(handle.db);
  const templatesAdded = await ensureBuiltinTemplates(handle.db);
  return { seeded, templatesAdded };
}

/**
 * Opens the server's database, once per process; src/instrumentation.ts calls it before
 * the first request, and `getDatabase()` hands out the same promise afterwards.
 *
 * With DATABASE_URL it only connects: a server database is migrated and seeded by
 * `npm run db:migrate` / `npm run db:seed` at release time, never by the app. The embedded
 * database has nobody to do that, so it is prepared here and the demo logins are printed.
 */
export function bootstrap(): Promise<DatabaseHandle> {
  return provideDatabase(openAppDatabase);
}

async function openAppDatabase(): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openDatabase({ url: env.DATABASE_URL });
  const handle = await openDatabase({ dataDir: env.PGLITE_DIR });
  try {
    const { seeded } = await prepareDatabase(handle);
    console.log(demoLoginBanner(`FlowMatrix embedded database in ${env.PGLITE_DIR}${seeded ? " (demo data created)" : ""}. Demo logins:`));
    return handle;
  } catch (error) {
    // The next getDatabase() opens the folder again; a second live PGlite on it would lose writes.
    await handle.close();
    throw error;
  }
}
