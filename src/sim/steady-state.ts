/**
 * The default warm-up (SPEC §1 v2, `horizon.warmUpDays` absent): how many days a model must run
 * before its day 1 looks like a day of steady operation.
 *
 * Two things carry over from one day to the next:
 * - Pending repeats. A fresh issue raised at rate λ comes back with probability q = 1 − FCR after a
 *   repeat delay of mean D. Started empty, the repeat load builds up towards its steady λ·q/(1 − q);
 *   with an exponential delay the share still missing after t decays like q·e^{−(1−q)t/D} (each
 *   generation of repeats is a further Exp(D) step, and generations thin out by q). The default waits
 *   until that share is below WARM_UP_TOLERANCE of the steady offered load:
 *   t = D_eff/(1 − q) · ln(q / WARM_UP_TOLERANCE), with q the worst (lowest-FCR) site that answers the
 *   channel and D_eff = D · max(1, cv) (a delay more variable than exponential has a longer tail; a
 *   less variable one converges faster than this bound).
 * - Backlog and held queues: a deferred channel's backlog, contacts held while no site is open, queues
 *   built up in a short-staffed shift. They reflect the last day's load, so one more day is added when
 *   the model has any of these (a deferred channel, a site with opening hours, a group on shifts).
 *   A live channel answered around the clock by flat staffing carries only minutes of queue over
 *   midnight, which the first interval absorbs.
 *
 * The result is rounded up to whole days and capped at LIMITS.maxWarmUpDays. README ("Steady state")
 * reports the convergence measurement behind the tolerance.
 */
import { DAY } from './clock';
import { DistKind, type CompiledDist } from './distribution';
import { exp, log } from './portable-math';
import { LIMITS } from './scenario';

// What the estimate reads of the compiled model, named here rather than imported from model.ts:
// model.ts calls this module, so importing its types back would make the two files a cycle.
interface WarmUpChannel {
  volumePerDay: number;
  live: boolean;
  repeatDelay: CompiledDist;
}
interface WarmUpSite {
  fcr: number;
  hours: unknown;
}
interface WarmUpGroup {
  site: number;
  skillMask: number;
  flat: number | null;
}

/** Share of the steady offered load that the default warm-up may leave missing as repeats. */
export const WARM_UP_TOLERANCE = 0.01;

/** Days of warm-up that bring the model within WARM_UP_TOLERANCE of steady state (see above). */
export function defaultWarmUpDays(
  channels: readonly WarmUpChannel[],
  sites: readonly WarmUpSite[],
  groups: readonly WarmUpGroup[],
): number {
  let repeatDays = 0;
  channels.forEach((ch, c) => {
    if (!(ch.volumePerDay > 0)) return;
    let q = 0;
    for (const g of groups) if (g.skillMask & (1 << c)) q = Math.max(q, 1 - sites[g.site].fcr);
    if (!(q > WARM_UP_TOLERANCE)) return;
    const delay = ch.repeatDelay.mean * Math.max(1, coefficientOfVariation(ch.repeatDelay));
    repeatDays = Math.max(repeatDays, ((delay / (1 - q)) * log(q / WARM_UP_TOLERANCE)) / DAY);
  });
  const carriesBacklog =
    channels.some((ch) => !ch.live && ch.volumePerDay > 0) ||
    sites.some((s) => s.hours !== null) ||
    groups.some((g) => g.flat === null);
  const days = Math.ceil(repeatDays - 1e-9) + (carriesBacklog ? 1 : 0);
  return Math.min(LIMITS.maxWarmUpDays, days);
}

/** Standard deviation ÷ mean of a compiled distribution (0 for a constant). */
export function coefficientOfVariation(d: CompiledDist): number {
  if (!(d.mean > 0)) return 0;
  switch (d.kind) {
    case DistKind.Fixed:
      return 0;
    case DistKind.Exponential:
      return 1;
    case DistKind.Lognormal:
      return Math.sqrt(exp(d.b * d.b) - 1);
    case DistKind.Gamma:
      return 1 / Math.sqrt(d.a);
    case DistKind.Uniform:
      return d.b / Math.sqrt(12) / d.mean;
    case DistKind.Empirical: {
      let ss = 0;
      for (const v of d.values) ss += (v - d.mean) * (v - d.mean);
      return d.values.length ? Math.sqrt(ss / d.values.length) / d.mean : 0;
    }
  }
}
