import { tracked } from "@trpc/server";
import { z } from "zod";
import { batchSchema } from "~/domain/operations";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { actorOf } from "~/server/services/activity";
import { applyBatch, loadGraph } from "~/server/services/graph";
import { liveChanges } from "~/server/services/graph/live";
import { withSnapshot } from "~/server/services/graph/snapshot";

export const graphRouter = createTRPCRouter({
  get: projectProcedure("VIEWER").query(({ ctx }) =>
    withSnapshot(ctx.db, ctx.project.id, (tx, revision) => loadGraph(tx, ctx.project.id, revision)),
  ),

  applyOps: projectProcedure("EDITOR")
    .input(batchSchema)
    .mutation(({ ctx, input }) => applyBatch({ db: ctx.db, access: ctx, actor: actorOf(ctx), batch: input })),

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
      for await (const event of liveChanges({ db: ctx.db, projectId: ctx.project.id, userId: ctx.userId, tab: input.tab, since, abort })) {
        yield event.type === "batch" ? tracked(String(event.batch.revision), event) : event.type === "reload" ? tracked(String(event.revision), event) : event;
      }
    }),
});
