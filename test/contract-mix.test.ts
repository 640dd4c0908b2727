/**
 * (v3) `plan --mix` ranks splits on the simulated total cost — contracts' invoices less their SLA
 * credits included — not on paid labour alone (src/plan/mix.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { staffingVariables } from '../src/optimise/optimiser';
import { planMix } from '../src/plan/mix';
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
