import { isDependency, type AxisItem, type GraphEdge, type GraphNode } from "../graph";
import { bandIndex, HEADER_HEIGHT, LABEL_WIDTH, layoutMatrix, NODE_HEIGHT, NODE_WIDTH, type MatrixLayout } from "../matrix";
import {
  connectionLabels,
  CRITICAL_HALO,
  CRITICAL_STROKE,
  feedbackPath,
  forwardPath,
  RELATION_STROKE,
  STATUS_CHIP,
  STEP_SHAPE,
} from "./look";

/**
 * The matrix as a vector picture: lanes, steps (type, status, duration, progress) and
 * connections (relation, waits, rework frequency), the critical path when it is on. Made of
 * shapes and text only (no HTML inside foreignObject), so vector editors, converters and PDF
 * writers read it. Pure: the browser's image export and the server's PDF draw the same thing.
 */
export type MatrixDrawing = {
  departments: readonly AxisItem[];
  stages: readonly AxisItem[];
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** Step ids of the critical path in order, when it is highlighted. */
  criticalPath?: readonly string[] | null;
  /**
   * "simple" draws each step as its outline and name only, for pictures printed so small that
   * chips and bars would be specks (the canvas's zoomed-out look). Default "full".
   */
  detail?: "full" | "simple";
};

export type RenderedSvg = { svg: string; width: number; height: number };

/** A part of the picture, in its own coordinates (0,0 is the picture's top left corner). */
export type Region = { x: number; y: number; width: number; height: number };

export const FONT_FAMILY = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
const MARGIN = 16;
const LABEL_SIZE = 13;
const SMALL = 11;
/** Helvetica's average advance is about half its size; text is wrapped and cut with this. */
const CHAR_WIDTH = 0.55;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Words into at most `lines` lines of `width` pixels at `size`; the last one cut with an ellipsis. */
export function wrapText(text: string, width: number, size: number, lines: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (size * CHAR_WIDTH)));
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const out: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= perLine) current = next;
    else {
      if (current) out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  const cut = (line: string) => (line.length > perLine ? `${line.slice(0, perLine - 1)}…` : line);
  if (out.length <= lines) return out.map(cut);
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, perLine - 1)}…`;
  return kept.map(cut);
}

const round = (n: number) => Math.round(n * 10) / 10;

function textLines(lines: string[], x: number, y: number, size: number, attrs: string) {
  return lines
    .map((line, i) => `<text x="${round(x)}" y="${round(y + i * (size + 3))}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`)
    .join("");
}

/** A tint of a lane colour for its header (the colour at 14% over white). */
function tint(hex: string, amount = 0.14): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return "#f8fafc";
  const n = parseInt(m[1]!, 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  return `rgb(${mix(n >> 16)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

function lanes(layout: MatrixLayout): string {
  const out: string[] = [];
  const right = layout.width;
  const bottom = layout.height;
  out.push(`<rect x="0" y="0" width="${right}" height="${HEADER_HEIGHT}" fill="#f8fafc"/>`);
  out.push(`<rect x="0" y="0" width="${LABEL_WIDTH}" height="${bottom}" fill="#f8fafc"/>`);
  for (const column of layout.columns) {
    out.push(`<rect x="${column.x}" y="0" width="${column.width}" height="${HEADER_HEIGHT}" fill="${tint(column.color)}"/>`);
    out.push(`<rect x="${column.x}" y="0" width="${column.width}" height="4" fill="${escapeXml(column.color)}"/>`);
    out.push(textLines(wrapText(column.name, column.width - 24, 14, 1), column.x + 12, 34, 14, `font-weight="bold" fill="#0f172a"`));
    out.push(`<line x1="${column.x}" y1="0" x2="${column.x}" y2="${bottom}" stroke="#e2e8f0"/>`);
  }
  for (const row of layout.rows) {
    out.push(`<rect x="0" y="${row.y}" width="${LABEL_WIDTH}" height="${row.height}" fill="${tint(row.color, 0.1)}"/>`);
    out.push(`<rect x="0" y="${row.y}" width="4" height="${row.height}" fill="${escapeXml(row.color)}"/>`);
    out.push(textLines(wrapText(row.name, LABEL_WIDTH - 28, 14, 3), 16, row.y + 28, 14, `font-weight="bold" fill="#0f172a"`));
    out.push(`<line x1="0" y1="${row.y}" x2="${right}" y2="${row.y}" stroke="#e2e8f0"/>`);
  }
  out.push(`<rect x="0.5" y="0.5" width="${right - 1}" height="${bottom - 1}" fill="none" stroke="#cbd5e1"/>`);
  return out.join("");
}

function markers(): string {
  const strokes = { ...RELATION_STROKE, CRITICAL: CRITICAL_STROKE };
  return Object.entries(strokes)
    .map(
      ([key, s]) =>
        `<marker id="arrow-${key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
        `<path d="M0,0 L10,5 L0,10 z" fill="${s.color}"/></marker>`,
    )
    .join("");
}

function step(node: GraphNode, at: { x: number; y: number }, critical: boolean, simple: boolean): string {
  const shape = STEP_SHAPE[node.type];
  const chip = STATUS_CHIP[node.status];
  const out: string[] = [`<g transform="translate(${round(at.x)},${round(at.y)})">`];
  if (critical) {
    out.push(
      `<path d="${shape.path}" fill="none" stroke="${CRITICAL_STROKE.color}" stroke-opacity="${CRITICAL_HALO.opacity}" stroke-width="${CRITICAL_HALO.width}"/>`,
    );
  }
  out.push(
    `<path d="${shape.path}" fill="#ffffff" stroke="${critical ? CRITICAL_STROKE.color : shape.stroke}" stroke-width="${critical ? 2.5 : 1.5}"/>`,
  );
  if (shape.detail) out.push(`<path d="${shape.detail}" fill="none" stroke="${shape.stroke}" stroke-width="1.5"/>`);
  const left = shape.padLeft;
  const inner = NODE_WIDTH - shape.padLeft - shape.padRight;
  if (simple) {
    out.push(textLines(wrapText(node.label, inner, 16, 2), left, 38, 16, `font-weight="bold" fill="#1e293b"`), "</g>");
    return out.join("");
  }
  out.push(textLines(wrapText(node.label, inner, LABEL_SIZE, 2), left, 20, LABEL_SIZE, `font-weight="bold" fill="#1e293b"`));
  // Status chip, then the duration.
  const chipWidth = Math.ceil(chip.label.length * SMALL * CHAR_WIDTH) + 10;
  const chipY = NODE_HEIGHT - 32;
  out.push(`<rect x="${left}" y="${chipY}" width="${chipWidth}" height="16" rx="3" fill="${chip.fill}"/>`);
  out.push(`<text x="${left + 5}" y="${chipY + 12}" font-size="${SMALL}" fill="${chip.ink}">${escapeXml(chip.label)}</text>`);
  if (node.avgTime) {
    const duration = wrapText(node.avgTime, inner - chipWidth - 20, SMALL, 1)[0] ?? "";
    const cx = left + chipWidth + 12;
    // A clock: its face and hands in one path.
    const cy = chipY + 8;
    out.push(
      `<path d="M${cx - 4.5},${cy} a4.5,4.5 0 1,0 9,0 a4.5,4.5 0 1,0 -9,0 M${cx},${cy - 3} V${cy} H${cx + 2.5}" fill="none" stroke="#64748b" stroke-width="1.2"/>`,
    );
    out.push(`<text x="${cx + 8}" y="${chipY + 12}" font-size="${SMALL}" fill="#475569">${escapeXml(duration)}</text>`);
  }
  // Progress bar.
  const barY = NODE_HEIGHT - 10;
  out.push(`<rect x="${left}" y="${barY}" width="${inner}" height="4" rx="2" fill="#f1f5f9"/>`);
  if (node.progress > 0) {
    out.push(
      `<rect x="${left}" y="${barY}" width="${round((inner * Math.min(100, node.progress)) / 100)}" height="4" rx="2" fill="${shape.bar}"/>`,
    );
  }
  out.push("</g>");
  return out.join("");
}

function connection(edge: GraphEdge, from: { x: number; y: number }, to: { x: number; y: number }, critical: boolean): string {
  const sx = from.x + NODE_WIDTH;
  const sy = from.y + NODE_HEIGHT / 2;
  const tx = to.x;
  const ty = to.y + NODE_HEIGHT / 2;
  const [d, lx, ly] = edge.relationType === "FEEDBACK_TO" ? feedbackPath(sx, sy, tx, ty) : forwardPath(sx, sy, tx, ty);
  const stroke = critical ? CRITICAL_STROKE : RELATION_STROKE[edge.relationType];
  const out: string[] = [];
  if (critical) {
    out.push(
      `<path d="${d}" fill="none" stroke="${stroke.color}" stroke-opacity="${CRITICAL_HALO.opacity}" stroke-width="${CRITICAL_HALO.width}"/>`,
    );
  }
  const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}" stroke-linecap="round"` : "";
  out.push(
    `<path d="${d}" fill="none" stroke="${stroke.color}" stroke-width="${stroke.width}"${dash} marker-end="url(#arrow-${critical ? "CRITICAL" : edge.relationType})"/>`,
  );
  const labels = connectionLabels(edge);
  if (labels.length > 0) {
    const text = labels.join(" ");
    const width = Math.ceil(text.length * SMALL * CHAR_WIDTH) + 12;
    out.push(
      `<rect x="${round(lx - width / 2)}" y="${round(ly - 9)}" width="${width}" height="18" rx="9" fill="#ffffff" stroke="${stroke.color}"/>`,
    );
    out.push(
      `<text x="${round(lx)}" y="${round(ly + 4)}" font-size="${SMALL}" text-anchor="middle" fill="${stroke.ink}">${escapeXml(text)}</text>`,
    );
  }
  return out.join("");
}

/** The whole picture's size, without drawing it. */
export function matrixSize(drawing: Pick<MatrixDrawing, "departments" | "stages" | "nodes">): { width: number; height: number } {
  const layout = layoutMatrix({ departments: drawing.departments, stages: drawing.stages, nodes: drawing.nodes });
  return { width: layout.width + 2 * MARGIN, height: layout.height + 2 * MARGIN };
}

const overlaps = (region: Region | undefined, x0: number, y0: number, x1: number, y1: number) =>
  !region || (x1 >= region.x && x0 <= region.x + region.width && y1 >= region.y && y0 <= region.y + region.height);

/**
 * The picture, or with `region` only that part of it (a page of a tiled PDF): steps and
 * connections wholly outside it are left out, so each page costs what it shows.
 */
export function renderMatrixSvg(drawing: MatrixDrawing, region?: Region): RenderedSvg {
  const layout = layoutMatrix({ departments: drawing.departments, stages: drawing.stages, nodes: drawing.nodes });
  const index = bandIndex(layout);
  const positions = new Map(drawing.nodes.map((n) => [n.id, { x: index.column(n.stageId).x + n.x, y: index.row(n.departmentId).y + n.y }]));
  const path = drawing.criticalPath ?? [];
  const criticalNodes = new Set(path);
  const tight = new Set(path.slice(1).map((target, i) => `${path[i]}>${target}`));
  const full = { x: 0, y: 0, width: layout.width + 2 * MARGIN, height: layout.height + 2 * MARGIN };
  const view = region ?? full;
  // Culling works in the picture's coordinates: layout positions plus the margin.
  const inView = (x0: number, y0: number, x1: number, y1: number) => overlaps(region, x0 + MARGIN, y0 + MARGIN, x1 + MARGIN, y1 + MARGIN);
  const body: string[] = [lanes(layout)];
  for (const edge of drawing.edges) {
    const from = positions.get(edge.sourceId);
    const to = positions.get(edge.targetId);
    if (!from || !to) continue;
    // A connection's curve stays near the box of its ends; a rework loop also bows below them.
    const reach = edge.relationType === "FEEDBACK_TO" ? 400 : 120;
    const x0 = Math.min(from.x, to.x) - reach;
    const x1 = Math.max(from.x, to.x) + NODE_WIDTH + reach;
    const y0 = Math.min(from.y, to.y) - 20;
    const y1 = Math.max(from.y, to.y) + NODE_HEIGHT + reach;
    if (!inView(x0, y0, x1, y1)) continue;
    const critical = isDependency(edge.relationType) && tight.has(`${edge.sourceId}>${edge.targetId}`);
    body.push(connection(edge, from, to, critical));
  }
  for (const node of drawing.nodes) {
    const at = positions.get(node.id)!;
    if (inView(at.x - 12, at.y - 12, at.x + NODE_WIDTH + 12, at.y + NODE_HEIGHT + 12))
      body.push(step(node, at, criticalNodes.has(node.id), drawing.detail === "simple"));
  }
  const { width, height } = view;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="${round(view.x)} ${round(view.y)} ${round(width)} ${round(height)}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<defs>${markers()}</defs>` +
    `<rect width="${full.width}" height="${full.height}" fill="#ffffff"/>` +
    `<g transform="translate(${MARGIN},${MARGIN})">${body.join("")}</g>` +
    `</svg>\n`;
  return { svg, width, height };
}
