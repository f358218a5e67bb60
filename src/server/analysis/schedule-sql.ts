import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "~/server/db";
import type { ScheduledStep } from "./schedule";

type Row = { node_id: string; earliest: Date | string; planned_start: Date | string; planned_finish: Date | string };

const instant = (value: Date | string) => (value instanceof Date ? value.getTime() : Date.parse(value));

/**
 * Planned dates of the project's live steps from `start`, computed by the database
 * (app_plan_schedule in drizzle/0015_calendars.sql); schedule.ts is its in-memory twin.
 */
export async function planScheduleSql(db: DbOrTx, projectId: string, start: number): Promise<ScheduledStep[]> {
  const result = rows<Row>(
    await db.execute(
      sql`SELECT node_id, earliest, planned_start, planned_finish FROM app_plan_schedule(${projectId}, ${new Date(start).toISOString()}::timestamptz)`,
    ),
  );
  return result.map((r) => ({
    id: r.node_id,
    earliest: instant(r.earliest),
    start: instant(r.planned_start),
    finish: instant(r.planned_finish),
  }));
}
