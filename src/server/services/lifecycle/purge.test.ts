import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as purgeRoute } from "~/app/api/cron/purge-trash/route";
import { provideDatabase } from "~/server/db";
import { activityLogs, nodes, projects } from "~/server/db/schema";
import { createOrg } from "~/server/test/factories";
import { createTestDatabase, testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { batch, nodeOp } from "~/server/test/graph";
import { purgeExpiredTrash } from "./purge";

describe.each(testDatabaseKinds())("the trash purge on %s", (kind) => {
  const db = useTestDatabase(kind);

  /** A project with a step, deleted `daysAgo` days ago (0: not deleted). */
  async function project(caller: Awaited<ReturnType<typeof createOrg>>["caller"], organizationId: string, name: string, daysAgo: number) {
    const created = await caller.project.create({ organizationId, name });
    await caller.graph.applyOps({ projectId: created.id, ...batch([nodeOp("Step")]) });
    if (daysAgo > 0) {
      await caller.project.delete({ projectId: created.id });
      await db()
        .update(projects)
        .set({ deletedAt: sql`now() - make_interval(days => ${daysAgo})` })
        .where(eq(projects.id, created.id));
    }
    return created.id;
  }

  it("deletes for good what is past its organization's retention, in batches, and keeps the rest", async () => {
    const { caller, org } = await createOrg(db());
    const { caller: strictCaller, org: strict } = await createOrg(db(), "Strict");
    await strictCaller.org.update({ organizationId: strict.id, trashRetentionDays: 7 });
    const old = [
      await project(caller, org.id, "Old one", 31),
      await project(caller, org.id, "Old two", 45),
      await project(strictCaller, strict.id, "A week and a day", 8),
    ];
    const kept = [
      await project(caller, org.id, "Recent", 29),
      await project(caller, org.id, "Live", 0),
      await project(strictCaller, strict.id, "Six days", 6),
    ];
    const lines: string[] = [];
    const purged = await purgeExpiredTrash(db(), { batchSize: 2, log: (line) => lines.push(line) });
    expect(purged.map((p) => p.id).sort()).toEqual([...old].sort());
    expect(lines.filter((l) => l.includes("past their retention"))).toHaveLength(2);
    const left = await db()
      .select({ id: projects.id })
      .from(projects)
      .where(inArray(projects.id, [...old, ...kept]));
    expect(left.map((r) => r.id).sort()).toEqual([...kept].sort());
    // What hung off a purged project went with it.
    expect(await db().select().from(nodes).where(inArray(nodes.projectId, old))).toEqual([]);
    expect(await db().select().from(activityLogs).where(inArray(activityLogs.projectId, old))).toEqual([]);
    expect(await purgeExpiredTrash(db(), { log: () => {} })).toEqual([]);
  });

  it("keeps the retention within 1 to 3650 days, with a message", async () => {
    const { caller, org } = await createOrg(db());
    await expect(caller.org.update({ organizationId: org.id, trashRetentionDays: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "trashRetentionDays: Keep deleted projects at least 1 day",
    });
    expect((await caller.org.get({ organizationId: org.id })).settings.trash_retention_days).toBe(30);
  });
});

describe("the purge cron route", () => {
  it("runs only with the cron secret", async () => {
    const handle = await createTestDatabase("pglite");
    provideDatabase(async () => handle);
    const call = (authorization?: string) =>
      purgeRoute(new Request("http://localhost/api/cron/purge-trash", { headers: authorization ? { authorization } : {} }));
    const before = process.env.CRON_SECRET;
    try {
      delete process.env.CRON_SECRET;
      expect((await call("Bearer anything")).status).toBe(503);
      process.env.CRON_SECRET = "a-long-cron-secret";
      expect((await call()).status).toBe(401);
      expect((await call("Bearer wrong")).status).toBe(401);
      const ok = await call("Bearer a-long-cron-secret");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ purged: 0 });
    } finally {
      if (before === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = before;
      await handle.close();
    }
  });
});
