import { env } from "~/env.js";
import { prepareDatabase } from "~/server/bootstrap";
import { openDatabase } from "~/server/db";
import { demoLoginBanner } from "~/server/db/seed";

const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
const { seeded, templatesAdded } = await prepareDatabase(handle);
console.log(seeded ? demoLoginBanner("Demo data created. Sign in with:") : "The database already has users; demo data not added.");
if (templatesAdded > 0) console.log(`Added ${templatesAdded} built-in templates.`);
await handle.close();
