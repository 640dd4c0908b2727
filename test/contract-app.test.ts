/**
 * (v3) The app's break-even sweep without a browser: the parameters it offers, and a sweep over a
 * contract's rate against the compare panel's base variant crossing where hand arithmetic says.
 */
import { describe, expect, it } from 'vitest';
import { runReplication, type Scenario } from '../src/sim';
import type { ReplicationJob } from '../src/worker/pool';
import { breakEvenText } from '../src/ui/compare/break-even-chart';
import { runBreakEvenSweep } from '../src/ui/compare/break-even-run';
import { compareVariants } from '../src/optimise/compare';
import { estimate } from '../src/sim/aggregate';
import { paramText, sweepParams, sweepScenarios, type PoolLike } from '../src/ui/compare/runs';

/** A pool that runs every job here, in order. */
const pool: PoolLike = {
  run: async (jobs: readonly ReplicationJob[]) =>
    jobs.map((j) => runReplication(j.scenario, { seed: j.seed, replication: j.replication })),
};

/** One 24/7 site; in-house it pays 30 a paid hour at 25 % shrinkage = 40 a productive hour. */
function center(contract: boolean): Scenario {
  return {
    name: contract ? 'vendor' : 'in-house',
    horizon: { days: 1, intervalMinutes: 60, warmUpDays: 0 },
    channels: { voice: { volumePerDay: 600, handleTime: { dist: 'exponential', mean: 240 } } },
    sites: [
      {
        id: 'center',
        name: 'Center',
        location: 'onshore',
        shrinkage: 0.25,
        groups: [{ id: 'voice', skills: ['voice'], agents: 4 }],
        cost: { hourlyRate: 30 },
        ...(contract ? { contract: { basis: 'productive-hour' as const, rate: 35 } } : {}),
      },
    ],
  };
}

describe('the app sweep’s break-even', () => {
  it('offers a contract site’s rate and every site’s FCR, as the CLI names them', () => {
    const params = sweepParams(center(true), new Map());
    expect(params.map(paramText)).toEqual(['agents:center/voice', 'contract:center:rate', 'fcr:center']);
    expect(params.find((p) => p.kind === 'contract')!.current).toBe(35);
    expect(sweepParams(center(false), new Map()).map(paramText)).toEqual([
      'agents:center/voice',
      'fcr:center',
    ]);
  });

  it('crosses the in-house base at a rate of 40, and says so', async () => {
    const param = sweepParams(center(true), new Map()).find((p) => p.kind === 'contract')!;
    const values = [31, 34, 37, 43, 46];
    const built = sweepScenarios(center(true), param, values);
    if (!built.ok) throw new Error(built.problems.join('\n'));
    const be = await runBreakEvenSweep(
      pool,
      built.scenarios,
      values,
      { name: 'in-house', scenario: center(false) },
      3,
      's',
    );
    expect(be.breakEven.value).toBeCloseTo(40, 9);
    expect(be.costDifference[0].mean!).toBeLessThan(0);
    expect(be.costDifference[4].mean!).toBeGreaterThan(0);
    expect(breakEvenText(param.label, 'in-house', be.breakEven)).toBe(
      'Break-even with in-house: contract rate: Center (productive-hour) = 40 (95 % interval 40 to 40); below it the sweep costs less than in-house.',
    );
  });
});

describe('the comparison’s cost by site', () => {
  it('carries each site’s cost, invoice and SLA credit (null for in-house) over the replications', () => {
    const runs = (s: Scenario) => [0, 1, 2].map((r) => runReplication(s, { seed: 'cmp', replication: r }));
    const vendor = runs(center(true));
    const c = compareVariants([
      { name: 'in-house', outcomes: runs(center(false)) },
      { name: 'vendor', outcomes: vendor },
    ]);
    expect(c.variants[0].sites!.center.invoice.mean).toBeNull();
    expect(c.variants[1].sites!.center.invoice).toEqual(estimate(vendor.map((o) => o.sites.center.invoice)));
    expect(c.variants[1].sites!.center.slaCredit.mean).toBe(0);
    expect(c.variants[1].sites!.center.cost).toEqual(c.variants[1].figures.total!.cost);
    // (v3) cost per contact and per owned issue, each estimated over the replications' own ratios
    expect(c.variants[1].sites!.center.costPerContact).toEqual(
      estimate(vendor.map((o) => o.sites.center.cost! / o.sites.center.handled!)),
    );
    expect(c.variants[1].sites!.center.costPerOwnedIssue).toEqual(
      estimate(vendor.map((o) => o.sites.center.costPerOwnedIssue)),
    );
  });
});
