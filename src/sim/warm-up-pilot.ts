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
import { Simulation, type SimulationOptions } from './engine';
import { measurePilot } from './pilot-measure';
import { seedPendingReturns, type PendingIntensity } from './pending-seed';
import type { Scenario } from './scenario';

export { SEEDED_KINDS, scaledIntensity, seedPendingReturns, type PendingIntensity } from './pending-seed';

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
  const out = measurePilot(scenario, seed, options.days ?? scenario.horizon?.days ?? 1);
  if (cache.size > 32) cache.clear(); // a sweep's many variants: bound the memory
  cache.set(key, out);
  return out;
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
  if (intensity.settleSeconds < DAY) sim.startContactsAt(-intensity.settleSeconds);
  seedPendingReturns(sim, intensity, options.seed);
  sim.warmUp();
  sim.pilotWarmUpDays = intensity.warmUpDays;
  sim.backlogGrowthPerDay.set(intensity.backlogGrowthPerDay);
  return sim;
}
