import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { activityAction, entityType } from "~/server/db/schema";
import { activityPeople, exportActivityCsv, listActivity } from "~/server/services/activity";

const filterInput = z.object({
  userId: z.uuid().optional(),
  entityType: z.enum(entityType.enumValues).optional(),
  action: z.enum(activityAction.enumValues).optional(),
});

export const activityRouter = createTRPCRouter({
  list: projectProcedure("VIEWER")
    .input(filterInput.extend({ cursor: z.string().max(200).nullish(), limit: z.number().int().min(1).max(100).default(30) }))
    .query(({ ctx, input }) => listActivity(ctx, input)),

  people: projectProcedure("VIEWER").query(({ ctx }) => activityPeople(ctx)),

  exportCsv: projectProcedure("EDITOR")
    .input(filterInput)
    .query(({ ctx, input }) => exportActivityCsv(ctx, input)),
});
