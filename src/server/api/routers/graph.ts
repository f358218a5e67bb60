import { tracked } from "@trpc/server";
import { z } from "zod";
import { batchSchema, UNDO_DEPTH } from "~/domain/operations";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { actorOf } from "~/server/services/activity";
import { applyBatch, discardHistory, loadEditorGraph } from "~/server/services/graph";
import { liveChanges } from "~/server/services/graph/live";

export const graphRouter = createTRPCRouter({
  get: projectProcedure("VIEWER").query(({ ctx }) => loadEditorGraph(ctx.db, ctx.project.id, ctx.userId)),

  applyOps: projectProcedure("EDITOR")
    .input(batchSchema)
    .mutation(({ ctx, input }) => applyBatch({ db: ctx.db, access: ctx, actor: actorOf(ctx), batch: input })),

  /** Forgets undo/redo entries of the caller's that the editor dropped as no longer applicable. */
  discardHistory: projectProcedure("EDITOR")
    .input(z.object({ entryIds: z.array(z.string().min(1).max(100)).min(1).max(UNDO_DEPTH * 2) }))
    .mutation(({ ctx, input }) => discardHistory(ctx.db, { projectId: ctx.project.id, userId: ctx.userId }, input.entryIds)),

  onChange: projectProcedure("VIEWER")
    .input(
      z.object({
        since: z.number().int().min(0),
        tab: z.string().min(1).max(100),
        lastEventId: z.string().regex(/^\d+$/).nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const since = input.lastEventId ? Number(input.lastEventId) : input.since;
      const abort = signal ?? new AbortController().signal;
      for await (const { revision, event } of liveChanges({ db: ctx.db, projectId: ctx.project.id, userId: ctx.userId, tab: input.tab, since, abort })) {
        yield tracked(String(revision), event);
      }
    }),
});
