import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { automationCandidates, leadTime } from "~/server/services/analysis";

export const analysisRouter = createTRPCRouter({
  leadTime: projectProcedure("VIEWER").query(({ ctx }) => leadTime({ db: ctx.db, access: ctx })),

  automationCandidates: projectProcedure("VIEWER")
    .input(z.object({ limit: z.number().int().min(1).max(50).default(5) }))
    .query(({ ctx, input }) => automationCandidates({ db: ctx.db, access: ctx, limit: input.limit })),
});
