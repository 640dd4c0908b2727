/**
 * (v3) `plan --mix` ranks splits on the simulated total cost — contracts' invoices less their SLA
 * credits included — not on paid labour alone (src/plan/mix.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { staffingVariables } from '../src/optimise/optimiser';
import { closures, constraintProblems, planMix, splitShares } from '../src/plan/mix';
import type { HighsSolver } from '../src/plan/shifts';
import { loadSolver } from '../src/plan/solver';
import { simulate, type Scenario } from '../src/sim';

let highs: HighsSolver;
beforeAll(async () => {
  highs = await loadSolver();
});

const evaluate = async (s: Scenario) => simulate(s, { seed: 'mix', replications: 4 });

/**
 * Two identical 24/7 voice sites. In-house `home` pays 30 an hour. The `vendor` bills 32 per productive
 * hour (its hourly rate, 32, is what a plan of paid labour sees), but credits 30 % of its invoice when
 * its service level is below 99 % — which a plan staffed for 80 % in 20 s never reaches. Labour alone
 * picks home (30 < 32); with the credit the vendor costs 32 × 0.7 = 22.4 an hour and wins.
 */
function twoSites(): Scenario {
  const site = (id: string, rate: number) => ({
    id,
    name: id,
    location: 'onshore' as const,
    hours: '24/7' as const,
    groups: [{ id: 'voice', skills: ['voice' as const], agents: 6 }],
    cost: { hourlyRate: rate },
  });
  return {
    name: 'credits-decide',
    horizon: { days: 1, intervalMinutes: 60, warmUpDays: 0 },
    channels: {
      voice: {
        volumePerDay: 1440,
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 120 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      site('home', 30),
      {
        ...site('vendor', 32),
        contract: {
          basis: 'productive-hour',
          rate: 32,
          slaCredits: { channel: 'voice', tiers: [{ below: 0.99, credit: 0.3 }], cap: 0.3 },
        },
      },
    ],
    routing: { voice: { split: { home: 0.5, vendor: 0.5 } } },
  };
}

describe('plan --mix with a contract', () => {
  it('labour alone picks the in-house split; the total with SLA credits picks the vendor', async () => {
    const m = await planMix(twoSites(), evaluate, highs, {
      targets: { voice: { serviceLevel: 0.8 } },
      step: 1,
      tryTop: 2,
    });
    expect(m.tried).toHaveLength(2);
    const at = (id: string) => m.tried.find((t) => t.weights[id] === 1)!;
    const home = at('home');
    const vendor = at('vendor');
    expect(home.met && vendor.met).toBe(true);
    // the same work, so labour ranks by rate: home first
    expect(home.labour).toBeLessThan(vendor.labour);
    // the vendor's invoice less 30 % credit undercuts home's labour
    expect(vendor.total).toBeLessThan(home.total);
    expect(m.best!.split).toEqual({ voice: { home: 0, vendor: 1 } });
  }, 120_000);
});

describe('plan --mix constraints (issue 27): a floor per site, a cap per vendor, closures said', () => {
  const TMP = mkdtempSync(join(tmpdir(), 'shoreline-mix-'));
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));
  const targets = { voice: { serviceLevel: 0.8 } };

  it('unconstrained, the mix closes home for voice and says so', async () => {
    const m = await planMix(twoSites(), evaluate, highs, { targets, step: 0.5, tryTop: 3 });
    expect(m.best!.split).toEqual({ voice: { home: 0, vendor: 1 } });
    expect(m.closes).toEqual([{ site: 'home', name: 'home', channel: 'voice', now: 0.5 }]);
    expect(closures(twoSites(), { voice: { home: 1, vendor: 1 } })).toEqual([]);
  }, 120_000);

  it('a minimum share keeps home at half or more; a cap holds the vendor to it', async () => {
    for (const constraints of [{ minShare: { home: 0.5 } }, { cap: { vendor: 0.5 } }]) {
      const m = await planMix(twoSites(), evaluate, highs, { targets, step: 0.5, tryTop: 3, constraints });
      // only home 50 % and home 100 % are screened (the vendor's 100 % is out)
      expect(m.candidates.map((c) => c.weights.home).sort()).toEqual([0.5, 1]);
      expect(m.best).not.toBeNull();
      const home = splitShares(m.best!.split!).voice!.home;
      expect(home).toBeGreaterThanOrEqual(0.5);
      // whichever is chosen, a site left with 0 % is named
      expect(m.closes).toEqual(
        home === 1 ? [{ site: 'vendor', name: 'vendor', channel: 'voice', now: 0.5 }] : [],
      );
    }
  }, 240_000);

  it('checks the constraints, naming the field', () => {
    const names = { minShare: '--min-share', cap: '--cap' };
    expect(
      constraintProblems(twoSites(), { minShare: { columbus: 0.2 }, cap: { vendor: 1.5 } }, 0.25, names),
    ).toEqual([
      '--min-share: no site has the id "columbus"',
      "--cap: vendor's share must be 0 to 1 (got 1.5)",
    ]);
    expect(constraintProblems(twoSites(), { minShare: { home: 0.7, vendor: 0.6 } }, 0.25, names)).toEqual([
      '--min-share: the minimums add up to 1.3, more than 1',
    ]);
    expect(
      constraintProblems(twoSites(), { minShare: { home: 0.6 }, cap: { home: 0.5 } }, 0.25, names),
    ).toEqual(["--min-share: home's minimum 0.6 is above its --cap 0.5"]);
    expect(
      constraintProblems(twoSites(), { minShare: { home: 0.3 }, cap: { home: 0.4 } }, 0.5, names),
    ).toEqual(['--min-share/--cap: no split on the grid of 0.5 keeps every site within them']);
  });

  it('sim plan: --min-share and --cap; bad values exit 2, one line each naming the flag; a closure is warned', async () => {
    const file = join(TMP, 'two.json');
    writeFileSync(file, JSON.stringify(twoSites()));
    const bad = await cli(['plan', file, '--min-share', 'home=x', '--cap', 'vendor=0.4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      '--min-share: only applies with --mix',
      '--min-share: expected SITE=SHARE, e.g. columbus=0.2 (got "home=x")',
      '--cap: only applies with --mix',
    ]);
    const unknown = await cli(['plan', file, '--mix', '--cap', 'manila=0.6']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('--cap: no site has the id "manila"');
    const common = ['--reps', '4', '--seed', 'mix', '--mix', '--mix-step', '0.5', '--threads', '1'];
    const open = await cli(['plan', file, ...common]);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain(
      'Warning: the mix closes home for voice (0 % of voice; 50 % now). To keep it open, plan with --min-share home=SHARE.',
    );
    const kept = await cli(['plan', file, ...common, '--min-share', 'home=0.5']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).not.toContain('Warning: the mix closes home');
    expect(kept.stdout).toMatch(/^home\s+50 %.*(50|100) %/m);
  }, 240_000);
});

describe('the optimiser’s unit costs', () => {
  it('weigh premium hours by their factor and cost a contract agent at its rate (volume bases: nothing)', () => {
    const s = twoSites();
    s.sites[0].shrinkage = 0.2;
    s.sites[0].payPremiums = [{ from: '22:00', to: '06:00', factor: 1.5 }];
    const [home, vendor] = staffingVariables(s);
    expect(home.unitCost).toBeCloseTo(((16 + 8 * 1.5) * 30) / 0.8, 9);
    expect(vendor.unitCost).toBeCloseTo(24 * 32, 9);
    s.sites[1].contract = { basis: 'handled-minute', rate: 0.4 };
    expect(staffingVariables(s)[1].unitCost).toBe(0);
    s.sites[1].contract = { basis: 'fte-month', rate: 1559 };
    s.sites[1].shrinkage = 0.24;
    expect(staffingVariables(s)[1].unitCost).toBeCloseTo((24 * 1559) / 0.76 / 173.3, 9);
  });
});
