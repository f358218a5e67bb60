import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { actorOf } from "~/server/services/activity";
import { compareVersions, getVersion, listVersions, prepareRestore, restoreVersion, saveVersion } from "~/server/services/versions";

const versionInput = z.object({ versionId: z.uuid("versionId must be a UUID") });

export const versionRouter = createTRPCRouter({
  list: projectProcedure("VIEWER").query(({ ctx }) => listVersions({ db: ctx.db, access: ctx })),

  get: projectProcedure("VIEWER")
    .input(versionInput)
    .query(({ ctx, input }) => getVersion({ db: ctx.db, access: ctx, versionId: input.versionId })),

  compare: projectProcedure("VIEWER")
    .input(z.object({ from: z.uuid(), to: z.union([z.uuid(), z.literal("current")]) }))
    .query(({ ctx, input }) => compareVersions({ db: ctx.db, access: ctx, from: input.from, to: input.to })),

  save: projectProcedure("EDITOR")
    .input(
      z.object({
        comment: z
          .string()
          .trim()
          .max(500, "A comment must be at most 500 characters")
          .nullish()
          .transform((v) => v || null),
        /** Marks the end of a restore done through the editor: "Restored from vN". */
        restoredFrom: z.uuid().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      saveVersion({ db: ctx.db, access: ctx, actor: actorOf(ctx), comment: input.comment, restoredFrom: input.restoredFrom }),
    ),

  prepareRestore: projectProcedure("EDITOR")
    .input(versionInput)
    .mutation(({ ctx, input }) => prepareRestore({ db: ctx.db, access: ctx, actor: actorOf(ctx), versionId: input.versionId })),

  restore: projectProcedure("EDITOR")
    .input(versionInput)
    .mutation(({ ctx, input }) => restoreVersion({ db: ctx.db, access: ctx, actor: actorOf(ctx), versionId: input.versionId })),
});
