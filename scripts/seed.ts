import { env } from "~/env.js";
import { openDatabase } from "~/server/db";
import { demoLoginBanner, seedDemoIfEmpty } from "~/server/db/seed";

const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await handle.migrate();
const seeded = await seedDemoIfEmpty(handle.db);
console.log(seeded ? demoLoginBanner("Demo data created. Sign in with:") : "The database already has users; demo data not added.");
await handle.close();
