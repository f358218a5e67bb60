/**
 * The rules several services enforce, in one place: a project must be writable, writes to
 * one project are serialised by locking its row, an organization has a member limit, and an
 * automation score is recomputed only when its inputs' hash changes.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { AutomationInput } from "~/domain/automation";
import type { Transaction } from "~/server/db";
import { projects } from "~/server/db/schema";
import { notFound, ServiceError } from "./errors";

/** An archived project is read-only for everyone; `verb` says what was refused ("edit", "comment"). */
export function requireWritable(status: string, verb = "edit") {
  if (status === "ARCHIVED") throw new ServiceError("PROJECT_ARCHIVED", `This project is archived; unarchive it to ${verb}`);
}

/**
 * Locks the project row until commit. Graph batches, version numbering and restores take it
 * first, so compare-and-set checks, cycle checks and revision bumps see one committed graph.
 */
export async function lockProject(tx: Transaction, projectId: string) {
  const [row] = await tx
    .select({ revision: projects.revision, status: projects.status })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for("update");
  if (!row) throw notFound("Project");
  return row;
}

/** Refuses one more member once the organization (its row locked by the caller) is full. */
export function requireMemberRoom(members: number, settings: { max_members: number }) {
  if (members >= settings.max_members) {
    throw new ServiceError("LIMIT_REACHED", `This organization has reached its limit of ${settings.max_members} members`);
  }
}

/** What ai_analysis_cache.input_hash holds: an edit that leaves the inputs alone recomputes nothing. */
export function automationInputHash(input: AutomationInput): string {
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}
