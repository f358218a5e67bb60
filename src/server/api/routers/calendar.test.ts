import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { officeCalendar as office } from "~/domain/calendar-fixtures";
import { activityLogs } from "~/server/db/schema";
import { createOrgWithProject } from "~/server/test/actors";
import { testDatabaseKinds, useTestDatabase } from "~/server/test/db";
import { failure } from "~/server/test/errors";
import { addProjectMember, callerFor } from "~/server/test/factories";
import { batch, edgeOp, nodeOp } from "~/server/test/graph";

describe.each(testDatabaseKinds())("calendars and planned dates (%s)", (kind) => {
  const db = useTestDatabase(kind);

  async function setup() {
    const fx = await createOrgWithProject(db(), `Calendars ${kind}`);
    const { departments } = await fx.ownerCaller.calendar.forProject({ projectId: fx.projectId });
    return { ...fx, caller: fx.ownerCaller, departments };
  }

  it("without a calendar time runs 24 hours a day, and the analysis says so", async () => {
    const { caller, projectId } = await setup();
    const a = nodeOp("Draft", { avgTime: "3d" });
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const plan = await caller.analysis.plannedDates({ projectId, start: "2026-12-04T16:00:00Z" });
    expect(plan.rule).toBe("No working calendar is set: time runs 24 hours a day, 7 days a week.");
    expect(plan.finishDate).toBe("2026-12-07T16:00:00.000Z");
    expect(plan.calendarDays).toBe(3);
    expect(plan.workingDays).toBe(3);
  });

  it("3 working days from Friday 16:00 in a Mon-Fri 09-17 calendar finish Wednesday 16:00; a holiday moves it a day", async () => {
    const { caller, orgId, projectId, departments } = await setup();
    await caller.org.update({ organizationId: orgId, calendar: office() });
    const a = nodeOp("Draft", { avgTime: "3d", departmentId: departments[0]!.id });
    await caller.graph.applyOps({ projectId, ...batch([a]) });
    const plan = await caller.analysis.plannedDates({ projectId, start: "2026-12-04T16:00:00Z" });
    expect(plan.steps).toEqual([{ id: a.node.id, start: "2026-12-04T16:00:00.000Z", finish: "2026-12-09T16:00:00.000Z" }]);
    expect(plan).toMatchObject({ workingDays: 3, calendarDays: 5, criticalChain: [a.node.id] });
    expect(plan.rule).toBe("Durations are working time: the organization works Mon-Fri 09:00-17:00, UTC. Waits are elapsed time.");

    await caller.calendar.setDepartment({ projectId, departmentId: departments[0]!.id, calendar: office({ holidays: ["2026-12-08"] }) });
    const moved = await caller.analysis.plannedDates({ projectId, start: "2026-12-04T16:00:00Z" });
    expect(moved.finishDate).toBe("2026-12-10T16:00:00.000Z");
    expect(moved.rule).toContain("some departments have their own");
    const [entry] = await db()
      .select()
      .from(activityLogs)
      .where(and(eq(activityLogs.projectId, projectId), eq(activityLogs.entityType, "DEPARTMENT")));
    expect(entry!.details).toMatchObject({ field: "calendar", new_value: "Mon-Fri 09:00-17:00, UTC, 1 holiday" });
  });

  it("a wait marked as working time counts office hours; an elapsed one runs through the night", async () => {
    const { caller, orgId, projectId } = await setup();
    await caller.org.update({ organizationId: orgId, calendar: office() });
    const a = nodeOp("Draft", { avgTime: "3d" });
    const b = nodeOp("Sign", { avgTime: "1h" });
    const link = edgeOp(a.node.id, b.node.id, "REQUIRES", { lagTime: "4h" });
    await caller.graph.applyOps({ projectId, ...batch([a, b, link]) });
    const start = "2026-12-04T16:00:00Z";
    // Draft finishes Wednesday 16:00. Elapsed: the wait ends at 20:00, Sign runs Thursday 09:00-10:00.
    const elapsed = await caller.analysis.plannedDates({ projectId, start });
    expect(elapsed.steps.find((s) => s.id === b.node.id)).toMatchObject({
      start: "2026-12-10T09:00:00.000Z",
      finish: "2026-12-10T10:00:00.000Z",
    });
    expect(elapsed.criticalChain).toEqual([a.node.id, b.node.id]);

    // Working: one hour on Wednesday and three on Thursday, so Sign runs 12:00-13:00.
    await caller.graph.applyOps({
      projectId,
      ...batch([{ op: "updateEdge", id: link.edge.id, set: { lagWorking: true }, expect: { lagWorking: false } }]),
    });
    const working = await caller.analysis.plannedDates({ projectId, start });
    expect(working.steps.find((s) => s.id === b.node.id)).toMatchObject({
      start: "2026-12-10T12:00:00.000Z",
      finish: "2026-12-10T13:00:00.000Z",
    });
    expect(working.criticalChain).toEqual([a.node.id, b.node.id]);
    expect(working.rule).toContain("Waits are elapsed time, except those marked as working time.");

    // A run started now is measured against the working wait too.
    const run = await caller.run.start({ projectId, name: "Case 1", startedAt: start });
    const detail = await caller.run.get({ projectId, runId: run.id });
    expect(detail.steps.find((s) => s.id === b.node.id)).toMatchObject({ plannedFinish: "2026-12-10T13:00:00.000Z" });
  });

  it("the Monte Carlo counts working time where calendars are set, dated from the start it is given", async () => {
    const { caller, orgId, projectId, departments } = await setup();
    const a = nodeOp("Draft", { avgTime: "1d" });
    const b = nodeOp("Sign", { avgTime: "1d", departmentId: departments[0]!.id });
    await caller.graph.applyOps({ projectId, ...batch([a, b, edgeOp(a.node.id, b.node.id)]) });
    const start = "2026-12-04T16:00:00Z";
    const continuous = await caller.analysis.simulate({ projectId, runs: 100, start });
    expect(continuous.percentiles.find((p) => p.p === 50)!.minutes).toBe(2 * 1440);
    expect(continuous.dated).toBeNull();

    // Friday 16:00 + two office days = Tuesday 16:00: four elapsed days.
    await caller.org.update({ organizationId: orgId, calendar: office() });
    const dated = await caller.analysis.simulate({ projectId, runs: 100, start });
    expect(dated.percentiles.find((p) => p.p === 50)!.minutes).toBe(4 * 1440);
    expect(dated.dated).toMatchObject({ start: "2026-12-04T16:00:00.000Z" });
    expect(dated.dated!.finishes.find((f) => f.p === 80)!.date).toBe("2026-12-08T16:00:00.000Z");
    expect(dated.criticality.nodes).toEqual({ [a.node.id]: 1, [b.node.id]: 1 });

    // A department's own calendar changes the answer with no edit to the graph (no stale cache).
    await caller.calendar.setDepartment({ projectId, departmentId: departments[0]!.id, calendar: office({ holidays: ["2026-12-08"] }) });
    const holiday = await caller.analysis.simulate({ projectId, runs: 100, start });
    expect(holiday.dated!.finishes.find((f) => f.p === 50)!.date).toBe("2026-12-09T16:00:00.000Z");
    expect(await failure(caller.analysis.simulate({ projectId, start: "Friday" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("two departments in different time zones hand work over at the right hour", async () => {
    const { caller, projectId, departments } = await setup();
    const [berlin, newYork] = departments;
    await caller.calendar.setDepartment({ projectId, departmentId: berlin!.id, calendar: office({ timeZone: "Europe/Berlin" }) });
    await caller.calendar.setDepartment({ projectId, departmentId: newYork!.id, calendar: office({ timeZone: "America/New_York" }) });
    const a = nodeOp("Build", { avgTime: "1d", departmentId: berlin!.id });
    const b = nodeOp("Review", { avgTime: "4h", departmentId: newYork!.id });
    const c = nodeOp("Side task", { avgTime: "1h", departmentId: berlin!.id });
    await caller.graph.applyOps({ projectId, ...batch([a, b, c, edgeOp(a.node.id, b.node.id)]) });
    // Saturday: Berlin starts Monday at 09:00 local (08:00 UTC), New York picks up at 11:00 local.
    const plan = await caller.analysis.plannedDates({ projectId, start: "2026-12-05T12:00:00Z" });
    const at = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(at[a.node.id]).toMatchObject({ start: "2026-12-07T08:00:00.000Z", finish: "2026-12-07T16:00:00.000Z" });
    expect(at[b.node.id]).toMatchObject({ start: "2026-12-07T16:00:00.000Z", finish: "2026-12-07T20:00:00.000Z" });
    expect(plan.criticalChain).toEqual([a.node.id, b.node.id]);
    expect(plan.finishDate).toBe("2026-12-07T20:00:00.000Z");
  });

  it("refuses a wrong calendar with what was wrong, a department of another project, and a viewer", async () => {
    const { caller, orgId, projectId, departments } = await setup();
    const bad = await failure(
      caller.calendar.setDepartment({
        projectId,
        departmentId: departments[0]!.id,
        calendar: { ...office(), timeZone: "Mars/Olympus", end: "08:00" },
      }),
    );
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
    expect(bad.message).toContain("Not a time zone: use a name like Europe/Berlin or America/New_York");
    expect((await caller.calendar.forProject({ projectId })).departments[0]!.calendar).toBeNull();

    const other = await caller.project.create({ organizationId: orgId, name: "Other" });
    const elsewhere = (await caller.calendar.forProject({ projectId: other.id })).departments[0]!;
    expect(await failure(caller.calendar.setDepartment({ projectId, departmentId: elsewhere.id, calendar: office() }))).toMatchObject({
      code: "NOT_FOUND",
    });

    const viewer = await addProjectMember(db(), orgId, projectId, "VIEWER");
    const asViewer = callerFor(db(), viewer.id);
    expect(
      await failure(asViewer.calendar.setDepartment({ projectId, departmentId: departments[0]!.id, calendar: office() })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await asViewer.analysis.plannedDates({ projectId, start: "2026-12-07T09:00:00Z" })).steps).toEqual([]);
    expect(await failure(caller.analysis.plannedDates({ projectId, start: "next Monday" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
