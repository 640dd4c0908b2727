/**
 * The default start (issue 25; runReplication in simulate.ts decides where): a steady start at the
 * price of about one day.
 *
 * The default warm-up runs 6–8 days per replication because customers' repeats take that long to
 * build up (README, "Steady state"). Most of what those days carry into day 1 is the repeats still
 * pending at 00:00: the queues and backlogs themselves settle within a day. So:
 * 1. A pilot — the default (long) warm-up, run once per scenario and seed, cached — records at each of
 *    its last PILOT_MIDNIGHTS midnights the returns pending then, by channel, by kind and by when they
 *    fall due (bins of one reporting interval after that midnight): the intensity of pending returns.
 * 2. Each replication starts one day before day 1, seeds its pending returns as a Poisson process with
 *    that intensity (from its own stream), and runs that one day to settle queues and backlogs.
 *
 * Which returns (issue 24, returns.ts) are seeded, and why:
 * - repeats of unresolved issues, redials after abandoning, and after-hours retries already released
 *   by an opening (due at a known time): each kind with its own intensity, so a seeded redial comes
 *   back as a redial (not counted in "repeats offered") and a repeat as a repeat;
 * - customers turned away after hours and still waiting at midnight for the next opening: their due
 *   time is that opening plus their own delay, so they are seeded as a Poisson number (mean: the
 *   pilot's count at midnight) waiting for the opening, each with a delay drawn from the channel's
 *   after-hours delay distribution — the engine then releases them at the opening as it would;
 * - call backs pending at midnight are NOT seeded: a customer waiting for a call back is a contact in
 *   the queue (virtual hold), part of the queue state like any waiting contact, which the settling day
 *   rebuilds from its own arrivals (the replication starts with empty queues one day before day 1).
 *
 * Why a Poisson process: in steady operation the pending repeats at a given moment are the points of
 * the past contacts' completion process each displaced by an independent repeat delay; for Poisson
 * fresh arrivals this is (approximately — queueing couples the completions) a Poisson process
 * (displacement theorem), so its intensity says all there is to say. What it approximates: the
 * correlation between pending repeats and the queues at the start (a congested evening leaves both
 * more repeats and a longer queue), which the one settling day mostly restores, and the pilot's
 * sampling noise (averaged over PILOT_MIDNIGHTS midnights).
 *
 * Measured (bench/RESULTS.md, 2026-12-07): on case 3's full model day 1 agrees with the default
 * warm-up's within the CIs (offered, SL, abandonment, cost, backlog), at 1.21× the events-time of
 * `--warm-up 0` once the pilot is cached (the default: 11.6×).
 *
 * The pilot depends only on the scenario and the seed (never on the replication), so every shard of a
 * run computes the same one.
 */
import { DAY } from './clock';
import { sample } from './distribution';
import {
  PEND_AFTER_HOURS,
  PEND_AFTER_HOURS_WAITING,
  PEND_REDIAL,
  PEND_REPEAT,
  Simulation,
  type SimulationOptions,
} from './engine';
import { createStream, type Uniform } from './random';
import { STEADY_CHECK_DAYS } from './steady-check';
import type { Scenario } from './scenario';
import { exponential } from './ziggurat';

/**
 * The pilot runs this many times the default warm-up: the default stops within ~1 % of steady offered
 * load, but the pending returns it leaves are further short (follow-the-sun: day 1's returns offered
 * −2.6 % ± 1.6 % against a 20-day warm-up with the pilot at 1×, within the bounds at 2×;
 * test/steady-equivalence.test.ts). Paid once per scenario and seed.
 */
export const PILOT_WARM_UP_FACTOR = 2;

/** Midnights at the end of the pilot at which pending returns are counted (averaged). */
export const PILOT_MIDNIGHTS = 3;

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
  /** the pilot's warm-up days */
  warmUpDays: number;
  /**
   * per channel, the backlog's growth per day over the pilot's last STEADY_CHECK_DAYS days (NaN: not
   * measured), given to every replication for the steady-state check (steady-check.ts)
   */
  backlogGrowthPerDay: Float64Array;
}

/** @deprecated the prototype's name */
export type RepeatIntensity = PendingIntensity;

const cache = new Map<string, PendingIntensity>();

/** The cache key of a pilot: everything it depends on (the scenario, the seed, days and warm-up). */
export function pilotKey(scenario: Scenario, seed: string, options: SimulationOptions = {}): string {
  return `${seed}\u0000${options.days ?? ''}\u0000${options.warmUpDays ?? ''}\u0000${JSON.stringify(scenario)}`;
}

/** The pilot of a scenario and seed (cached: a run's replications and shards share it). */
export function pilotIntensity(
  scenario: Scenario,
  seed: string,
  options: SimulationOptions = {},
): PendingIntensity {
  const key = pilotKey(scenario, seed, options);
  const hit = cache.get(key);
  if (hit) return hit;
  const out = measurePilot(scenario, seed, options);
  if (cache.size > 32) cache.clear(); // a sweep's many variants: bound the memory
  cache.set(key, out);
  return out;
}

function measurePilot(scenario: Scenario, seed: string, options: SimulationOptions): PendingIntensity {
  const days = options.days ?? scenario.horizon?.days ?? 1;
  const warmUpDays = Math.max(
    PILOT_MIDNIGHTS,
    STEADY_CHECK_DAYS + 1,
    options.warmUpDays ?? Math.min(60, PILOT_WARM_UP_FACTOR * defaultWarmUp(scenario, options)),
  );
  const sim = new Simulation(scenario, {
    // a horizon past every due time counted: the engine drops returns of pre-day-1 issues due after it
    days: days + 2,
    seed: `${seed}|pilot`,
    deferWarmUp: true,
    warmUpDays,
  });
  const binSeconds = sim.model.intervalSeconds;
  // returns due after the replication's horizon (and its day of warm-up) never reach the measured days
  const nBins = Math.ceil((days + 1) * (DAY / binSeconds));
  const bins = sim.model.channels.map(() => SEEDED_KINDS.map(() => new Float64Array(nBins)));
  const waiting = new Float64Array(sim.model.channels.length);
  const growth = new Float64Array(sim.model.channels.length);
  sim.advanceTo(-STEADY_CHECK_DAYS * DAY);
  for (let c = 0; c < growth.length; c++) growth[c] = sim.channelBacklog(c);
  for (let k = PILOT_MIDNIGHTS - 1; k >= 0; k--) {
    const midnight = -k * DAY;
    sim.advanceTo(midnight);
    sim.forEachPendingReturn((c, kind, at) => {
      if (kind === PEND_AFTER_HOURS_WAITING) {
        waiting[c] += 1 / PILOT_MIDNIGHTS;
        return;
      }
      const b = Math.floor((at - midnight) / binSeconds);
      if (b >= 0 && b < nBins) bins[c][SEEDED_KINDS.indexOf(kind as 0 | 1 | 2)][b] += 1 / PILOT_MIDNIGHTS;
    });
  }
  for (let c = 0; c < growth.length; c++) growth[c] = (sim.channelBacklog(c) - growth[c]) / STEADY_CHECK_DAYS;
  return { binSeconds, bins, waiting, warmUpDays, backlogGrowthPerDay: growth };
}

function defaultWarmUp(scenario: Scenario, options: SimulationOptions): number {
  return new Simulation(scenario, { ...options, deferWarmUp: true }).warmUpDays;
}

/** The intensity times `factor` (tests: a seeding 5 % short must be caught). */
export function scaledIntensity(p: PendingIntensity, factor: number): PendingIntensity {
  return {
    binSeconds: p.binSeconds,
    bins: p.bins.map((kinds) => kinds.map((b) => b.map((x) => x * factor))),
    waiting: p.waiting.map((x) => x * factor),
    warmUpDays: p.warmUpDays,
    backlogGrowthPerDay: p.backlogGrowthPerDay,
  };
}

/**
 * One replication's Simulation started from the pilot: one day of warm-up, the pending returns of its
 * first midnight seeded from `intensity` with the replication's own stream. Runs the warm-up.
 */
export function simulationFromPilot(
  scenario: Scenario,
  intensity: PendingIntensity,
  options: SimulationOptions & { seed: string },
): Simulation {
  const sim = new Simulation(scenario, { ...options, warmUpDays: 1, deferWarmUp: true });
  seedPendingReturns(sim, intensity, options.seed);
  sim.warmUp();
  sim.pilotWarmUpDays = intensity.warmUpDays;
  sim.backlogGrowthPerDay.set(intensity.backlogGrowthPerDay);
  return sim;
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
