import type { Figures } from "~/domain/delta";
import { estimateMinutes } from "~/domain/duration";
import { flowOf } from "~/domain/flow";
import { isDependency, type GraphSnapshot } from "~/domain/graph";
import { computeCpm } from "./cpm";
import { simulate, type Distribution } from "./simulate";

/** Runs behind a comparison's P80: enough to settle it to a few percent, cheap enough to run twice per request. */
export const COMPARE_RUNS = 2000;
const COMPARE_SEED = 1;

/**
 * The figures a comparison shows, for a graph held in memory (a saved version, the live graph,
 * a what-if): the TypeScript critical path (the SQL engine's tested twin), work versus waiting,
 * and the P80 of a Monte Carlo run with a fixed seed, so both sides of a comparison draw alike.
 */
export function figuresOf(graph: GraphSnapshot, distribution: Distribution): Figures {
  const deps = graph.edges.filter((e) => isDependency(e.relationType));
  const loops = graph.edges.filter((e) => !isDependency(e.relationType));
  const durations = new Map(graph.nodes.map((n) => [n.id, estimateMinutes(n.avgTime)]));
  const lags = new Map(deps.map((e) => [e.id, estimateMinutes(e.lagTime)]));
  const cpm = computeCpm(
    graph.nodes.map((n) => ({ id: n.id, duration: durations.get(n.id)!.mode })),
    deps.map((e) => ({ source: e.sourceId, target: e.targetId, lag: lags.get(e.id)!.mode })),
    loops.map((e) => ({ source: e.sourceId, target: e.targetId, frequency: e.frequency })),
  );
  const flow = flowOf({
    steps: graph.nodes.map((n) => ({
      id: n.id,
      duration: durations.get(n.id)!.mode,
      stageId: n.stageId,
      departmentId: n.departmentId,
      external: n.external,
      pca: n.pca,
    })),
    links: deps.map((e) => ({ id: e.id, source: e.sourceId, target: e.targetId, lag: lags.get(e.id)!.mode })),
    loops: loops.map((e) => e.frequency),
    stages: graph.stages,
    departments: graph.departments,
    times: cpm.nodes,
    criticalPath: cpm.criticalPath,
    reworkMinutes: cpm.reworkMinutes,
  });
  const simulation =
    graph.nodes.length === 0
      ? null
      : simulate(
          {
            nodes: graph.nodes.map((n) => ({ id: n.id, duration: durations.get(n.id)! })),
            edges: deps.map((e) => ({ id: e.id, source: e.sourceId, target: e.targetId, lag: lags.get(e.id)! })),
            feedback: loops.map((e) => ({ id: e.id, source: e.sourceId, target: e.targetId, frequency: e.frequency })),
          },
          { runs: COMPARE_RUNS, seed: COMPARE_SEED, distribution },
        );
  return {
    totalMinutes: flow.leadMinutes,
    processMinutes: flow.processMinutes,
    waitingMinutes: flow.waitingMinutes,
    reworkMinutes: cpm.reworkMinutes,
    flowEfficiency: flow.flowEfficiency,
    p80Minutes: simulation?.percentiles.find((p) => p.p === 80)?.minutes ?? null,
    criticalPath: cpm.criticalPath,
    durations: Object.fromEntries([...durations].map(([id, e]) => [id, e.mode])),
  };
}
