import { z } from "zod";
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
    .mutation(({ ctx, input }) => createOrganization({ db: ctx.db, userId: ctx.userId, input })),

  list: authedProcedure.query(({ ctx }) => listMyOrganizations(ctx.db, ctx.userId)),

  get: orgProcedure("MEMBER").query(({ ctx }) => getOrganization(ctx.db, ctx)),

  update: orgProcedure("ADMIN")
    .input(
      z.object({
        name: orgNameSchema.optional(),
        themeColor: colorSchema.optional(),
        departments: axisListSchema.optional(),
        stages: axisListSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { organizationId, ...changes } = input;
      return updateOrganization({ db: ctx.db, organizationId, input: changes });
    }),

  delete: orgProcedure("OWNER").mutation(({ ctx }) => deleteOrganization({ db: ctx.db, organizationId: ctx.organizationId })),

  members: orgMembersRouter,
});
