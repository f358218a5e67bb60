/**
 * The chance, 0..1, that a simulated total is at most `minutes`, read off evenly spaced
 * quantiles of the totals (q[0] the smallest run, q[n] the largest) by linear interpolation.
 * Pure, so the browser answers "probability to finish within X" without asking the server.
 */
export function probabilityWithin(quantiles: readonly number[], minutes: number): number {
  const n = quantiles.length - 1;
  if (n < 0) return 0;
  if (minutes >= quantiles[n]!) return 1;
  if (minutes < quantiles[0]!) return 0;
  // The last quantile at or below `minutes`, by binary search (the list is sorted).
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (quantiles[mid]! <= minutes) lo = mid;
    else hi = mid;
  }
  const span = quantiles[hi]! - quantiles[lo]!;
  const within = span > 0 ? (minutes - quantiles[lo]!) / span : 0;
  return (lo + within) / n;
}
