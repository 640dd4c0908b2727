/**
 * Scale-out: `--shard i/n` + `merge` give exactly the unsharded result (JSON byte-identical apart from
 * `performance`), for `run` and `sweep`; merge refuses shards that do not belong together; `--threads`
 * changes nothing but the timing. Also the sweep's parameter paths.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli';
import { SHORELINE_VERSION } from '../src/cli/shard';
import { applyParam, parseParam, sweepValues } from '../src/optimise/params';
import { parseShard, shardItems } from '../src/optimise/shard';
import type { Scenario, SimulationResult } from '../src/sim';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-shard-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
const tmp = (name: string) => join(TMP, `${++n}-${name}`);

const withoutPerformance = (path: string) => {
  const { performance: _p, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return JSON.stringify(rest, null, 2);
};

function scenario(): Scenario {
  const site = (id: string, agents: number, hourlyRate: number) => ({
    id,
    name: id,
    location: 'onshore' as const,
    groups: [{ id: 'voice', skills: ['voice' as const], agents }],
    cost: { hourlyRate },
  });
  return {
    name: 'shard-me',
    horizon: { days: 1, intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 1200,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 150 },
        // (v3) per-class figures must merge like the rest
        classes: [
          { name: 'standard', share: 0.8 },
          { name: 'premium', share: 0.2, priority: 1, patience: null },
        ],
      },
    },
    sites: [site('home', 3, 30), site('away', 3, 12)],
    routing: { voice: { split: { home: 0.5, away: 0.5 } } },
  };
}
const FILE = join(TMP, 'scenario.json');
writeFileSync(FILE, JSON.stringify(scenario()));

describe('run --shard + merge', () => {
  const reps = ['--reps', '7', '--seed', 'sh', '--threads', '1'];
  const shards = async (count: number) => {
    const files: string[] = [];
    for (let i = 1; i <= count; i++) {
      const f = tmp(`s${i}.json`);
      const r = await cli([FILE, ...reps, '--shard', `${i}/${count}`, '--json', f]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^shard ${i}/${count}: replications? `));
      files.push(f);
    }
    return files;
  };

  it('3 shards merged = the unsharded run, byte for byte apart from performance (and the same table)', async () => {
    const whole = tmp('whole.json');
    const direct = await cli([FILE, ...reps, '--json', whole]);
    expect(direct.code).toBe(0);
    const files = await shards(3);
    const merged = tmp('merged.json');
    // any order of the files
    const m = await cli(['merge', files[2], files[0], files[1], '--json', merged]);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(withoutPerformance(merged)).toBe(withoutPerformance(whole));
    expect(m.stdout).toBe(direct.stdout);
    expect(direct.stdout).toMatch(/By customer class\n.*\n.*\nvoice standard .*\nvoice premium /);
    const classes = (JSON.parse(readFileSync(whole, 'utf8')) as SimulationResult).channels.voice!.classes!;
    expect(Object.keys(classes)).toEqual(['standard', 'premium']);
    expect(classes.premium.handled.mean).toBeGreaterThan(0);
  });

  it('refuses a duplicated or missing shard, naming the files (exit 2, one line each)', async () => {
    const [a, b, c] = await shards(3);
    const twice = await cli(['merge', a, b, b, c]);
    expect(twice.code).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe(`${b}: given twice (shard 2/3)\n`);

    const copy = tmp('copy-of-s2.json');
    copyFileSync(b, copy);
    const again = await cli(['merge', a, b, copy, c]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`${copy}: shard 2/3 again (already given as ${b})\n`);

    const missing = await cli(['merge', a, c]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `missing shard 2/3 (replication 2, replication 3); given: ${a} (1/3), ${c} (3/3)\n`,
    );

    // a shard file whose items were edited is not taken for the shard it claims to be
    const forged = tmp('forged.json');
    const f = JSON.parse(readFileSync(b, 'utf8')) as { items: number[] };
    f.items = f.items.map((i) => i + 1);
    writeFileSync(forged, JSON.stringify(f));
    const wrong = await cli(['merge', a, forged, c]);
    expect(wrong.stderr).toBe(`${forged}: its items are not those of shard 2/3 (the file was changed?)\n`);
  });

  it('refuses shards of another count, version, seed or scenario, naming the file', async () => {
    const [a, , c] = await shards(3);
    const ofFour = tmp('of-four.json');
    expect((await cli([FILE, ...reps, '--shard', '2/4', '--json', ofFour])).code).toBe(0);
    const count = await cli(['merge', a, ofFour, c]);
    expect(count.code).toBe(2);
    expect(count.stderr).toBe(`${ofFour}: shard 2/4 is one of 4 shards, ${a} one of 3\n`);

    const b = (await shards(3))[1];
    const edit = (name: string, change: (f: Record<string, unknown>) => void) => {
      const file = tmp(name);
      const f = JSON.parse(readFileSync(b, 'utf8')) as Record<string, unknown>;
      change(f);
      writeFileSync(file, JSON.stringify(f));
      return file;
    };
    expect(JSON.parse(readFileSync(a, 'utf8')).shoreline).toBe(SHORELINE_VERSION);
    const newer = edit('newer.json', (f) => (f.shoreline = '9.9.9'));
    const version = await cli(['merge', a, newer, c]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(`${newer}: written by Shoreline 9.9.9, ${a} by ${SHORELINE_VERSION}\n`);
    const format = edit('format-2.json', (f) => (f.version = 2));
    const formatVersion = await cli(['merge', a, format, c]);
    expect(formatVersion.code).toBe(2);
    expect(formatVersion.stderr).toBe(`${format}: shard format version 2, expected 1\n`);

    const otherSeed = tmp('seed.json');
    await cli([
      FILE,
      '--reps',
      '7',
      '--seed',
      'other',
      '--threads',
      '1',
      '--shard',
      '2/3',
      '--json',
      otherSeed,
    ]);
    const foreign = await cli(['merge', a, otherSeed, c]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toBe(`${otherSeed}: seed "other" differs from ${a}'s "sh"\n`);

    const changed = scenario();
    changed.sites[0].groups[0].agents = 4;
    const otherFile = tmp('other-scenario.json');
    writeFileSync(otherFile, JSON.stringify(changed));
    const otherShard = tmp('other-shard.json');
    await cli([otherFile, ...reps, '--shard', '2/3', '--json', otherShard]);
    const mixed = await cli(['merge', a, otherShard, c]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(`${otherShard}: scenario "shard-me" has other contents than in ${a}\n`);

    const renamed = edit('renamed.json', (f) => ((f.scenario as { name: string }).name = 'other-name'));
    const otherName = await cli(['merge', a, renamed, c]);
    expect(otherName.stderr).toBe(`${renamed}: scenario "other-name" differs from ${a}'s "shard-me"\n`);

    const notShard = await cli(['merge', a, FILE]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toMatch(/not a shard file/);
  });

  it('checks the shard arguments', async () => {
    const r = await cli([FILE, '--shard', '4/3', '--csv', tmp('x.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      '--shard: must be i/n with 1 ≤ i ≤ n ≤ 10,000, e.g. 2/3 (got "4/3")',
      '--shard: needs --json FILE to write the shard file to',
      '--csv: not with --shard (merge the shards, then write the CSV)',
    ]);
    expect(parseShard('2/3')).toEqual({ ok: true, shard: { index: 2, count: 3 } });
    // contiguous blocks covering every item once
    const all = [1, 2, 3, 4].flatMap((i) => shardItems(10, { index: i, count: 4 }));
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shardItems(2, { index: 3, count: 3 })).toEqual([1]);
    expect(shardItems(2, { index: 1, count: 3 })).toEqual([]);
  });
});

describe('sweep --shard + merge', () => {
  const args = [
    'sweep',
    FILE,
    '--param',
    'sites[away].groups[0].agents',
    '--from',
    '2',
    '--to',
    '4',
    '--step',
    '1',
  ];
  const common = ['--reps', '3', '--threads', '1'];

  it('3 shards of points × replications merged = the unsharded sweep', async () => {
    const whole = tmp('sweep.json');
    const csv = tmp('sweep.csv');
    const direct = await cli([...args, ...common, '--json', whole, '--csv', csv]);
    expect(direct.stderr).toBe('');
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain('sweep of sites[away].groups[0].agents over 3 points');
    const r = JSON.parse(readFileSync(whole, 'utf8'));
    expect(r.points.map((p: { value: number }) => p.value)).toEqual([2, 3, 4]);
    // more agents at the cheap site: better service, higher cost
    const sl = r.points.map(
      (p: { channels: { voice: { serviceLevel: { mean: number } } } }) => p.channels.voice.serviceLevel.mean,
    );
    expect(sl[0]).toBeLessThan(sl[2]);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe(
      'value,cost,cost_ci95,costPerResolved,costPerResolved_ci95,voice_serviceLevel,voice_serviceLevel_ci95,voice_abandonRate,voice_abandonRate_ci95,voice_asa,voice_asa_ci95',
    );

    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const f = tmp(`sw${i}.json`);
      const s = await cli([...args, ...common, '--shard', `${i}/3`, '--json', f]);
      expect(s.code, s.stderr).toBe(0);
      files.push(f);
    }
    const merged = tmp('sweep-merged.json');
    const m = await cli(['merge', ...files, '--json', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(withoutPerformance(merged)).toBe(withoutPerformance(whole));
    expect(m.stdout).toBe(direct.stdout);
  });

  it('a bad point is named (exit 2) before anything runs', async () => {
    const r = await cli([
      'sweep',
      FILE,
      '--param',
      'sites[0].groups[0].agents',
      '--from',
      '2',
      '--to',
      '3',
      '--step',
      '0.5',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'point 2 (sites[0].groups[0].agents = 2.5): sites[0].groups[0].agents: must be a whole number ≥ 0',
    ]);
    const bad = await cli([
      'sweep',
      FILE,
      '--param',
      'sites[9].agents',
      '--from',
      'x',
      '--to',
      '1',
      '--step',
      '-1',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean)).toEqual([
      '--from: must be a number such as 10 or 0.25 (got "x")',
      '--step: must be > 0 (got "-1")',
    ]);
    const path = await cli([
      'sweep',
      FILE,
      '--param',
      'sites[9].agents',
      '--from',
      '1',
      '--to',
      '1',
      '--step',
      '1',
    ]);
    expect(path.stderr).toBe('point 1 (sites[9].agents = 1): sites[9]: out of range (the list has 2)\n');
    const help = await cli(['sweep', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run sim -- sweep/);
  });
});

describe('parameter paths', () => {
  const s = scenario();
  const set = (text: string, v: number) => {
    const p = parseParam(text);
    if (!p.ok) throw new Error(p.problem);
    return applyParam(s, p.param, v);
  };
  it('dotted, bracket and by-id paths; the original is untouched', () => {
    const a = set('sites[1].groups[0].agents', 9);
    expect(a.ok && a.scenario.sites[1].groups[0].agents).toBe(9);
    const b = set('sites[home].groups[voice].agents', 7);
    expect(b.ok && b.scenario.sites[0].groups[0].agents).toBe(7);
    const c = set('routing.voice.split.away', 2);
    expect(c.ok && c.scenario.routing!.voice!.split).toEqual({ home: 0.5, away: 2 });
    expect(s.sites[1].groups[0].agents).toBe(3);
    expect(set('name', 1)).toEqual({
      ok: false,
      problem: 'name: is not a number (it is the text "shard-me")',
    });
    expect(parseParam('a..b').ok).toBe(false);
  });
  it('share:<channel>:<site> sets a share in % and spreads the rest proportionally', () => {
    const three = structuredClone(s);
    three.sites.push({ ...three.sites[1], id: 'far' });
    three.routing = { voice: { split: { home: 2, away: 1, far: 1 } } };
    const p = parseParam('share:voice:home');
    if (!p.ok) throw new Error(p.problem);
    const r = applyParam(three, p.param, 20);
    expect(r.ok && r.scenario.routing!.voice!.split).toEqual({ home: 0.2, away: 0.4, far: 0.4 });
    const all = applyParam(three, p.param, 100);
    expect(all.ok && all.scenario.routing!.voice!.split).toEqual({ home: 1, away: 0, far: 0 });
    expect(applyParam(three, p.param, 120)).toEqual({
      ok: false,
      problem: 'share:voice:home: a share is 0 to 100 % (got 120)',
    });
    expect(parseParam('share:fax:home').ok).toBe(false);
  });
  it('sweep values include the end point despite rounding', () => {
    expect(sweepValues(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(sweepValues(2, 3, 1)).toEqual([2, 3]);
  });
});

describe('--threads', () => {
  it('worker threads give the same result as this thread', async () => {
    const one = tmp('t1.json');
    const two = tmp('t2.json');
    expect((await cli([FILE, '--reps', '4', '--threads', '1', '--json', one])).code).toBe(0);
    expect((await cli([FILE, '--reps', '4', '--threads', '2', '--json', two])).code).toBe(0);
    expect(withoutPerformance(two)).toBe(withoutPerformance(one));
  });
});
