/**
 * Monte Carlo schedule simulation: the critical path method of cpm.ts run many times with
 * durations and lags drawn from three-point estimates, so the answer to "when are we done"
 * is a distribution (P80, probability to finish within X) instead of one figure built from
 * the most likely values, which is optimistic wherever paths merge.
 *
 * One run is an O(V + E) pass over typed arrays and allocates nothing:
 *   1. draw the variable durations and lags (an estimate with low = high keeps its value);
 *   2. forward pass in topological order: ES, EF and the makespan = max EF, as computeCpm;
 *   3. rework: each FEEDBACK_TO loop repeats k ~ Poisson(frequency) times in the run and adds
 *      k * max(0, EF(source) - ES(target)) of that run. computeCpm adds frequency * span,
 *      which is this with k fixed at its mean; total = makespan + rework. As in computeCpm,
 *      rework is time added on top and moves no ES/EF, so it does not change criticality;
 *   4. backward pass from the makespan: LS and LF. A node is critical in the run when its
 *      slack is 0; a dependency when both ends are critical and it is tight: EF(s) + lag = ES(t).
 * Across runs only the totals and running sums are kept (criticality hits, and Σx, Σx², Σx·T
 * per variable step for the sensitivity): memory is O(runs + V + E).
 *
 * Sampling: xoshiro128** seeded by splitmix32; PERT-beta as a ratio of two Marsaglia–Tsang
 * gamma draws over ziggurat normals; triangular by its inverse CDF; Poisson by inversion.
 *
 * With working calendars (`start` given) the run is dated: times are elapsed minutes after the
 * start, a step's duration is working time in its calendar and a wait elapsed time unless it is
 * marked as working time (then in the target's calendar), as in the planned dates
 * (schedule.ts); each calendar becomes a CalendarAxis, so advancing work is a binary search.
 * Criticality is then the chain of tight links back from the steps that finish last
 * (simulate-dated.ts), which is what zero slack means without calendars.
 *
 * Deterministic: steps, dependencies and loops are sorted by id and drawn in that order, so
 * the same input in any array order (and any topological order) with the same seed and runs
 * gives a bit-identical result (on one JavaScript engine: Math.log and Math.exp are not
 * specified to the last bit, though V8 computes them the same on every platform).
 */
import type { WorkingCalendar } from "~/domain/calendar";
import { CalendarAxis } from "~/domain/calendar-axis";
import { round2 } from "~/domain/numbers";
import { CycleError } from "./cpm";
import { criticalDated, forwardDated } from "./simulate-dated";
import { RELATIVE_EPSILON, type Draws, type Loops, type Model, type Sums, type Times } from "./simulate-model";

export { CycleError };

export type Estimate = { low: number; mode: number; high: number }; // minutes, low <= mode <= high; all equal = fixed value
/** `calendar`: where the run is dated (input.start), the working calendar of the step's duration; none is continuous time. */
export type SimNode = { id: string; duration: Estimate; calendar?: WorkingCalendar | null };
/** A dependency (REQUIRES/BLOCKS); `working`: where the run is dated, its lag is working time in the target's calendar. */
export type SimEdge = { id: string; source: string; target: string; lag: Estimate; working?: boolean };
export type SimFeedback = { id: string; source: string; target: string; frequency: number }; // rework loop, frequency = mean number of loops per run
export type Distribution = "PERT" | "TRIANGULAR";

export type SimulationInput = {
  nodes: SimNode[];
  edges: SimEdge[];
  feedback: SimFeedback[];
  /** A topological order of the node ids if the caller has one; one that is not is ignored. */
  order?: string[];
  /** Date the runs from this instant (UTC milliseconds) in the steps' working calendars. */
  start?: number;
};

/** runs: 1..100,000; seed: any safe integer; bins: of the histogram, 1..1000, 30 by default. */
export type SimulationOptions = { runs: number; seed: number; distribution: Distribution; bins?: number };

export type SimulationPercentile = {
  p: number;
  minutes: number;
  /** 95% confidence interval of the percentile from order statistics (see percentileInterval). */
  low: number;
  high: number;
};

export type SimulationResult = {
  runs: number;
  seed: number;
  distribution: Distribution;
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentiles: SimulationPercentile[];
  histogram: { from: number; to: number; count: number }[];
  /** The sorted totals at 0%, 1%, ..., 100% (linear interpolation between ranks). */
  quantiles: number[];
  /** Share of runs (0..1, 3 decimals) on the critical path; every node and dependency is listed, 0 = never critical. */
  criticality: { nodes: Record<string, number>; edges: Record<string, number> };
  /** Top 10 steps by |Pearson correlation| of their drawn duration with the run's total; steps without variance are left out. */
  sensitivity: { nodeId: string; correlation: number }[];
};

export const SIMULATION_PERCENTILES = [10, 50, 80, 95] as const;
export const MAX_SIMULATION_RUNS = 100_000;
/** As the edge schema allows (src/domain/operations.ts). */
const MAX_FREQUENCY = 1000;
const DEFAULT_BINS = 30;
const MAX_BINS = 1000;
const QUANTILE_POINTS = 101;
const TOP_SENSITIVITY = 10;

export function simulate(input: SimulationInput, options: SimulationOptions): SimulationResult {
  const bins = checkOptions(options);
  const model = compile(input);
  const sums = run(model, options);
  return summarize(model, sums, options, bins);
}

/** P(total <= minutes): 0 below the min, 1 from the max, linear between the stored quantiles. */
export function probabilityWithin(result: Pick<SimulationResult, "quantiles" | "min" | "max">, minutes: number): number {
  if (Number.isNaN(minutes)) throw new Error("minutes must be a number");
  const q = result.quantiles;
  if (minutes < result.min || q.length === 0 || minutes < q[0]!) return 0;
  if (minutes >= result.max || q.length === 1) return 1;
  const last = q.length - 1;
  if (minutes >= q[last]!) return 1;
  // The last point at or below `minutes`: on a plateau of equal totals, all of it is within.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (q[mid]! <= minutes) lo = mid;
    else hi = mid;
  }
  return (lo + (minutes - q[lo]!) / (q[hi]! - q[lo]!)) / last;
}

// ---------------------------------------------------------------------------------------------
// Input: validated, sorted by id, laid out as compressed adjacency in topological positions
// (the Model, simulate-model.ts).

/** Poisson(frequency) is drawn in parts of at most this mean (see Loops). */
const POISSON_CHUNK = 500;

function checkOptions(options: SimulationOptions): number {
  const { runs, seed, distribution, bins = DEFAULT_BINS } = options;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_SIMULATION_RUNS) {
    throw new Error(`runs must be an integer from 1 to ${MAX_SIMULATION_RUNS} (got ${runs})`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer (got ${seed})`);
  if (distribution !== "PERT" && distribution !== "TRIANGULAR") {
    throw new Error(`distribution must be PERT or TRIANGULAR (got ${String(distribution)})`);
  }
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS)
    throw new Error(`bins must be an integer from 1 to ${MAX_BINS} (got ${bins})`);
  return bins;
}

function checkEstimate(e: Estimate, what: string) {
  const { low, mode, high } = e;
  if (![low, mode, high].every(Number.isFinite))
    throw new Error(`${what}: the estimate must be finite numbers (got ${low}, ${mode}, ${high})`);
  if (!(low >= 0 && low <= mode && mode <= high)) {
    throw new Error(`${what}: the estimate must satisfy 0 <= low <= mode <= high (got ${low}, ${mode}, ${high})`);
  }
}

/** Sorted by id (code units, not locale, so the order never depends on the machine), ids unique. */
function sortById<T extends { id: string }>(items: T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`Duplicate ${what} id "${sorted[i]!.id}"`);
  }
  return sorted;
}

function endpoint(index: Map<string, number>, id: string, what: string): number {
  const i = index.get(id);
  if (i === undefined) throw new Error(`${what} refers to an unknown step "${id}"`);
  return i;
}

function compile(input: SimulationInput): Model {
  const nodes = sortById(input.nodes, "step");
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    checkEstimate(n.duration, `Step "${n.id}" duration`);
    index.set(n.id, i);
  });
  const edges = sortById(input.edges, "dependency");
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    checkEstimate(e.lag, `Dependency "${e.id}" lag`);
    source[k] = endpoint(index, e.source, `Dependency "${e.id}"`);
    target[k] = endpoint(index, e.target, `Dependency "${e.id}"`);
  });
  const feedback = sortById(input.feedback, "rework loop");
  for (const f of feedback) {
    if (!Number.isFinite(f.frequency) || f.frequency < 0 || f.frequency > MAX_FREQUENCY) {
      throw new Error(`Rework loop "${f.id}": frequency must be from 0 to ${MAX_FREQUENCY} (got ${f.frequency})`);
    }
    endpoint(index, f.source, `Rework loop "${f.id}"`);
    endpoint(index, f.target, `Rework loop "${f.id}"`);
  }

  const n = nodes.length;
  const order = (input.order && hintedOrder(input.order, index, source, target)) || kahn(nodes, source, target);
  const positionOf = new Int32Array(n);
  order.forEach((i, p) => (positionOf[i] = p));
  const sourcePos = source.map((i) => positionOf[i]!);
  const targetPos = target.map((i) => positionOf[i]!);

  const incoming = rows(n, targetPos);
  const slotOf = new Int32Array(edges.length);
  incoming.items.forEach((k, slot) => (slotOf[k] = slot));
  const inSource = incoming.items.map((k) => sourcePos[k]!);

  const duration = new Float64Array(n);
  const lag = new Float64Array(edges.length);
  const durationItems = nodes.map((node, i) => ({ slot: positionOf[i]!, estimate: node.duration }));
  const lagItems = edges.map((edge, k) => ({ slot: slotOf[k]!, estimate: edge.lag }));
  // The modes: the fixed values stay, the others are drawn over in every run.
  nodes.forEach((node, i) => (duration[positionOf[i]!] = node.duration.mode));
  edges.forEach((edge, k) => (lag[slotOf[k]!] = edge.lag.mode));
  const durationDraws = draws(durationItems);

  const live = feedback.filter((f) => f.frequency > 0);
  const chunks = Int32Array.from(live, (f) => Math.ceil(f.frequency / POISSON_CHUNK));
  const mean = Float64Array.from(live, (f, j) => f.frequency / chunks[j]!);
  const loops: Loops = {
    count: live.length,
    source: Int32Array.from(live, (f) => positionOf[index.get(f.source)!]!),
    target: Int32Array.from(live, (f) => positionOf[index.get(f.target)!]!),
    chunks,
    mean,
    expNegative: mean.map((m) => Math.exp(-m)),
  };

  const idAt: string[] = new Array<string>(n);
  nodes.forEach((node, i) => (idAt[positionOf[i]!] = node.id));
  const working = new Uint8Array(edges.length);
  let axes: (CalendarAxis | null)[] | null = null;
  if (input.start !== undefined) {
    if (!Number.isFinite(input.start)) throw new Error(`start must be an instant (got ${input.start})`);
    const shared = new Map<string, CalendarAxis>();
    const axisOf = (c: WorkingCalendar | null | undefined) => {
      if (!c) return null;
      const key = JSON.stringify(c);
      if (!shared.has(key)) shared.set(key, new CalendarAxis(c, input.start!));
      return shared.get(key)!;
    };
    axes = new Array<CalendarAxis | null>(n);
    nodes.forEach((node, i) => (axes![positionOf[i]!] = axisOf(node.calendar)));
    edges.forEach((edge, k) => (working[slotOf[k]!] = edge.working ? 1 : 0));
  }
  return {
    nodeCount: n,
    idAt,
    positionOf,
    inStart: incoming.start,
    inSource,
    edgeIds: edges.map((e) => e.id),
    slotOf,
    duration,
    lag,
    durationDraws,
    lagDraws: draws(lagItems),
    loops,
    axes,
    working,
  };
}

/** The caller's order, if it lists every node once and every dependency points forward in it. */
function hintedOrder(hint: string[], index: Map<string, number>, source: Int32Array, target: Int32Array): Int32Array | null {
  if (hint.length !== index.size) return null;
  const order = new Int32Array(hint.length);
  const position = new Int32Array(hint.length).fill(-1);
  for (let p = 0; p < hint.length; p++) {
    const i = index.get(hint[p]!);
    if (i === undefined || position[i] !== -1) return null;
    position[i] = p;
    order[p] = i;
  }
  for (let k = 0; k < source.length; k++) if (position[source[k]!]! >= position[target[k]!]!) return null;
  return order;
}

function kahn(nodes: SimNode[], source: Int32Array, target: Int32Array): Int32Array {
  const n = nodes.length;
  const out = rows(n, source);
  const indegree = new Int32Array(n);
  for (const t of target) indegree[t]!++;
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let j = out.start[v]!; j < out.start[v + 1]!; j++) {
      const t = target[out.items[j]!]!;
      if (--indegree[t]! === 0) queue[tail++] = t;
    }
  }
  if (tail < n) throw new CycleError(nodes.filter((_, i) => indegree[i]! > 0).map((node) => node.id));
  return queue;
}

/** Compressed rows: the indices 0..keys.length - 1 grouped by key, each group in index order. */
function rows(count: number, keys: Int32Array): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const key of keys) start[key + 1]!++;
  for (let v = 0; v < count; v++) start[v + 1]! += start[v]!;
  const next = start.slice(0, count);
  const items = new Int32Array(keys.length);
  keys.forEach((key, k) => (items[next[key]!++] = k));
  return { start, items };
}

function draws(items: { slot: number; estimate: Estimate }[]): Draws {
  const variable = items.filter(({ estimate }) => estimate.low < estimate.high);
  const count = variable.length;
  const result: Draws = {
    count,
    slot: Int32Array.from(variable, (v) => v.slot),
    low: Float64Array.from(variable, (v) => v.estimate.low),
    span: Float64Array.from(variable, (v) => v.estimate.high - v.estimate.low),
    mode: Float64Array.from(variable, (v) => v.estimate.mode),
    cut: new Float64Array(count),
    gammaD: new Float64Array(2 * count),
    gammaC: new Float64Array(2 * count),
    gammas: new Float64Array(2 * count),
    normals: new Float64Array(2 * count),
    uniforms: new Float64Array(2 * count),
  };
  variable.forEach(({ estimate: { low, mode, high } }, i) => {
    const cut = (mode - low) / (high - low);
    result.cut[i] = cut;
    // PERT: alpha = 1 + 4(m - a)/(b - a), beta = 1 + 4(b - m)/(b - a); both >= 1, as Marsaglia–Tsang needs.
    [1 + 4 * cut, 1 + 4 * (1 - cut)].forEach((shape, h) => {
      result.gammaD[2 * i + h] = shape - 1 / 3;
      result.gammaC[2 * i + h] = 1 / Math.sqrt(9 * (shape - 1 / 3));
    });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Random numbers.

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
/** Random words made at once. */
const BLOCK = 1024;

/**
 * Ziggurat tables for the standard normal (Marsaglia & Tsang 2000): 128 layers of equal area
 * under the density. A draw picks a layer i and a point x = j * W[i] across it, and takes x at
 * once when it lies under the layer above (|j| < K[i]): ~99% of draws, for one 32-bit integer
 * and a multiply, where the polar method takes two uniforms, a log and a sqrt and rejects 21%.
 * F[i] is the density at the layer's edge, for the rare wedge test. R: where the tail starts.
 */
const ZIGGURAT_R = 3.442619855899;
const [ZIGGURAT_K, ZIGGURAT_W, ZIGGURAT_F] = (() => {
  const k = new Float64Array(128);
  const w = new Float64Array(128);
  const f = new Float64Array(128);
  const area = 9.91256303526217e-3;
  const scale = 2 ** 24;
  let x = ZIGGURAT_R;
  const q = area / Math.exp(-0.5 * x * x);
  k[0] = (x / q) * scale;
  k[1] = 0;
  w[0] = q / scale;
  w[127] = x / scale;
  f[0] = 1;
  f[127] = Math.exp(-0.5 * x * x);
  for (let i = 126; i >= 1; i--) {
    const next = Math.sqrt(-2 * Math.log(area / x + Math.exp(-0.5 * x * x)));
    k[i + 1] = (next / x) * scale;
    x = next;
    f[i] = Math.exp(-0.5 * x * x);
    w[i] = x / scale;
  }
  return [k, w, f];
})();

/**
 * xoshiro128** (Blackman & Vigna): fast, 2^128 - 1 period, passes BigCrush; seeded with
 * splitmix32 so that nearby seeds give unrelated streams. Its output is made in blocks, in a
 * loop over local variables, so that uniform() and normal() stay small enough to be inlined
 * where they are used: a double returned from a call that is not inlined is boxed on the heap,
 * and the garbage collector would follow.
 */
class Random {
  private readonly s = new Int32Array(4);
  private readonly bits = new Int32Array(BLOCK);
  private next = BLOCK;

  constructor(seed: number) {
    // A safe integer: fold its high bits in, so seeds beyond 32 bits still differ.
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) >>> 0, 0x9e3779b9);
    for (let i = 0; i < 4; i++) {
      state = (state + 0x9e3779b9) | 0;
      let z = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    if (this.s.every((word) => word === 0)) this.s[0] = 1; // the one state xoshiro cannot leave
  }

  /** 32 random bits as a signed integer. */
  private int32(): number {
    if (this.next === BLOCK) this.refill();
    return this.bits[this.next++]!;
  }

  private refill() {
    const { s, bits } = this;
    let [s0, s1, s2, s3] = [s[0]!, s[1]!, s[2]!, s[3]!];
    for (let i = 0; i < BLOCK; i++) {
      bits[i] = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
    }
    s.set([s0, s1, s2, s3]);
    this.next = 0;
  }

  /** Uniform on the open interval (0, 1), 32 bits of resolution: never 0, so log(u) is finite. */
  uniform(): number {
    return ((this.int32() >>> 0) + 0.5) * 2 ** -32; // a multiply, exact like the division by 2^32
  }

  /** Standard normal by the ziggurat: the layer from the low 7 bits, the point from the other 25, so the two are independent. */
  normal(): number {
    const bits = this.int32();
    const j = bits >> 7;
    const layer = bits & 127;
    return Math.abs(j) < ZIGGURAT_K[layer]! ? j * ZIGGURAT_W[layer]! : this.normalOutside(bits);
  }

  /** The ziggurat's slow path: the wedge beyond a layer's inner rectangle, or the tail beyond R. */
  private normalOutside(bits: number): number {
    for (;;) {
      const j = bits >> 7;
      const layer = bits & 127;
      const x = j * ZIGGURAT_W[layer]!;
      if (Math.abs(j) < ZIGGURAT_K[layer]!) return x;
      if (layer === 0) {
        // Marsaglia's tail method: exponential proposals beyond R.
        let t: number;
        let y: number;
        do {
          t = -Math.log(this.uniform()) / ZIGGURAT_R;
          y = -Math.log(this.uniform());
        } while (y + y < t * t);
        return j > 0 ? ZIGGURAT_R + t : -ZIGGURAT_R - t;
      }
      if (ZIGGURAT_F[layer]! + this.uniform() * (ZIGGURAT_F[layer - 1]! - ZIGGURAT_F[layer]!) < Math.exp(-0.5 * x * x)) return x;
      bits = this.int32();
    }
  }

  /** Poisson(mean) by inversion: walk the CDF from 0 (O(mean) steps, and means here are small). */
  poisson(mean: number, expNegative: number): number {
    const u = this.uniform();
    let p = expNegative;
    let cdf = p;
    let k = 0;
    // Past the mode, once a term no longer moves the sum, rounding could keep u above it forever.
    while (u > cdf && p > cdf * 1e-17) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
}

/** Standard normal draws of the engine's generator, to test the ziggurat on its own. */
export function normalDraws(seed: number, count: number): Float64Array {
  const random = new Random(seed);
  return Float64Array.from({ length: count }, () => random.normal());
}

/**
 * Gamma(shape >= 1) by Marsaglia & Tsang (2000): for a standard normal x and a uniform u,
 * v = (1 + c x)^3 is accepted with the draw d v when log u < x²/2 + d (1 - v + log v); a
 * cheap squeeze accepts ~98% before the logs. The proposals for all the draws come first and
 * the rare rejections draw again, then the betas: straight loops, and no call that returns a
 * double (V8 boxes one whenever it does not inline the call).
 */
function drawPert(d: Draws, random: Random, into: Float64Array) {
  const { count, slot, low, span, gammaD, gammaC, gammas, normals, uniforms } = d;
  const draws = 2 * count;
  for (let h = 0; h < draws; h++) {
    normals[h] = random.normal();
    uniforms[h] = random.uniform();
  }
  for (let h = 0; h < draws; h++) {
    const shape = gammaD[h]!;
    const c = gammaC[h]!;
    let x = normals[h]!;
    let u = uniforms[h]!;
    for (;;) {
      let v = 1 + c * x;
      if (v > 0) {
        v = v * v * v;
        const x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + shape * (1 - v + Math.log(v))) {
          gammas[h] = shape * v;
          break;
        }
      }
      x = random.normal();
      u = random.uniform();
    }
  }
  for (let i = 0; i < count; i++) {
    const g1 = gammas[2 * i]!;
    into[slot[i]!] = low[i]! + span[i]! * (g1 / (g1 + gammas[2 * i + 1]!));
  }
}

/** Inverse CDF of the triangular distribution on [0, 1] with mode `cut`, scaled. */
function drawTriangular(d: Draws, random: Random, into: Float64Array) {
  const { count, slot, low, span, cut } = d;
  for (let i = 0; i < count; i++) {
    const u = random.uniform();
    const c = cut[i]!;
    const x = u < c ? Math.sqrt(u * c) : 1 - Math.sqrt((1 - u) * (1 - c));
    into[slot[i]!] = low[i]! + span[i]! * x;
  }
}

// ---------------------------------------------------------------------------------------------
// The runs.

/**
 * The loop over runs only calls one small function per step of a run: each is optimized on
 * its own after a few runs, where one big loop body would run as less optimized on-stack-
 * replacement code.
 */
function run(model: Model, options: SimulationOptions): Sums {
  const { runs, distribution } = options;
  const n = model.nodeCount;
  const random = new Random(options.seed);
  const draw = distribution === "PERT" ? drawPert : drawTriangular;
  const dated = model.axes !== null;
  const times: Times = {
    es: new Float64Array(n),
    ef: new Float64Array(n),
    lf: new Float64Array(n),
    arrive: new Float64Array(dated ? model.lag.length : 0),
    critical: new Uint8Array(dated ? n : 0),
  };
  const pass = dated ? forwardDated : forward;
  const critical = dated ? criticalDated : backward;
  const variable = model.durationDraws.count;
  // Before the first draw, the durations and lags are the modes.
  const shiftT = pass(model, times);
  const sums: Sums = {
    totals: new Float64Array(runs),
    nodeHits: new Int32Array(n),
    edgeHits: new Int32Array(model.lag.length),
    sx: new Float64Array(variable),
    sxx: new Float64Array(variable),
    sxt: new Float64Array(variable),
    shiftT,
  };
  for (let r = 0; r < runs; r++) {
    draw(model.durationDraws, random, model.duration);
    draw(model.lagDraws, random, model.lag);
    const makespan = pass(model, times);
    const total = makespan + rework(model.loops, random, times);
    sums.totals[r] = total;
    critical(model, times, makespan, sums);
    accumulate(model, total - shiftT, sums);
  }
  return sums;
}

/** ES and EF in topological order; returns the makespan, max EF. */
function forward(model: Model, times: Times): number {
  const { nodeCount: n, inStart, inSource, duration, lag } = model;
  const { es, ef } = times;
  let makespan = 0;
  for (let v = 0; v < n; v++) {
    let start = 0;
    for (let e = inStart[v]!, end = inStart[v + 1]!; e < end; e++) {
      const t = ef[inSource[e]!]! + lag[e]!;
      if (t > start) start = t;
    }
    es[v] = start;
    const finish = start + duration[v]!;
    ef[v] = finish;
    if (finish > makespan) makespan = finish;
  }
  return makespan;
}

/** Σ k * max(0, EF(source) - ES(target)) over the loops, k ~ Poisson(frequency). */
function rework(loops: Loops, random: Random, times: Times): number {
  const { es, ef } = times;
  let minutes = 0;
  for (let j = 0; j < loops.count; j++) {
    let k = 0;
    for (let c = loops.chunks[j]!; c > 0; c--) k += random.poisson(loops.mean[j]!, loops.expNegative[j]!);
    const span = ef[loops.source[j]!]! - es[loops.target[j]!]!;
    if (k > 0 && span > 0) minutes += k * span;
  }
  return minutes;
}

/**
 * LF and LS in reverse order, pushed along the incoming dependencies (so the pass reads the
 * same compact rows as the forward one): when a node is reached, all its successors have
 * lowered its LF already. A dependency into a critical node is critical when it is tight;
 * its source is then critical too, up to the tolerance (LF(s) <= LS(t) - lag = ES(t) - lag = EF(s)).
 */
function backward(model: Model, times: Times, makespan: number, sums: Sums) {
  const { nodeCount: n, inStart, inSource, duration, lag } = model;
  const { es, ef, lf } = times;
  const { nodeHits, edgeHits } = sums;
  const epsilon = RELATIVE_EPSILON * Math.max(1, makespan);
  lf.fill(makespan);
  for (let v = n - 1; v >= 0; v--) {
    const latestStart = lf[v]! - duration[v]!;
    const start = es[v]!;
    const first = inStart[v]!;
    const end = inStart[v + 1]!;
    for (let e = first; e < end; e++) {
      const p = inSource[e]!;
      const finish = latestStart - lag[e]!;
      if (finish < lf[p]!) lf[p] = finish;
    }
    if (latestStart - start >= epsilon) continue; // slack: not critical in this run
    nodeHits[v]!++;
    for (let e = first; e < end; e++) if (start - ef[inSource[e]!]! - lag[e]! < epsilon) edgeHits[e]!++;
  }
}

/** The sensitivity sums of the run, each duration shifted by its mode (see Sums). */
function accumulate(model: Model, dt: number, sums: Sums) {
  const { count, slot, mode } = model.durationDraws;
  const { duration } = model;
  const { sx, sxx, sxt } = sums;
  for (let i = 0; i < count; i++) {
    const dx = duration[slot[i]!]! - mode[i]!;
    sx[i]! += dx;
    sxx[i]! += dx * dx;
    sxt[i]! += dx * dt;
  }
}

// ---------------------------------------------------------------------------------------------
// Summary.

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Linear interpolation between order statistics (R's type 7): q = 0 is the min, 1 the max. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/**
 * Distribution-free 95% interval for the p-quantile ξ from order statistics: the number B of
 * totals below ξ is Binomial(n, p), and X(j) <= ξ exactly when B >= j, so
 * P(X(l) <= ξ <= X(u)) = P(l <= B <= u - 1). Take the largest l with P(B <= l - 1) <= 2.5% and
 * the smallest u with P(B <= u - 1) >= 97.5%, from the exact binomial CDF (summed in log space,
 * since p^n underflows). With few runs l or u falls outside 1..n and is clamped to the min or
 * max: the interval then covers less than 95%, which is what so few runs can say.
 * Returns 0-based ranks.
 */
function percentileInterval(n: number, p: number): [number, number] {
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let cdf = 0;
  let lower = 0;
  let upper = n;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logPmf += Math.log((n - k + 1) / k) + logRatio;
    cdf += Math.exp(logPmf); // P(B <= k)
    if (cdf <= 0.025) lower = k + 1;
    if (cdf >= 0.975) {
      upper = k + 1;
      break;
    }
  }
  return [Math.max(1, lower) - 1, Math.min(n, upper) - 1];
}

function histogram(sorted: Float64Array, bins: number): SimulationResult["histogram"] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  // All totals equal: one bin, since zero-width bins would say nothing more.
  if (max === min) return [{ from: round2(min), to: round2(max), count: sorted.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of sorted) counts[Math.min(bins - 1, Math.floor((x - min) / width))]!++;
  return counts.map((count, i) => ({ from: round2(min + i * width), to: round2(i === bins - 1 ? max : min + (i + 1) * width), count }));
}

function summarize(model: Model, sums: Sums, options: SimulationOptions, bins: number): SimulationResult {
  const { runs, seed, distribution } = options;
  const { totals } = sums;
  let sumT = 0;
  for (const t of totals) sumT += t;
  const mean = sumT / runs;
  // Two passes over the kept totals: exact, where Σx² - (Σx)²/n would cancel.
  let squares = 0;
  let shifted = 0;
  for (const t of totals) {
    squares += (t - mean) * (t - mean);
    shifted += t - sums.shiftT;
  }
  const sorted = totals.slice().sort();

  const percentiles = SIMULATION_PERCENTILES.map((p) => {
    const [lo, hi] = percentileInterval(runs, p / 100);
    return { p, minutes: round2(quantile(sorted, p / 100)), low: round2(sorted[lo]!), high: round2(sorted[hi]!) };
  });
  const quantiles = Array.from({ length: QUANTILE_POINTS }, (_, i) => round2(quantile(sorted, i / (QUANTILE_POINTS - 1))));

  const nodes: Record<string, number> = {};
  model.positionOf.forEach((position) => (nodes[model.idAt[position]!] = round3(sums.nodeHits[position]! / runs)));
  const edges: Record<string, number> = {};
  model.slotOf.forEach((slot, k) => (edges[model.edgeIds[k]!] = round3(sums.edgeHits[slot]! / runs)));

  // Population moments of the shifted sums; the shifts cancel in the covariance and variances.
  const meanDt = shifted / runs;
  const varianceT = squares / runs;
  const sensitivity: SimulationResult["sensitivity"] = [];
  for (let i = 0; i < model.durationDraws.count; i++) {
    const meanDx = sums.sx[i]! / runs;
    const varianceX = sums.sxx[i]! / runs - meanDx * meanDx;
    if (!(varianceX > 0) || !(varianceT > 0)) continue;
    const covariance = sums.sxt[i]! / runs - meanDx * meanDt;
    const correlation = Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceT)));
    sensitivity.push({ nodeId: model.idAt[model.durationDraws.slot[i]!]!, correlation: round3(correlation) });
  }
  sensitivity.sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation) || (a.nodeId < b.nodeId ? -1 : 1));

  return {
    runs,
    seed,
    distribution,
    mean: round2(mean),
    sd: round2(runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0),
    min: round2(sorted[0]!),
    max: round2(sorted[runs - 1]!),
    percentiles,
    histogram: histogram(sorted, bins),
    quantiles,
    criticality: { nodes, edges },
    sensitivity: sensitivity.slice(0, TOP_SENSITIVITY),
  };
}
