/**
 * The whole plan: requirement → shifts (HiGHS) → verified by simulation; the mix; the command line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planMix, weightGrid } from '../src/plan/mix';
import { planWorkforce } from '../src/plan/plan';
import { loadSolver } from '../src/plan/solver';
import type { HighsSolver } from '../src/plan/shifts';
import { validateScenario } from '../src/scenario/validate';
import { simulate, type Scenario } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-plan-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let highs: HighsSolver;
beforeAll(async () => {
  highs = await loadSolver();
});

const evaluate = async (s: Scenario) => simulate(s, { seed: 'p', replications: 8 });

/** A US retailer's voice day: in-house Dallas 08:00–20:00, a Manila outsourcer for the US night. */
function retailer(): Scenario {
  const profile = Array.from({ length: 48 }, (_, j) =>
    j < 14 ? 0.4 : j < 20 ? 2 : j < 36 ? 4 : j < 42 ? 2 : 0.6,
  );
  return {
    name: 'retailer',
    clientUtcOffsetHours: -6,
    horizon: { days: 1, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 3000,
        profile,
        handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 },
        wrapUp: { dist: 'fixed', value: 30 },
        patience: { dist: 'exponential', mean: 150 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'dallas',
        name: 'Dallas',
        location: 'onshore',
        utcOffsetHours: -6,
        hours: { open: '08:00', close: '20:00' },
        groups: [{ id: 'voice', skills: ['voice'], agents: 30 }],
        shrinkage: 0.3,
        cost: { hourlyRate: 28, overheadRate: 0.25 },
        firstContactResolution: 0.75,
      },
      {
        id: 'manila',
        name: 'Manila',
        location: 'offshore',
        utcOffsetHours: 8,
        hours: '24/7',
        groups: [{ id: 'voice', skills: ['voice'], agents: 10 }],
        shrinkage: 0.2,
        cost: { hourlyRate: 12, overheadRate: 0.1 },
        firstContactResolution: 0.6,
        handleTimeFactor: 1.15,
        connectDelaySeconds: 2,
      },
    ],
    routing: { voice: { split: { dallas: 0.8, manila: 0.2 }, overflowAfterSeconds: 30 } },
  };
}

describe('planWorkforce', () => {
  it('gives a plan that meets its targets in its verifying run, and costs less than peak staffing all day', async () => {
    const s = retailer();
    const targets = { voice: { serviceLevel: 0.8, abandonRate: 0.05 } };
    const o = await planWorkforce(s, evaluate, highs, { targets });
    expect(o.verification.met).toBe(true);
    expect(o.verification.channels.every((c) => c.ok)).toBe(true);
    expect(o.verification.missed.filter((m) => m.impossible === undefined)).toEqual([]);
    // the shifts cover the requirement in every interval
    o.requirement.agents.forEach((row, g) =>
      row.forEach((n, j) => expect(o.scheduled[g][j]).toBeGreaterThanOrEqual(n)),
    );
    expect(o.cost.total.labour).toBeLessThan(o.cost.peakStaffing.total);
    // the planned scenario is a valid scenario with the shifts, inside opening hours
    const checked = validateScenario(o.scenario);
    expect(checked.ok).toBe(true);
    for (const sh of o.scenario.sites[0].groups[0].shifts!) {
      expect(sh.start >= '08:00').toBe(true);
      expect(sh.end <= '20:00').toBe(true);
    }
    // its labour cost is what the simulator charges (one day; no telecom or fees here)
    const sim = simulate(o.scenario, { seed: 'x', replications: 1 });
    // (the simulator also pays the minutes an agent stays to finish a contact past the shift's end)
    expect(sim.total.cost.mean!).toBeGreaterThanOrEqual(o.cost.total.labour - 1e-6);
    expect(sim.total.cost.mean!).toBeLessThan(o.cost.total.labour * 1.01);
  }, 60_000);

  it('with the mix, tries cheaper splits and keeps one only if it meets the targets', async () => {
    expect(weightGrid(2, 0.25)).toEqual([
      [0, 1],
      [0.25, 0.75],
      [0.5, 0.5],
      [0.75, 0.25],
      [1, 0],
    ]);
    const s = retailer();
    const m = await planMix(s, evaluate, highs, {
      targets: { voice: { serviceLevel: 0.8 } },
      step: 0.25,
      tryTop: 2,
    });
    // Manila 0 % would leave the US night (Dallas closed) to nobody: skipped
    expect(m.candidates.map((c) => c.weights.manila).sort()).toEqual([0.25, 0.5, 0.75, 1]);
    expect(m.tried).toHaveLength(2);
    // on service level alone, cheap Manila (despite its lower FCR and longer handle times) wins
    expect(m.best).not.toBeNull();
    expect(m.best!.verification.met).toBe(true);
    expect(m.best!.split).toEqual({ voice: { dallas: 0, manila: 1 } });
    expect(m.best!.cost.total.labour).toBeLessThan(m.current.cost.total.labour);
    // (v3) ranked on the simulated total cost, not on labour alone
    expect(Math.min(...m.tried.filter((t) => t.met).map((t) => t.total))).toBe(
      m.best!.cost.simulated.total.mean,
    );
    // cheap Manila takes more of the day in the cheapest screened mix
    expect(m.candidates[0].weights.manila).toBeGreaterThan(0.2);
  }, 120_000);
});

describe('sim plan', () => {
  it('writes the SPEC §8 keys, the requirement CSV and the planned scenario', async () => {
    const file = join(TMP, 'retailer.json');
    writeFileSync(file, JSON.stringify(retailer()));
    const json = join(TMP, 'plan.json');
    const csv = join(TMP, 'plan.csv');
    const out = join(TMP, 'planned.json');
    const r = await cli([
      'plan',
      file,
      '--targets',
      'voice:sl=0.8,ab=0.05',
      '--reps',
      '4',
      '--json',
      json,
      '--csv',
      csv,
      '--out',
      out,
      '--threads',
      '1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Shifts \(local time/);
    const j = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['requirement', 'shifts', 'cost', 'verification']));
    expect(j.requirement).toHaveLength(48);
    expect(Object.keys(j.shifts)).toEqual(['dallas', 'manila']);
    expect(j.shifts.dallas[0]).toMatchObject({
      group: 'voice',
      start: expect.any(String),
      end: expect.any(String),
      agents: expect.any(Number),
    });
    expect(j.cost.total.labour).toBeGreaterThan(0);
    expect(j.verification.channels[0]).toMatchObject({
      channel: 'voice',
      mean: expect.any(Number),
      ci95: expect.any(Number),
    });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('interval,start,site,group,erlang,required,scheduled');
    expect(lines).toHaveLength(1 + 48 * 2);
    expect(validateScenario(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
  }, 60_000);

  it('exits 2 with one line per bad option', async () => {
    const r = await cli(['plan', 'nope.json', '--lengths', '4,x', '--break', '1', '--targets', 'fax:sl=1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
  });
});
