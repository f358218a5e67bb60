import { renderMatrixSvg } from "~/domain/render/matrix-svg";
import { organizations } from "~/server/db/schema";
import { eq } from "drizzle-orm";
import { leadTime } from "../analysis";
import type { ProjectContext } from "../context";
import { loadGraph } from "../graph";
import { withSnapshot } from "../graph/snapshot";
import { logExport, type ExportFile } from "./export";
import { matrixPdf, type PageSize, type PdfLayout } from "./pdf";

/**
 * The matrix as a vector SVG (shapes and text, readable by vector editors and converters),
 * with the critical path drawn when the person has it on. The browser makes its PNG from this
 * same drawing.
 */
export async function exportSvg(ctx: ProjectContext, { criticalPath }: { criticalPath: boolean }): Promise<ExportFile> {
  const { project } = ctx.access;
  const graph = await withSnapshot(ctx.db, project.id, (tx, revision) => loadGraph(tx, project.id, revision));
  const path = criticalPath ? (await leadTime(ctx)).criticalPath : null;
  const { svg } = renderMatrixSvg({ ...graph, criticalPath: path });
  await logExport(ctx, "svg");
  return { filename: `${project.slug}.svg`, mimeType: "image/svg+xml", content: svg };
}

/**
 * The matrix as a PDF to hand on: landscape A4 or Letter, fitted to one page or tiled, with a
 * title block (project, organization, date, lead time, process time, flow efficiency) and the
 * legend, drawn from the same SVG as the image export. Sent base64-encoded.
 */
export async function exportPdf(
  ctx: ProjectContext,
  input: { criticalPath: boolean; pageSize: PageSize; layout: PdfLayout },
): Promise<{ filename: string; mimeType: string; base64: string; pages: number }> {
  const { project } = ctx.access;
  const graph = await withSnapshot(ctx.db, project.id, (tx, revision) => loadGraph(tx, project.id, revision));
  const analysis = await leadTime(ctx);
  const [org] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.access.organizationId));
  const drawing = { ...graph, criticalPath: input.criticalPath ? analysis.criticalPath : null };
  const timed = graph.nodes.length > 0 && analysis.totalMinutes > 0;
  const { pdf, pages } = await matrixPdf(
    drawing,
    {
      project: project.name,
      organization: org?.name ?? "",
      date: new Date(),
      leadMinutes: timed ? analysis.totalMinutes : null,
      processMinutes: timed ? analysis.flow.processMinutes : null,
      flowEfficiency: timed ? analysis.flow.flowEfficiency : null,
      criticalPath: input.criticalPath,
    },
    input.pageSize,
    input.layout,
  );
  await logExport(ctx, "pdf");
  return {
    filename: `${project.slug}.pdf`,
    mimeType: "application/pdf",
    base64: pdf.toString("base64"),
    pages,
  };
}
