/**
 * Working calendars and the planned dates they give: the organization's default lives in its
 * settings (organizations service, `update`), a department's in its row. The dates are
 * computed by the database (app_plan_schedule) on the graph as committed.
 */
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { describeCalendar, workMinutes, type WorkingCalendar } from "~/domain/calendar";
import { summarizeSchedule, type ScheduleEdge, type ScheduleSummary } from "~/server/analysis/schedule";
import { planScheduleSql } from "~/server/analysis/schedule-sql";
import type { DbOrTx } from "~/server/db";
import { departments, edges, nodes, organizations } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { logActivity } from "../activity";
import type { ProjectContext } from "../context";
import { notFound } from "../errors";

export type ProjectCalendars = {
  organization: WorkingCalendar | null;
  departments: { id: string; name: string; color: string; calendar: WorkingCalendar | null }[];
  /** True when any calendar applies to this project: durations are then working time. */
  inForce: boolean;
};

/** The calendar a step of a department works in: the department's own, else the organization's. */
export function calendarOfDepartment(calendars: ProjectCalendars): (departmentId: string | null) => WorkingCalendar | null {
  const own = new Map(calendars.departments.map((d) => [d.id, d.calendar]));
  return (departmentId) => (departmentId ? own.get(departmentId) : null) ?? calendars.organization;
}

export async function projectCalendars({ db, access }: ProjectContext): Promise<ProjectCalendars> {
  const [[org], lanes] = await Promise.all([
    db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, access.organizationId)),
    db
      .select({ id: departments.id, name: departments.name, color: departments.color, calendar: departments.calendar })
      .from(departments)
      .where(eq(departments.projectId, access.project.id))
      .orderBy(asc(departments.position), asc(departments.id)),
  ]);
  const organization = org?.settings.calendar ?? null;
  return { organization, departments: lanes, inForce: organization !== null || lanes.some((d) => d.calendar !== null) };
}

/**
 * The project's dependencies as a schedule reads them: an elapsed wait in minutes, a working
 * wait in the working minutes of its target's calendar (as app_plan_schedule computes them).
 */
export async function scheduleDependencies(
  db: DbOrTx,
  projectId: string,
  calendarOf: (stepId: string) => WorkingCalendar | null,
): Promise<ScheduleEdge[]> {
  const rows = await db
    .select({ source: edges.sourceId, target: edges.targetId, lag: edges.lagMinutes, properties: edges.properties })
    .from(edges)
    .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt), ne(edges.relationType, "FEEDBACK_TO")))
    .orderBy(asc(edges.id));
  return rows.map(({ source, target, lag, properties: p }) =>
    p.lag_working ? { source, target, lag: workMinutes(p.lag_time, calendarOf(target)), working: true } : { source, target, lag },
  );
}

/** Sets (or, with null, clears) a department's own calendar; the activity feed says so. */
export async function setDepartmentCalendar(ctx: ProjectContext, input: { departmentId: string; calendar: WorkingCalendar | null }) {
  const { access, actor } = ctx;
  return withTransaction(ctx.db, async (tx) => {
    const [before] = await tx
      .select({ name: departments.name, calendar: departments.calendar })
      .from(departments)
      .where(and(eq(departments.id, input.departmentId), eq(departments.projectId, access.project.id)))
      .for("update");
    if (!before) throw notFound("Department");
    await tx.update(departments).set({ calendar: input.calendar, updatedAt: new Date() }).where(eq(departments.id, input.departmentId));
    await logActivity(tx, actor, {
      organizationId: access.organizationId,
      projectId: access.project.id,
      action: "UPDATE",
      entityType: "DEPARTMENT",
      entityId: input.departmentId,
      details: {
        field: "calendar",
        name: before.name,
        old_value: describeCalendar(before.calendar ?? null),
        new_value: input.calendar ? describeCalendar(input.calendar) : "the organization's calendar",
      },
    });
    return { departmentId: input.departmentId, calendar: input.calendar };
  });
}

export type StepDates = { id: string; start: string; finish: string };

export type PlannedDates = ScheduleSummary & {
  startDate: string;
  finishDate: string;
  calendars: ProjectCalendars;
  /** In words, which rule the dates follow. */
  rule: string;
  steps: StepDates[];
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Each step's planned start and finish from `start`, the finish date and the lead time in working and calendar days. */
export async function plannedDates(ctx: ProjectContext, input: { start: string }): Promise<PlannedDates> {
  const start = Date.parse(input.start);
  const projectId = ctx.access.project.id;
  const [calendars, steps, stepDepartments] = await Promise.all([
    projectCalendars(ctx),
    planScheduleSql(ctx.db, projectId, start),
    ctx.db
      .select({ id: nodes.id, departmentId: nodes.departmentId })
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
  ]);
  const ofDepartment = calendarOfDepartment(calendars);
  const departmentOf = new Map(stepDepartments.map((n) => [n.id, n.departmentId]));
  const calendarOf = (stepId: string) => ofDepartment(departmentOf.get(stepId) ?? null);
  const deps = await scheduleDependencies(ctx.db, projectId, calendarOf);
  const working = deps.some((d) => d.working);
  const summary = summarizeSchedule(steps, deps, start, calendars.organization, calendarOf);
  const rule = calendars.inForce
    ? `Durations are working time: ${calendars.organization ? `the organization works ${describeCalendar(calendars.organization)}` : "the organization has no calendar (24 hours, 7 days)"}${
        calendars.departments.some((d) => d.calendar) ? "; some departments have their own" : ""
      }. ${working ? "Waits are elapsed time, except those marked as working time." : "Waits are elapsed time."}`
    : "No working calendar is set: time runs 24 hours a day, 7 days a week.";
  return {
    ...summary,
    startDate: iso(summary.start),
    finishDate: iso(summary.finish),
    calendars,
    rule,
    steps: steps.map((s) => ({ id: s.id, start: iso(s.start), finish: iso(s.finish) })),
  };
}
