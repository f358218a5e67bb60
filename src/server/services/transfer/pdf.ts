import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { formatMinutes } from "~/domain/duration";
import type { NodeType, RelationType } from "~/domain/graph";
import { CRITICAL_STROKE, RELATION_STROKE, STEP_SHAPE } from "~/domain/render/look";
import { matrixSize, renderMatrixSvg, type MatrixDrawing } from "~/domain/render/matrix-svg";

export const PAGE_SIZES = { A4: [841.89, 595.28], LETTER: [792, 612] } as const;
export type PageSize = keyof typeof PAGE_SIZES;
export type PdfLayout = "fit" | "tile";

export type TitleBlock = {
  project: string;
  organization: string;
  date: Date;
  leadMinutes: number | null;
  processMinutes: number | null;
  /** 0..1, null when the process has no time on it. */
  flowEfficiency: number | null;
  criticalPath: boolean;
};

const MARGIN = 36;
const TITLE_HEIGHT = 74;
const LEGEND_HEIGHT = 30;
/** Below this scale step names print under 2pt: steps are drawn as outline and name only. */
const SIMPLE_BELOW = 0.15;
/** The scale tiles are drawn at: 13px step names print at about 7pt. */
const TILE_SCALE = 0.55;
/** Tiling never makes more pages than this; a larger matrix is tiled at a smaller scale. */
export const MAX_TILES = 40;

const TYPE_NAMES: Record<NodeType, string> = { TRIGGER: "Trigger", ACTION: "Action", DECISION: "Decision", ARTIFACT: "Artifact" };
const RELATION_NAMES: Record<RelationType, string> = { REQUIRES: "Requires", BLOCKS: "Blocks", FEEDBACK_TO: "Rework loop" };

function titleBlock(doc: PDFKit.PDFDocument, title: TitleBlock, page: { width: number }, part: string | null) {
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor("#0f172a")
    .text(title.project, MARGIN, MARGIN, { width: page.width - 2 * MARGIN - 160, lineBreak: false, ellipsis: true });
  const day = title.date.toISOString().slice(0, 10);
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#475569")
    .text(`${title.organization} · ${day}${part ? ` · ${part}` : ""}`, page.width - MARGIN - 260, MARGIN + 4, {
      width: 260,
      align: "right",
    });
  const facts = [
    title.leadMinutes !== null ? `Lead time ${formatMinutes(title.leadMinutes)}` : null,
    title.processMinutes !== null ? `Process time ${formatMinutes(title.processMinutes)}` : null,
    title.flowEfficiency !== null ? `Flow efficiency ${Math.round(title.flowEfficiency * 100)}%` : null,
  ].filter(Boolean);
  doc
    .font("Helvetica")
    .fontSize(11)
    .fillColor("#1e293b")
    .text(facts.join("   ·   ") || "No times on the steps yet", MARGIN, MARGIN + 26);
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#64748b")
    .text("Times are calendar time: a day is 24 hours, weekends and nights included.", MARGIN, MARGIN + 42);
}

function legend(doc: PDFKit.PDFDocument, y: number, criticalPath: boolean) {
  let x = MARGIN;
  doc.font("Helvetica").fontSize(8);
  const label = (text: string) => {
    doc.fillColor("#334155").text(text, x, y - 3, { lineBreak: false });
    x += doc.widthOfString(text) + 14;
  };
  for (const [type, name] of Object.entries(TYPE_NAMES) as [NodeType, string][]) {
    doc
      .save()
      .roundedRect(x, y - 5, 18, 10, 3)
      .lineWidth(1.2)
      .strokeColor(STEP_SHAPE[type].stroke)
      .stroke()
      .restore();
    x += 22;
    label(name);
  }
  x += 6;
  const line = (stroke: { color: string; width: number; dash?: string }, name: string) => {
    doc
      .save()
      .moveTo(x, y)
      .lineTo(x + 22, y)
      .lineWidth(stroke.width)
      .strokeColor(stroke.color);
    if (stroke.dash) {
      const [on, off] = stroke.dash.split(" ").map(Number);
      doc.dash(Math.max(1, on ?? 1), { space: off ?? 3 });
    }
    doc.stroke().undash().restore();
    x += 26;
    label(name);
  };
  for (const [relation, name] of Object.entries(RELATION_NAMES) as [RelationType, string][]) line(RELATION_STROKE[relation], name);
  if (criticalPath) line(CRITICAL_STROKE, "Critical path");
  label("+3d: wait before the next step   x0.3: rework frequency");
}

/**
 * The matrix on paper: landscape pages of the chosen size, each with the title block (project,
 * date, lead time, process time, flow efficiency) and the legend. "fit" scales the whole
 * matrix onto one page (it stays vector, so a reader zooms in); "tile" spreads it over pages
 * at a readable scale (at most MAX_TILES pages), each page saying which part it shows.
 */
export function matrixPdf(
  drawing: MatrixDrawing,
  title: TitleBlock,
  size: PageSize,
  layout: PdfLayout,
): Promise<{ pdf: Buffer; pages: number }> {
  const svg = matrixSize(drawing);
  const [width, height] = PAGE_SIZES[size];
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: title.project, Creator: "FlowMatrix" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const area = {
    x: MARGIN,
    y: MARGIN + TITLE_HEIGHT,
    width: width - 2 * MARGIN,
    height: height - 2 * MARGIN - TITLE_HEIGHT - LEGEND_HEIGHT,
  };
  const fitScale = Math.min(area.width / svg.width, area.height / svg.height, 1);
  const tiled = layout === "tile" && fitScale < TILE_SCALE;
  let scale = tiled ? TILE_SCALE : fitScale;
  const grid = () => [Math.ceil((svg.width * scale) / area.width - 1e-9), Math.ceil((svg.height * scale) / area.height - 1e-9)] as const;
  while (tiled && grid()[0] * grid()[1] > MAX_TILES) scale *= 0.9;
  const [columns, rows] = tiled ? grid() : [1, 1];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      doc.addPage({ size: [width, height], margin: 0 });
      const label = tiled ? `page ${row * columns + column + 1} of ${rows * columns} (row ${row + 1}, column ${column + 1})` : null;
      titleBlock(doc, title, { width }, label);
      // Each page draws only its part of the matrix (renderMatrixSvg leaves out what is off it).
      const region = {
        x: (column * area.width) / scale,
        y: (row * area.height) / scale,
        width: Math.min(area.width / scale, svg.width - (column * area.width) / scale),
        height: Math.min(area.height / scale, svg.height - (row * area.height) / scale),
      };
      const part = renderMatrixSvg({ ...drawing, detail: scale < SIMPLE_BELOW ? "simple" : "full" }, tiled ? region : undefined);
      doc.save();
      doc.rect(area.x, area.y, area.width, area.height).clip();
      SVGtoPDF(doc, part.svg, area.x, area.y, {
        width: part.width * scale,
        height: part.height * scale,
        preserveAspectRatio: "xMinYMin meet",
        warningCallback: () => undefined,
      });
      doc.restore();
      legend(doc, height - MARGIN - 8, title.criticalPath);
    }
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages: rows * columns }));
}
