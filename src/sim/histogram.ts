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

/** Lower edge of each bin, computed once with the portable exp: the same in every runtime. */
const EDGES = Float64Array.from({ length: HISTOGRAM_BINS + 1 }, (_, b) => W0 * (exp(b * LOG_STEP) - 1));
const INV_LOG_STEP = 1 / LOG_STEP;

/**
 * Waits under 256 s — nearly all of them — start their search at the bin of the sixteenth of a second
 * below (exact: scaling by 16 is exact in binary floating point), then step up past the edges in
 * between, usually none or one. That avoids a log per contact; a contact answered at once waits
 * exactly its site's connect delay, which lands on a table entry.
 */
const FINE = 16;
const FINE_LIMIT = 256;
const FINE_START = Int32Array.from({ length: FINE_LIMIT * FINE }, (_, k) => binBySearch(k / FINE));

export function waitBin(wait: number): number {
  if (wait >= 0 && wait < FINE_LIMIT) {
    let b = FINE_START[(wait * FINE) | 0];
    while (wait >= EDGES[b + 1]) b++;
    return b;
  }
  return binBySearch(wait);
}

function binBySearch(wait: number): number {
  if (!(wait > 0)) return 0;
  if (wait >= EDGES[HISTOGRAM_BINS - 1]) return HISTOGRAM_BINS - 1;
  // Math.log1p is fast but may round differently between runtimes; the guess is then settled by exact
  // comparisons with the precomputed edges, so the bin is the same everywhere.
  // eslint-disable-next-line no-restricted-properties
  let b = Math.floor(Math.log1p(wait / W0) * INV_LOG_STEP);
  if (b < 0) b = 0;
  while (b > 0 && wait < EDGES[b]) b--;
  while (wait >= EDGES[b + 1]) b++;
  return b;
}

/** Centre of bin b (geometric midpoint of its edges), in seconds. */
function binValue(b: number): number {
  return b === 0 ? 0 : (EDGES[b] + EDGES[b + 1]) / 2;
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
