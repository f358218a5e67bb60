import { z } from "zod";
import { MAX_IMPORT_CHARS, MAX_IMPORT_TEXT } from "~/domain/interchange/limits";
import { createTRPCRouter, orgProcedure, projectProcedure } from "~/server/api/trpc";
import { exportBpmn, exportCsv, exportJson, exportPdf, exportSvg, importProjects, previewImport } from "~/server/services/transfer";

/** About 30,000 exported steps; a file larger than this is not a process map. */
const fileInput = z.object({
  text: z
    .string()
    .min(1, "Choose a file or paste its contents")
    .max(MAX_IMPORT_CHARS, `The file is larger than ${MAX_IMPORT_TEXT}; split it into smaller files`),
  /** BPMN sub-processes: their steps in the map (flatten), or one step each (keep). */
  subProcesses: z.enum(["flatten", "keep"], "Sub-processes are either flattened or kept as one step").default("flatten"),
});

export const transferRouter = createTRPCRouter({
  previewImport: orgProcedure("MEMBER")
    .input(fileInput)
    .mutation(({ ctx, input }) => previewImport(ctx, input)),

  importProjects: orgProcedure("MEMBER")
    .input(fileInput)
    .mutation(({ ctx, input }) => importProjects(ctx, input)),

  // Mutations: each export leaves an audit entry in the project's activity feed.
  exportJson: projectProcedure("EDITOR").mutation(({ ctx }) => exportJson(ctx)),
  exportCsv: projectProcedure("EDITOR").mutation(({ ctx }) => exportCsv(ctx)),
  exportBpmn: projectProcedure("EDITOR").mutation(({ ctx }) => exportBpmn(ctx)),
  /** A picture of the matrix, as anyone who can open the project sees it. */
  exportSvg: projectProcedure("VIEWER")
    .input(z.object({ criticalPath: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => exportSvg(ctx, input)),
  /** The same picture on landscape pages with a title block and legend. */
  exportPdf: projectProcedure("VIEWER")
    .input(
      z.object({
        criticalPath: z.boolean().default(false),
        pageSize: z.enum(["A4", "LETTER"], "The page size must be A4 or LETTER").default("A4"),
        layout: z.enum(["fit", "tile"], "The layout must be fit or tile").default("fit"),
      }),
    )
    .mutation(({ ctx, input }) => exportPdf(ctx, input)),
});
