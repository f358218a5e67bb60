import { randomUUID } from "node:crypto";
import { restoreOps } from "~/domain/diff";
import type { Operation } from "~/domain/operations";
import { withTransaction } from "~/server/db/transaction";
import type { ProjectContext } from "../context";
import { applyBatch, loadGraph } from "../graph";
import { lockProject, requireWritable } from "../guards";
import { getVersion, logVersion, snapshotProject, type VersionSummary } from "./store";

export type RestoreResult = {
  revision: number;
  /** Undoes the restore as one batch (empty when the graph already was that version). */
  inverse: Operation[];
  before: VersionSummary | null;
  after: VersionSummary | null;
};

/**
 * Turns the live graph back into a version, in one transaction: an automatic "Before
 * restoring vN" snapshot, the restore as ONE operation batch through applyBatch (so it is
 * compare-and-set, logged, live-synced and undoable by its inverse like any edit), then a
 * "Restored from vN" version. The project row stays locked throughout, so no other batch can
 * land between the snapshot and the restore.
 */
export async function restoreVersion(ctx: ProjectContext, { versionId }: { versionId: string }): Promise<RestoreResult> {
  const projectId = ctx.access.project.id;
  return withTransaction(ctx.db, async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { revision, status } = await lockProject(tx, projectId);
    requireWritable(status);
    const target = await getVersion(inTx, { versionId });
    const live = await loadGraph(tx, projectId, revision);
    const ops = restoreOps(live, target.graph);
    if (ops.length === 0) return { revision, inverse: [], before: null, after: null };
    const n = target.versionNumber;
    const before = await snapshotProject(inTx, { comment: `Before restoring v${n}`, automatic: true });
    const applied = await applyBatch(inTx, { clientOpId: randomUUID(), ops });
    const after = await snapshotProject(inTx, { comment: `Restored from v${n}`, automatic: true });
    await logVersion(inTx, "RESTORE", target);
    return { revision: applied.revision, inverse: applied.inverse, before, after };
  });
}

/**
 * The first half of a restore done through the editor (which applies the restore batch
 * itself, so that it lands on its undo stack): the automatic "Before restoring vN" snapshot,
 * and the version's graph to restore.
 */
export async function prepareRestore(ctx: ProjectContext, { versionId }: { versionId: string }) {
  return withTransaction(ctx.db, async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { status } = await lockProject(tx, ctx.access.project.id);
    requireWritable(status);
    const version = await getVersion(inTx, { versionId });
    const before = await snapshotProject(inTx, { comment: `Before restoring v${version.versionNumber}`, automatic: true });
    return { before, version };
  });
}
