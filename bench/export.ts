/**
 * npm run bench:export — the picture exports of a project: the vector SVG (renderMatrixSvg)
 * and the PDF drawn from it (fitted on one A4 page, and tiled), for a 24-step matrix and a
 * 2,000-step one over 5 departments x 6 stages. The first call (module and font loading)
 * is reported apart from the median of the warm runs. Target: a 2,000-step export <= 3 s.
 */
import { DEFAULT_NODE_FIELDS, type GraphSnapshot } from "~/domain/graph";
import { CELL_PADDING, NODE_HEIGHT, NODE_WIDTH } from "~/domain/matrix";
import { renderMatrixSvg } from "~/domain/render/matrix-svg";
import { matrixPdf } from "~/server/services/transfer/pdf";
import { median, mulberry32 } from "./stats";

const RUNS = 3;
const TITLE = {
  project: "Bench",
  organization: "Bench org",
  date: new Date(),
  leadMinutes: 6000,
  processMinutes: 900,
  flowEfficiency: 0.15,
  criticalPath: true,
};

function matrix(steps: number): GraphSnapshot {
  const random = mulberry32(3);
  const axis = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix} ${i}`, color: "#3f8a8c", position: i }));
  const departments = axis("d", 5);
  const stages = axis("s", 6);
  const perCell = new Map<string, number>();
  const nodes = Array.from({ length: steps }, (_, i) => {
    const departmentId = `d${i % 5}`;
    const stageId = `s${Math.floor((i / steps) * 6)}`;
    const slot = perCell.get(`${departmentId}${stageId}`) ?? 0;
    perCell.set(`${departmentId}${stageId}`, slot + 1);
    const column = slot % 4;
    return {
      ...DEFAULT_NODE_FIELDS,
      id: `n${i}`,
      label: `Step ${i} with a name of some length`,
      avgTime: `${1 + (i % 8)}h`,
      status: (["PENDING", "IN_PROGRESS", "COMPLETED"] as const)[i % 3]!,
      progress: (i * 7) % 100,
      departmentId,
      stageId,
      x: CELL_PADDING + column * (NODE_WIDTH + CELL_PADDING),
      y: CELL_PADDING + Math.floor(slot / 4) * (NODE_HEIGHT + CELL_PADDING),
    };
  });
  const edges = Array.from({ length: Math.floor(steps * 1.5) }, (_, i) => {
    const s = Math.floor(random() * (steps - 1));
    const t = s + 1 + Math.floor(random() * Math.min(20, steps - s - 1));
    return {
      id: `e${i}`,
      sourceId: `n${s}`,
      targetId: `n${t}`,
      relationType: "REQUIRES" as const,
      lagTime: i % 4 ? null : "1d",
      lagWorking: false,
      frequency: 1,
      condition: null,
    };
  });
  return { departments, stages, nodes, edges };
}

async function time(fn: () => Promise<unknown> | unknown) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(label: string, fn: () => Promise<unknown> | unknown) {
  const first = await time(fn);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await time(fn));
  return { label, first, median: median(warm) };
}

async function main() {
  const rows: { label: string; first: number; median: number; extra: string }[] = [];
  for (const steps of [24, 2000]) {
    const graph = matrix(steps);
    const path = graph.nodes.slice(0, 12).map((n) => n.id);
    const drawing = renderMatrixSvg({ ...graph, criticalPath: path });
    const svg = await measure(`${steps} steps: SVG`, () => renderMatrixSvg({ ...graph, criticalPath: path }));
    rows.push({ ...svg, extra: `${(drawing.svg.length / 1024).toFixed(0)} KB` });
    let pages = 0;
    const fit = await measure(`${steps} steps: SVG + PDF, fitted on A4`, async () => {
      pages = (await matrixPdf({ ...graph, criticalPath: path }, TITLE, "A4", "fit")).pages;
    });
    rows.push({ ...fit, extra: `${pages} page` });
    const tile = await measure(`${steps} steps: SVG + PDF, tiled on A4`, async () => {
      pages = (await matrixPdf({ ...graph, criticalPath: path }, TITLE, "A4", "tile")).pages;
    });
    rows.push({ ...tile, extra: `${pages} pages` });
  }
  const target = rows.find((r) => r.label.startsWith("2000 steps: SVG + PDF, fitted"))!;
  console.log("| export | first call (ms) | median of 3 (ms) | size |\n| --- | ---: | ---: | --- |");
  for (const r of rows) console.log(`| ${r.label} | ${r.first.toFixed(0)} | ${r.median.toFixed(0)} | ${r.extra} |`);
  console.log(
    `\n2,000-step PDF (fitted): ${target.median.toFixed(0)} ms median, target <= 3000 ms: ${target.median <= 3000 ? "met" : "NOT met"}`,
  );
}

void main();
