/**
 * The distributions of SPEC §5, compiled once into a flat record so sampling on the hot path is a
 * switch on a number, with no allocation.
 *
 * Exponential and normal variates come from the ziggurat (ziggurat.ts): one uniform for ~99 % of draws,
 * a few for the rest. Uniform and empirical use one uniform (inversion). Gamma uses Marsaglia–Tsang
 * rejection. A variable number of uniforms per draw does not weaken common random numbers here: each
 * purpose has its own stream and customers draw on arrival, in the same order in every variant.
 */
import type { Distribution } from './scenario';
import { exp, log } from './portable-math';
import { draw, type Uniform } from './random';
import { exponential, standardNormal } from './ziggurat';

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
      return d.a * exponential(u);
    case DistKind.Lognormal:
      return exp(d.a + d.b * standardNormal(u));
    case DistKind.Gamma:
      return sampleGamma(d.a, u) * d.b;
    case DistKind.Uniform:
      return d.a + d.b * u();
    case DistKind.Empirical:
      return d.values[Math.floor(u() * d.values.length)];
  }
}

/** Marsaglia & Tsang (2000), with the u^(1/k) boost for shape < 1. */
function sampleGamma(shape: number, u: Uniform): number {
  if (shape < 1) {
    const boost = exp(log(1 - draw(u)) / shape);
    return sampleGamma(shape + 1, u) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - draw(u);
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(w) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/** The mean of a scenario distribution, in seconds (the compiled record's `mean`, without compiling). */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'empirical':
      return d.values.length ? d.values.reduce((a, v) => a + v, 0) / d.values.length : 0;
    default:
      return d.mean;
  }
}
