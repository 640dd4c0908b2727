/** Comparisons: common random numbers, paired differences, the Pareto frontier, `sim compare`. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { compareVariants, pairedDifference, paretoFrontier, variance } from '../src/optimise/compare';
import { runReplication, type Scenario } from '../src/sim';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-compare-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function scenario(agents: number, name = `agents-${agents}`): Scenario {
  return {
    name,
    horizon: { days: 1, intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 4800, // 200 an hour, 5-minute calls: 16.7 Erlang
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 180 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'a',
        name: 'a',
        location: 'onshore',
        groups: [{ id: 'g', skills: ['voice'], agents }],
        cost: { hourlyRate: 30 },
      },
    ],
  };
}

describe('common random numbers', () => {
  it('make the per-replication difference of 20 vs 21 agents far less noisy than independent seeds', () => {
    const reps = 16;
    const sl = (s: Scenario, seed: string, r: number) =>
      runReplication(s, { seed, replication: r }).channels.voice!.serviceLevel!;
    const a = scenario(20);
    const b = scenario(21);
    const crn: number[] = [];
    const independent: number[] = [];
    for (let r = 0; r < reps; r++) {
      const base = sl(a, 'crn', r);
      crn.push(sl(b, 'crn', r) - base); // the same seed: shared arrivals, handle times, patience
      independent.push(sl(b, 'other', r) - base); // another seed for the variant
    }
    const ratio = variance(crn) / variance(independent);
    expect(ratio).toBeLessThan(0.5); // measured: 0.036
    // and the CRN difference is positive (one more agent helps) and significant
    const d = pairedDifference(
      crn.map((x) => x),
      crn.map(() => 0),
    );
    expect(d.mean!).toBeGreaterThan(0);
    expect(d.significant).toBe(true);
  });

  it('pairs by replication index and skips undefined figures', () => {
    expect(pairedDifference([3, 5, null, 9], [1, 2, 4, null])).toEqual({
      mean: 2.5,
      ci95: expect.any(Number),
      pairs: 2,
      significant: false, // two pairs: t(1) = 12.7 makes the interval wide
    });
    expect(pairedDifference([3, 4, 5, 6], [1, 2, 3, 4])).toMatchObject({
      mean: 2,
      ci95: 0,
      significant: true,
    });
    expect(pairedDifference([1, 2], [1, 2])).toMatchObject({ mean: 0, ci95: 0, significant: false });
    expect(pairedDifference([1], [0])).toMatchObject({ mean: 1, ci95: null, significant: false });
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
  });
});

describe('Pareto frontier', () => {
  const pts = [
    { n: 'a', cost: 100, sl: 0.9 },
    { n: 'b', cost: 80, sl: 0.85 },
    { n: 'c', cost: 90, sl: 0.8 }, // dominated by b
    { n: 'd', cost: 120, sl: 0.9 }, // dominated by a
    { n: 'e', cost: 60, sl: 0.6 },
    { n: 'f', cost: 60, sl: 0.6 }, // equal to e: both kept
    { n: 'g', cost: 150, sl: 0.95 },
  ];
  it('keeps the non-dominated points, cheapest first', () => {
    const f = paretoFrontier(pts, [(p) => p.cost, (p) => -p.sl]);
    expect(f.map((p) => p.n)).toEqual(['e', 'f', 'b', 'a', 'g']);
  });
  it('minimises both for (cost, ASA)', () => {
    const f = paretoFrontier(
      [
        { n: 'x', cost: 1, asa: 30 },
        { n: 'y', cost: 2, asa: 10 },
        { n: 'z', cost: 3, asa: 20 },
      ],
      [(p) => p.cost, (p) => p.asa],
    );
    expect(f.map((p) => p.n)).toEqual(['x', 'y']);
    expect(paretoFrontier([], [(p: number) => p])).toEqual([]);
  });
  it('compareVariants puts the frontiers and differences together', () => {
    const runs = (agents: number) => ({
      name: `v${agents}`,
      outcomes: [0, 1, 2].map((r) => runReplication(scenario(agents), { seed: 's', replication: r })),
    });
    const c = compareVariants([runs(18), runs(22)], 0);
    expect(c.base).toBe('v18');
    expect(c.scopes).toEqual(['total', 'voice']);
    expect(c.variants[0].differences).toBeUndefined();
    const d = c.variants[1].differences!.voice!;
    expect(d.serviceLevel.mean!).toBeGreaterThan(0);
    expect(d.cost.mean!).toBeGreaterThan(0);
    expect(c.paretoCostServiceLevel).toEqual(['v18', 'v22']);
  });
});

describe('sim compare', () => {
  const write = (name: string, s: Scenario) => {
    const path = join(TMP, name);
    writeFileSync(path, JSON.stringify(s));
    return path;
  };
  const a = write('a.json', scenario(18, 'lean'));
  const b = write('b.json', scenario(22, 'rich'));

  it('prints figures and marked paired differences, and writes JSON and CSV', async () => {
    const json = join(TMP, 'c.json');
    const csv = join(TMP, 'c.csv');
    const run = await cli(['compare', a, b, '--reps', '4', '--threads', '1', '--json', json, '--csv', csv]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('base: lean');
    expect(run.stdout).toContain('Figures — voice');
    expect(run.stdout).toContain('lean (base)');
    const diff = run.stdout.split('\n').find((l) => l.startsWith('rich') && l.includes('*'));
    expect(diff, run.stdout).toBeDefined();
    const r = JSON.parse(readFileSync(json, 'utf8'));
    expect(r.kind).toBe('compare');
    expect(r.variants[1].differences.voice.serviceLevel.significant).toBe(true);
    expect(r.variants[1].differences.voice.serviceLevel.mean).toBeGreaterThan(0);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('variant,scope,figure,mean,ci95,difference,difference_ci95,significant');
    expect(rows).toHaveLength(1 + 2 * 2 * 7);
    // --base by name flips the sign
    const flipped = await cli(['compare', a, b, '--reps', '4', '--threads', '1', '--base', 'rich']);
    expect(flipped.stdout).toContain('base: rich');
  });

  it('bad arguments: exit 2, one line per problem, nothing run', async () => {
    const cases: [string[], string[]][] = [
      [
        ['compare', a],
        ['one scenario file is not a comparison: sim compare <a.json> <b.json> [more.json …] [options]'],
      ],
      [
        ['compare', a, b, '--reps', '1', '--threads', '0', '--bogus'],
        [
          '--bogus: unknown option',
          '--reps: must be a whole number from 2 to 10,000 (got "1")',
          '--threads: must be a whole number from 1 to 256 (got "0")',
        ],
      ],
      [['compare', a, b, '--base', 'nobody'], ['--base: "nobody" is none of the variants (lean, rich)']],
      [
        ['compare', a, join(TMP, 'missing.json')],
        [`${join(TMP, 'missing.json')}: cannot read file (no such file or directory)`],
      ],
      [['compare', a, b, '--json', a], [`--json: ${a} is an input file; refusing to overwrite it`]],
    ];
    for (const [argv, expected] of cases) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(expected.map((l) => l + '\n').join(''));
    }
    const help = await cli(['compare', '-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run sim -- compare/);
  });
});
