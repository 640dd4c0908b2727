/**
 * Wait-time histograms for percentiles in constant memory.
 *
 * Bins are logarithmic — bin k holds waits w with floor(ln(1 + w/W0) / ln(1 + R)) = k, W0 = 0.1 s,
 * R = 1 % — so any quantile is known within about 1 % of its value (bin 0 holds waits under 1 ms),
 * from zero up to a year, in under 2,000 bins. Memory does not grow with the number of contacts, and histograms
 * of several sites or replications merge by adding counts.
 */
import { exp, log } from './portable-math';

const W0 = 0.1;
const LOG_STEP = log(1.01);
const MAX_WAIT = 400 * 86_400;
export const HISTOGRAM_BINS = Math.ceil(log(1 + MAX_WAIT / W0) / LOG_STEP) + 1;

export function waitBin(wait: number): number {
  if (!(wait > 0)) return 0;
  const b = Math.floor(log(1 + wait / W0) / LOG_STEP);
  return b < HISTOGRAM_BINS ? b : HISTOGRAM_BINS - 1;
}

/** Centre of bin b (geometric midpoint of its edges), in seconds. */
function binValue(b: number): number {
  const lo = W0 * (exp(b * LOG_STEP) - 1);
  const hi = W0 * (exp((b + 1) * LOG_STEP) - 1);
  return b === 0 ? 0 : (lo + hi) / 2;
}

/**
 * The q-quantile of the counts in bins[offset .. offset + HISTOGRAM_BINS), or null if empty.
 * Bin 0 (waits under 1 ms) reports 0, so "answered at once" shows as a 0 s percentile.
 */
export function histogramQuantile(bins: ArrayLike<number>, offset: number, q: number): number | null {
  let total = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) total += bins[offset + b];
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    seen += bins[offset + b];
    if (seen >= rank && seen > 0) return binValue(b);
  }
  return binValue(HISTOGRAM_BINS - 1);
}
