import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "~/server/db";
import { projects } from "~/server/db/schema";
import { requireProjectAccess } from "~/server/services/access";
import { callerFor, createOrg } from "~/server/test/factories";
import { useTestDatabase } from "~/server/test/db";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";
import { leadTime } from "./index";

// Lock order only matters with concurrent connections, which PGlite (one connection) never has.
describe.runIf(!!process.env.TEST_DATABASE_URL)("lead time locking on the server", () => {
  const db = useTestDatabase("server");

  it("a lead time asked for while a version save holds the project row waits for it instead of deadlocking", async () => {
    const { caller, org, owner } = await createOrg(db());
    const project = await caller.project.create({ organizationId: org.id, name: "Locks" });
    const a = nodeOp("A", { avgTime: "2h" });
    const b = nodeOp("B", { avgTime: "3h" });
    await caller.graph.applyOps({ projectId: project.id, ...batch([a, b, edgeOp(a.node.id, b.node.id)]) });
    const actor = { userId: owner.id, sessionId: null, ip: null, userAgent: null };
    const access = await requireProjectAccess({ db: db(), actor }, { projectId: project.id, min: "VIEWER" });

    // What saving a version does: lock the project row, then compute the lead time inside.
    let viewer: Promise<unknown> | undefined;
    const saved = await db().transaction(async (tx) => {
      await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for("update");
      viewer = callerFor(db(), owner.id).analysis.leadTime({ projectId: project.id });
      // Give the viewer's request time to reach its lock and queue behind this transaction.
      await expect
        .poll(async () => {
          const waiting = await db().execute(
            sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
          );
          return rows<{ n: number }>(waiting)[0]?.n ?? 0;
        })
        .toBeGreaterThan(0);
      return leadTime({ db: tx, actor, access });
    });
    await expect(viewer).resolves.toMatchObject({ criticalPathMinutes: saved.criticalPathMinutes });
    expect(saved.criticalPathMinutes).toBe(5 * 60);
  });
});
