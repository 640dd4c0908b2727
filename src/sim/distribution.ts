/**
 * The distributions of SPEC §5, compiled once into a flat record so sampling on the hot path is a
 * switch on a number, with no allocation.
 *
 * Exponential, lognormal, fixed, uniform and empirical use exactly one uniform per draw (by inversion),
 * which keeps common-random-number streams in step between variants. Gamma needs rejection
 * (Marsaglia–Tsang) and so a variable number of draws; it is still deterministic for a seed.
 */
import type { Distribution } from './scenario';
import { exp, log } from './portable-math';
import type { Uniform } from './random';

export const enum DistKind {
  Fixed = 0,
  Exponential = 1,
  Lognormal = 2,
  Gamma = 3,
  Uniform = 4,
  Empirical = 5,
}

export interface CompiledDist {
  kind: DistKind;
  /** fixed: value; exponential: mean; lognormal: mu; gamma: shape; uniform: min */
  a: number;
  /** lognormal: sigma; gamma: scale; uniform: max − min */
  b: number;
  values: Float64Array;
  mean: number;
}

const EMPTY = new Float64Array(0);

export function compileDistribution(d: Distribution, factor = 1): CompiledDist {
  switch (d.dist) {
    case 'fixed':
      return { kind: DistKind.Fixed, a: d.value * factor, b: 0, values: EMPTY, mean: d.value * factor };
    case 'exponential':
      return { kind: DistKind.Exponential, a: d.mean * factor, b: 0, values: EMPTY, mean: d.mean * factor };
    case 'lognormal': {
      const mean = d.mean * factor;
      const s2 = log(1 + d.cv * d.cv);
      if (!(s2 > 0)) return compileDistribution({ dist: 'fixed', value: mean });
      return { kind: DistKind.Lognormal, a: log(mean) - s2 / 2, b: Math.sqrt(s2), values: EMPTY, mean };
    }
    case 'gamma': {
      const mean = d.mean * factor;
      const shape = 1 / (d.cv * d.cv);
      // A cv so small that cv² underflows (or shape overflows) is, to double precision, a constant.
      if (!(shape < 1e12)) return compileDistribution({ dist: 'fixed', value: mean });
      return { kind: DistKind.Gamma, a: shape, b: mean / shape, values: EMPTY, mean };
    }
    case 'uniform':
      return {
        kind: DistKind.Uniform,
        a: d.min * factor,
        b: (d.max - d.min) * factor,
        values: EMPTY,
        mean: ((d.min + d.max) / 2) * factor,
      };
    case 'empirical': {
      const values = Float64Array.from(d.values, (v) => v * factor);
      let sum = 0;
      for (const v of values) sum += v;
      return { kind: DistKind.Empirical, a: 0, b: 0, values, mean: values.length ? sum / values.length : 0 };
    }
  }
}

export function sample(d: CompiledDist, u: Uniform): number {
  switch (d.kind) {
    case DistKind.Fixed:
      return d.a;
    case DistKind.Exponential:
      return -d.a * log(1 - u());
    case DistKind.Lognormal:
      return exp(d.a + d.b * normalQuantile(u()));
    case DistKind.Gamma:
      return sampleGamma(d.a, u) * d.b;
    case DistKind.Uniform:
      return d.a + d.b * u();
    case DistKind.Empirical:
      return d.values[Math.floor(u() * d.values.length)];
  }
}

/** Marsaglia & Tsang (2000), with the u^(1/k) boost for shape < 1. Normals by inversion. */
function sampleGamma(shape: number, u: Uniform): number {
  if (shape < 1) {
    const boost = exp(log(1 - u()) / shape);
    return sampleGamma(shape + 1, u) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalQuantile(u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(w) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/**
 * Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), so a normal
 * costs one uniform. p is clamped away from 0 and 1.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) p = 1e-300;
  else if (p >= 1) p = 1 - 1e-16;
  const pLow = 0.02425;
  if (p < pLow) return normalTail(Math.sqrt(-2 * log(p)));
  if (p > 1 - pLow) return -normalTail(Math.sqrt(-2 * log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r +
      1.38357751867269e2) *
      r -
      3.066479806614716e1) *
      r +
      2.506628277459239) *
      q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r +
      6.680131188771972e1) *
      r -
      1.328068155288572e1) *
      r +
      1)
  );
}

/** Acklam's lower-tail branch, for q = sqrt(−2 ln p). */
function normalTail(q: number): number {
  return (
    (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) *
      q +
      4.374664141464968) *
      q +
      2.938163982698783) /
    ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) *
      q +
      1)
  );
}
