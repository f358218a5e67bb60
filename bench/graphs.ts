/** Generated benchmark graphs: nodes in topological order, edges by index. Deterministic. */
export type BenchGraph = {
  name: string;
  durations: number[];
  deps: { s: number; t: number; lag: number }[];
  feedback: { s: number; t: number; frequency: number }[];
};

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function chain(n: number): BenchGraph {
  const random = rng(1);
  return {
    name: `chain ${n}`,
    durations: Array.from({ length: n }, () => 1 + Math.floor(random() * 120)),
    deps: Array.from({ length: n - 1 }, (_, i) => ({ s: i, t: i + 1, lag: i % 10 === 0 ? 30 : 0 })),
    feedback: [],
  };
}

/** `layers` x `width`, each node feeding `out` nodes of the next layer; one source layer. */
export function layered(layers: number, width: number, out: number): BenchGraph {
  const random = rng(2);
  const deps: BenchGraph["deps"] = [];
  for (let layer = 0; layer < layers - 1; layer++) {
    for (let k = 0; k < width; k++) {
      const targets = new Set<number>();
      while (targets.size < out) targets.add(Math.floor(random() * width));
      for (const t of targets) deps.push({ s: layer * width + k, t: (layer + 1) * width + t, lag: random() < 0.1 ? 60 : 0 });
    }
  }
  return {
    name: `layered ${layers}x${width}`,
    durations: Array.from({ length: layers * width }, () => 1 + Math.floor(random() * 480)),
    deps,
    feedback: [],
  };
}

/** Random DAG with about `sourceShare` of its nodes as sources, scattered at every depth. */
export function scattered(n: number, edgeCount: number, sourceShare: number): BenchGraph {
  const random = rng(3);
  const isSource = Array.from({ length: n }, (_, i) => i === 0 || random() < sourceShare);
  const seen = new Set<string>();
  const deps: BenchGraph["deps"] = [];
  const add = (s: number, t: number) => {
    const key = `${s}>${t}`;
    if (s === t || seen.has(key) || isSource[t]) return;
    seen.add(key);
    deps.push({ s, t, lag: random() < 0.2 ? 15 * Math.floor(random() * 8) : 0 });
  };
  // Local spans keep the graph deep, so waves from sources at different depths overlap.
  const pick = (t: number) => Math.max(0, t - 1 - Math.floor(random() * Math.min(t, 300)));
  for (let t = 1; t < n; t++) add(pick(t), t);
  while (deps.length < edgeCount) {
    const t = 1 + Math.floor(random() * (n - 1));
    add(pick(t), t);
  }
  return { name: `random ${n}/${edgeCount}`, durations: Array.from({ length: n }, () => Math.floor(random() * 240)), deps, feedback: [] };
}

/** A 500-step process: 25 stages of 20 steps, sparse hand-offs with lags, rework loops. */
export function realistic(): BenchGraph {
  const random = rng(4);
  const stages = 25;
  const width = 20;
  const deps: BenchGraph["deps"] = [];
  for (let stage = 1; stage < stages; stage++) {
    for (let k = 0; k < width; k++) {
      const t = stage * width + k;
      const fanIn = 1 + Math.floor(random() * 3);
      const sources = new Set<number>();
      while (sources.size < fanIn) sources.add((stage - 1) * width + Math.floor(random() * width));
      for (const s of sources) deps.push({ s, t, lag: random() < 0.25 ? [60, 240, 1440][Math.floor(random() * 3)]! : 0 });
    }
  }
  const feedback = Array.from({ length: 12 }, () => {
    const t = Math.floor(random() * 400);
    return { s: t + 20 + Math.floor(random() * 60), t, frequency: 0.1 + Math.round(random() * 5) / 10 };
  });
  return {
    name: "realistic 500",
    durations: Array.from({ length: stages * width }, () => [15, 30, 60, 120, 240, 480, 1440][Math.floor(random() * 7)]!),
    deps,
    feedback,
  };
}
