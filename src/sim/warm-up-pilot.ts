/**
 * The default start (issue 25; runReplication in simulate.ts decides where): a steady start at the
 * price of a few hours.
 *
 * The default warm-up runs 6–8 days per replication because customers' returns take that long to
 * build up (README, "Steady state"). Most of what those days carry into day 1 is the returns still
 * pending; the queues and backlogs themselves settle within hours. So:
 * 1. A pilot, once per scenario and seed, cached, measures the intensity of the returns pending at
 *    the replications' start, by channel, by kind and by when they fall due (bins of one reporting
 *    interval after the start): src/sim/pilot-measure.ts, by the stationarity identity — one recorded
 *    steady day gives the returns pending at any moment, every day being alike — at a fixed point of
 *    two iterations (the first from no returns, its level extrapolated). It also chooses the
 *    replications' settling time: 6 hours before day 1 where every backlog is then within an hour's
 *    arrivals, else the first such moment further back, else a day.
 * 2. Each replication starts that settling time before day 1 with empty queues, seeds its pending
 *    returns as a Poisson process with that intensity (from its own stream), and runs to 00:00.
 *
 * Which returns (issue 24, returns.ts) are seeded, and why:
 * - repeats of unresolved issues, redials after abandoning, and after-hours retries already released
 *   by an opening (due at a known time): each kind with its own intensity, so a seeded redial comes
 *   back as a redial (not counted in "repeats offered") and a repeat as a repeat;
 * - customers turned away after hours and still waiting at the start for the next opening: their due
 *   time is that opening plus their own delay, so they are seeded as a Poisson number (mean: the
 *   pilot's count at that time of day) waiting for the opening, each with a delay drawn from the
 *   channel's after-hours delay distribution — the engine then releases them at the opening as it would;
 * - call backs pending at the start are NOT seeded: a customer waiting for a call back is a contact in
 *   the queue (virtual hold), part of the queue state like any waiting contact, which the settling
 *   rebuilds from its own arrivals.
 *
 * Why a Poisson process: in steady operation the pending repeats at a given moment are the points of
 * the past contacts' completion process each displaced by an independent repeat delay; for Poisson
 * fresh arrivals this is (approximately — queueing couples the completions) a Poisson process
 * (displacement theorem), so its intensity says all there is to say. What it approximates: the
 * correlation between pending returns and the queues at the start (a congested evening leaves both
 * more returns and a longer queue), which the settling mostly restores, backlog older than the
 * settling time (none, by the choice above), and the pilot's sampling noise (it records up to 40,000
 * returns; one pilot per run, so its noise is common to the replications).
 *
 * Measured (bench/RESULTS.md, 2026-12-07): on case 3's full model the pilot costs 1.63 M events (1.1
 * replications of `--warm-up 0`), a replication from it 1.18× the events of one with `--warm-up 0`;
 * 30 replications on 2 threads, pilot included, 1.26× by events (the former 16-day pilot and whole
 * settling day: 1.76×). Day 1 agrees with a 20-day warm-up's within the issue's bounds on the
 * equivalence test's four scenarios, 200–400 paired replications (test/steady-equivalence.test.ts), and
 * the pool of pending repeats it seeds agrees with the one long runs carry to within 0.4 %
 * (bench/pool-check.ts).
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
