/**
 * Patience from waits, with the censoring done right. A caller who abandoned after waiting t showed
 * their patience (t); a caller answered after waiting t only showed that their patience was longer
 * than t (right-censored). Averaging the abandoners' waits would ignore the answered callers and
 * understate patience badly in a well-staffed hour.
 *
 * - Exponential: the maximum-likelihood rate is abandons ÷ total seconds waited by everyone (answered
 *   and abandoned), so the mean patience is total seconds waited ÷ abandons.
 * - Maximum likelihood for exponential, lognormal and gamma with the same censoring; logged waits are
 *   whole seconds, so an abandon at t counts as patience in [t − ½, t + ½) (which also gives the many
 *   abandons logged at 0 s a likelihood). The best is chosen by AIC (likelihood, one parameter's
 *   penalty for the one-parameter exponential against the two-parameter others).
 * - The hazard in the first seconds and after, to show where the exponential is wrong.
 *
 * CIs: exponential from the Poisson count of abandons (se of log mean = 1/√abandons); the others from
 * the observed information (numerical Hessian of the log-likelihood in log mean, log cv).
 */
import type { Distribution } from '../sim/scenario';
import { gammaP, invert2, logGamma, nelderMead, normalCdf, Z95 } from './special';

export interface Interval95 {
  value: number;
  low: number;
  high: number;
}

export interface PatienceFit {
  dist: 'exponential' | 'lognormal' | 'gamma';
  mean: Interval95;
  /** coefficient of variation (1 for the exponential) */
  cv: Interval95;
  logLikelihood: number;
  aic: number;
}

export interface PatienceEstimate {
  /** callers who waited (answered or abandoned) */
  waited: number;
  abandons: number;
  secondsWaited: number;
  /** total seconds waited ÷ abandons, with its CI; null with no abandons */
  exponentialMean: Interval95 | null;
  fits: PatienceFit[];
  /** the fit with the lowest AIC; null with fewer than 5 abandons (too few to tell shapes apart) */
  best: PatienceFit | null;
  /** abandons per second waited, in the first `earlySeconds` of waiting and after */
  hazard: { earlySeconds: number; early: number | null; later: number | null };
}

export interface Wait {
  wait: number;
  abandoned: boolean;
}

const EARLY_SECONDS = 20;

export function estimatePatience(waits: readonly Wait[]): PatienceEstimate {
  let abandons = 0;
  let secondsWaited = 0;
  let earlyAb = 0;
  let earlyTime = 0;
  let laterTime = 0;
  for (const w of waits) {
    secondsWaited += w.wait;
    earlyTime += Math.min(w.wait, EARLY_SECONDS);
    laterTime += Math.max(0, w.wait - EARLY_SECONDS);
    if (w.abandoned) {
      abandons++;
      if (w.wait < EARLY_SECONDS) earlyAb++;
    }
  }
  const hazard = {
    earlySeconds: EARLY_SECONDS,
    early: earlyTime > 0 ? earlyAb / earlyTime : null,
    later: laterTime > 0 ? (abandons - earlyAb) / laterTime : null,
  };
  const exponentialMean =
    abandons > 0 ? logInterval(secondsWaited / abandons, 1 / Math.sqrt(abandons)) : null;
  const fits: PatienceFit[] = [];
  if (abandons >= 5) {
    const data = compress(waits);
    fits.push(fit('exponential', data, secondsWaited / abandons));
    fits.push(fit('lognormal', data, secondsWaited / abandons));
    fits.push(fit('gamma', data, secondsWaited / abandons));
  }
  const best = fits.length > 0 ? fits.reduce((a, b) => (b.aic < a.aic ? b : a)) : null;
  return { waited: waits.length, abandons, secondsWaited, exponentialMean, fits, best, hazard };
}

/** The fit as a scenario distribution. */
export function patienceDistribution(f: PatienceFit): Distribution {
  return f.dist === 'exponential'
    ? { dist: 'exponential', mean: round(f.mean.value) }
    : { dist: f.dist, mean: round(f.mean.value), cv: Math.round(f.cv.value * 1000) / 1000 };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function logInterval(value: number, seLog: number): Interval95 {
  return { value, low: value * Math.exp(-Z95 * seLog), high: value * Math.exp(Z95 * seLog) };
}

/** Waits grouped by (seconds, abandoned): a log has a few hundred distinct waits, not thousands. */
interface Group {
  t: number;
  abandoned: boolean;
  n: number;
}
function compress(waits: readonly Wait[]): Group[] {
  const m = new Map<string, Group>();
  for (const w of waits) {
    if (!w.abandoned && w.wait <= 0) continue; // answered at once: says only patience ≥ 0
    const key = `${w.wait}|${w.abandoned ? 1 : 0}`;
    const g = m.get(key);
    if (g) g.n++;
    else m.set(key, { t: w.wait, abandoned: w.abandoned, n: 1 });
  }
  return [...m.values()];
}

type Cdf = (t: number) => number;

function cdfOf(dist: PatienceFit['dist'], mean: number, cv: number): Cdf {
  if (dist === 'exponential') return (t) => (t <= 0 ? 0 : 1 - Math.exp(-t / mean));
  if (dist === 'lognormal') {
    const s2 = Math.log(1 + cv * cv);
    const mu = Math.log(mean) - s2 / 2;
    const s = Math.sqrt(s2);
    return (t) => (t <= 0 ? 0 : normalCdf((Math.log(t) - mu) / s));
  }
  const k = 1 / (cv * cv);
  const scale = mean * cv * cv;
  return (t) => (t <= 0 ? 0 : gammaP(k, t / scale));
}

function logLikelihood(dist: PatienceFit['dist'], data: readonly Group[], mean: number, cv: number): number {
  const F = cdfOf(dist, mean, cv);
  let ll = 0;
  for (const g of data) {
    const p = g.abandoned ? F(g.t + 0.5) - F(Math.max(0, g.t - 0.5)) : 1 - F(g.t);
    ll += g.n * Math.log(Math.max(p, 1e-300));
  }
  return ll;
}

function fit(dist: PatienceFit['dist'], data: readonly Group[], start: number): PatienceFit {
  const two = dist !== 'exponential';
  const nll = (x: number[]) => {
    const mean = Math.exp(x[0]);
    const cv = two ? Math.exp(x[1]) : 1;
    if (!Number.isFinite(mean) || mean > 1e8 || cv > 50 || cv < 0.02) return 1e300;
    return -logLikelihood(dist, data, mean, cv);
  };
  const { x, value } = nelderMead(nll, two ? [Math.log(start), 0] : [Math.log(start)], 0.3);
  const mean = Math.exp(x[0]);
  const cv = two ? Math.exp(x[1]) : 1;
  // observed information by central differences in (log mean, log cv)
  const h = 1e-3;
  let seMean = NaN;
  let seCv = 0;
  if (two) {
    const f = (a: number, b: number) => nll([x[0] + a, x[1] + b]);
    const f0 = value;
    const haa = (f(h, 0) - 2 * f0 + f(-h, 0)) / (h * h);
    const hbb = (f(0, h) - 2 * f0 + f(0, -h)) / (h * h);
    const hab = (f(h, h) - f(h, -h) - f(-h, h) + f(-h, -h)) / (4 * h * h);
    const inv = invert2(haa, hab, hbb);
    if (inv) {
      seMean = Math.sqrt(inv[0]);
      seCv = Math.sqrt(inv[2]);
    }
  } else {
    const haa = (nll([x[0] + h]) - 2 * value + nll([x[0] - h])) / (h * h);
    seMean = haa > 0 ? 1 / Math.sqrt(haa) : NaN;
  }
  const k = two ? 2 : 1;
  return {
    dist,
    mean: logInterval(mean, seMean),
    cv: two ? logInterval(cv, seCv) : { value: 1, low: 1, high: 1 },
    logLikelihood: -value,
    aic: 2 * k + 2 * value,
  };
}

// exported for the tests of the special functions through a density they know
export const _internal = { cdfOf, logGamma };
