import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import { UNDO_DEPTH, type BatchHistory, type EditorHistory, type HistoryEntry, type Operation } from "~/domain/operations";
import type { DbOrTx, Transaction } from "~/server/db";
import { undoEntries } from "~/server/db/schema";
import type { ProjectContext } from "../context";
import { ServiceError } from "../errors";

type Stack = "UNDO" | "REDO";
type Owner = { organizationId: string; projectId: string; userId: string };

const mine = (owner: Owner, stack: Stack) =>
  and(eq(undoEntries.projectId, owner.projectId), eq(undoEntries.userId, owner.userId), eq(undoEntries.stack, stack));

/** The stack an undo or redo batch takes its entry from. */
const SOURCE: Record<"undo" | "redo", Stack> = { undo: "UNDO", redo: "REDO" };

/**
 * Refuses an undo or redo whose entry is no longer on the person's stack: another tab of
 * theirs used it first, or it fell off the bottom. Runs under the project lock, before the
 * batch is applied.
 */
export async function requireEntry(tx: Transaction, owner: Owner, history: BatchHistory | undefined) {
  if (!history || history.kind === "do") return;
  const [found] = await tx
    .select({ id: undoEntries.id })
    .from(undoEntries)
    .where(and(mine(owner, SOURCE[history.kind]), eq(undoEntries.entryId, history.entryId)));
  if (!found) {
    const done = history.kind === "undo" ? "undone" : "redone";
    throw new ServiceError(
      "HISTORY_GONE",
      `Can't ${history.kind}: that change is no longer in your history; it was probably ${done} in another tab.`,
    );
  }
}

/**
 * Moves the person's stacks along with an applied batch, in its transaction: a new edit goes
 * on the undo stack and clears redo; an undo moves its entry to redo as the batch that
 * reverses it (and a redo the other way round). Each stack keeps its newest UNDO_DEPTH entries.
 */
export async function recordHistory(
  tx: Transaction,
  owner: Owner,
  entry: { history: BatchHistory | undefined; clientOpId: string; revision: number; ops: Operation[]; inverse: Operation[] },
) {
  const { history } = entry;
  if (!history) return;
  if (history.kind === "do") {
    await tx.delete(undoEntries).where(mine(owner, "REDO"));
  } else {
    await tx.delete(undoEntries).where(and(mine(owner, SOURCE[history.kind]), eq(undoEntries.entryId, history.entryId)));
  }
  const target: Stack = history.kind === "undo" ? "REDO" : "UNDO";
  await tx.insert(undoEntries).values({
    ...owner,
    stack: target,
    entryId: entry.clientOpId,
    revision: entry.revision,
    ops: entry.ops,
    inverse: entry.inverse,
  });
  const [oldestKept] = await tx
    .select({ revision: undoEntries.revision })
    .from(undoEntries)
    .where(mine(owner, target))
    .orderBy(desc(undoEntries.revision))
    .offset(UNDO_DEPTH - 1)
    .limit(1);
  if (oldestKept) await tx.delete(undoEntries).where(and(mine(owner, target), lt(undoEntries.revision, oldestKept.revision)));
}

/** One person's undo and redo stacks in a project, oldest first (the top of each stack last). */
export async function loadHistory(db: DbOrTx, owner: Omit<Owner, "organizationId">): Promise<EditorHistory> {
  const rows = await db
    .select({ stack: undoEntries.stack, id: undoEntries.entryId, ops: undoEntries.ops, inverse: undoEntries.inverse })
    .from(undoEntries)
    .where(and(eq(undoEntries.projectId, owner.projectId), eq(undoEntries.userId, owner.userId)))
    .orderBy(asc(undoEntries.revision));
  const pick = (stack: Stack): HistoryEntry[] =>
    rows
      .filter((r) => r.stack === stack)
      .map(({ id, ops, inverse }) => ({ id, ops, inverse }))
      .slice(-UNDO_DEPTH);
  return { undo: pick("UNDO"), redo: pick("REDO") };
}

/**
 * Drops entries the editor gave up on (an undo that no longer applies because someone else
 * changed the step since), so they do not come back with the next reload.
 */
export async function discardHistory({ db, access, actor }: ProjectContext, { entryIds }: { entryIds: string[] }) {
  await db
    .delete(undoEntries)
    .where(and(eq(undoEntries.projectId, access.project.id), eq(undoEntries.userId, actor.userId), inArray(undoEntries.entryId, entryIds)));
}
