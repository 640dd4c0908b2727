/**
 * Conservation and determinism on a scenario that uses every feature: shifts, hours across midnight,
 * time zones, chat concurrency, wrap-up, FCR with repeats, escalation, overflow, connect and hand-off
 * delays, deferred channels.
 */
import { describe, expect, it } from 'vitest';
import { runReplication, simulate, Simulation, replicationOutcome } from '../src/sim/index';
import type { OutcomeValues, ReplicationOutcome } from '../src/sim/index';
import { outcomeProblems } from './support/invariants';
import { richScenario } from './support/rich';

function expectConserved(o: OutcomeValues, where: string): void {
  expect(o.offered, where).toBe((o.handled ?? 0) + (o.abandoned ?? 0) + (o.backlog ?? 0));
}

function checkAll(out: ReplicationOutcome): void {
  expect(outcomeProblems(out)).toEqual([]);
  for (const [k, o] of Object.entries(out.channels)) expectConserved(o!, `channel ${k}`);
  for (const [k, o] of Object.entries(out.sites)) expectConserved(o, `site ${k}`);
  expectConserved(out.total, 'total');
  const siteOffered = Object.values(out.sites).reduce((a, o) => a + o.offered!, 0);
  expect(siteOffered).toBe(out.total.offered);
  // Interval offered adds up to the channel's offered.
  for (const [k, o] of Object.entries(out.channels)) {
    const sum = out.intervals.reduce((a, i) => a + (i.channels[k as 'voice']!.offered ?? 0), 0);
    expect(sum, `intervals of ${k}`).toBe(o!.offered);
  }
}

describe('conservation: offered = handled + abandoned + backlog', () => {
  it('holds per channel, per site and in total, at the end of a run', () => {
    for (const seed of ['a', 'b', 'c']) checkAll(runReplication(richScenario(2), { seed }));
  });

  it('holds at any moment of a run, with what waits counted as backlog', () => {
    const sim = new Simulation(richScenario(1), { seed: 'mid' });
    for (const h of [3, 7.9, 8, 13.5, 20.01, 23]) {
      sim.advanceTo(h * 3600);
      checkAll(replicationOutcome(sim, false));
    }
  });

  it('every feature is exercised by the scenario (so the checks above mean something)', () => {
    const out = runReplication(richScenario(2), { seed: 'a' });
    const ch = out.channels;
    expect(ch.voice!.abandoned).toBeGreaterThan(0);
    expect(ch.email!.backlog! + ch.social!.backlog!).toBeGreaterThanOrEqual(0);
    expect(ch.voice!.contactsPerResolution).toBeGreaterThan(1);
    expect(out.sites.home.handled).toBeGreaterThan(0);
    expect(out.sites.mnl.handled).toBeGreaterThan(0);
    expect(ch.chat!.handled).toBeGreaterThan(0);
    for (const v of [out.total.cost, out.total.costPerResolved, out.total.occupancy]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
  });
});

describe('determinism', () => {
  const strip = (r: ReturnType<typeof simulate>) => ({ ...r, performance: undefined });

  it('the same seed gives identical results; another seed gives different ones', () => {
    const a = simulate(richScenario(1), { seed: 'same', replications: 2 });
    const b = simulate(richScenario(1), { seed: 'same', replications: 2 });
    const c = simulate(richScenario(1), { seed: 'other', replications: 2 });
    expect(JSON.stringify(strip(a))).toBe(JSON.stringify(strip(b)));
    expect(JSON.stringify(strip(a))).not.toBe(JSON.stringify(strip(c)));
  });

  it('stepping in small increments gives the same run as one call', () => {
    // the full warm-up on both sides (runReplication's default start is the pilot: warm-up-pilot.ts)
    const whole = runReplication(richScenario(1), { seed: 'step', pilot: false });
    const sim = new Simulation(richScenario(1), { seed: 'step' });
    for (let t = 0; t <= 86_400; t += 97.3) sim.advanceTo(t);
    const stepped = replicationOutcome(sim);
    expect(stepped).toEqual(whole);
  });

  it('results contain no NaN or Infinity', () => {
    const r = simulate(richScenario(1), { seed: 'finite', replications: 2 });
    const bad: string[] = [];
    JSON.stringify(r, (k, v) => {
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(k);
      return v;
    });
    expect(bad).toEqual([]);
  });
});
