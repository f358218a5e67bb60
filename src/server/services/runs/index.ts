/**
 * Process runs: start a run of the project (it keeps the plan of the revision it started on),
 * record when each step started and finished, and read the run against its plan.
 */
import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import { runStatus, type RunEventKind, type RunPlan, type RunStatus } from "~/domain/runs";
import { planScheduleSql } from "~/server/analysis/schedule-sql";
import { edges, nodes, processRuns, projects, runStepEvents, type ProcessRun } from "~/server/db/schema";
import { withTransaction } from "~/server/db/transaction";
import type { ProjectContext } from "../context";
import { isUniqueViolation, notFound, ServiceError } from "../errors";

export type StartRunInput = { name: string; externalRef?: string | null; startedAt?: string };
export type RecordStepInput = { runId: string; nodeId: string; kind: RunEventKind; at?: string; eventId?: string | null };

export type RunSummary = Pick<ProcessRun, "id" | "name" | "externalRef" | "revision"> & { startedAt: string; stepCount: number };
export type RunDetail = RunSummary & RunStatus;

const summary = (run: ProcessRun): RunSummary => ({
  id: run.id,
  name: run.name,
  externalRef: run.externalRef,
  revision: run.revision,
  startedAt: run.startedAt.toISOString(),
  stepCount: run.plan.steps.length,
});

/** Starts a run now (or at `startedAt`), planned from that moment in the working calendars. */
export async function startRun(ctx: ProjectContext, input: StartRunInput): Promise<RunSummary> {
  const { access, actor } = ctx;
  const projectId = access.project.id;
  const startedAt = input.startedAt ? Date.parse(input.startedAt) : Date.now();
  return withTransaction(ctx.db, async (tx) => {
    // FOR SHARE: the plan is read at one revision, with no graph batch halfway through.
    const [current] = await tx.select({ revision: projects.revision }).from(projects).where(eq(projects.id, projectId)).for("share");
    const [planned, steps, deps] = await Promise.all([
      planScheduleSql(tx, projectId, startedAt),
      tx
        .select({ id: nodes.id, label: nodes.label, departmentId: nodes.departmentId })
        .from(nodes)
        .where(and(eq(nodes.projectId, projectId), isNull(nodes.deletedAt))),
      tx
        .select({ source: edges.sourceId, target: edges.targetId })
        .from(edges)
        .where(and(eq(edges.projectId, projectId), isNull(edges.deletedAt), ne(edges.relationType, "FEEDBACK_TO"))),
    ]);
    if (steps.length === 0) throw new ServiceError("INVALID_OPERATION", "The project has no steps yet: add steps before starting a run");
    const dates = new Map(planned.map((p) => [p.id, p]));
    const plan: RunPlan = {
      steps: steps.map((s) => ({
        ...s,
        plannedStart: new Date(dates.get(s.id)!.start).toISOString(),
        plannedFinish: new Date(dates.get(s.id)!.finish).toISOString(),
      })),
      deps,
    };
    const [run] = await tx
      .insert(processRuns)
      .values({
        organizationId: access.organizationId,
        projectId,
        name: input.name,
        externalRef: input.externalRef || null,
        startedAt: new Date(startedAt),
        revision: current!.revision,
        plan,
        createdBy: actor.userId,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new ServiceError("INVALID_OPERATION", `A run with the reference "${input.externalRef}" already exists in this project`);
        throw error;
      });
    return summary(run!);
  });
}

export async function listRuns({ db, access }: ProjectContext): Promise<RunSummary[]> {
  const list = await db.select().from(processRuns).where(eq(processRuns.projectId, access.project.id)).orderBy(desc(processRuns.startedAt));
  return list.map(summary);
}

async function findRun(db: ProjectContext["db"], projectId: string, runId: string) {
  const [run] = await db
    .select()
    .from(processRuns)
    .where(and(eq(processRuns.id, runId), eq(processRuns.projectId, projectId)));
  if (!run) throw notFound("Run");
  return run;
}

/** The run against its plan, as of now: each step done, in progress or not started, and how late. */
export async function getRun({ db, access }: ProjectContext, { runId }: { runId: string }): Promise<RunDetail> {
  const run = await findRun(db, access.project.id, runId);
  const events = await db
    .select({ nodeId: runStepEvents.nodeId, kind: runStepEvents.kind, at: runStepEvents.at })
    .from(runStepEvents)
    .where(eq(runStepEvents.runId, run.id))
    .orderBy(asc(runStepEvents.createdAt), asc(runStepEvents.id));
  const status = runStatus(
    run.plan,
    events.map((e) => ({ nodeId: e.nodeId, kind: e.kind as RunEventKind, at: e.at.getTime() })),
    run.startedAt.getTime(),
    Date.now(),
  );
  return { ...summary(run), ...status };
}

/**
 * Records that a step of the run started or finished (now, or at `at`). A later record of the
 * same kind corrects the earlier one. With an `eventId`, posting the same event again changes
 * nothing and answers as the first time did.
 */
export async function recordStep(ctx: ProjectContext, input: RecordStepInput) {
  const { access, actor } = ctx;
  return withTransaction(ctx.db, async (tx) => {
    const run = await findRun(tx, access.project.id, input.runId);
    if (input.eventId) {
      const [seen] = await tx
        .select()
        .from(runStepEvents)
        .where(and(eq(runStepEvents.runId, run.id), eq(runStepEvents.eventId, input.eventId)));
      if (seen) return { id: seen.id, repeated: true };
    }
    const step = run.plan.steps.find((s) => s.id === input.nodeId);
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
