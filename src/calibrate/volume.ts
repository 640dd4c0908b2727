/**
 * Daily volume and its day-to-day overdispersion, and the handle time, over the regular days.
 *
 * Overdispersion: a Poisson day has variance = mean. The dispersion index is variance ÷ mean; the
 * extra variance beyond Poisson, as a coefficient of variation of the day's rate, is the SPEC v3
 * `volumeCv` (a gamma-mixed Poisson has variance = m + (cv·m)²).
 */
import type { CallRecord } from './log';
import { Z95 } from './special';
import { tQuantile975 } from '../sim/aggregate';

export interface VolumeEstimate {
  days: number;
  /** mean calls per regular day with the 95 % Student-t CI over days (Poisson when one day) */
  perDay: { value: number; low: number; high: number };
  daily: number[];
  /** variance ÷ mean of the daily volumes (1 for Poisson); null with one day */
  dispersionIndex: number | null;
  /** cv of the daily rate beyond Poisson: √max(0, var − mean) ÷ mean; null with one day */
  volumeCv: number | null;
}

export function estimateVolume(daily: readonly number[]): VolumeEstimate {
  const n = daily.length;
  const mean = n > 0 ? daily.reduce((a, b) => a + b, 0) / n : 0;
  if (n < 2) {
    const half = Z95 * Math.sqrt(mean);
    return {
      days: n,
      perDay: { value: mean, low: mean - half, high: mean + half },
      daily: [...daily],
      dispersionIndex: null,
      volumeCv: null,
    };
  }
  const variance = daily.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const half = (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return {
    days: n,
    perDay: { value: mean, low: mean - half, high: mean + half },
    daily: [...daily],
    dispersionIndex: mean > 0 ? variance / mean : null,
    volumeCv: mean > 0 ? Math.sqrt(Math.max(0, variance - mean)) / mean : null,
  };
}

export interface HandleTimeEstimate {
  calls: number;
  mean: { value: number; low: number; high: number };
  cv: number;
}

/** Service seconds of answered calls; zero-second services are kept (the log's own quirk, reported). */
export function estimateHandleTime(records: readonly CallRecord[]): HandleTimeEstimate | null {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (const r of records) {
    if (!r.answered) continue;
    n++;
    sum += r.service;
    sq += r.service * r.service;
  }
  if (n < 2 || sum <= 0) return null;
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
  const half = (Z95 * sd) / Math.sqrt(n);
  return { calls: n, mean: { value: mean, low: mean - half, high: mean + half }, cv: sd / mean };
}
