import { z } from "zod";
import { descriptionSchema, projectNameSchema, slugSchema } from "~/domain/schemas";
import { createTRPCRouter, orgProcedure, projectProcedure } from "~/server/api/trpc";
import { actorOf } from "~/server/services/activity";
import {
  createProject,
  getProject,
  listProjects,
  listTrash,
  restoreProject,
  setProjectArchived,
  softDeleteProject,
  updateProject,
} from "~/server/services/projects";
import { projectMembersRouter } from "./projectMembers";

export const projectRouter = createTRPCRouter({
  create: orgProcedure("MEMBER")
    .input(z.object({ name: projectNameSchema, description: descriptionSchema.optional(), slug: slugSchema.optional() }))
    .mutation(({ ctx, input }) => {
      const { organizationId, ...fields } = input;
      return createProject({ db: ctx.db, actor: actorOf(ctx), organizationId, input: fields });
    }),

  list: orgProcedure("MEMBER")
    .input(
      z.object({
        sort: z.enum(["updated", "created", "name"]).default("updated"),
        status: z.enum(["ACTIVE", "ARCHIVED", "ALL"]).default("ACTIVE"),
        search: z.string().max(100).optional(),
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(100).default(24),
      }),
    )
    .query(({ ctx, input }) => listProjects(ctx.db, ctx, { ...input, cursor: input.cursor ?? undefined })),

  get: projectProcedure("VIEWER").query(({ ctx }) => getProject(ctx.db, ctx)),

  update: projectProcedure("EDITOR")
    .input(
      z.object({
        name: projectNameSchema.optional(),
        description: descriptionSchema.optional(),
        estimateDistribution: z.enum(["PERT", "TRIANGULAR"], "The distribution must be PERT or TRIANGULAR").optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateProject({ db: ctx.db, actor: actorOf(ctx), access: ctx, input })),

  archive: projectProcedure("OWNER").mutation(({ ctx }) =>
    setProjectArchived({ db: ctx.db, actor: actorOf(ctx), access: ctx, archived: true }),
  ),

  unarchive: projectProcedure("OWNER").mutation(({ ctx }) =>
    setProjectArchived({ db: ctx.db, actor: actorOf(ctx), access: ctx, archived: false }),
  ),

  delete: projectProcedure("OWNER").mutation(({ ctx }) => softDeleteProject({ db: ctx.db, actor: actorOf(ctx), access: ctx })),

  restore: projectProcedure("OWNER", { allowDeleted: true }).mutation(({ ctx }) =>
    restoreProject({ db: ctx.db, actor: actorOf(ctx), access: ctx }),
  ),

  trash: orgProcedure("MEMBER").query(({ ctx }) => listTrash(ctx.db, ctx)),

  members: projectMembersRouter,
});
