import { z } from "zod";
import { createTRPCRouter, projectProcedure } from "~/server/api/trpc";
import { compareVersions, getVersion, listVersions, prepareRestore, restoreVersion, saveVersion } from "~/server/services/versions";

const versionInput = z.object({ versionId: z.uuid("versionId must be a UUID") });

export const versionRouter = createTRPCRouter({
  list: projectProcedure("VIEWER").query(({ ctx }) => listVersions(ctx)),

  get: projectProcedure("VIEWER")
    .input(versionInput)
    .query(({ ctx, input }) => getVersion(ctx, input)),

  compare: projectProcedure("VIEWER")
    .input(z.object({ from: z.uuid(), to: z.union([z.uuid(), z.literal("current")]) }))
    .query(({ ctx, input }) => compareVersions(ctx, input)),

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
    .mutation(({ ctx, input }) => saveVersion(ctx, input)),

  prepareRestore: projectProcedure("EDITOR")
    .input(versionInput)
    .mutation(({ ctx, input }) => prepareRestore(ctx, input)),

  restore: projectProcedure("EDITOR")
    .input(versionInput)
    .mutation(({ ctx, input }) => restoreVersion(ctx, input)),
});
