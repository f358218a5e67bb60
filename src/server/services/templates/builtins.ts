import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/server/db";
import { templates } from "~/server/db/schema";
import { builtinGraph, builtinTemplates } from "~/server/db/templates";
import { templateSnapshot } from "./preview";

/**
 * Adds the built-in templates (organization NULL) that are missing, matched by name, so boot
 * and `npm run db:seed` can call it on every start. An existing built-in is left as it is:
 * its usage count belongs to the users who used it.
 */
export async function ensureBuiltinTemplates(db: DbOrTx): Promise<number> {
  const names = builtinTemplates.map((t) => t.name);
  const present = await db
    .select({ name: templates.name })
    .from(templates)
    .where(and(isNull(templates.organizationId), inArray(templates.name, names)));
  const have = new Set(present.map((r) => r.name));
  const missing = builtinTemplates.filter((t) => !have.has(t.name));
  if (missing.length === 0) return 0;
  await db.insert(templates).values(
    missing.map((t) => ({
      organizationId: null,
      name: t.name,
      description: t.description,
      category: t.category,
      tags: t.tags,
      snapshot: templateSnapshot(builtinGraph(t)),
    })),
  );
  return missing.length;
}
