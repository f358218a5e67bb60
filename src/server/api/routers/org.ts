import { z } from "zod";
import { calendarSchema } from "~/domain/calendar";
import { axisListSchema, colorSchema, orgNameSchema, slugSchema } from "~/domain/schemas";
import { authedProcedure, createTRPCRouter, orgProcedure } from "~/server/api/trpc";
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listMyOrganizations,
  updateOrganization,
} from "~/server/services/organizations";
import { orgMembersRouter } from "./orgMembers";

export const orgRouter = createTRPCRouter({
  create: authedProcedure
    .input(z.object({ name: orgNameSchema, slug: slugSchema.optional() }))
    .mutation(({ ctx, input }) => createOrganization(ctx, input)),

  list: authedProcedure.query(({ ctx }) => listMyOrganizations(ctx)),

  get: orgProcedure("MEMBER").query(({ ctx }) => getOrganization(ctx)),

  update: orgProcedure("ADMIN")
    .input(
      z.object({
        name: orgNameSchema.optional(),
        themeColor: colorSchema.optional(),
        departments: axisListSchema.optional(),
        stages: axisListSchema.optional(),
        trashRetentionDays: z
          .number()
          .int("Days in the trash must be a whole number")
          .min(1, "Keep deleted projects at least 1 day")
          .max(3650, "Keep deleted projects at most 3650 days")
          .optional(),
        /** The working calendar of departments without their own; null: continuous time. */
        calendar: calendarSchema.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),

  delete: orgProcedure("OWNER").mutation(({ ctx }) => deleteOrganization(ctx)),

  members: orgMembersRouter,
});
