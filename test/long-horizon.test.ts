/**
 * A year-long run (the longest horizon the schema allows, 366 days) of a small scenario: it completes,
 * its figures are conserved and finite, it has one interval per reporting period, running it in steps
 * gives the same result, and its memory does not grow with the horizon beyond the per-interval
 * statistics (contacts are recycled through a free list, so their slots must not grow with the days).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/validate';
import { LIMITS, replicationOutcome, runReplication, Simulation, type Scenario } from '../src/sim';
import { outcomeProblems } from './support/invariants';

const DAYS: number = LIMITS.maxDays;
const INTERVALS_PER_DAY = 48;

/** About 500 contacts a day at one site: voice with a daytime peak, email, repeats, a night shift. */
function smallYear(days = DAYS): Scenario {
  const profile = Array.from({ length: INTERVALS_PER_DAY }, (_, i) => (i >= 16 && i < 40 ? 3 : 1));
  return {
    name: 'small-year',
    clientUtcOffsetHours: -5,
    horizon: { days, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 400,
        profile,
        handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 },
        wrapUp: { dist: 'fixed', value: 30 },
        patience: { dist: 'exponential', mean: 120 },
        repeatDelay: { dist: 'exponential', mean: 2 * 86_400 },
      },
      email: { volumePerDay: 100, handleTime: { dist: 'gamma', mean: 400, cv: 0.5 } },
    },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        utcOffsetHours: -5,
        hours: '24/7',
        groups: [
          {
            id: 'voice',
            skills: ['voice'],
            shifts: [
              { start: '07:00', end: '15:00', agents: 4 },
              { start: '13:00', end: '21:00', agents: 4 },
              { start: '21:00', end: '07:00', agents: 1 },
            ],
          },
          { id: 'email', skills: ['email', 'voice'], agents: 1 },
        ],
        shrinkage: 0.3,
        cost: { hourlyRate: 30, overheadRate: 0.2, telecomPerMinute: 0.01, perContactFee: 0 },
        firstContactResolution: 0.85,
      },
    ],
  };
}

/** `global.gc` if node was started with --expose-gc, else the same function switched on at runtime. */
function forceGc(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Heap plus ArrayBuffer memory (typed arrays live outside the JS heap), after a full collection. */
function liveBytes(gc: () => void): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe(`a ${DAYS}-day run`, () => {
  it('completes with conserved, finite figures and one interval per half hour', () => {
    const scenario = smallYear();
    expect(validateScenario(scenario).ok).toBe(true);
    const o = runReplication(scenario, { seed: 'year' });
    expect(outcomeProblems(o)).toEqual([]);
    expect(o.intervals).toHaveLength(DAYS * INTERVALS_PER_DAY);
    // ~500 fresh contacts a day plus repeats; nothing lost at the end.
    expect(o.channels.voice!.offered).toBeGreaterThan(DAYS * 400 * 0.95);
    expect(o.channels.email!.offered).toBeGreaterThan(DAYS * 100 * 0.9);
    expect(o.total.handled! + o.total.abandoned! + o.total.backlog!).toBe(o.total.offered);
    expect(o.total.contactsPerResolution!).toBeGreaterThan(1);
    // The last day is simulated too: contacts arrive in its last interval.
    const lastDay = o.intervals.slice(-INTERVALS_PER_DAY);
    expect(lastDay.reduce((a, iv) => a + (iv.total.offered ?? 0), 0)).toBeGreaterThan(400);
  });

  it('gives the same result run in monthly steps as in one go', () => {
    const scenario = smallYear();
    const sim = new Simulation(scenario, { seed: 'year' });
    for (let day = 30; day < DAYS; day += 30) {
      sim.advanceTo(day * 86_400);
      expect(sim.now).toBe(day * 86_400);
      // advanceTo runs the events before t: the boundary at t itself closes with the next step.
      expect(sim.intervalsClosed).toBe(day * INTERVALS_PER_DAY - 1);
    }
    const stepped = replicationOutcome(sim);
    // pilot: false — the Simulation above runs the full warm-up, not the default start's pilot
    expect(stepped).toEqual(runReplication(scenario, { seed: 'year', pilot: false }));
  });

  it('keeps its memory bounded: a year retains little more than a month', () => {
    const gc = forceGc();
    const retained = (days: number) => {
      const before = liveBytes(gc);
      // Started empty: the contacts counted are then the horizon's alone (a warm-up's would add to both).
      const scenario = smallYear(days);
      scenario.horizon = { ...scenario.horizon, warmUpDays: 0 };
      const sim = new Simulation(scenario, { seed: 'year' });
      sim.runToEnd();
      const after = liveBytes(gc);
      expect(sim.done).toBe(true);
      // Agents are reused across shifts, never created per day.
      expect(sim.agents.count).toBeLessThanOrEqual(10);
      return { bytes: after - before, contacts: sim.contacts, sim };
    };
    const month = retained(30);
    const year = retained(DAYS);
    expect(year.contacts).toBeGreaterThan(10 * month.contacts);

    // What legitimately grows: per-interval statistics (typed arrays of nIntervals × channels × counters,
    // and two per-interval totals), ~2.8 MB for a year with two channels. A contact slot costs ~110 bytes, so slots that
    // grew with the contacts (~190,000 in a year) would add ~20 MB; allow 6 MB of growth in all.
    const perInterval =
      year.sim.intervalStats.BYTES_PER_ELEMENT * (year.sim.intervalStats.length / (DAYS * 48));
    const intervalGrowth = (DAYS - 30) * INTERVALS_PER_DAY * (perInterval + 16);
    expect(year.bytes - month.bytes).toBeLessThan(intervalGrowth + 4_000_000);
  });
});
