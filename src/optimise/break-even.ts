/**
 * (v3) The break-even of a sweep: the parameter value where a variant's total cost crosses a base's
 * (an in-house center against an outsourced one), with its 95 % interval.
 *
 * Each point carries the paired difference (variant − base) over replications run with the same
 * seeds (compare.ts), mean ± ci95. The crossing is where the mean difference changes sign, by linear
 * interpolation between the two points around it; the interval is where the band's edges (mean ∓ ci95)
 * change sign — the parameter values whose difference is not clearly on one side of zero. An edge that
 * never crosses inside the sweep leaves that end of the interval open (null): the sweep is too narrow
 * to bound it.
 *
 * Pure: no Node APIs (the app's sweep panel uses it too).
 */
import type { Estimate } from '../sim/result';

export interface BreakEven {
  /** the parameter value where the mean difference is zero; null when it never changes sign */
  value: number | null;
  /** the interval's ends; null = beyond the sweep's range on that side */
  low: number | null;
  high: number | null;
  /** the variant costs less than the base below the crossing (e.g. a vendor's rate) or above it */
  cheaperBelow: boolean | null;
}

/** The first x where the piecewise-linear y(x) crosses zero (a point exactly at zero counts); null if none. */
export function zeroCrossing(xs: readonly number[], ys: readonly (number | null)[]): number | null {
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null) continue;
    if (y === 0) return xs[i];
    const j = nextDefined(ys, i);
    if (j < 0) break;
    const z = ys[j]!;
    if (z !== 0 && Math.sign(z) !== Math.sign(y)) return xs[i] + ((xs[j] - xs[i]) * y) / (y - z);
  }
  return null;
}

function nextDefined(ys: readonly (number | null)[], i: number): number {
  for (let j = i + 1; j < ys.length; j++) if (ys[j] !== null) return j;
  return -1;
}

/**
 * The break-even of `differences` (variant − base, one per sweep value, in increasing order of value).
 * The interval's two edges are the crossings of mean − ci95 and mean + ci95, ordered.
 */
export function breakEven(values: readonly number[], differences: readonly Estimate[]): BreakEven {
  if (values.length !== differences.length)
    throw new RangeError(`break-even: ${values.length} values, ${differences.length} differences`);
  const mean = differences.map((d) => d.mean);
  const value = zeroCrossing(values, mean);
  const first = mean.find((m) => m !== null && m !== 0);
  const cheaperBelow = value === null || first === undefined || first === null ? null : first < 0;
  const edge = (sign: number) =>
    zeroCrossing(
      values,
      differences.map((d) => (d.mean === null ? null : d.mean + sign * (d.ci95 ?? 0))),
    );
  const a = edge(-1);
  const b = edge(1);
  if (value === null) return { value, low: null, high: null, cheaperBelow };
  // With the difference rising in the parameter, the upper edge (mean + ci) crosses first.
  const [lo, hi] = cheaperBelow ? [b, a] : [a, b];
  return {
    value,
    low: lo !== null && lo <= value ? lo : null,
    high: hi !== null && hi >= value ? hi : null,
    cheaperBelow,
  };
}
