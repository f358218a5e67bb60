import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows, type Database } from "~/server/db";
import { hubFor, type Signal } from "~/server/realtime";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { addOrgMember, addProjectMember, callerFor, createUser } from "~/server/test/factories";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

/** Dana owns "Legal work"; Sam edits it; Vera, in the organization, is added as a viewer by Dana. */
async function setup(db: Database) {
  const dana = await createUser(db, { name: "Dana" });
  const danaCaller = callerFor(db, dana.id);
  const org = await danaCaller.org.create({ name: "Acme" });
  const project = await danaCaller.project.create({ organizationId: org.id, name: "Legal work" });
  const sam = await addProjectMember(db, org.id, project.id, "EDITOR", "Sam");
  const vera = await addOrgMember(db, org.id, "MEMBER", "Vera");
  return {
    db,
    org,
    projectId: project.id,
    dana,
    danaCaller,
    sam,
    samCaller: callerFor(db, sam.id),
    vera,
    veraCaller: callerFor(db, vera.id),
  };
}

/** A realistic history through the real procedures; returns the ids the assertions need. */
async function writeHistory(fx: Awaited<ReturnType<typeof setup>>) {
  const { projectId, danaCaller, samCaller } = fx;
  await danaCaller.project.update({ projectId, name: "Contracts" });
  await danaCaller.project.members.add({ projectId, email: fx.vera.email, role: "VIEWER" });
  const graph = await samCaller.graph.get({ projectId });
  const sales = graph.departments.find((d) => d.name === "Sales")!;
  const [request, review] = graph.stages;
  const a = nodeOp("Review contract", { departmentId: sales.id, stageId: request!.id, avgTime: "2h" });
  const b = nodeOp("Check credit");
  await samCaller.graph.applyOps({ projectId, ...batch([a, b]) });
  await samCaller.graph.applyOps({
    projectId,
    ...batch([{ op: "updateNode", id: a.node.id, set: { avgTime: "3h" }, expect: { avgTime: "2h" } }]),
  });
  await samCaller.graph.applyOps({
    projectId,
    ...batch([{ op: "updateNode", id: a.node.id, set: { stageId: review!.id, x: 60 }, expect: { stageId: request!.id, x: 20 } }]),
  });
  await samCaller.graph.applyOps({ projectId, ...batch([edgeOp(a.node.id, b.node.id, "REQUIRES")]) });
  await danaCaller.project.members.changeRole({ projectId, userId: fx.vera.id, role: "COMMENTER" });
  await danaCaller.graph.applyOps({
    projectId,
    ...batch([{ op: "updateAxis", axis: "stage", id: review!.id, set: { name: "Checking" }, expect: { name: "Review" } }]),
  });
}

describe.each(testDatabaseKinds())("activity feed on %s", (kind) => {
  const db = useTestDatabase(kind);

  it("tells the project's history in words, newest first, with old -> new values", async () => {
    const fx = await setup(db());
    await writeHistory(fx);
    const { items, nextCursor } = await fx.veraCaller.activity.list({ projectId: fx.projectId, limit: 50 });
    expect(nextCursor).toBeNull();
    const texts = items.map((i) => i.text);
    expect(texts.slice(0, 5)).toEqual([
      "Dana renamed the stage 'Review' to 'Checking'",
      "Dana changed Vera's role from viewer to commenter",
      "Sam connected 'Review contract' to 'Check credit' (requires)",
      "Sam moved 'Review contract' from Sales / Request to Sales / Review",
      "Sam changed the average time of 'Review contract' from 2h to 3h",
    ]);
    // One batch adding two steps is one entry, each step in its details.
    expect(texts[5]).toBe("Sam added 2 steps");
    expect(items[5]!.parts.map((p) => p.summary).sort()).toEqual(["added the step 'Check credit'", "added the step 'Review contract'"]);
    expect(texts.slice(6)).toEqual([
      "Dana added Vera as viewer",
      "Dana renamed the project from 'Legal work' to 'Contracts'",
      "Dana created the project 'Legal work'",
    ]);
    expect(items[4]!.changes).toEqual([{ field: "average time", from: "2h", to: "3h" }]);
    expect(items[3]!.changes).toEqual([{ field: "place", from: "Sales / Request", to: "Sales / Review" }]);
    expect(items[4]!.actor).toEqual({ id: fx.sam.id, name: "Sam" });
    expect(items[4]!.summary).toBe("changed the average time of 'Review contract' from 2h to 3h");
  });

  it("filters by person, entity type and action, and lists the people who appear", async () => {
    const fx = await setup(db());
    await writeHistory(fx);
    const list = (filter: Record<string, string>) =>
      fx.danaCaller.activity.list({ projectId: fx.projectId, limit: 50, ...filter }).then((r) => r.items.map((i) => i.text));

    const bySam = await list({ userId: fx.sam.id });
    expect(bySam).toHaveLength(4);
    expect(bySam.every((t) => t.startsWith("Sam "))).toBe(true);
    expect(await list({ entityType: "EDGE" })).toEqual(["Sam connected 'Review contract' to 'Check credit' (requires)"]);
    expect(await list({ action: "MOVE" })).toEqual(["Sam moved 'Review contract' from Sales / Request to Sales / Review"]);
    expect(await list({ userId: fx.dana.id, entityType: "MEMBER" })).toEqual([
      "Dana changed Vera's role from viewer to commenter",
      "Dana added Vera as viewer",
    ]);
    expect(await list({ userId: fx.vera.id })).toEqual([]);
    expect(await fx.veraCaller.activity.people({ projectId: fx.projectId })).toEqual([
      { id: fx.dana.id, name: "Dana" },
      { id: fx.sam.id, name: "Sam" },
    ]);
  });

  it("pages without gaps or repeats while new activity keeps arriving", async () => {
    const fx = await setup(db());
    // 60 older rows: groups of four share a timestamp, and consecutive groups are one
    // microsecond apart, all inside one millisecond (a JS Date cursor would lose rows here).
    await db().execute(sql`
      INSERT INTO activity_logs (organization_id, project_id, user_id, action, entity_type, details, created_at)
      SELECT ${fx.org.id}::uuid, ${fx.projectId}::uuid, ${fx.sam.id}::uuid, 'CREATE', 'NODE',
             jsonb_build_object('label', 'Step ' || g), timestamptz '2025-06-01 12:00:00.000+00' + (g / 4) * interval '1 microsecond'
      FROM generate_series(0, 59) AS g`);
    const before = await fx.danaCaller.activity.list({ projectId: fx.projectId, limit: 100 });
    expect(before.items).toHaveLength(61);

    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: Awaited<ReturnType<typeof fx.danaCaller.activity.list>> = await fx.danaCaller.activity.list({
        projectId: fx.projectId,
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // New rows land between fetches: through a graph edit and straight into the table.
      round += 1;
      await fx.samCaller.graph.applyOps({ projectId: fx.projectId, ...batch([nodeOp(`New ${round}`)]) });
      await db().execute(sql`
        INSERT INTO activity_logs (organization_id, project_id, user_id, action, entity_type, details)
        VALUES (${fx.org.id}, ${fx.projectId}, ${fx.dana.id}, 'UPDATE', 'PROJECT', '{}'::jsonb)`);
    } while (cursor);

    expect(seen).toEqual(before.items.map((i) => i.id));
    const after = await fx.danaCaller.activity.list({ projectId: fx.projectId, limit: 100 });
    expect(after.items.length).toBe(61 + 2 * round);
  });

  it("refuses a cursor it did not make", async () => {
    const fx = await setup(db());
    const got = await failure(fx.danaCaller.activity.list({ projectId: fx.projectId, cursor: "bm90LWEtY3Vyc29y" }));
    expect(got).toMatchObject({ code: "BAD_REQUEST", domainCode: "STALE_CURSOR" });
    // Shaped like ours but not a real instant or id: still a 400, never a failing cast.
    for (const raw of [
      "2026-02-30T10:00:00.000000Z|7f1c6f8e-3b5a-4c1e-9a77-0d5a3c2b1e40",
      "2026-01-01T10:00:00.000000Z|------------------------------------",
    ]) {
      const cursor = Buffer.from(raw).toString("base64url");
      expect(await failure(fx.danaCaller.activity.list({ projectId: fx.projectId, cursor }))).toMatchObject({ domainCode: "STALE_CURSOR" });
    }
  });

  it("lets viewers read, editors export, and hides the project from other organizations", async () => {
    const fx = await setup(db());
    await fx.danaCaller.project.members.add({ projectId: fx.projectId, email: fx.vera.email, role: "VIEWER" });
    expect((await fx.veraCaller.activity.list({ projectId: fx.projectId })).items.length).toBeGreaterThan(0);
    expect((await failure(fx.veraCaller.activity.exportCsv({ projectId: fx.projectId }))).code).toBe("FORBIDDEN");
    const exported = await fx.samCaller.activity.exportCsv({ projectId: fx.projectId });
    expect(exported.rows).toBe(2);
    expect(exported.filename).toMatch(/^legal-work-activity-\d{4}-\d\d-\d\d\.csv$/);

    const other = await createOrgWithProject(db(), "Other org");
    for (const call of [
      () => other.ownerCaller.activity.list({ projectId: fx.projectId }),
      () => other.ownerCaller.activity.people({ projectId: fx.projectId }),
      () => other.ownerCaller.activity.exportCsv({ projectId: fx.projectId }),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
  });

  it("exports the filtered feed as CSV that spreadsheets read as text", async () => {
    const fx = await setup(db());
    const sneaky = await addProjectMember(db(), fx.org.id, fx.projectId, "EDITOR", "=SUM(1+1)");
    await callerFor(db(), sneaky.id).graph.applyOps({
      projectId: fx.projectId,
      ...batch([nodeOp('Say "hi", then leave', { avgTime: "1h" })]),
    });
    const { csv, rows, truncated } = await fx.danaCaller.activity.exportCsv({ projectId: fx.projectId, userId: sneaky.id });
    expect({ rows, truncated }).toEqual({ rows: 1, truncated: false });
    const [header, line, end] = csv.split("\r\n");
    expect(header).toBe("time,person,action,entity,description,old,new");
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(line!.replace(/^[^,]+,/, "")).toBe(`'=SUM(1+1),create,node,"'=SUM(1+1) added the step 'Say ""hi"", then leave'",,`);
    expect(end).toBe("");
  });

  it("tells open feeds to refresh when any activity is logged", async () => {
    const fx = await setup(db());
    const signals: Signal[] = [];
    const off = (await hubFor(db())).on(fx.projectId, (s) => signals.push(s));
    try {
      await fx.danaCaller.project.update({ projectId: fx.projectId, name: "Renamed" });
      await expect.poll(() => signals.some((s) => s.kind === "touch" && s.topic === "activity"), { timeout: 5_000 }).toBe(true);
    } finally {
      off();
    }
  });

  it("tells batches, nudges, comments on steps and versions the way people would", async () => {
    const fx = await setup(db());
    const { projectId, samCaller, danaCaller } = fx;
    const graph = await samCaller.graph.get({ projectId });
    const [sales, legal] = graph.departments;
    const [request, review] = graph.stages;
    const made = ["Draft", "Check", "Sign"].map((label, i) =>
      nodeOp(label, { departmentId: sales!.id, stageId: request!.id, y: 20 + i * 80 }),
    );
    await samCaller.graph.applyOps({ projectId, ...batch(made) });
    const feed = async () => (await danaCaller.activity.list({ projectId, limit: 50 })).items;
    const texts = async () => (await feed()).map((i) => i.text);

    // A tidy-up: positions only, many steps, one entry.
    await samCaller.graph.applyOps({
      projectId,
      ...batch(made.map((m, i) => ({ op: "updateNode" as const, id: m.node.id, set: { x: 100 + i }, expect: { x: m.node.x } }))),
    });
    expect((await texts())[0]).toBe("Sam rearranged 3 steps");
    // Moved to another cell together: where to.
    await samCaller.graph.applyOps({
      projectId,
      ...batch(
        made.map((m) => ({
          op: "updateNode" as const,
          id: m.node.id,
          set: { departmentId: legal!.id, stageId: review!.id },
          expect: { departmentId: sales!.id, stageId: request!.id },
        })),
      ),
    });
    const [moved] = await feed();
    expect(moved!.text).toBe(`Sam moved 3 steps to ${legal!.name} / ${review!.name}`);
    expect(moved!.parts.map((p) => p.summary)).toContain(
      `moved 'Draft' from ${sales!.name} / ${request!.name} to ${legal!.name} / ${review!.name}`,
    );

    // Arrow-key nudges of the same step by the same person within a minute: one entry, first to last position.
    const draft = made[0]!.node.id;
    const before = (await feed()).length;
    const nudge = (caller: typeof samCaller, x: number) =>
      caller.graph.applyOps({ projectId, ...batch([{ op: "updateNode", id: draft, set: { x }, expect: { x: x - 10 } }]) });
    for (const x of [110, 120, 130]) await nudge(samCaller, x);
    const afterNudges = await feed();
    expect(afterNudges).toHaveLength(before + 1);
    expect(afterNudges[0]!.text).toBe("Sam repositioned 'Draft'");
    const [nudgeRow] = rows<{ details: { old_value: { x: number }; new_value: { x: number } } }>(
      await db().execute(sql`SELECT details FROM activity_logs WHERE project_id = ${projectId} ORDER BY created_at DESC, id DESC LIMIT 1`),
    );
    expect(nudgeRow!.details.old_value.x).toBe(100);
    expect(nudgeRow!.details.new_value.x).toBe(130);
    // Someone else's nudge, or one more than a minute later, is an entry of its own.
    await nudge(danaCaller, 140);
    await db().execute(sql`UPDATE activity_logs SET created_at = created_at - interval '2 minutes' WHERE project_id = ${projectId}`);
    await nudge(danaCaller, 150);
    expect((await feed()).length).toBe(before + 3);

    // A comment on a step is told on that step; a reply too.
    const comment = await danaCaller.comment.create({ projectId, nodeId: draft, content: "Use the new clause" });
    await samCaller.comment.create({ projectId, parentId: comment.id, content: "Done" });
    expect((await texts()).slice(0, 2)).toEqual(["Sam replied on 'Draft'", "Dana commented on 'Draft'"]);

    // Versions saved and restored show up, and Kind = Versions finds them.
    const v1 = await danaCaller.version.save({ projectId, comment: "Before review" });
    await samCaller.graph.applyOps({ projectId, ...batch([{ op: "deleteNode", id: made[2]!.node.id }]) });
    await danaCaller.version.restore({ projectId, versionId: v1.id });
    const versions = await danaCaller.activity.list({ projectId, entityType: "VERSION", limit: 10 });
    expect(versions.items.map((i) => i.text)).toEqual([
      `Dana restored version ${v1.versionNumber}`,
      `Dana saved version ${v1.versionNumber} ('Before review')`,
    ]);
  });
});
