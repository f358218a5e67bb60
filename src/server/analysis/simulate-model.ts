/**
 * The Monte Carlo engine's compiled model and per-run buffers (simulate.ts builds and runs
 * them; simulate-dated.ts holds the passes of dated runs).
 */
import type { CalendarAxis } from "~/domain/calendar-axis";

/**
 * Slack below this share of the makespan counts as 0. Summing sampled decimals along a long
 * path leaves noise of a few ulps per step (~1e-16 relative each), far below it, while a
 * real slack of a continuous draw is never that close to 0.
 */
export const RELATIVE_EPSILON = 1e-9;

/** The variable estimates of one kind (durations or lags), in id order, ready to draw. */
export type Draws = {
  count: number;
  /** Where each draw goes: a node's topological position or an edge's slot. */
  slot: Int32Array;
  low: Float64Array;
  span: Float64Array;
  mode: Float64Array;
  /** (mode - low) / span: the triangular CDF at the mode. */
  cut: Float64Array;
  /**
   * PERT-beta = G1 / (G1 + G2) with G1 ~ Gamma(alpha), G2 ~ Gamma(beta): Marsaglia–Tsang's
   * d = shape - 1/3 and c = 1 / sqrt(9d) of item i's two draws at 2i and 2i + 1, and room
   * for the draws and their proposals.
   */
  gammaD: Float64Array;
  gammaC: Float64Array;
  gammas: Float64Array;
  normals: Float64Array;
  uniforms: Float64Array;
};

export type Model = {
  nodeCount: number;
  /** Node ids by topological position, and each id-order node's position. */
  idAt: string[];
  positionOf: Int32Array;
  /** Incoming dependencies by target position; an edge's slot is its index in inSource. */
  inStart: Int32Array;
  inSource: Int32Array;
  edgeIds: string[];
  /** Each id-order edge's slot. */
  slotOf: Int32Array;
  duration: Float64Array;
  lag: Float64Array;
  durationDraws: Draws;
  lagDraws: Draws;
  loops: Loops;
  /** Dated runs only: each position's calendar axis (null: continuous), and per slot 1 when the wait is working time. */
  axes: (CalendarAxis | null)[] | null;
  working: Uint8Array;
};

/**
 * Poisson(frequency) is drawn by inversion in `chunks` equal parts (the sum of Poisson
 * variables is Poisson), so that exp(-mean) of a part never underflows.
 */
export type Loops = {
  count: number;
  source: Int32Array;
  target: Int32Array;
  chunks: Int32Array;
  mean: Float64Array;
  expNegative: Float64Array;
};

export type Sums = {
  totals: Float64Array;
  nodeHits: Int32Array;
  edgeHits: Int32Array;
  /**
   * Per variable duration: Σx, Σx², Σx·T, with x shifted by the step's mode and T by the
   * makespan of the modes. Without the shifts, Σx² - (Σx)²/n cancels catastrophically for a
   * step whose range is narrow next to its size; any constants near the means will do.
   */
  sx: Float64Array;
  sxx: Float64Array;
  sxt: Float64Array;
  shiftT: number;
};

/** One run's times, reused by every run; `arrive` and `critical` are for dated runs (per slot, per position). */
export type Times = { es: Float64Array; ef: Float64Array; lf: Float64Array; arrive: Float64Array; critical: Uint8Array };
