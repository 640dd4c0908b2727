/**
 * The pending returns a replication starts with (the warm-up pilot's, warm-up-pilot.ts): their
 * intensity as plain data, and the seeding of a Simulation with them as a Poisson process.
 */
import { sample } from './distribution';
import { PEND_AFTER_HOURS, PEND_REDIAL, PEND_REPEAT, type Simulation } from './engine';
import { createStream, type Uniform } from './random';
import { exponential } from './ziggurat';

/** The kinds of return seeded at a known due time, in the order of PendingIntensity.bins[c]. */
export const SEEDED_KINDS = [PEND_REPEAT, PEND_REDIAL, PEND_AFTER_HOURS] as const;

/** The pilot's measurement: plain data (structured-clonable, so it can be sent to workers). */
export interface PendingIntensity {
  binSeconds: number;
  /**
   * bins[channel][k][b]: the expected number of returns of kind SEEDED_KINDS[k] pending at a midnight
   * that fall due in bin b after it
   */
  bins: Float64Array[][];
  /** per channel, the expected number turned away after hours and waiting at midnight for an opening */
  waiting: Float64Array;
  /** the pilot's warm-up days (the fixed point's simulated days, pilot-measure.ts) */
  warmUpDays: number;
  /** the events the pilot simulated (its cost, for the benchmark) */
  events?: number;
  /** a replication's contacts start this long before 00:00 of day 1 (bins count from then) */
  settleSeconds: number;
  /**
   * per channel, the backlog's growth per day over the pilot's last STEADY_CHECK_DAYS days (NaN: not
   * measured), given to every replication for the steady-state check (steady-check.ts)
   */
  backlogGrowthPerDay: Float64Array;
}

/** The intensity times `factor` (tests: a seeding 5 % short must be caught). */
export function scaledIntensity(p: PendingIntensity, factor: number): PendingIntensity {
  return {
    binSeconds: p.binSeconds,
    bins: p.bins.map((kinds) => kinds.map((b) => b.map((x) => x * factor))),
    waiting: p.waiting.map((x) => x * factor),
    warmUpDays: p.warmUpDays,
    settleSeconds: p.settleSeconds,
    backlogGrowthPerDay: p.backlogGrowthPerDay,
  };
}

/** Seeds a Simulation that has not started yet with the pending returns of `intensity` (own stream). */
export function seedPendingReturns(sim: Simulation, intensity: PendingIntensity, seed: string): void {
  const u = createStream(seed, 'pilot/pending-returns');
  const start = sim.now;
  intensity.bins.forEach((kinds, c) =>
    kinds.forEach((bins, k) =>
      seedPoisson(bins, u, (b, from) =>
        sim.seedReturn(c, SEEDED_KINDS[k], start + (b + from) * intensity.binSeconds),
      ),
    ),
  );
  const one = new Float64Array(1);
  intensity.waiting.forEach((mean, c) => {
    const ah = sim.model.channels[c].returns.afterHours;
    if (!ah || !(mean > 0)) return;
    one[0] = mean;
    // a Poisson number, each with its own delay after the opening
    seedPoisson(one, u, () => sim.seedAfterHoursWaiting(c, sample(ah.delay, u)));
  });
}

/**
 * The points of a Poisson process with piecewise-constant intensity (expected count bins[b] in bin b),
 * by inversion as fresh arrivals are: calls at(b, share of bin b passed) in order.
 */
function seedPoisson(bins: Float64Array, u: Uniform, at: (b: number, from: number) => void): void {
  let e = exponential(u);
  for (let b = 0; b < bins.length; b++) {
    const mass = bins[b];
    let from = 0; // share of the bin already passed
    while (mass * (1 - from) > e) {
      from += e / mass;
      at(b, from);
      e = exponential(u);
    }
    e -= mass * (1 - from);
  }
}
