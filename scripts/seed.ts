import { env } from "~/env.js";
import { openDatabase } from "~/server/db";
import { demoLoginBanner, seedDemoIfEmpty } from "~/server/db/seed";
import { ensureBuiltinTemplates } from "~/server/services/templates/builtins";

const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await handle.migrate();
const seeded = await seedDemoIfEmpty(handle.db);
const templatesAdded = await ensureBuiltinTemplates(handle.db);
console.log(seeded ? demoLoginBanner("Demo data created. Sign in with:") : "The database already has users; demo data not added.");
if (templatesAdded > 0) console.log(`Added ${templatesAdded} built-in templates.`);
await handle.close();
