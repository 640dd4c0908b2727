/**
 * Replications → estimates: the mean and the half-width of a 95 % Student-t interval (SPEC §6).
 */
import type { Estimate } from './result';

/** Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[df - 1];
  // Cornish–Fisher expansion around the normal quantile: accurate to ~1e-4 for df > 30.
  const z = 1.959964;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Mean and 95 % CI half-width over the defined (non-null) values. */
export function estimate(values: readonly (number | null)[]): Estimate {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { mean: null, ci95: null };
  const mean = sum / n;
  if (n < 2) return { mean, ci95: null };
  // Identical values: exactly no spread (the sum of squares would leave rounding dust).
  if (min === max) return { mean: min, ci95: 0 };
  let ss = 0;
  for (const v of values) if (v !== null) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, ci95: (tQuantile975(n - 1) * sd) / Math.sqrt(n) };
}

/** Estimates for every key of a record, across replications. */
export function estimateRecord<K extends string>(
  keys: readonly K[],
  reps: readonly Record<K, number | null>[],
): Record<K, Estimate> {
  const out = {} as Record<K, Estimate>;
  for (const k of keys) out[k] = estimate(reps.map((r) => r[k]));
  return out;
}
