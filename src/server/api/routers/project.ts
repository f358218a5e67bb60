import { z } from "zod";
import { descriptionSchema, projectNameSchema, slugSchema } from "~/domain/schemas";
import { createTRPCRouter, orgProcedure, projectProcedure } from "~/server/api/trpc";
import {
  createProject,
  emptyTrash,
  getProject,
  listProjects,
  listTrash,
  restoreProject,
  setProjectArchived,
  softDeleteProject,
  updateProject,
} from "~/server/services/projects";
import { duplicateProject } from "~/server/services/projects/duplicate";
import { projectMembersRouter } from "./projectMembers";

export const projectRouter = createTRPCRouter({
  create: orgProcedure("MEMBER")
    .input(z.object({ name: projectNameSchema, description: descriptionSchema.optional(), slug: slugSchema.optional() }))
    .mutation(({ ctx, input }) => createProject(ctx, input)),

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
    .query(({ ctx, input }) => listProjects(ctx, input)),

  get: projectProcedure("VIEWER").query(({ ctx }) => getProject(ctx)),

  update: projectProcedure("EDITOR")
    .input(
      z.object({
        name: projectNameSchema.optional(),
        description: descriptionSchema.optional(),
        estimateDistribution: z.enum(["PERT", "TRIANGULAR"], "The distribution must be PERT or TRIANGULAR").optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateProject(ctx, input)),

  archive: projectProcedure("OWNER").mutation(({ ctx }) => setProjectArchived(ctx, { archived: true })),

  unarchive: projectProcedure("OWNER").mutation(({ ctx }) => setProjectArchived(ctx, { archived: false })),

  delete: projectProcedure("OWNER").mutation(({ ctx }) => softDeleteProject(ctx)),

  restore: projectProcedure("OWNER", { allowDeleted: true }).mutation(({ ctx }) => restoreProject(ctx)),

  trash: orgProcedure("MEMBER").query(({ ctx }) => listTrash(ctx)),

  /** Deletes the organization's trashed projects for good. */
  emptyTrash: orgProcedure("OWNER").mutation(({ ctx }) => emptyTrash(ctx)),

  /** A copy of the project's graph as a new project the caller owns. */
  duplicate: projectProcedure("EDITOR").mutation(({ ctx }) => duplicateProject(ctx)),

  members: projectMembersRouter,
});
