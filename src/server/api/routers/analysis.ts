import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { automationCandidates, leadTime } from "~/server/services/analysis";
import { nodeFieldSchemas } from "~/domain/operations";
import { simulateLeadTime } from "~/server/services/analysis/simulate";
import { whatIf } from "~/server/services/analysis/what-if";
import { plannedDates } from "~/server/services/calendars";

/** Enough runs for P95 to settle on real processes; more is allowed up to the engine's limit of what a request may take. */
export const DEFAULT_RUNS = 5000;

export const analysisRouter = createTRPCRouter({
  leadTime: projectProcedure("VIEWER").query(({ ctx }) => leadTime(ctx)),

  /** Each step's planned start and finish from a start date, in the working calendars. */
  plannedDates: projectProcedure("VIEWER")
    .input(z.object({ start: z.iso.datetime({ offset: true, message: "The start is a date and time like 2026-12-07T09:00:00Z" }) }))
    .query(({ ctx, input }) => plannedDates(ctx, input)),

  automationCandidates: projectProcedure("VIEWER")
    .input(z.object({ limit: z.number().int().min(1).max(50).default(5) }))
    .query(({ ctx, input }) => automationCandidates(ctx, input)),

  simulate: projectProcedure("VIEWER")
    .input(
      z.object({
        runs: z
          .number()
          .int("Runs must be a whole number")
          .min(100, "At least 100 runs")
          .max(20_000, "At most 20,000 runs")
          .default(DEFAULT_RUNS),
        seed: z
          .number()
          .int("The seed must be a whole number")
          .min(0, "The seed cannot be negative")
          .max(2_147_483_647, "The seed is too large")
          .default(1),
        /** Where working calendars are set: the instant the runs are dated from (default: the next whole hour). */
        start: z.iso.datetime({ offset: true, message: "The start is a date and time like 2026-12-07T09:00:00Z" }).optional(),
      }),
    )
    .query(({ ctx, input }) => simulateLeadTime(ctx, input)),

  /** Nothing is saved: the project with some steps' times changed, compared with how it is. */
  whatIf: projectProcedure("VIEWER")
    .input(
      z.object({
        changes: z
          .array(
            z.object({
              nodeId: z.uuid("nodeId must be a step id"),
              avgTime: nodeFieldSchemas.avgTime.optional(),
              automated: z.boolean().default(false),
            }),
          )
          .min(1, "Change at least one step")
          .max(20, "At most 20 steps at once"),
      }),
    )
    .query(({ ctx, input }) => whatIf(ctx, input)),
});
