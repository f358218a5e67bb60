import { tracked } from "@trpc/server";
import { z } from "zod";
import { batchSchema, UNDO_DEPTH } from "~/domain/operations";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { applyBatch, discardHistory, loadEditorGraph } from "~/server/services/graph";
import { liveChanges } from "~/server/services/graph/live";

export const graphRouter = createTRPCRouter({
  get: projectProcedure("VIEWER").query(({ ctx }) => loadEditorGraph(ctx)),

  applyOps: projectProcedure("EDITOR")
    .input(batchSchema)
    .mutation(({ ctx, input }) => applyBatch(ctx, input)),

  /** Forgets undo/redo entries of the caller's that the editor dropped as no longer applicable. */
  discardHistory: projectProcedure("EDITOR")
    .input(
      z.object({
        entryIds: z
          .array(z.string().min(1).max(100))
          .min(1)
          .max(UNDO_DEPTH * 2),
      }),
    )
    .mutation(({ ctx, input }) => discardHistory(ctx, input)),

  onChange: projectProcedure("VIEWER")
    .input(
      z.object({
        since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        tab: z.string().min(1).max(100),
        // A revision this server handed out: digits, within a safe integer (a bigint column).
        lastEventId: z
          .string()
          .regex(/^\d{1,15}$/, "lastEventId must be a revision number")
          .nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const since = input.lastEventId ? Number(input.lastEventId) : input.since;
      const abort = signal ?? new AbortController().signal;
      for await (const { revision, event } of liveChanges({
        db: ctx.database,
        projectId: ctx.access.project.id,
        userId: ctx.actor.userId,
        tab: input.tab,
        since,
        abort,
      })) {
        yield tracked(String(revision), event);
      }
    }),
});
