/**
 * PROTOTYPE (issue 25, not the default): a steady start at the price of about one day.
 *
 * The default warm-up runs 6–8 days per replication because customers' repeats take that long to
 * build up (README, "Steady state"). Most of what those days carry into day 1 is the repeats still
 * pending at 00:00: the queues and backlogs themselves settle within a day. So:
 * 1. A pilot — the default (long) warm-up, run once per scenario and seed, cached — records at each of
 *    its last PILOT_MIDNIGHTS midnights the repeats pending then, by channel and by when they fall due
 *    (bins of one reporting interval after that midnight): the intensity of pending repeats.
 * 2. Each replication starts one day before day 1, seeds its pending repeats as a Poisson process with
 *    that intensity (from its own stream), and runs that one day to settle queues and backlogs.
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
 * run computes the same one. Only repeats are seeded: the issue-24 return kinds (redials, after-hours
 * retries, call backs) are to be added here once the engine has them.
 */
import { DAY } from './clock';
import { Simulation, type SimulationOptions } from './engine';
import { createStream, type Uniform } from './random';
import type { Scenario } from './scenario';
import { exponential } from './ziggurat';

/** Midnights at the end of the pilot at which pending repeats are counted (averaged). */
export const PILOT_MIDNIGHTS = 3;

export interface RepeatIntensity {
  binSeconds: number;
  /** per channel, the expected number of repeats pending at a midnight that fall due in each bin after it */
  bins: Float64Array[];
}

const cache = new Map<string, RepeatIntensity>();

/** The pilot of a scenario and seed (cached: a comparison's variants and replications share it). */
export function pilotIntensity(
  scenario: Scenario,
  seed: string,
  options: SimulationOptions = {},
): RepeatIntensity {
  const key = `${seed}\u0000${options.days ?? ''}\u0000${JSON.stringify(scenario)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const days = options.days ?? scenario.horizon?.days ?? 1;
  const sim = new Simulation(scenario, {
    // a horizon past every due time counted: the engine drops repeats of pre-day-1 issues due after it
    days: days + 2,
    seed: `${seed}|pilot`,
    deferWarmUp: true,
    warmUpDays: Math.max(PILOT_MIDNIGHTS, options.warmUpDays ?? defaultWarmUp(scenario, options)),
  });
  const binSeconds = sim.model.intervalSeconds;
  // repeats due after the replication's horizon (and its day of warm-up) never reach the measured days
  const nBins = Math.ceil((days + 1) * (DAY / binSeconds));
  const bins = sim.model.channels.map(() => new Float64Array(nBins));
  for (let k = PILOT_MIDNIGHTS - 1; k >= 0; k--) {
    const midnight = -k * DAY;
    sim.advanceTo(midnight);
    sim.forEachPendingRepeat((c, at) => {
      const b = Math.floor((at - midnight) / binSeconds);
      if (b >= 0 && b < nBins) bins[c][b] += 1 / PILOT_MIDNIGHTS;
    });
  }
  const out = { binSeconds, bins };
  cache.set(key, out);
  return out;
}

function defaultWarmUp(scenario: Scenario, options: SimulationOptions): number {
  return new Simulation(scenario, { ...options, deferWarmUp: true }).warmUpDays;
}

/**
 * One replication's Simulation started from the pilot: one day of warm-up, the pending repeats of its
 * first midnight seeded from `intensity` with the replication's own stream. Runs the warm-up.
 */
export function simulationFromPilot(
  scenario: Scenario,
  intensity: RepeatIntensity,
  options: SimulationOptions & { seed: string },
): Simulation {
  const sim = new Simulation(scenario, { ...options, warmUpDays: 1, deferWarmUp: true });
  const u = createStream(options.seed, 'pilot/pending-repeats');
  intensity.bins.forEach((bins, c) => seedChannel(sim, c, bins, intensity.binSeconds, -DAY, u));
  sim.warmUp();
  return sim;
}

/** A Poisson process of repeats with piecewise-constant intensity, by inversion (as fresh arrivals). */
function seedChannel(
  sim: Simulation,
  c: number,
  bins: Float64Array,
  binSeconds: number,
  start: number,
  u: Uniform,
): void {
  let e = exponential(u);
  for (let b = 0; b < bins.length; b++) {
    const mass = bins[b];
    let from = 0; // share of the bin already passed
    while (mass * (1 - from) > e) {
      from += e / mass;
      sim.seedRepeat(c, start + (b + from) * binSeconds);
      e = exponential(u);
    }
    e -= mass * (1 - from);
  }
}
