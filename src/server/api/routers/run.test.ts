import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runPlans } from "~/server/db/schema";
import { officeCalendar } from "~/domain/calendar-fixtures";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { addProjectMember, callerFor } from "~/server/test/factories";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

describe.each(testDatabaseKinds())("process runs (%s)", (kind) => {
  const db = useTestDatabase(kind);

  async function setup() {
    const fx = await createOrgWithProject(db(), `Runs ${kind}`);
    const caller = fx.ownerCaller;
    const a = nodeOp("Receive order", { avgTime: "1h" });
    const b = nodeOp("Check credit", { avgTime: "2h" });
    const c = nodeOp("Ship", { avgTime: "1h" });
    await caller.graph.applyOps({
      projectId: fx.projectId,
      ...batch([a, b, c, edgeOp(a.node.id, b.node.id), edgeOp(b.node.id, c.node.id)]),
    });
    return { ...fx, caller, a: a.node.id, b: b.node.id, c: c.node.id };
  }

  it("keeps the plan it started on, marks steps done, in progress and late, and measures the finished run", async () => {
    const { caller, projectId, a, b, c } = await setup();
    const run = await caller.run.start({ projectId, name: "Order 1001", externalRef: "SO-1001", startedAt: "2026-12-07T09:00:00Z" });
    expect(run).toMatchObject({ name: "Order 1001", externalRef: "SO-1001", stepCount: 3 });

    // The map changes after the run started: the run still measures against its own plan.
    await caller.graph.applyOps({ projectId, ...batch([nodeOp("Added later", { avgTime: "1d" })]) });
    const at = (time: string) => `2026-12-07T${time}:00Z`;
    await caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "START", at: at("09:00") });
    await caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "FINISH", at: at("10:30") });
    await caller.run.record({ projectId, runId: run.id, nodeId: b, kind: "START", at: at("10:30") });
    const midway = await caller.run.get({ projectId, runId: run.id });
    const byId = Object.fromEntries(midway.steps.map((s) => [s.id, s]));
    expect(midway.steps).toHaveLength(3);
    expect(byId[a]).toMatchObject({ state: "DONE", plannedFinish: "2026-12-07T10:00:00.000Z", lateMinutes: 30 });
    expect(byId[b]).toMatchObject({ state: "IN_PROGRESS", actualStart: "2026-12-07T10:30:00.000Z" });
    expect(byId[c]).toMatchObject({ state: "NOT_STARTED" });
    expect(midway.counts).toMatchObject({ done: 1, inProgress: 1, notStarted: 1 });
    expect(midway.finished).toBe(false);

    // An event posted twice with one id counts once; a corrected finish replaces the first.
    await caller.run.record({ projectId, runId: run.id, nodeId: b, kind: "FINISH", at: at("13:30"), eventId: "evt-1" });
    const again = await caller.run.record({ projectId, runId: run.id, nodeId: b, kind: "FINISH", at: at("14:30"), eventId: "evt-1" });
    expect(again.repeated).toBe(true);
    await caller.run.record({ projectId, runId: run.id, nodeId: c, kind: "START", at: at("13:30") });
    await caller.run.record({ projectId, runId: run.id, nodeId: c, kind: "FINISH", at: at("15:30") });
    await caller.run.record({ projectId, runId: run.id, nodeId: c, kind: "FINISH", at: at("15:00") });
    const done = await caller.run.get({ projectId, runId: run.id });
    expect(done.finished).toBe(true);
    expect(done.actualLeadMinutes).toBe(360);
    expect(done.actualCriticalPath).toEqual([a, b, c]);
    expect(Object.fromEntries(done.steps.map((s) => [s.id, s.lateMinutes]))).toEqual({ [a]: 30, [b]: 90, [c]: 120 });
    expect((await caller.run.list({ projectId })).map((r) => r.name)).toEqual(["Order 1001"]);
  });

  it("plans the run in the working calendars; a later calendar does not change an earlier run; equal plans are stored once", async () => {
    const { caller, orgId, projectId, c } = await setup();
    const before = await caller.run.start({ projectId, name: "Before the calendar", startedAt: "2026-12-04T16:00:00Z" });
    await caller.org.update({ organizationId: orgId, calendar: officeCalendar() });
    const run = await caller.run.start({ projectId, name: "Friday order", startedAt: "2026-12-04T16:00:00Z" });
    const detail = await caller.run.get({ projectId, runId: run.id });
    // 1h on Friday, then 2h and 1h on Monday morning.
    expect(detail.steps.find((s) => s.id === c)).toMatchObject({ plannedFinish: "2026-12-07T12:00:00.000Z" });
    // Planned without a calendar: four hours straight through Friday evening.
    expect((await caller.run.get({ projectId, runId: before.id })).steps.find((s) => s.id === c)).toMatchObject({
      plannedFinish: "2026-12-04T20:00:00.000Z",
    });
    await caller.run.start({ projectId, name: "Another case", startedAt: "2026-12-08T09:00:00Z" });
    const [plans] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(runPlans)
      .where(eq(runPlans.projectId, projectId));
    expect(plans!.n).toBe(2);
  });

  it("refuses what cannot have happened, a repeated reference, a step from elsewhere and a viewer's records", async () => {
    const { caller, orgId, projectId, a } = await setup();
    const run = await caller.run.start({ projectId, name: "Order", externalRef: "SO-1", startedAt: "2026-12-07T09:00:00Z" });
    expect((await failure(caller.run.start({ projectId, name: "Twice", externalRef: "SO-1" }))).message).toBe(
      'A run with the reference "SO-1" already exists in this project',
    );
    expect(
      (await failure(caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "START", at: "2026-12-06T09:00:00Z" }))).message,
    ).toBe("“Receive order” cannot start before the run started (2026-12-07T09:00:00.000Z)");
    await caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "START", at: "2026-12-07T10:00:00Z" });
    expect(
      (await failure(caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "FINISH", at: "2026-12-07T09:30:00Z" }))).message,
    ).toBe("“Receive order” cannot finish before it started (2026-12-07T10:00:00.000Z)");
    const later = nodeOp("Later");
    await caller.graph.applyOps({ projectId, ...batch([later]) });
    expect(await failure(caller.run.record({ projectId, runId: run.id, nodeId: later.node.id, kind: "START" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "That step is not part of this run (it was added after the run started, or belongs elsewhere)",
    });
    expect(await failure(caller.run.record({ projectId, runId: run.id, nodeId: a, kind: "DONE" as never }))).toMatchObject({
      code: "BAD_REQUEST",
    });

    const viewer = callerFor(db(), (await addProjectMember(db(), orgId, projectId, "VIEWER")).id);
    expect(await failure(viewer.run.record({ projectId, runId: run.id, nodeId: a, kind: "FINISH" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await viewer.run.get({ projectId, runId: run.id })).steps).toHaveLength(3);

    const other = await createOrgWithProject(db(), "Elsewhere");
    expect(await failure(other.ownerCaller.run.get({ projectId: other.projectId, runId: run.id }))).toMatchObject({ code: "NOT_FOUND" });
    const empty = await caller.project.create({ organizationId: orgId, name: "Empty" });
    expect((await failure(caller.run.start({ projectId: empty.id, name: "Nothing" }))).message).toBe(
      "The project has no steps yet: add steps before starting a run",
    );
  });
});
