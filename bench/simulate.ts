/**
 * npm run bench:simulate — the Monte Carlo schedule engine (src/server/analysis/simulate.ts)
 * on generated graphs, against one deterministic computeCpm pass on the same graph measured
 * in the same process. Each step gets low = 0.5d, mode = d, high = 2.5d, each non-zero lag
 * 0.5x / 1x / 2x; rework loops keep the generator's frequencies.
 * Targets: 5,000 runs x 500 steps <= 300 ms; 1,000 runs x 10,000 steps <= 3 s (medians of 5,
 * the first call of each row reported on its own: it includes the JIT warming up).
 */
import { availableParallelism, loadavg } from "node:os";
import { computeCpm } from "~/server/analysis/cpm";
import { simulate, type Distribution, type SimulationInput, type SimulationResult } from "~/server/analysis/simulate";
import { layered, realistic, type BenchGraph } from "./graphs";
import { median } from "./stats";

const CALLS = 5;

function toInput(graph: BenchGraph): SimulationInput {
  const id = (i: number) => `n${i}`;
  return {
    nodes: graph.durations.map((d, i) => ({ id: id(i), duration: { low: 0.5 * d, mode: d, high: 2.5 * d } })),
    edges: graph.deps.map((e, k) => ({
      id: `e${k}`,
      source: id(e.s),
      target: id(e.t),
      lag: { low: 0.5 * e.lag, mode: e.lag, high: 2 * e.lag },
    })),
    feedback: graph.feedback.map((f, k) => ({ id: `f${k}`, source: id(f.s), target: id(f.t), frequency: f.frequency })),
  };
}

/** Wall and CPU time: CPU close to wall means the call was not waiting for a core (shared cores still run it slower). */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

function cpmMs(graph: BenchGraph) {
  const nodes = graph.durations.map((d, i) => ({ id: `n${i}`, duration: d }));
  const deps = graph.deps.map((e) => ({ source: `n${e.s}`, target: `n${e.t}`, lag: e.lag }));
  const feedback = graph.feedback.map((f) => ({ source: `n${f.s}`, target: `n${f.t}`, frequency: f.frequency }));
  computeCpm(nodes, deps, feedback); // warm
  const times = Array.from({ length: 21 }, () => time(() => computeCpm(nodes, deps, feedback)).ms);
  const result = computeCpm(nodes, deps, feedback);
  return { ms: median(times), minutes: result.criticalPathMinutes + result.reworkMinutes };
}

type Case = { graph: BenchGraph; runs: number; targetMs: number };
const cases: Case[] = [
  { graph: realistic(), runs: 5000, targetMs: 300 },
  { graph: layered(100, 100, 3), runs: 1000, targetMs: 3000 },
];
const distributions: Distribution[] = ["PERT", "TRIANGULAR"];

const timing: string[][] = [];
const outcome: string[][] = [];
for (const { graph, runs, targetMs } of cases) {
  const input = toInput(graph);
  const cpm = cpmMs(graph);
  for (const distribution of distributions) {
    const options = { runs, seed: 1, distribution };
    const first = time(() => simulate(input, options));
    const calls = Array.from({ length: CALLS }, () => time(() => simulate(input, options)));
    const ms = median(calls.map((c) => c.ms));
    const cpuMs = median(calls.map((c) => c.cpuMs));
    const result: SimulationResult = first.value;
    timing.push([
      graph.name,
      String(graph.durations.length),
      String(graph.deps.length),
      String(graph.feedback.length),
      String(runs),
      distribution,
      first.ms.toFixed(1),
      ms.toFixed(1),
      cpuMs.toFixed(1),
      ((ms * 1000) / runs).toFixed(1),
      cpm.ms.toFixed(3),
      (ms / cpm.ms).toFixed(0),
      (ms / runs / cpm.ms).toFixed(2),
      `<= ${targetMs}`,
      ms <= targetMs ? "yes" : "NO",
    ]);
    const p = (n: number) => String(result.percentiles.find((x) => x.p === n)!.minutes);
    const top = result.sensitivity[0];
    outcome.push([
      graph.name,
      distribution,
      cpm.minutes.toFixed(0),
      String(result.mean),
      String(result.sd),
      p(50),
      p(80),
      p(95),
      String(Object.values(result.criticality.nodes).filter((c) => c > 0).length),
      top ? `${top.nodeId} ${top.correlation}` : "-",
    ]);
  }
}

function table(title: string, head: string[], body: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
}

// Wall times on a shared machine: the load says how much else was running.
const machine = `node ${process.version}, ${availableParallelism()} cores, load ${loadavg()
  .map((l) => l.toFixed(1))
  .join(" ")}`;
table(
  `Monte Carlo engine (median of ${CALLS} calls after a first one; computeCpm: median of 21 passes; ${machine})`,
  [
    "graph",
    "steps",
    "deps",
    "loops",
    "runs",
    "distribution",
    "first ms",
    "median ms",
    "cpu ms",
    "µs/run",
    "computeCpm ms",
    "sim/cpm",
    "run/cpm",
    "target ms",
    "met",
  ],
  timing,
);
table(
  "Results (seed 1): deterministic CPM (modes, rework at mean frequency) against the simulated distribution, minutes",
  ["graph", "distribution", "CPM", "mean", "sd", "P50", "P80", "P95", "ever critical", "top sensitivity"],
  outcome,
);
