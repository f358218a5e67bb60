/**
 * Process runs: start a run of the project (it keeps the plan it started on: steps, working
 * times, calendars, dependencies), record when each step started and finished, and read the
 * run against that plan dated from its start.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { workMinutes } from "~/domain/calendar";
import { runStatus, type DatedPlan, type RunEventKind, type RunPlan, type RunStatus } from "~/domain/runs";
import { planSchedule } from "~/server/analysis/schedule";
import type { DbOrTx, Transaction } from "~/server/db";
import { nodes, processRuns, projects, runPlans, runStepEvents, type ProcessRun, type RunPlanRow } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import { calendarOfDepartment, projectCalendars, scheduleDependencies } from "../calendars";
import type { ProjectContext } from "../context";
import { isUniqueViolation, notFound, ServiceError } from "../errors";

export type StartRunInput = { name: string; externalRef?: string | null; startedAt?: string };
export type RecordStepInput = { runId: string; nodeId: string; kind: RunEventKind; at?: string; eventId?: string | null };

export type RunSummary = Pick<ProcessRun, "id" | "name" | "externalRef"> & { startedAt: string; revision: number; stepCount: number };
export type RunDetail = RunSummary & RunStatus;

type RunRow = { run: ProcessRun; plan: RunPlanRow };

const summary = ({ run, plan }: RunRow): RunSummary => ({
  id: run.id,
  name: run.name,
  externalRef: run.externalRef,
  startedAt: run.startedAt.toISOString(),
  revision: plan.revision,
  stepCount: plan.plan.steps.length,
});

/** The plan of the project as it is: each step's working time in its calendar, the dependencies and their waits. */
export async function currentPlan(ctx: ProjectContext, tx: Transaction): Promise<RunPlan> {
  const projectId = ctx.access.project.id;
  const [calendars, steps] = await Promise.all([
    projectCalendars({ ...ctx, db: tx }),
    tx
      .select({ id: nodes.id, label: nodes.label, departmentId: nodes.departmentId, attributes: nodes.attributes })
      .from(nodes)
      .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt)))
      .orderBy(asc(nodes.id)),
  ]);
  const ofDepartment = calendarOfDepartment(calendars);
  const planned = steps.map((s) => {
    const calendar = ofDepartment(s.departmentId);
    return { id: s.id, label: s.label, departmentId: s.departmentId, duration: workMinutes(s.attributes.avg_time, calendar), calendar };
  });
  const calendarOf = new Map(planned.map((s) => [s.id, s.calendar]));
  const deps = await scheduleDependencies(tx, projectId, (id) => calendarOf.get(id) ?? null);
  return {
    steps: planned,
    deps: deps.map((d) => (d.working ? { ...d, working: true as const } : { source: d.source, target: d.target, lag: d.lag })),
  };
}

/** The stored plan equal to this one, else a new one: an imported log's cases share a plan. */
export async function storedPlan(ctx: ProjectContext, tx: Transaction, revision: number, plan: RunPlan) {
  const { organizationId, project } = ctx.access;
  const contentHash = createHash("sha256").update(JSON.stringify(plan)).digest("hex");
  await tx.insert(runPlans).values({ organizationId, projectId: project.id, revision, contentHash, plan }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(runPlans)
    .where(and(eq(runPlans.projectId, project.id), eq(runPlans.contentHash, contentHash)));
  return row!;
}

/** The plan dated from the run's start in the working calendars (the twin of the SQL engine). */
function dated(plan: RunPlan, startedAt: number): DatedPlan {
  const times = new Map(planSchedule(plan.steps, plan.deps, startedAt).map((s) => [s.id, s]));
  return {
    steps: plan.steps.map((s) => ({
      id: s.id,
      label: s.label,
      plannedStart: new Date(times.get(s.id)!.start).toISOString(),
      plannedFinish: new Date(times.get(s.id)!.finish).toISOString(),
    })),
    deps: plan.deps,
  };
}

/** Starts a run now (or at `startedAt`), measured against the project as it is now. */
export async function startRun(ctx: ProjectContext, input: StartRunInput): Promise<RunSummary> {
  const { access, actor } = ctx;
  const projectId = access.project.id;
  const startedAt = input.startedAt ? Date.parse(input.startedAt) : Date.now();
  return withTransaction(ctx.db, async (tx) => {
    // FOR SHARE: the plan is read at one revision, with no graph batch halfway through.
    const [current] = await tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId)).for("share");
    const plan = await currentPlan(ctx, tx);
    if (plan.steps.length === 0)
      throw new ServiceError("INVALID_OPERATION", "The project has no steps yet: add steps before starting a run");
    const stored = await storedPlan(ctx, tx, current!.revision, plan);
    const [run] = await tx
      .insert(processRuns)
      .values({
        organizationId: access.organizationId,
        projectId,
        name: input.name,
        externalRef: input.externalRef || null,
        startedAt: new Date(startedAt),
        planId: stored.id,
        createdBy: actor.userId,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new ServiceError("INVALID_OPERATION", `A run with the reference "${input.externalRef}" already exists in this project`);
        throw error;
      });
    return summary({ run: run!, plan: stored });
  });
}

/** The newest runs shown in a list; an imported log may hold thousands. */
export const LISTED_RUNS = 200;

/** The project's runs, newest first (the LISTED_RUNS newest). */
export async function listRuns({ db, access }: ProjectContext): Promise<RunSummary[]> {
  const list = await db
    .select({ run: processRuns, plan: runPlans })
    .from(processRuns)
    .innerJoin(runPlans, eq(runPlans.id, processRuns.planId))
    .where(eq(processRuns.projectId, access.project.id))
    .orderBy(desc(processRuns.startedAt), desc(processRuns.id))
    .limit(LISTED_RUNS);
  return list.map(summary);
}

async function findRun(db: DbOrTx, projectId: string, runId: string): Promise<RunRow> {
  const [row] = await db
    .select({ run: processRuns, plan: runPlans })
    .from(processRuns)
    .innerJoin(runPlans, eq(runPlans.id, processRuns.planId))
    .where(and(eq(processRuns.id, runId), eq(processRuns.projectId, projectId)));
  if (!row) throw notFound("Run");
  return row;
}

/** The run against its plan, as of now: each step done, in progress or not started, and how late. */
export async function getRun({ db, access }: ProjectContext, { runId }: { runId: string }): Promise<RunDetail> {
  const row = await findRun(db, access.project.id, runId);
  const events = await db
    .select({ nodeId: runStepEvents.nodeId, kind: runStepEvents.kind, at: runStepEvents.at })
    .from(runStepEvents)
    .where(eq(runStepEvents.runId, row.run.id))
    .orderBy(asc(runStepEvents.createdAt), asc(runStepEvents.id));
  const startedAt = row.run.startedAt.getTime();
  const status = runStatus(
    dated(row.plan.plan, startedAt),
    events.map((e) => ({ nodeId: e.nodeId, kind: e.kind as RunEventKind, at: e.at.getTime() })),
    startedAt,
    Date.now(),
  );
  return { ...summary(row), ...status };
}

/**
 * Records that a step of the run started or finished (now, or at `at`). A later record of the
 * same kind corrects the earlier one. With an `eventId`, posting the same event again changes
 * nothing and answers as the first time did.
 */
export async function recordStep(ctx: ProjectContext, input: RecordStepInput) {
  const { access, actor } = ctx;
  return withTransaction(ctx.db, async (tx) => {
    const { run, plan } = await findRun(tx, access.project.id, input.runId);
    if (input.eventId) {
      const [seen] = await tx
        .select()
        .from(runStepEvents)
        .where(and(eq(runStepEvents.runId, run.id), eq(runStepEvents.eventId, input.eventId)));
      if (seen) return { id: seen.id, repeated: true };
    }
    const step = plan.plan.steps.find((s) => s.id === input.nodeId);
    if (!step)
      throw new ServiceError(
        "INVALID_OPERATION",
        "That step is not part of this run (it was added after the run started, or belongs elsewhere)",
      );
    const at = input.at ? Date.parse(input.at) : Date.now();
    if (at < run.startedAt.getTime())
      throw new ServiceError(
        "INVALID_OPERATION",
        `“${step.label}” cannot ${input.kind === "START" ? "start" : "finish"} before the run started (${run.startedAt.toISOString()})`,
      );
    if (input.kind === "FINISH") {
      const [started] = await tx
        .select({ at: runStepEvents.at })
        .from(runStepEvents)
        .where(and(eq(runStepEvents.runId, run.id), eq(runStepEvents.nodeId, step.id), eq(runStepEvents.kind, "START")))
        .orderBy(desc(runStepEvents.createdAt))
        .limit(1);
      if (started && at < started.at.getTime())
        throw new ServiceError("INVALID_OPERATION", `“${step.label}” cannot finish before it started (${started.at.toISOString()})`);
    }
    const [event] = await tx
      .insert(runStepEvents)
      .values({
        organizationId: access.organizationId,
        projectId: access.project.id,
        runId: run.id,
        nodeId: step.id,
        kind: input.kind,
        at: new Date(at),
        eventId: input.eventId || null,
        createdBy: actor.userId,
      })
      .returning({ id: runStepEvents.id });
    return { id: event!.id, repeated: false };
  });
}
