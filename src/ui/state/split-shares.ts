/**
 * A channel's split in whole percent that always sums to 100, as the planner sets it (issue 27: the
 * sliders used to be weights, so dragging one to the far right gave it 80 %, not 100 %).
 *
 * - `toPercent`: any weights → whole percents summing to 100 (largest remainder, so 3 equal sites
 *   read 34/33/33 rather than 33/33/33);
 * - `rebalance`: one site set to a value; the others share the rest in the ratio they had (their
 *   shares at the start of the drag, so rounding does not creep in while dragging); when they all had
 *   0, they share it equally;
 * - `movePoints`: "move N points from A to B", the others untouched.
 *
 * Indices are positions in the array; entries outside `active` (sites that do not serve the channel)
 * stay 0. Pure: unit-tested in Node (test/split-shares.test.ts).
 */

/** Whole numbers proportional to `weights` that sum to `total` (largest remainder; ties to the lower index). */
export function apportion(weights: readonly number[], total = 100): number[] {
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum === 0) return w.map(() => 0);
  const exact = w.map((x) => (x / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/** Any weights as whole percents summing to 100 (all 0 stays all 0). */
export function toPercent(weights: readonly number[]): number[] {
  return apportion(weights, 100);
}

/**
 * The split with `index` set to `value` % and the other `active` sites sharing 100 − value in the
 * ratio of `base` (default: `shares`), or equally when they all had 0 in it.
 */
export function rebalance(
  shares: readonly number[],
  index: number,
  value: number,
  active: readonly number[],
  base: readonly number[] = shares,
): number[] {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  const others = active.filter((i) => i !== index);
  const out = shares.map(() => 0);
  if (others.length === 0) {
    out[index] = 100; // the only site: it takes everything, whatever was asked
    return out;
  }
  out[index] = v;
  const weights = others.map((i) => base[i] ?? 0);
  const spread = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  apportion(spread, 100 - v).forEach((n, k) => (out[others[k]] = n));
  return out;
}

/** `points` percent moved from site `from` to site `to` (at most what `from` has); the rest untouched. */
export function movePoints(shares: readonly number[], from: number, to: number, points: number): number[] {
  const out = shares.slice();
  if (from === to || !(points > 0)) return out;
  const n = Math.min(Math.round(points), out[from] ?? 0);
  out[from] -= n;
  out[to] = (out[to] ?? 0) + n;
  return out;
}
