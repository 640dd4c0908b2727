/**
 * Judging a simulated plan interval by interval, channel by channel.
 *
 * Each interval's service level and abandon rate are estimates over replications (mean ± the 95 %
 * Student-t half-width). A day has dozens of intervals, so an interval is judged against a
 * simultaneous band — the half-width widened by the Bonferroni factor z(1 − 0.025/n) / z(0.975) for
 * the n judgements — so that a plan that truly meets its targets everywhere is not called short in
 * some interval by chance:
 * - `met`: the whole band clears the target;
 * - `missed`: the whole band is on the wrong side of it (the simulation shows the target missed);
 * - `unclear`: the target lies inside the band (more replications would tell).
 * An interval where nothing was measured (no contact reached the threshold) is met.
 * The channel over the whole run is judged as the optimiser does (src/optimise/optimiser.ts).
 */
import type { Estimate, IntervalOutcome, SimulationResult } from '../sim/result';
import type { ChannelKind } from '../sim/scenario';
import { checkTargets, type ChannelTarget, type TargetCheck, type Targets } from '../optimise/optimiser';
import type { Impossible } from './requirement';

export interface IntervalCheck {
  day: number;
  /** interval of the day, 0-based */
  interval: number;
  /** "HH:MM", client time */
  start: string;
  channel: ChannelKind;
  figure: 'serviceLevel' | 'abandonRate';
  target: number;
  mean: number | null;
  ci95: number | null;
  status: 'met' | 'missed' | 'unclear';
  /** why the target cannot be met here, when the requirement knows it cannot */
  impossible?: string;
}

export interface Verification {
  replications: number;
  /** per channel over the whole run, with 95 % intervals */
  channels: TargetCheck[];
  intervals: IntervalCheck[];
  /** the interval checks that are missed */
  missed: IntervalCheck[];
  /** every channel check holds and no interval is missed except where the requirement says it cannot be met */
  met: boolean;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The factor that widens a 95 % half-width to a simultaneous band over n judgements. */
export function bandFactor(n: number): number {
  return n <= 1 ? 1 : normalQuantile(1 - 0.025 / n) / normalQuantile(0.975);
}

function judge(
  e: Estimate,
  figure: IntervalCheck['figure'],
  target: number,
  band: number,
): IntervalCheck['status'] {
  if (e.mean === null) return 'met';
  const h = (e.ci95 ?? 0) * band;
  const eps = 1e-12;
  if (figure === 'serviceLevel')
    return e.mean - h >= target - eps ? 'met' : e.mean + h < target - eps ? 'missed' : 'unclear';
  return e.mean + h <= target + eps ? 'met' : e.mean - h > target + eps ? 'missed' : 'unclear';
}

/**
 * Where a result interval sits in its day: `interval`, its index in the day, and `clientInterval`, the
 * client's interval of the day that `impossible` names (both index % intervals a day, unless (v3) a
 * dated day's frame says otherwise).
 */
export type IntervalPosition = (iv: IntervalOutcome) => { interval: number; clientInterval: number };

/** Every interval and channel of the result against the targets. */
export function intervalChecks(
  result: SimulationResult,
  targets: Targets,
  impossible: readonly Impossible[] = [],
  position?: IntervalPosition,
): IntervalCheck[] {
  const perDay = (24 * 60) / result.intervalMinutes;
  const entries = Object.entries(targets) as [ChannelKind, ChannelTarget][];
  const figures = entries.reduce(
    (a, [, t]) => a + (t.serviceLevel !== undefined ? 1 : 0) + (t.abandonRate !== undefined ? 1 : 0),
    0,
  );
  const band = bandFactor(result.intervals.length * figures);
  const why = new Map(impossible.map((x) => [`${x.interval} ${x.channel}`, x.reason]));
  const out: IntervalCheck[] = [];
  for (const iv of result.intervals) {
    const at = position?.(iv);
    const j = at ? at.interval : iv.index % perDay;
    const key = at ? at.clientInterval : j;
    for (const [channel, t] of entries) {
      const f = iv.channels[channel];
      if (!f) continue;
      const push = (figure: IntervalCheck['figure'], target: number, e: Estimate) => {
        const status = judge(e, figure, target, band);
        const reason = why.get(`${key} ${channel}`);
        out.push({
          day: iv.day,
          interval: j,
          start: iv.start,
          channel,
          figure,
          target,
          mean: e.mean,
          ci95: e.ci95,
          status,
          ...(reason !== undefined && status !== 'met' ? { impossible: reason } : {}),
        });
      };
      if (t.serviceLevel !== undefined) push('serviceLevel', t.serviceLevel, f.serviceLevel);
      if (t.abandonRate !== undefined) push('abandonRate', t.abandonRate, f.abandonRate);
    }
  }
  return out;
}

export function verify(
  result: SimulationResult,
  targets: Targets,
  impossible: readonly Impossible[] = [],
  position?: IntervalPosition,
): Verification {
  const intervals = intervalChecks(result, targets, impossible, position);
  const channels = checkTargets(result, targets);
  const missed = intervals.filter((c) => c.status === 'missed');
  return {
    replications: result.replications,
    channels,
    intervals,
    missed,
    met: channels.every((c) => c.ok) && missed.every((c) => c.impossible !== undefined),
  };
}
