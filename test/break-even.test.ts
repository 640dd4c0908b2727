/**
 * (v3) Break-even sweeps: `sweep --param contract:<site>:rate | fcr:<site> --base in-house.json` and the
 * pure crossing arithmetic behind them (src/optimise/break-even.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SweepResult } from '../src/optimise/sweep';
import { breakEven, zeroCrossing } from '../src/optimise/break-even';
import { applyParam, parseParam } from '../src/optimise/params';
import type { Scenario } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-break-even-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('the crossing', () => {
  it('interpolates linearly between the points around the sign change', () => {
    expect(zeroCrossing([0, 1, 2, 3], [-3, -1, 1, 3])).toBe(1.5);
    expect(zeroCrossing([10, 20], [-1, 3])).toBe(12.5);
    expect(zeroCrossing([0, 1, 2], [2, 0, -2])).toBe(1);
    expect(zeroCrossing([0, 1, 2], [1, null, -1])).toBe(1);
    expect(zeroCrossing([0, 1], [1, 2])).toBeNull();
  });

  it('bounds it by where mean ∓ ci95 cross zero, open where the sweep is too narrow', () => {
    // difference = x − 5 ± 1: crosses at 5, the band's edges at 4 and 6
    const xs = [0, 2, 4, 6, 8, 10];
    const b = breakEven(
      xs,
      xs.map((x) => ({ mean: x - 5, ci95: 1 })),
    );
    expect(b).toEqual({ value: 5, low: 4, high: 6, cheaperBelow: true });
    // falling: the variant is cheaper above the crossing
    const f = breakEven(
      xs,
      xs.map((x) => ({ mean: 5 - x, ci95: 1 })),
    );
    expect(f).toEqual({ value: 5, low: 4, high: 6, cheaperBelow: false });
    const wide = breakEven(
      xs,
      xs.map((x) => ({ mean: x - 5, ci95: 6 })),
    );
    expect(wide).toEqual({ value: 5, low: null, high: null, cheaperBelow: true });
    expect(
      breakEven(
        [1, 2],
        [
          { mean: 1, ci95: 0 },
          { mean: 2, ci95: 0 },
        ],
      ).value,
    ).toBeNull();
  });
});

describe('parameters', () => {
  const s: Scenario = {
    name: 'p',
    channels: { voice: { volumePerDay: 10, handleTime: { dist: 'fixed', value: 60 } } },
    sites: [
      {
        id: 'home',
        name: 'h',
        location: 'onshore',
        groups: [{ id: 'g', skills: ['voice'], agents: 1 }],
        cost: { hourlyRate: 30 },
      },
      {
        id: 'mnl',
        name: 'm',
        location: 'offshore',
        groups: [{ id: 'g', skills: ['voice'], agents: 1 }],
        cost: { hourlyRate: 0 },
        contract: { basis: 'paid-hour', rate: 12 },
      },
    ],
  };
  const set = (text: string, v: number) => {
    const p = parseParam(text);
    if (!p.ok) throw new Error(p.problem);
    return applyParam(s, p.param, v);
  };

  it('contract:<site>:rate and fcr:<site> set the field; the original is untouched', () => {
    const a = set('contract:mnl:rate', 14.5);
    expect(a.ok && a.scenario.sites[1].contract!.rate).toBe(14.5);
    const f = set('fcr:mnl', 0.6);
    expect(f.ok && f.scenario.sites[1].firstContactResolution).toBe(0.6);
    expect(s.sites[1].contract!.rate).toBe(12);
  });

  it('names the problem', () => {
    expect(set('contract:home:rate', 1)).toEqual({
      ok: false,
      problem: 'contract:home:rate: site "home" has no contract (it pays hourly labour)',
    });
    expect(set('fcr:nowhere', 1)).toEqual({
      ok: false,
      problem: 'fcr:nowhere: no site has the id "nowhere"',
    });
    expect(parseParam('contract:mnl:cap')).toEqual({
      ok: false,
      problem: '--param: contract:<siteId>:rate names a site and the field "rate" (got "contract:mnl:cap")',
    });
  });
});

describe('sweep --base: where outsourcing stops paying', () => {
  /**
   * One site, the same agents either way: in-house it pays 30 an hour on paid hours with 25 %
   * shrinkage, so 30 ÷ 0.75 = 40 per productive hour; the vendor bills productive hours. Service is
   * identical (same agents, same seeds), so the costs cross exactly at a rate of 40.
   */
  const site = (contract: boolean) => ({
    id: 'center',
    name: 'Center',
    location: 'onshore',
    shrinkage: 0.25,
    groups: [{ id: 'voice', skills: ['voice'], agents: 6 }],
    cost: { hourlyRate: 30, telecomPerMinute: 0.01 },
    ...(contract ? { contract: { basis: 'productive-hour', rate: 35 } } : {}),
  });
  const scenario = (name: string, contract: boolean) => ({
    name,
    horizon: { days: 1, intervalMinutes: 60, warmUpDays: 0 },
    channels: { voice: { volumePerDay: 1200, handleTime: { dist: 'exponential', mean: 240 } } },
    sites: [site(contract)],
  });
  const write = (name: string, value: object) => {
    const path = join(TMP, `${name}.json`);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };

  it('crosses the in-house base where hand arithmetic says (rate 40), and prints it with its interval', async () => {
    const vendor = write('vendor', scenario('vendor', true));
    const inHouse = write('in-house', scenario('in-house', false));
    const json = join(TMP, 'sweep.json');
    const csv = join(TMP, 'sweep.csv');
    const r = await cli([
      'sweep',
      vendor,
      '--param',
      'contract:center:rate',
      '--from',
      '31',
      '--to',
      '49',
      '--step',
      '3',
      '--reps',
      '3',
      '--base',
      inHouse,
      '--json',
      json,
      '--csv',
      csv,
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as SweepResult;
    const b = result.base!.breakEven;
    expect(b.value).toBeCloseTo(40, 9);
    expect(b.cheaperBelow).toBe(true);
    // Equal service: the difference is exactly (rate − 40) × productive hours in every replication.
    expect(b.low).toBeCloseTo(40, 9);
    expect(b.high).toBeCloseTo(40, 9);
    expect(r.stdout).toContain(
      'Break-even with in-house: contract:center:rate = 40.00 (95 % interval 40.00 to 40.00); below it the sweep costs less than in-house.',
    );
    const header = readFileSync(csv, 'utf8').split('\n')[0];
    expect(header).toContain('costDifference,costDifference_ci95');
  });

  it('refuses --base with --shard, and a bad base file', async () => {
    const vendor = write('vendor2', scenario('vendor', true));
    const r = await cli([
      'sweep',
      vendor,
      '--param',
      'contract:center:rate',
      '--from',
      '1',
      '--to',
      '2',
      '--step',
      '1',
      '--base',
      vendor,
      '--shard',
      '1/2',
      '--json',
      join(TMP, 'x.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base: not with --shard (run the break-even sweep unsharded)');
    const bad = write('bad', { name: 'bad' });
    const r2 = await cli([
      'sweep',
      vendor,
      '--param',
      'fcr:center',
      '--from',
      '0.5',
      '--to',
      '1',
      '--step',
      '0.5',
      '--base',
      bad,
    ]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('channels: ');
  });
});
