/**
 * The warm-up pilot (src/sim/warm-up-pilot.ts, the default start where the default warm-up is over a
 * day): a replication started from it runs one day of warm-up with the pilot's pending returns
 * seeded, deterministically, each of its own kind, and the seeded returns belong to issues raised
 * before day 1 (never to the measured cohort). Its agreement with a 20-day warm-up:
 * test/steady-equivalence.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim/scenario';
import {
  PEND_AFTER_HOURS,
  PEND_AFTER_HOURS_WAITING,
  PEND_REDIAL,
  PEND_REPEAT,
  Simulation,
} from '../src/sim/engine';
import { pilotIntensity, seedPendingReturns, SEEDED_KINDS } from '../src/sim/warm-up-pilot';
import { outcomeProblems } from './support/invariants';

const scenario = JSON.parse(
  readFileSync(new URL('../scenarios/offshore-voice.json', import.meta.url), 'utf8'),
) as Scenario;

describe('warm-up pilot', () => {
  it('measures the pending repeats once per scenario and seed, and seeds them into a one-day warm-up', () => {
    const intensity = pilotIntensity(scenario, 'p');
    expect(pilotIntensity(scenario, 'p')).toBe(intensity); // cached
    const pending = intensity.bins[0][0].reduce((a, x) => a + x, 0);
    // 5,000 calls a day, FCR 0.58–0.72, a day's repeat delay: thousands pending at midnight
    expect(pending).toBeGreaterThan(1000);

    const a = runReplication(scenario, { seed: 'p', replication: 1, pilot: true });
    expect(a.warmUpDays).toBe(1);
    expect(outcomeProblems(a)).toEqual([]);
    expect(runReplication(scenario, { seed: 'p', replication: 1, pilot: true })).toEqual(a);
    // the same day-1 customers as any other start (common random numbers), and their cohort only
    const cold = runReplication(scenario, { seed: 'p', replication: 1, warmUpDays: 0 });
    expect(a.total.issuesRaised).toBe(cold.total.issuesRaised);
    // the seeded repeats come back on day 1: far more offered than after the same one-day warm-up
    // without them (measured +602 on ~7,400; 0 with the seeding off)
    const unseeded = runReplication(scenario, { seed: 'p', replication: 1, warmUpDays: 1 });
    expect(a.total.offered! - unseeded.total.offered!).toBeGreaterThan(300);
  });

  it('covers every kind of pending return (issue 24) and seeds each as its own kind', () => {
    // offshore-voice with redials 6 h on average (its own: 15 min, few pending at midnight) and both
    // sites closed in the evening, so that customers turned away wait for the morning (retry 0.8,
    // default), some of them already at the replications' start (18:00, 6 hours before day 1)
    const closing = structuredClone(scenario);
    for (const ch of Object.values(closing.channels))
      ch.redial = { probability: 0.3, delay: { dist: 'exponential', mean: 6 * 3600 } };
    for (const site of closing.sites) {
      site.utcOffsetHours = -5; // the clients' zone: both closed at their midnight
      site.hours = { open: '08:00', close: '17:00' };
    }
    const intensity = pilotIntensity(closing, 'p');
    expect(intensity.settleSeconds).toBe(6 * 3600);
    const sum = (b: Float64Array) => b.reduce((a, x) => a + x, 0);
    const expected = new Map<number, number>(SEEDED_KINDS.map((k, i) => [k, sum(intensity.bins[0][i])]));
    expected.set(PEND_AFTER_HOURS_WAITING, intensity.waiting[0]);
    // the pilot sees redials and customers waiting for the morning's opening, not only repeats
    expect(expected.get(PEND_REDIAL)).toBeGreaterThan(5);
    expect(expected.get(PEND_AFTER_HOURS_WAITING)).toBeGreaterThan(5);
    expect(expected.get(PEND_REPEAT)).toBeGreaterThan(500);

    // A replication's seeding, before its warm-up runs: Poisson counts of each kind, kept as that kind
    // (a seeded redial must come back as a redial, not be counted as a repeat offered). Summed over 8
    // replications the count of each kind is within 4 sd (√mean) of 8 × the pilot's mean: this
    // catches a kind dropped or seeded as another.
    const seen = new Map<number, number>();
    for (let r = 0; r < 8; r++) {
      const sim = new Simulation(closing, { seed: `p|${r}`, warmUpDays: 1, deferWarmUp: true });
      sim.startContactsAt(-intensity.settleSeconds);
      seedPendingReturns(sim, intensity, `p|${r}`);
      sim.forEachPendingReturn((c, kind) => {
        expect(c).toBe(0);
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
      });
    }
    for (const kind of [PEND_REPEAT, PEND_REDIAL, PEND_AFTER_HOURS, PEND_AFTER_HOURS_WAITING]) {
      const mean = 8 * (expected.get(kind) ?? 0);
      expect(Math.abs((seen.get(kind) ?? 0) - mean), `kind ${kind}`).toBeLessThanOrEqual(
        4 * Math.sqrt(mean) + 1e-9,
      );
    }
  });

  it('gives a seeded return its customer class by share when it comes back (the pilot keeps no class)', () => {
    // two classes of one priority and one patience: their day-1 contacts split by share, seeded
    // returns included (with every seeded return in the first class, the split was 16 % off on seed c)
    const s = structuredClone(scenario);
    s.channels.voice!.classes = [
      { name: 'a', share: 0.5, priority: 1 },
      { name: 'b', share: 0.5, priority: 1 },
    ];
    for (const r of [0, 1]) {
      const o = runReplication(s, { seed: 'c', replication: r, pilot: true });
      const k = o.classes!.voice!;
      const a = k.a.offered!;
      const b = k.b.offered!;
      // ~7,000 calls: the split's sd is ~0.6 %; 5 % is ~8 sd
      expect(Math.abs(a - b) / (a + b)).toBeLessThan(0.05);
    }
  });
});
