import { timingSafeEqual } from "node:crypto";
import { getDb } from "~/server/db";
import { purgeExpiredTrash } from "~/server/services/lifecycle/purge";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * The daily trash purge (vercel.json lists it; `npm run purge:trash` runs the same). Vercel's
 * cron sends `Authorization: Bearer $CRON_SECRET`; anyone else gets 401, and without a
 * CRON_SECRET configured the route refuses to run at all.
 */
export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET;
  if (!secret) return Response.json({ error: "Set CRON_SECRET to enable the trash purge" }, { status: 503 });
  if (!sameSecret(request.headers.get("authorization") ?? "", `Bearer ${secret}`)) {
    return Response.json({ error: "Not allowed" }, { status: 401 });
  }
  const purged = await purgeExpiredTrash(await getDb());
  return Response.json({ purged: purged.length });
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
