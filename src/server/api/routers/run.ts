import { z } from "zod";
import { RUN_EVENT_KINDS } from "~/domain/runs";
import { withProgress } from "~/server/api/progress";
import { actAs } from "~/server/db/acting";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { getRun, listRuns, recordStep, startRun } from "~/server/services/runs";
import { actuals } from "~/server/services/runs/actuals";
import type { ImportProgress } from "~/domain/eventlog";
import { importLog, previewLog, type ImportResult } from "~/server/services/runs/eventlog";
import { MAX_IMPORT_CHARS, MAX_IMPORT_TEXT } from "~/domain/interchange/limits";

const instant = (what: string) => z.iso.datetime({ offset: true, message: `${what} is a date and time like 2026-12-07T09:00:00Z` });

const column = z.string().trim().min(1).max(200);
const logInput = z.object({
  text: z
    .string()
    .min(1, "Choose a log file")
    .max(MAX_IMPORT_CHARS, `The log is larger than ${MAX_IMPORT_TEXT}; split it into smaller files`),
  format: z.enum(["csv", "xes"], "The format is csv or xes"),
  mapping: z.object({ caseId: column, activity: column, complete: column, start: column.nullish(), resource: column.nullish() }).optional(),
  activities: z.record(z.string().max(500), z.uuid().nullable()).optional(),
});

export const runRouter = createTRPCRouter({
  /** Starts a run of the process; it keeps the plan of the revision it started on. */
  start: projectProcedure("EDITOR")
    .input(
      z.object({
        name: z.string().trim().min(1, "Give the run a name").max(255, "The name must be at most 255 characters"),
        externalRef: z.string().trim().max(255, "The reference must be at most 255 characters").nullish(),
        startedAt: instant("The start").optional(),
      }),
    )
    .mutation(({ ctx, input }) => startRun(ctx, input)),

  list: projectProcedure("VIEWER").query(({ ctx }) => listRuns(ctx)),

  /** What an event log would become: cases, events, how each activity matches a step, bad rows by line. Writes nothing. */
  previewLog: projectProcedure("EDITOR")
    .input(logInput)
    .mutation(({ ctx, input }) => previewLog(ctx, input)),

  /**
   * Every case of an event log as a run, in one transaction; a log with bad rows is refused
   * whole. Streams `{ progress }` as it checks and writes, then `{ result }` (the browser reads
   * it through httpBatchStreamLink). The stream outlives the procedure's transaction, so the
   * import runs in one of its own, acting as the same user (Row-Level Security applies).
   */
  importLog: projectProcedure("EDITOR")
    .input(logInput)
    .mutation(({ ctx, input }) =>
      withProgress<ImportProgress, ImportResult>((report) =>
        actAs(ctx.database, ctx.actor.userId, (tx) => importLog({ ...ctx, db: tx }, input, report)),
      ),
    ),

  /** Planned versus actual over the project's runs: per step median and P80 beside the estimate, lead time per case. */
  actuals: projectProcedure("VIEWER")
    .input(z.object({ factor: z.number().min(1.1, "The factor is at least 1.1").max(10, "The factor is at most 10").default(1.5) }))
    .query(({ ctx, input }) => actuals(ctx, input)),

  get: projectProcedure("VIEWER")
    .input(z.object({ runId: z.uuid("Not a run id") }))
    .query(({ ctx, input }) => getRun(ctx, input)),

  /** A step started or finished, now or at `at`; with an `eventId`, the same event posted twice counts once. */
  record: projectProcedure("EDITOR")
    .input(
      z.object({
        runId: z.uuid("Not a run id"),
        nodeId: z.uuid("Not a step id"),
        kind: z.enum(RUN_EVENT_KINDS, "The kind is START or FINISH"),
        at: instant("The time").optional(),
        eventId: z.string().trim().min(1).max(100, "The event id must be at most 100 characters").nullish(),
      }),
    )
    .mutation(({ ctx, input }) => recordStep(ctx, input)),
});
