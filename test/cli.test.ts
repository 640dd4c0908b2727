/**
 * The command line (`npm run sim`): in-process through runCli with captured writers, plus a few
 * end-to-end runs of the real entry point (bin/shoreline.cjs, the compiled CLI) for exit statuses.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../src/cli/csv';
import { COMMANDS, DEFAULT_COMMAND, errorText, runCli } from '../src/cli/cli';
import { formatEstimate, formatNumber, STYLES } from '../src/cli/format';
import type { CliIO, Command } from '../src/cli/io';
import { parseRunArgs } from '../src/cli/run';
import { parseScenarioText } from '../src/scenario/validate';
import { INTERVAL_KEYS, SimulationBudgetError, type SimulationResult } from '../src/sim';
import { cli } from './support/cli';

const ROOT = resolve(__dirname, '..');
const SCENARIO_DIR = join(ROOT, 'scenarios');
const SCENARIOS = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let fileNo = 0;
const tmpFile = (name: string) => join(TMP, `${++fileNo}-${name}`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnCli(argv: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/shoreline.cjs', ...argv], {
      cwd: ROOT,
      env: { ...process.env, SHORELINE_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** The SPEC §0 example, with a second site, small enough to simulate in milliseconds. */
function smallScenario(): Record<string, unknown> {
  const site = (id: string, location: string, agents: number) => ({
    id,
    name: id,
    location,
    utcOffsetHours: -5,
    hours: '24/7',
    groups: [{ id: 'voice', skills: ['voice'], agents }],
    shrinkage: 0,
    cost: { hourlyRate: 32, overheadRate: 0, telecomPerMinute: 0, perContactFee: 0 },
  });
  return {
    name: 'two-site-voice',
    clientUtcOffsetHours: -5,
    horizon: { days: 1, intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 600,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 180 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [site('home', 'onshore', 2), site('away', 'offshore', 2)],
    routing: { voice: { split: { home: 0.5, away: 0.5 } } },
  };
}

function writeScenario(value: unknown, name = 'scenario.json'): string {
  const path = tmpFile(name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

/**
 * What a quiet run prints on stderr: nothing, but for the one bundled scenario with no steady state,
 * overloaded on purpose (test/steady-check.test.ts), whose warning is its one line.
 */
function quietStderr(stderr: string, argv: readonly string[]): string {
  return argv.some((a) => a.endsWith('peak-day-surge.json'))
    ? stderr.replace(/^warning: no steady state: the email backlog grows .*\n$/, '')
    : stderr;
}

async function jsonResult(argv: string[]): Promise<SimulationResult> {
  const out = tmpFile('result.json');
  const run = await cli([...argv, '--json', out]);
  expect(quietStderr(run.stderr, argv)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as SimulationResult;
}

const OUTCOME_KEYS_SPEC6 = [
  'offered',
  'handled',
  'abandoned',
  'backlog',
  'serviceLevel',
  'asa',
  'waitP90',
  'abandonRate',
  'occupancy',
  'resolutionHours',
  'contactsPerResolution',
  'cost',
  'costPerResolved',
];

describe('every shipped scenario', () => {
  it.each(SCENARIOS)('%s runs with --reps 2 --days 1 and exits 0', async (file) => {
    const run = await cli([join(SCENARIO_DIR, file), '--reps', '2', '--days', '1']);
    expect(quietStderr(run.stderr, [file])).toBe('');
    expect(run.code).toBe(0);
    const scenario = JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
    const out = lines(run.stdout);
    expect(out[0]).toBe(
      `${scenario.name} — seed "1", 2 replications, 1 day in ${scenario.horizon?.intervalMinutes ?? 30}-minute intervals`,
    );
    expect(run.stdout).toContain('±');
    for (const kind of Object.keys(scenario.channels))
      expect(out.some((l) => l.startsWith(kind + ' '))).toBe(true);
    for (const site of scenario.sites as { id: string; location: string }[])
      expect(out.some((l) => l.startsWith(`${site.id} (${site.location})`))).toBe(true);
    // service, resolution and cost, issues, not served at once; by site, by owning site; (v3)
    // contracts, where a site has one
    const contracts = (scenario.sites as { contract?: object }[]).some((s) => s.contract) ? 1 : 0;
    expect(out.filter((l) => l.startsWith('total ')).length).toBe(6 + contracts);
  });

  it.each(SCENARIOS)(
    '%s conserves contacts (offered = handled + abandoned + backlog), reps 1',
    async (file) => {
      const r = await jsonResult([join(SCENARIO_DIR, file), '--days', '1']);
      const scopes = [
        ...Object.entries(r.channels).map(([k, o]) => [`channel ${k}`, o!] as const),
        ...Object.entries(r.sites).map(([k, o]) => [`site ${k}`, o] as const),
        ['total', r.total] as const,
      ];
      for (const [scope, o] of scopes) {
        const sum = o.handled.mean! + o.abandoned.mean! + o.backlog.mean!;
        expect(sum, `${file} ${scope}`).toBe(o.offered.mean);
      }
      const sumOver = (os: { offered: { mean: number | null } }[]) =>
        os.reduce((a, o) => a + o.offered.mean!, 0);
      expect(sumOver(Object.values(r.sites))).toBe(r.total.offered.mean);
      expect(sumOver(Object.values(r.channels).map((o) => o!))).toBe(r.total.offered.mean);
    },
  );
});

describe('end to end (spawned)', () => {
  it('exits 0 with a table, 2 for bad arguments, 2 for a bad scenario', async () => {
    const bad = smallScenario();
    (bad.sites as { groups: { agents: number }[] }[])[1].groups[0].agents = -1;
    const badPath = writeScenario(bad);
    const [ok, badArgs, badScenario] = await Promise.all([
      spawnCli([join('scenarios', SCENARIOS[0]), '--reps', '2', '--days', '1', '--threads', '2', '--quiet']),
      spawnCli(['--reps', '0']),
      spawnCli([badPath]),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Service by channel');
    // the compiled CLI prints what the current sources print
    const inProcess = await cli([
      join(ROOT, 'scenarios', SCENARIOS[0]),
      '--reps',
      '2',
      '--days',
      '1',
      '--quiet',
    ]);
    expect(ok.stdout).toBe(inProcess.stdout);

    expect(badArgs.code).toBe(2);
    expect(badArgs.stdout).toBe('');
    expect(lines(badArgs.stderr)).toEqual([
      '--reps: must be a whole number from 1 to 10,000 (got "0")',
      'missing scenario file: sim <scenario.json> [options]',
    ]);

    expect(badScenario.code).toBe(2);
    expect(badScenario.stdout).toBe('');
    expect(lines(badScenario.stderr)).toEqual(['sites[1].groups[0].agents: must be a whole number ≥ 0']);
  });

  it('runs plan (HiGHS, loaded from node_modules) through the compiled CLI, twice: built, then from the code cache', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await spawnCli([
        'plan',
        join('scenarios', 'onshore-baseline.json'),
        '--targets',
        'voice:sl=0.8',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('The plan meets its targets');
    }
  }, 120_000);
});

describe('bad scenario files: exit 2, one line per problem, nothing on stdout', () => {
  const cases: [string, () => string, string[]][] = [
    [
      'negative agents',
      () => {
        const s = smallScenario();
        (s.sites as { groups: { agents: number }[] }[])[1].groups[0].agents = -1;
        return writeScenario(s);
      },
      ['sites[1].groups[0].agents: must be a whole number ≥ 0'],
    ],
    [
      'unknown site in split',
      () => {
        const s = smallScenario();
        (s.routing as { voice: { split: Record<string, number> } }).voice.split.atlantis = 1;
        return writeScenario(s);
      },
      ['routing.voice.split.atlantis: no site has the id "atlantis"'],
    ],
    ['malformed JSON', () => writeScenario('{ "name": "x", '), ['(root): not valid JSON']],
    ['empty file', () => writeScenario(''), ['(root): file is empty']],
  ];

  it.each(cases)('%s', async (_name, make, expected) => {
    const path = make();
    const run = await cli([path, '--reps', '2']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const got = lines(run.stderr);
    // exactly the validator's problems, one per line, as they are
    const parsed = parseScenarioText(readFileSync(path, 'utf8'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(got).toEqual(parsed.problems);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i].startsWith(e), got[i]).toBe(true));
  });

  it('reports every problem at once', async () => {
    const s = smallScenario();
    (s.sites as { groups: { agents: number }[] }[])[1].groups[0].agents = -1;
    (s.routing as { voice: { split: Record<string, number> } }).voice.split.atlantis = 1;
    const run = await cli([writeScenario(s)]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'sites[1].groups[0].agents: must be a whole number ≥ 0',
      'routing.voice.split.atlantis: no site has the id "atlantis"',
    ]);
  });

  it('an unreadable file: <path>: cannot read file (<reason>)', async () => {
    const missing = join(TMP, 'no-such.json');
    const run = await cli([missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${missing}: cannot read file (no such file or directory)\n`);
    const dir = await cli([TMP]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`${TMP}: cannot read file (it is a directory)\n`);
  });
});

describe('bad arguments: exit 2, one line per problem, nothing simulated', () => {
  const scenario = join(SCENARIO_DIR, SCENARIOS[0]);
  const cases: [string[], string[]][] = [
    [[scenario, '--reps', '0'], ['--reps: must be a whole number from 1 to 10,000 (got "0")']],
    [[scenario, '--reps', 'abc'], ['--reps: must be a whole number from 1 to 10,000 (got "abc")']],
    [[scenario, '--reps', '10001'], ['--reps: must be a whole number from 1 to 10,000 (got "10001")']],
    [[scenario, '--reps', '2.5'], ['--reps: must be a whole number from 1 to 10,000 (got "2.5")']],
    [[scenario, '--reps', '-1'], ['--reps: must be a whole number from 1 to 10,000 (got "-1")']],
    [[scenario, '--days', '0'], ['--days: must be a whole number from 1 to 366 (got "0")']],
    [[scenario, '--days', '367'], ['--days: must be a whole number from 1 to 366 (got "367")']],
    [[scenario, '--seed', ''], ['--seed: must not be empty']],
    [[scenario, '--frobnicate'], ['--frobnicate: unknown option']],
    [
      [scenario, '--rep', '2'],
      ['--rep: unknown option (did you mean --reps?)', '2: unexpected argument (one scenario file per run)'],
    ],
    [[scenario, '--reps'], ['--reps: needs a value']],
    [[scenario, '--quiet=yes'], ['--quiet: takes no value (got "yes")']],
    [[scenario, '--reps', '2', '--reps', '3'], ['--reps: given more than once']],
    [[], ['missing scenario file: sim <scenario.json> [options]']],
    [
      ['--reps', '0', '--days', 'x', '--bogus'],
      [
        '--bogus: unknown option',
        '--reps: must be a whole number from 1 to 10,000 (got "0")',
        '--days: must be a whole number from 1 to 366 (got "x")',
        'missing scenario file: sim <scenario.json> [options]',
      ],
    ],
  ];

  it.each(cases)('%j', async (argv, expected) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(expected.map((l) => l + '\n').join(''));
  });

  it('checks output files before simulating', async () => {
    const json = join(TMP, 'no-such-dir', 'r.json');
    const run = await cli([scenario, '--json', json, '--csv', scenario]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      `--json: cannot write ${json} (directory: no such file or directory)`,
      `--csv: ${scenario} is the scenario file; refusing to overwrite it`,
    ]);
  });

  it('accepts any seed text and --seed=value', () => {
    const p = parseRunArgs(['x.json', '--seed=-7 a', '--reps=3', '--days', '2']);
    expect(p).toEqual({
      kind: 'ok',
      args: {
        scenarioPath: 'x.json',
        reps: 3,
        seed: '-7 a',
        days: 2,
        json: undefined,
        csv: undefined,
        quiet: false,
      },
    });
  });

  it('--help wins over other problems and exits 0', async () => {
    const run = await cli(['--bogus', '-h']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run sim -- <scenario.json>/);
    expect(run.stdout).toContain('--reps N');
    expect(run.stderr).toBe('');
  });

  it('sim --help lists every other command with its summary; sim run --help is the options alone', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    const listed = top.stdout.split('Other commands (each with --help):\n')[1]!.trimEnd().split('\n');
    const others = COMMANDS.filter((c) => c.name !== DEFAULT_COMMAND.name && c.aliasOf === undefined);
    expect(listed).toHaveLength(others.length);
    for (const [i, c] of others.entries()) {
      expect(listed[i]).toMatch(new RegExp(`^  ${c.name}\\b.*  ${c.summary.replace(/[()]/g, '\\$&')}$`));
    }
    expect(top.stdout).toMatch(/^ {2}optimise \| optimize /m); // the alias beside its command
    for (const name of ['plan', 'import-forecast', 'merge'])
      expect(top.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const run = await cli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(top.stdout.startsWith(run.stdout.trimEnd())).toBe(true);
    expect(run.stdout).not.toContain('Other commands');
  });
});

describe('--json', () => {
  const file = join(SCENARIO_DIR, 'nearshore-blend.json');

  it('is exactly the SimulationResult with every SPEC §6 and §7 key', async () => {
    const out = tmpFile('r.json');
    const run = await cli([file, '--reps', '2', '--days', '1', '--seed', 'abc', '--json', out]);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const r = JSON.parse(text) as SimulationResult;
    expect(text).toBe(JSON.stringify(r, null, 2) + '\n');
    for (const key of [
      'format',
      'scenario',
      'seed',
      'replications',
      'channels',
      'sites',
      'total',
      'intervals',
      'performance',
    ])
      expect(r, key).toHaveProperty(key);
    expect(r.format).toBe(1);
    expect(r.scenario).toBe('nearshore-blend');
    expect(r.seed).toBe('abc');
    expect(r.replications).toBe(2);
    expect(r.days).toBe(1);
    expect(Object.keys(r.channels).sort()).toEqual(['chat', 'voice']);
    expect(Object.keys(r.sites)).toEqual(['tampa', 'monterrey', 'bogota']);
    for (const scope of [...Object.values(r.channels), r.total])
      for (const key of OUTCOME_KEYS_SPEC6) {
        expect(scope).toHaveProperty(key);
        expect(Object.keys((scope as Record<string, object>)[key]).sort()).toEqual(['ci95', 'mean']);
      }
    for (const site of Object.values(r.sites))
      for (const key of ['cost', 'occupancy', 'handled']) expect(site).toHaveProperty(key);
    expect(r.intervals).toHaveLength(48);
    expect(r.performance.events).toBeGreaterThan(0);
  });

  it('same seed → byte-identical apart from performance; another seed → different', async () => {
    const args = [file, '--reps', '2', '--days', '1'];
    const strip = (r: SimulationResult) => {
      const { performance: _p, ...rest } = r;
      return JSON.stringify(rest, null, 2);
    };
    const [a, b, c] = [
      await jsonResult([...args, '--seed', 's1']),
      await jsonResult([...args, '--seed', 's1']),
      await jsonResult([...args, '--seed', 's2']),
    ];
    expect(strip(a)).toBe(strip(b));
    expect(strip(c)).not.toBe(strip(a));
    expect(c.total.offered.mean).not.toBe(a.total.offered.mean);
  });

  it('--days overrides the horizon', async () => {
    const r = await jsonResult([writeScenario(smallScenario()), '--days', '3']);
    expect(r.days).toBe(3);
    expect(r.intervals).toHaveLength(72);
    expect(r.intervals[71]).toMatchObject({ index: 71, day: 3, start: '23:00' });
  });
});

describe('--csv', () => {
  const file = join(SCENARIO_DIR, 'nearshore-blend.json');

  it('has a header and one row per interval × (channels + total), with ci95 columns at reps ≥ 2', async () => {
    const csv = tmpFile('r.csv');
    const json = tmpFile('r.json');
    const run = await cli([file, '--reps', '2', '--days', '1', '--csv', csv, '--json', json]);
    expect(run.code).toBe(0);
    const r = JSON.parse(readFileSync(json, 'utf8')) as SimulationResult;
    const rows = readFileSync(csv, 'utf8').split('\n');
    expect(rows.pop()).toBe('');
    expect(rows[0]).toBe(
      ['interval', 'day', 'start', 'channel', ...INTERVAL_KEYS.flatMap((k) => [k, `${k}_ci95`])].join(','),
    );
    const kinds = Object.keys(r.channels);
    expect(rows).toHaveLength(1 + r.intervals.length * (kinds.length + 1));
    const width = 4 + 2 * INTERVAL_KEYS.length;
    for (const row of rows) expect(row.split(',')).toHaveLength(width);
    // second interval, first channel, matches the JSON
    const row = rows[1 + (kinds.length + 1)].split(',');
    const iv = r.intervals[1];
    expect(row.slice(0, 4)).toEqual(['1', '1', iv.start, kinds[0]]);
    const f = iv.channels[kinds[0] as 'voice']!;
    expect(row[4]).toBe(String(f.offered.mean));
    expect(row[5]).toBe(f.offered.ci95 === null ? '' : String(f.offered.ci95));
    expect(rows[1 + kinds.length].split(',')[3]).toBe('total');
  });

  it('has no ci95 columns with one replication', async () => {
    const csv = tmpFile('r.csv');
    const run = await cli([writeScenario(smallScenario()), '--csv', csv]);
    expect(run.code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe(['interval', 'day', 'start', 'channel', ...INTERVAL_KEYS].join(','));
    expect(rows).toHaveLength(1 + 24 * 2);
  });

  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvLine(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"\n');
  });
});

describe('the table', () => {
  it('shows just the mean with one replication and mean ± ci95 with more', async () => {
    const path = writeScenario(smallScenario());
    const one = await cli([path]);
    expect(one.code).toBe(0);
    expect(one.stdout).not.toContain('±');
    expect(one.stdout.split('\n')[0]).toBe(
      'two-site-voice — seed "1", 1 replication, 1 day in 60-minute intervals',
    );
    const two = await cli([path, '--reps', '2']);
    expect(two.stdout).toContain('±');
  });

  it('formats figures', () => {
    expect(formatEstimate({ mean: 1234567.4, ci95: 1234.4 }, STYLES.count, true)).toEqual({
      mean: '1,234,567',
      ci: '1,234',
    });
    expect(formatEstimate({ mean: 3, ci95: 0.2 }, STYLES.count, true)).toEqual({ mean: '3', ci: '0.2' });
    expect(formatEstimate({ mean: 0.8234, ci95: 0.0123 }, STYLES.percent, true)).toEqual({
      mean: '82.3',
      ci: '1.2',
    });
    expect(formatEstimate({ mean: 12.345, ci95: null }, STYLES.seconds, false)).toEqual({
      mean: '12.3',
      ci: '',
    });
    expect(formatEstimate({ mean: 12.345, ci95: null }, STYLES.seconds, true)).toEqual({
      mean: '12.3',
      ci: '—',
    });
    expect(formatEstimate({ mean: null, ci95: null }, STYLES.seconds, true)).toEqual({ mean: '—', ci: '' });
    expect(formatEstimate({ mean: -0.00001, ci95: null }, STYLES.money, false)).toEqual({
      mean: '0',
      ci: '',
    });
  });

  it('formats numbers exactly as en-US toLocaleString does (grouping by hand, without ICU)', () => {
    const icu = (v: number, d: number) => {
      const r = Number(v.toFixed(d));
      return (Object.is(r, -0) ? 0 : r).toLocaleString('en-US', {
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      });
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const values = [0, -0, -0.0001, 0.5, -0.5, 999.995, 1e15, 2 ** 53, 1e21, NaN, Infinity, -Infinity];
    for (let i = 0; i < 20_000; i++) {
      const v = (random() < 0.5 ? -1 : 1) * 10 ** (random() * 18 - 3) * random();
      values.push(v, Math.round(v), Math.round(v * 100) / 100 + 0.005);
    }
    for (const v of values)
      for (const d of [0, 1, 2, 3])
        if (formatNumber(v, d) !== icu(v, d)) expect([v, d, formatNumber(v, d)]).toBe(icu(v, d));
  });

  it('prints the same text for the same seed', async () => {
    const path = writeScenario(smallScenario());
    const a = await cli([path, '--reps', '3', '--seed', 'q']);
    const b = await cli([path, '--reps', '3', '--seed', 'q']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('progress and errors', () => {
  it('draws progress on stderr only for a terminal and not with --quiet', async () => {
    const path = writeScenario(smallScenario());
    const tty = await cli([path, '--reps', '3'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('3/3');
    expect(tty.stderr).toContain('\r');
    expect(tty.stderr).toMatch(/simulated [\d,]+ events in/);
    const quiet = await cli([path, '--reps', '3', '--quiet'], { tty: true });
    expect(quiet.stderr).toBe('');
    const piped = await cli([path, '--reps', '3']);
    expect(piped.stderr).toBe('');
    expect(quiet.stdout).toBe(tty.stdout);
  });

  const throwing = (e: unknown): Command => ({
    name: 'boom',
    summary: '',
    usage: () => '',
    run: async () => {
      throw e;
    },
  });

  it('an internal error is one line, exit 1; the stack only with SHORELINE_DEBUG=1', async () => {
    let out = '';
    let err = '';
    const io = (env: Record<string, string>): CliIO => ({
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      stderrIsTTY: false,
      env,
    });
    expect(await runCli(['x'], io({}), [], throwing(new Error('kaput\nsecond line')))).toBe(1);
    expect(err).toBe('error: kaput\n');
    err = '';
    expect(await runCli(['x'], io({}), [], throwing(new SimulationBudgetError(1000)))).toBe(1);
    expect(err).toBe(`error: ${new SimulationBudgetError(1000).message}\n`);
    expect(err.split('\n')).toHaveLength(2);
    err = '';
    expect(await runCli(['x'], io({ SHORELINE_DEBUG: '1' }), [], throwing(new Error('kaput')))).toBe(1);
    expect(err).toMatch(/^error: Error: kaput\n\s+at /);
    expect(out).toBe('');
    expect(errorText('plain', false)).toBe('error: plain');
  });

  it('an output path whose directory is a file is caught before simulating (exit 2)', async () => {
    const dirAsFile = tmpFile('not-a-dir');
    writeFileSync(dirAsFile, '');
    const run = await cli([writeScenario(smallScenario()), '--json', join(dirAsFile, 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `--json: cannot write ${join(dirAsFile, 'r.json')} (${dirAsFile} is not a directory)\n`,
    );
  });
});
