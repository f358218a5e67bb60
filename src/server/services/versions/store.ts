import { and, desc, eq, sql } from "drizzle-orm";
import { diffGraphs, isEmptyDiff } from "~/domain/diff";
import type { Transaction } from "~/server/db";
import { projectVersions, users } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { notify } from "~/server/realtime";
import { logActivity } from "../activity";
import { leadTime } from "../analysis";
import type { ProjectContext } from "../context";
import { notFound, ServiceError } from "../errors";
import { loadGraph } from "../graph";
import { lockProject } from "../guards";
import { readSnapshot, storedSnapshot } from "./snapshot";

const summaryColumns = {
  id: projectVersions.id,
  versionNumber: projectVersions.versionNumber,
  comment: projectVersions.comment,
  revision: projectVersions.revision,
  nodesCount: projectVersions.nodesCount,
  edgesCount: projectVersions.edgesCount,
  leadTimeMinutes: projectVersions.leadTimeMinutes,
  isAutomatic: projectVersions.isAutomatic,
  createdAt: projectVersions.createdAt,
  author: { id: users.id, name: users.name },
};

export type VersionSummary = {
  id: string;
  versionNumber: number;
  comment: string | null;
  revision: number;
  nodesCount: number;
  edgesCount: number;
  leadTimeMinutes: number | null;
  isAutomatic: boolean;
  createdAt: Date;
  author: { id: string; name: string } | null;
};

/** Newest first, without the snapshots (they can be large). */
export async function listVersions({ db, access }: ProjectContext): Promise<VersionSummary[]> {
  return db
    .select(summaryColumns)
    .from(projectVersions)
    .leftJoin(users, eq(users.id, projectVersions.createdBy))
    .where(eq(projectVersions.projectId, access.project.id))
    .orderBy(desc(projectVersions.versionNumber));
}

/** One version of this project with its graph, or NOT_FOUND (also for another project's version). */
export async function getVersion({ db, access }: ProjectContext, { versionId }: { versionId: string }) {
  const [row] = await db
    .select({ ...summaryColumns, snapshot: projectVersions.snapshot })
    .from(projectVersions)
    .leftJoin(users, eq(users.id, projectVersions.createdBy))
    .where(and(eq(projectVersions.id, versionId), eq(projectVersions.projectId, access.project.id)));
  if (!row) throw notFound("Version");
  const { snapshot, ...summary } = row;
  return { ...summary, graph: readSnapshot(snapshot) };
}

/**
 * Stores the project's live graph as its next version. Runs inside the caller's transaction
 * (a restore, and later an import, snapshot "before" as part of their own write), so the
 * snapshot is exactly the graph that write starts from. The lead time comes from the
 * analysis service at the snapshot's revision, as the analysis panel showed it.
 */
export async function snapshotProject(
  ctx: ProjectContext & { db: Transaction },
  { comment, automatic }: { comment: string | null; automatic: boolean },
): Promise<VersionSummary> {
  const { db: tx, access, actor } = ctx;
  const projectId = access.project.id;
  const { revision } = await lockProject(tx, projectId);
  const graph = await loadGraph(tx, projectId, revision);
  // At the revision just locked: the one in ctx is from the access check, before this write.
  const analysis = await leadTime({ ...ctx, access: { ...access, project: { ...access.project, revision } } });
  const [next] = await tx
    .select({ n: sql<number>`coalesce(max(${projectVersions.versionNumber}), 0)::int + 1` })
    .from(projectVersions)
    .where(eq(projectVersions.projectId, projectId));
  const [created] = await tx
    .insert(projectVersions)
    .values({
      organizationId: access.organizationId,
      projectId,
      versionNumber: next!.n,
      comment,
      snapshot: storedSnapshot(graph, revision),
      revision,
      nodesCount: graph.nodes.length,
      edgesCount: graph.edges.length,
      leadTimeMinutes: analysis.totalMinutes,
      isAutomatic: automatic,
      createdBy: actor.userId,
    })
    .returning({ id: projectVersions.id, createdAt: projectVersions.createdAt });
  await notify(tx, { kind: "touch", projectId, topic: "versions" });
  // Saved by hand, it is news; the automatic snapshots around a restore are told by the restore.
  if (!automatic) await logVersion(ctx, "CREATE", { id: created!.id, versionNumber: next!.n, comment });
  const [author] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, actor.userId));
  return {
    id: created!.id,
    versionNumber: next!.n,
    comment,
    revision,
    nodesCount: graph.nodes.length,
    edgesCount: graph.edges.length,
    leadTimeMinutes: analysis.totalMinutes,
    isAutomatic: automatic,
    createdAt: created!.createdAt,
    author: author ?? null,
  };
}

/** A version saved or restored, in the project's activity (Kind = Versions). */
export async function logVersion(
  { db, actor, access }: ProjectContext,
  action: "CREATE" | "RESTORE",
  version: { id: string; versionNumber: number; comment?: string | null },
) {
  await logActivity(db, actor, {
    organizationId: access.organizationId,
    projectId: access.project.id,
    action,
    entityType: "VERSION",
    entityId: version.id,
    details: { versionNumber: version.versionNumber, ...(version.comment ? { comment: version.comment } : {}) },
  });
}

/**
 * "Save version". With `restoredFrom`, the version that marks the end of a restore done
 * through the editor: it is only written when the live graph really equals that version
 * (the restore batch may have been refused in the meantime).
 */
export async function saveVersion(
  ctx: ProjectContext,
  { comment, restoredFrom }: { comment: string | null; restoredFrom?: string },
): Promise<VersionSummary> {
  return withTransaction(ctx.db, async (tx) => {
    const inTx = { ...ctx, db: tx };
    if (!restoredFrom) return snapshotProject(inTx, { comment, automatic: false });
    const { revision } = await lockProject(tx, ctx.access.project.id);
    const target = await getVersion(inTx, { versionId: restoredFrom });
    const live = await loadGraph(tx, ctx.access.project.id, revision);
    if (!isEmptyDiff(diffGraphs(target.graph, live))) {
      throw new ServiceError("VERSION_MISMATCH", `The graph no longer matches v${target.versionNumber}`);
    }
    const saved = await snapshotProject(inTx, { comment: `Restored from v${target.versionNumber}`, automatic: true });
    await logVersion(inTx, "RESTORE", target);
    return saved;
  });
}
