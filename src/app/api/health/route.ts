import { sql } from "drizzle-orm";
import { appliedMigrations, getDatabase } from "~/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { db, mode } = await getDatabase();
    await db.execute(sql`SELECT 1`);
    const migrations = await appliedMigrations(db);
    if (migrations === 0) {
      return Response.json({ db: "error", mode, reason: "No migrations applied: run `npm run db:migrate`" }, { status: 503 });
    }
    return Response.json({ db: "ok", mode, migrations });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json({ db: "error", reason }, { status: 503 });
  }
}
