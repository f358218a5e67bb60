import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import {
  commentContentSchema,
  commentStatusSchema,
  createComment,
  editComment,
  listThreads,
  removeComment,
  setThreadResolved,
} from "~/server/services/comments";

const commentId = z.uuid("commentId must be a UUID");

export const commentRouter = createTRPCRouter({
  /** `nodeId` omitted: every thread; null: the project's own threads; a step id: that step's. */
  list: projectProcedure("VIEWER")
    .input(z.object({ nodeId: z.uuid("nodeId must be a UUID").nullish(), status: commentStatusSchema.default("open") }))
    .query(({ ctx, input }) => listThreads(ctx, input)),

  create: projectProcedure("COMMENTER")
    .input(
      z
        .object({
          content: commentContentSchema,
          nodeId: z.uuid("nodeId must be a UUID").nullish(),
          parentId: z.uuid("parentId must be a UUID").nullish(),
        })
        .refine((input) => !(input.nodeId && input.parentId), { message: "A reply belongs to its thread's step; leave nodeId out" }),
    )
    .mutation(({ ctx, input }) => createComment(ctx, input)),

  edit: projectProcedure("COMMENTER")
    .input(z.object({ commentId, content: commentContentSchema }))
    .mutation(({ ctx, input }) => editComment(ctx, input)),

  delete: projectProcedure("COMMENTER")
    .input(z.object({ commentId }))
    .mutation(({ ctx, input }) => removeComment(ctx, input)),

  setResolved: projectProcedure("COMMENTER")
    .input(z.object({ commentId, resolved: z.boolean() }))
    .mutation(({ ctx, input }) => setThreadResolved(ctx, input)),
});
