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

  it("sets what the runs took beside the estimates: median and P80 per step, the wait before it, lead times, and odd cases", async () => {
    const { caller, projectId, a, b, c } = await setup();
    const minutes = (base: string, m: number) => new Date(Date.parse(base) + m * 60_000).toISOString();
    const record = async (runId: string, nodeId: string, start: string, finish: string) => {
      await caller.run.record({ projectId, runId, nodeId, kind: "START", at: start });
      await caller.run.record({ projectId, runId, nodeId, kind: "FINISH", at: finish });
    };
    // Five cases: "Receive order" takes 60..180 minutes (estimate 1h), the rest exactly their estimates, a 30-minute wait before "Ship".
    for (const [i, taken] of [60, 90, 120, 150, 180].entries()) {
      const start = `2026-12-0${i + 1}T09:00:00.000Z`;
      const run = await caller.run.start({ projectId, name: `Case ${i + 1}`, startedAt: start });
      await record(run.id, a, start, minutes(start, taken));
      await record(run.id, b, minutes(start, taken), minutes(start, taken + 120));
      await record(run.id, c, minutes(start, taken + 150), minutes(start, taken + 210));
    }
    const odd = await caller.run.start({ projectId, name: "Rushed", startedAt: "2026-12-08T09:00:00Z" });
    await record(odd.id, a, "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z");
    await caller.run.record({ projectId, runId: odd.id, nodeId: b, kind: "START", at: "2026-12-08T10:00:00Z" });
    await record(odd.id, c, "2026-12-08T10:30:00Z", "2026-12-08T11:00:00Z");
    const skipper = await caller.run.start({ projectId, name: "Skipped the check", startedAt: "2026-12-09T09:00:00Z" });
    await record(skipper.id, a, "2026-12-09T09:00:00Z", "2026-12-09T10:00:00Z");
    await record(skipper.id, c, "2026-12-09T10:00:00Z", "2026-12-09T11:00:00Z");

    // "Receive order" over all seven cases: 60, 60, 60, 90, 120, 150, 180 minutes.
    const result = await caller.run.actuals({ projectId, factor: 1.25 });
    const by = Object.fromEntries(result.steps.map((s) => [s.id, s]));
    expect(by[a]).toMatchObject({ estimate: 60, samples: 7, median: 90, ratio: 1.5, flagged: true });
    expect(by[a]!.p80).toBeCloseTo(144, 6);
    expect((await caller.run.actuals({ projectId, factor: 2 })).steps.find((s) => s.id === a)!.flagged).toBe(false);
    expect(by[b]).toMatchObject({ estimate: 120, samples: 5, median: 120, flagged: false, waitMedian: 0 });
    expect(by[c]).toMatchObject({ estimate: 60, samples: 7, waitMedian: 30 });
    expect(result).toMatchObject({
      runs: 7,
      finishedRuns: 5,
      skipped: { count: 1, runs: ["Skipped the check"] },
      outOfOrder: { count: 1, runs: ["Rushed"] },
    });
    expect(result.lead.values).toEqual([270, 300, 330, 360, 390]);
    expect(result.lead.median).toBe(330);
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
