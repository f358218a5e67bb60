import { describe, expect, it } from "vitest";
import { computeCpm, CycleError as CpmCycleError } from "./cpm";
import {
  CycleError,
  normalDraws,
  probabilityWithin,
  simulate,
  type Estimate,
  type SimulationInput,
  type SimulationOptions,
} from "./simulate";

/**
 * Statistical checks against closed forms. The seeds are fixed, so every test is
 * deterministic; the tolerances are derived from the sampling error for the number of runs so
 * that a pass says the engine is right, not that it was tuned to one seed:
 *   a mean of n runs has standard error sd / sqrt(n), and a standard deviation about
 *   sd * sqrt((kurtosis - 1) / (4n)) (kurtosis 3, normal, is an upper bound for the sums of
 *   triangular and beta steps used here, which are flatter). We allow 4 standard errors (a
 *   normal statistic strays that far once in 16,000), plus 0.005 for the rounding of
 *   reported minutes to 2 decimals and 0.0005 for shares rounded to 3.
 */
const RUNS = 20_000;
const Z = 4;
const MINUTES = 0.005;
const SHARE = 0.0005;

const est = (low: number, mode: number, high: number): Estimate => ({ low, mode, high });
const fixed = (minutes: number) => est(minutes, minutes, minutes);
const triMean = ({ low: a, mode: m, high: b }: Estimate) => (a + m + b) / 3;
const triVariance = ({ low: a, mode: m, high: b }: Estimate) => (a * a + b * b + m * m - a * m - a * b - b * m) / 18;
const pertMean = ({ low: a, mode: m, high: b }: Estimate) => (a + 4 * m + b) / 6;
/** Beta(alpha, beta) on [a, b] with alpha + beta = 6 has variance (mean - a)(b - mean) / 7. */
const pertVariance = (e: Estimate) => ((pertMean(e) - e.low) * (e.high - pertMean(e))) / 7;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function expectNear(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance);
}

/** s0 -> s1 -> ... with the given durations and lags. */
function chain(durations: Estimate[], lags: Estimate[] = []): SimulationInput {
  return {
    nodes: durations.map((duration, i) => ({ id: `s${i}`, duration })),
    edges: durations.slice(1).map((_, i) => ({ id: `e${i}`, source: `s${i}`, target: `s${i + 1}`, lag: lags[i] ?? fixed(0) })),
    feedback: [],
  };
}

/** a -> b1 -> z and a -> b2 -> z, with a and z taking no time. */
function diamond(b1: Estimate, b2: Estimate): SimulationInput {
  return {
    nodes: [
      { id: "a", duration: fixed(0) },
      { id: "b1", duration: b1 },
      { id: "b2", duration: b2 },
      { id: "z", duration: fixed(0) },
    ],
    edges: [
      { id: "a-b1", source: "a", target: "b1", lag: fixed(0) },
      { id: "a-b2", source: "a", target: "b2", lag: fixed(0) },
      { id: "b1-z", source: "b1", target: "z", lag: fixed(0) },
      { id: "b2-z", source: "b2", target: "z", lag: fixed(0) },
    ],
    feedback: [],
  };
}

const triangular = (runs = RUNS, seed = 1): SimulationOptions => ({ runs, seed, distribution: "TRIANGULAR" });
const pert = (runs = RUNS, seed = 1): SimulationOptions => ({ runs, seed, distribution: "PERT" });

/** ∫ f over [from, to] by the midpoint rule; the integrands here are smooth enough for 1e-8. */
function integrate(f: (x: number) => number, from: number, to: number, steps = 200_000) {
  const h = (to - from) / steps;
  let total = 0;
  for (let i = 0; i < steps; i++) total += f(from + (i + 0.5) * h);
  return total * h;
}

function triangularCdf({ low: a, mode: m, high: b }: Estimate, x: number) {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x < m ? ((x - a) * (x - a)) / ((b - a) * (m - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - m));
}

describe("simulate: closed forms", () => {
  it("a chain of triangular steps and lags: mean and variance are the sums", () => {
    const steps = [est(10, 20, 60), est(0, 0, 30), est(100, 150, 160), est(5, 40, 40), est(30, 60, 240)];
    const lags = [est(0, 10, 20), fixed(15), est(60, 60, 120), fixed(0)];
    const result = simulate(chain(steps, lags), triangular());
    const mean = sum([...steps, ...lags].map(triMean));
    const sd = Math.sqrt(sum([...steps, ...lags].map(triVariance)));
    expectNear(result.mean, mean, (Z * sd) / Math.sqrt(RUNS) + MINUTES);
    expectNear(result.sd, sd, Z * sd * Math.sqrt(2 / (4 * RUNS)) + MINUTES);
  });

  it("a PERT chain: mean (a + 4m + b) / 6 and variance (mean - a)(b - mean) / 7 per step", () => {
    const steps = [est(10, 20, 60), est(0, 0, 30), est(100, 150, 160), est(5, 40, 40), est(30, 60, 240)];
    const result = simulate(chain(steps), pert());
    const mean = sum(steps.map(pertMean));
    const sd = Math.sqrt(sum(steps.map(pertVariance)));
    expectNear(result.mean, mean, (Z * sd) / Math.sqrt(RUNS) + MINUTES);
    expectNear(result.sd, sd, Z * sd * Math.sqrt(2 / (4 * RUNS)) + MINUTES);
  });

  it("draws the exact distribution of a step (Kolmogorov–Smirnov bound on the quantiles)", () => {
    // P(sup |F_n - F| > c / sqrt(n)) ~ 2 exp(-2c²): c = 2 gives 7e-4; interpolating between
    // order statistics adds at most 1/n. The range is wide so that 2-decimal rounding is nothing.
    const step = est(0, 250, 1000);
    const bound = 2 / Math.sqrt(RUNS) + 1 / RUNS;
    // Beta(alpha, beta) on [0, 1000], its CDF by integration on a grid.
    const alpha = 1 + (4 * 250) / 1000;
    const beta = 1 + (4 * 750) / 1000;
    const grid = 100_000;
    const density = Array.from({ length: grid }, (_, i) => ((i + 0.5) / grid) ** (alpha - 1) * (1 - (i + 0.5) / grid) ** (beta - 1));
    const cumulative = [0];
    for (const d of density) cumulative.push(cumulative[cumulative.length - 1]! + d);
    const betaCdf = (x: number) => cumulative[Math.round((x / 1000) * grid)]! / cumulative[grid]!;

    for (const [options, cdf] of [
      [pert(), betaCdf],
      [triangular(), (x: number) => triangularCdf(step, x)],
    ] as const) {
      const { quantiles } = simulate(chain([step]), options);
      for (let i = 1; i < 100; i++) expectNear(cdf(quantiles[i]!), i / 100, bound);
    }
  });

  it("two identical parallel steps: the total is the max of two draws, each branch critical half the time", () => {
    const branch = est(10, 40, 100);
    const result = simulate(diamond(branch, branch), triangular());
    // P(max > x) = 1 - F(x)², so E[max] = a + ∫ (1 - F²) and E[max²] = a² + ∫ 2x (1 - F²).
    const survival = (x: number) => 1 - triangularCdf(branch, x) ** 2;
    const mean = branch.low + integrate(survival, branch.low, branch.high);
    const sd = Math.sqrt(branch.low ** 2 + integrate((x) => 2 * x * survival(x), branch.low, branch.high) - mean * mean);
    expectNear(result.mean, mean, (Z * sd) / Math.sqrt(RUNS) + MINUTES);

    const share = Z * Math.sqrt(0.25 / RUNS) + SHARE;
    const { nodes, edges } = result.criticality;
    expectNear(nodes.b1!, 0.5, share);
    expectNear(nodes.b2!, 0.5, share);
    expectNear(nodes.b1! + nodes.b2!, 1, 2 * SHARE); // ties have probability 0
    expect([nodes.a, nodes.z]).toEqual([1, 1]);
    expect(edges["a-b1"]).toBe(nodes.b1);
    expect(edges["b1-z"]).toBe(nodes.b1);
    expect(edges["b2-z"]).toBe(nodes.b2);
  });

  it("a step that is never critical has 0, one that always is has 1 (zeros are kept)", () => {
    const result = simulate(diamond(est(100, 150, 200), est(1, 5, 10)), pert(2000));
    expect(result.criticality.nodes).toEqual({ a: 1, b1: 1, b2: 0, z: 1 });
    expect(result.criticality.edges).toEqual({ "a-b1": 1, "a-b2": 0, "b1-z": 1, "b2-z": 0 });
  });
});

/** Milwaukee Paper (Heizer & Render), as in cpm.test.ts, with lags on two dependencies. */
const milwaukee = {
  nodes: Object.entries({ A: 2, B: 3, C: 2, D: 4, E: 4, F: 3, G: 5, H: 2 }).map(([id, d]) => ({ id, duration: d * 60 })),
  deps: (
    [
      ["A", "C", 0],
      ["A", "D", 30],
      ["B", "D", 0],
      ["C", "E", 0],
      ["C", "F", 0],
      ["D", "G", 0],
      ["E", "G", 0],
      ["F", "H", 90],
      ["G", "H", 0],
    ] as const
  ).map(([source, target, lag]) => ({ id: `${source}${target}`, source, target, lag })),
};

/** A seeded random DAG with small integer durations: many ties, so several critical paths. */
function randomDag(n: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${String(i).padStart(3, "0")}`, duration: Math.floor(random() * 4) * 30 }));
  const deps: { id: string; source: string; target: string; lag: number }[] = [];
  for (let t = 1; t < n; t++) {
    for (let k = 0; k < 3; k++) {
      const s = Math.floor(random() * t);
      if (!deps.some((d) => d.source === nodes[s]!.id && d.target === nodes[t]!.id)) {
        deps.push({ id: `d${deps.length}`, source: nodes[s]!.id, target: nodes[t]!.id, lag: random() < 0.2 ? 15 : 0 });
      }
    }
  }
  return { nodes, deps };
}

describe("simulate: fixed estimates reproduce computeCpm", () => {
  for (const [name, graph] of [
    ["Milwaukee Paper", milwaukee],
    ["a random DAG with ties", randomDag(80, 7)],
  ] as const) {
    it(name, () => {
      const cpm = computeCpm(graph.nodes, graph.deps);
      const input: SimulationInput = {
        nodes: graph.nodes.map((n) => ({ id: n.id, duration: fixed(n.duration) })),
        edges: graph.deps.map((d) => ({ ...d, lag: fixed(d.lag) })),
        feedback: [],
      };
      const result = simulate(input, pert(200));
      const total = cpm.criticalPathMinutes;
      expect(result).toMatchObject({ mean: total, sd: 0, min: total, max: total, sensitivity: [] });
      for (const p of result.percentiles) expect(p).toMatchObject({ minutes: total, low: total, high: total });
      expect(new Set(result.quantiles)).toEqual(new Set([total]));
      expect(result.histogram).toEqual([{ from: total, to: total, count: 200 }]);

      const times = new Map(cpm.nodes.map((t) => [t.id, t]));
      expect(result.criticality.nodes).toEqual(Object.fromEntries(cpm.nodes.map((t) => [t.id, t.critical ? 1 : 0])));
      const tight = (d: (typeof graph.deps)[number]) => {
        const [s, t] = [times.get(d.source)!, times.get(d.target)!];
        return s.critical && t.critical && s.ef + d.lag === t.es;
      };
      expect(result.criticality.edges).toEqual(Object.fromEntries(graph.deps.map((d) => [d.id, tight(d) ? 1 : 0])));
    });
  }
});

describe("simulate: rework", () => {
  it("a step with a loop of frequency f: mean d (1 + f), sd d sqrt(f), P(no loop) = exp(-f)", () => {
    const [d, f] = [100, 0.7];
    const input: SimulationInput = {
      nodes: [{ id: "s", duration: fixed(d) }],
      edges: [],
      feedback: [{ id: "again", source: "s", target: "s", frequency: f }],
    };
    const result = simulate(input, triangular());
    // T = d (1 + k), k ~ Poisson(f): Var T = d² f; Var s² ~ d⁴ (f + 2f²) / n (Poisson moments).
    const sd = d * Math.sqrt(f);
    expectNear(result.mean, d * (1 + f), (Z * sd) / Math.sqrt(RUNS) + MINUTES);
    expectNear(result.sd, sd, (Z * d * d * Math.sqrt((f + 2 * f * f) / RUNS)) / (2 * sd) + MINUTES);
    // Totals are d, 2d, ...: the quantiles step from d at 1% resolution.
    const none = Math.exp(-f);
    expectNear(probabilityWithin(result, d), none, Z * Math.sqrt((none * (1 - none)) / RUNS) + 0.01);
  });

  it("matches computeCpm's rework (frequency times the loop's span) on average", () => {
    const nodes = [
      { id: "build", duration: 100 },
      { id: "test", duration: 50 },
    ];
    const cpm = computeCpm(nodes, [{ source: "build", target: "test", lag: 0 }], [{ source: "test", target: "build", frequency: 0.5 }]);
    const result = simulate(
      {
        nodes: nodes.map((n) => ({ id: n.id, duration: fixed(n.duration) })),
        edges: [{ id: "bt", source: "build", target: "test", lag: fixed(0) }],
        feedback: [{ id: "tb", source: "test", target: "build", frequency: 0.5 }],
      },
      pert(),
    );
    const sd = 150 * Math.sqrt(0.5);
    expectNear(result.mean, cpm.criticalPathMinutes + cpm.reworkMinutes, (Z * sd) / Math.sqrt(RUNS) + MINUTES);
  });

  it("draws large frequencies in parts (exp(-800) would underflow)", () => {
    const input: SimulationInput = {
      nodes: [{ id: "s", duration: fixed(1) }],
      edges: [],
      feedback: [{ id: "f", source: "s", target: "s", frequency: 800 }],
    };
    const result = simulate(input, pert(2000));
    expectNear(result.mean, 801, (Z * Math.sqrt(800)) / Math.sqrt(2000) + MINUTES);
    expectNear(result.sd, Math.sqrt(800), Z * Math.sqrt(800) * Math.sqrt(2 / (4 * 2000)) + MINUTES);
  });
});

describe("simulate: results", () => {
  const input = chain([est(10, 20, 60), est(0, 0, 30), est(100, 150, 160)], [est(0, 10, 20), fixed(15)]);

  it("is bit-identical for the same input, seed and runs, whatever the order of the arrays", () => {
    const result = simulate(input, pert(3000, 42));
    expect(simulate(input, pert(3000, 42))).toEqual(result);
    const shuffled: SimulationInput = { nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse(), feedback: [] };
    expect(simulate(shuffled, pert(3000, 42))).toEqual(result);
    expect(simulate({ ...input, order: ["s0", "s1", "s2"] }, pert(3000, 42))).toEqual(result);
    // A hint that is not a topological order is ignored.
    expect(simulate({ ...input, order: ["s2", "s1", "s0"] }, pert(3000, 42))).toEqual(result);
    expect(simulate(input, pert(3000, 43)).mean).not.toBe(result.mean);
    expect(simulate(input, triangular(3000, 42)).mean).not.toBe(result.mean);
  });

  it("does not depend on which topological order is used", () => {
    const graph = diamond(est(1, 2, 9), est(2, 3, 4));
    const results = [["a", "b1", "b2", "z"], ["a", "b2", "b1", "z"], undefined].map((order) =>
      simulate({ ...graph, order }, pert(2000, 5)),
    );
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("quantiles, percentiles, histogram and probabilityWithin agree", () => {
    const result = simulate(input, triangular(5000));
    const { quantiles, percentiles, histogram, min, max } = result;
    expect(quantiles).toHaveLength(101);
    expect([quantiles[0], quantiles[100]]).toEqual([min, max]);
    for (let i = 1; i < quantiles.length; i++) expect(quantiles[i]!).toBeGreaterThanOrEqual(quantiles[i - 1]!);
    expect(percentiles.map((p) => p.p)).toEqual([10, 50, 80, 95]);
    for (const p of percentiles) {
      expect(p.minutes).toBe(quantiles[p.p]);
      expect(p.low).toBeLessThanOrEqual(p.minutes);
      expect(p.high).toBeGreaterThanOrEqual(p.minutes);
      expectNear(probabilityWithin(result, p.minutes), p.p / 100, 1e-9);
    }

    expect(histogram).toHaveLength(30);
    expect(sum(histogram.map((b) => b.count))).toBe(5000);
    expect([histogram[0]!.from, histogram[29]!.to]).toEqual([min, max]);
    for (let i = 1; i < histogram.length; i++) expect(histogram[i]!.from).toBe(histogram[i - 1]!.to);
    expect(simulate(input, { ...triangular(5000), bins: 12 }).histogram).toHaveLength(12);

    expect(probabilityWithin(result, min - 1)).toBe(0);
    expect(probabilityWithin(result, max)).toBe(1);
    expect(probabilityWithin(result, max + 1)).toBe(1);
    let previous = 0;
    for (let x = min - 10; x <= max + 10; x += (max - min) / 500) {
      const p = probabilityWithin(result, x);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });

  it("percentile intervals cover the true percentile at least ~95% of the time", () => {
    // One triangular step, whose percentiles are known: F⁻¹(p). Over 200 seeds the share of
    // intervals that cover has standard error ~1.5%; exact binomial ranks give >= 95%.
    const step = est(0, 300, 1000);
    const inverse = (p: number) => (p < 0.3 ? Math.sqrt(p * 1000 * 300) : 1000 - Math.sqrt((1 - p) * 1000 * 700));
    const covered = { 50: 0, 95: 0 };
    const seeds = 200;
    for (let seed = 1; seed <= seeds; seed++) {
      const { percentiles } = simulate(chain([step]), triangular(400, seed));
      for (const p of [50, 95] as const) {
        const { low, high } = percentiles.find((x) => x.p === p)!;
        if (low <= inverse(p / 100) && inverse(p / 100) <= high) covered[p]++;
      }
    }
    expect(covered[50] / seeds).toBeGreaterThanOrEqual(0.9);
    expect(covered[95] / seeds).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks by sensitivity: the one wide step first, with correlation sd(step) / sd(total)", () => {
    const narrow = est(90, 100, 110);
    const wide = est(0, 500, 1000);
    const steps = [narrow, narrow, wide, fixed(60), narrow, narrow];
    const result = simulate(chain(steps), triangular());
    const sdTotal = Math.sqrt(sum(steps.map(triVariance)));
    // Independent steps: corr(X_i, ΣX) = sd_i / sd_total; its standard error ~ (1 - rho²) / sqrt(n).
    const rho = Math.sqrt(triVariance(wide)) / sdTotal;
    expect(result.sensitivity[0]!.nodeId).toBe("s2");
    expectNear(result.sensitivity[0]!.correlation, rho, (Z * (1 - rho * rho)) / Math.sqrt(RUNS) + SHARE);
    expect(result.sensitivity.map((s) => s.nodeId)).not.toContain("s3"); // fixed: no variance
    expect(result.sensitivity).toHaveLength(5);
    const small = Math.sqrt(triVariance(narrow)) / sdTotal;
    for (const s of result.sensitivity.slice(1)) expectNear(s.correlation, small, Z / Math.sqrt(RUNS) + SHARE);
  });

  it("handles one run and an empty graph", () => {
    const one = simulate(input, pert(1));
    expect(one).toMatchObject({ runs: 1, sd: 0, sensitivity: [] });
    expect(one.percentiles.every((p) => p.low === one.min && p.high === one.max)).toBe(true);
    const empty = simulate({ nodes: [], edges: [], feedback: [] }, pert(10));
    expect(empty).toMatchObject({ mean: 0, sd: 0, min: 0, max: 0, criticality: { nodes: {}, edges: {} }, sensitivity: [] });
  });
});

describe("simulate: validation", () => {
  const good = chain([est(1, 2, 3), est(1, 2, 3)]);
  const cases: [string, SimulationInput, Partial<SimulationOptions>, RegExp][] = [
    ["zero runs", good, { runs: 0 }, /runs must be an integer from 1 to 100000/],
    ["fractional runs", good, { runs: 1.5 }, /runs must be an integer/],
    ["too many runs", good, { runs: 100_001 }, /runs must be an integer/],
    ["a non-integer seed", good, { seed: 0.5 }, /seed must be an integer/],
    ["an unknown distribution", good, { distribution: "NORMAL" as string as "PERT" }, /distribution must be PERT or TRIANGULAR/],
    ["bins", good, { bins: 0 }, /bins must be an integer/],
    ["low above mode", chain([est(3, 2, 4)]), {}, /Step "s0" duration: the estimate must satisfy 0 <= low <= mode <= high/],
    ["mode above high", chain([est(1, 5, 4)]), {}, /0 <= low <= mode <= high/],
    ["a negative low", chain([est(-1, 0, 4)]), {}, /0 <= low <= mode <= high/],
    ["NaN", chain([est(1, Number.NaN, 4)]), {}, /must be finite/],
    ["Infinity", chain([est(1, 2, Number.POSITIVE_INFINITY)]), {}, /must be finite/],
    ["a bad lag", chain([fixed(1), fixed(1)], [est(5, 1, 1)]), {}, /Dependency "e0" lag/],
    [
      "a negative frequency",
      { ...good, feedback: [{ id: "f", source: "s1", target: "s0", frequency: -1 }] },
      {},
      /Rework loop "f": frequency must be from 0 to 1000/,
    ],
    [
      "a frequency over 1000",
      { ...good, feedback: [{ id: "f", source: "s1", target: "s0", frequency: 1001 }] },
      {},
      /frequency must be from 0 to 1000/,
    ],
    [
      "an unknown step",
      { ...good, edges: [{ id: "x", source: "s0", target: "nope", lag: fixed(0) }] },
      {},
      /Dependency "x" refers to an unknown step "nope"/,
    ],
    ["a duplicate step", { ...good, nodes: [...good.nodes, good.nodes[0]!] }, {}, /Duplicate step id "s0"/],
  ];
  for (const [name, input, options, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => simulate(input, { ...pert(10), ...options })).toThrow(message);
    });
  }

  it("rejects a cycle among dependencies with computeCpm's CycleError, naming the steps", () => {
    const input: SimulationInput = {
      ...chain([fixed(1), fixed(1), fixed(1)]),
      edges: [
        { id: "ab", source: "s0", target: "s1", lag: fixed(0) },
        { id: "bc", source: "s1", target: "s2", lag: fixed(0) },
        { id: "cb", source: "s2", target: "s1", lag: fixed(0) },
      ],
    };
    expect(CycleError).toBe(CpmCycleError);
    expect(() => simulate(input, pert(10))).toThrow(CycleError);
    try {
      simulate(input, pert(10));
    } catch (error) {
      expect((error as CycleError).nodeIds).toEqual(["s1", "s2"]);
    }
  });

  it("rejects NaN in probabilityWithin", () => {
    expect(() => probabilityWithin({ quantiles: [1, 2], min: 1, max: 2 }, Number.NaN)).toThrow(/minutes must be a number/);
  });
});

describe("the normal sampler", () => {
  it("matches the standard normal: moments, the CDF within a Kolmogorov–Smirnov bound, and the tails", () => {
    const n = 1_000_000;
    const draws = normalDraws(3, n);
    let [s1, s2] = [0, 0];
    for (const x of draws) {
      s1 += x;
      s2 += x * x;
    }
    expectNear(s1 / n, 0, Z / Math.sqrt(n));
    expectNear(s2 / n - (s1 / n) ** 2, 1, Z * Math.sqrt(2 / n));

    // Φ on a grid by integrating the density; the empirical CDF within 2 / sqrt(n) of it
    // (a false alarm 7e-4), at 161 points across [-4, 4].
    const sorted = draws.slice().sort();
    const below = (x: number) => {
      let [lo, hi] = [0, n];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo / n;
    };
    const phi = (x: number) =>
      0.5 + Math.sign(x) * integrate((t) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI), 0, Math.abs(x), 20_000);
    for (let x = -4; x <= 4.0001; x += 0.05) expectNear(below(x), phi(x), 2 / Math.sqrt(n));

    // Beyond the ziggurat's base R = 3.4426 the tail method takes over; a count there is about Poisson.
    for (const r of [3.4426, 4]) {
      const expected = 2 * (1 - phi(r)) * n;
      expectNear(below(-r) * n + (1 - below(r)) * n, expected, Z * Math.sqrt(expected));
    }
  });
});
