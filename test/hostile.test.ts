/**
 * Hostile input, in-process: huge files, deep nesting, prototype-pollution keys at every depth,
 * numbers out of range, text that is not JSON — each rejected with a clear `path: message` line, by
 * the schema (parseScenarioText / validateScenario) and by the command line (exit 2, one line per
 * problem, nothing simulated). Plus the engine's guard rail: an event budget that stops a run.
 *
 * No timing asserts: "cheap" is shown by where the input is stopped (e.g. before JSON.parse).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCommand, type RunDeps } from '../src/cli/run';
import { formatPath } from '../src/scenario/text';
import { parseScenarioText, validateScenario, MAX_NESTING_DEPTH } from '../src/scenario/validate';
import { runReplication, simulate, Simulation, SimulationBudgetError, type Scenario } from '../src/sim';
import { oneSite } from './support/build';
import { richScenario } from './support/rich';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());
let fileNo = 0;

function problems(text: string): string[] {
  const r = parseScenarioText(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

/** A valid scenario saved as UTF-16 LE with its byte-order mark (as some Windows editors do). */
const UTF16 = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(JSON.stringify(richScenario(1)), 'utf16le'),
]);

/** C0 control characters and DEL: never in a problem line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function prototypeSnapshot() {
  return {
    names: Object.getOwnPropertyNames(Object.prototype).sort(),
    symbols: Object.getOwnPropertySymbols(Object.prototype).length,
    arrayNames: Object.getOwnPropertyNames(Array.prototype).sort(),
  };
}

function expectPrototypesUntouched(before: ReturnType<typeof prototypeSnapshot>): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
}

/** Paths of every object (not array) in a JSON value, root first. */
function objectPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => objectPaths(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null) {
    out.push(path);
    for (const [k, v] of Object.entries(value)) objectPaths(v, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: (string | number)[]): Record<string, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const p of path) node = node[p] as Record<string | number, unknown>;
  return node as Record<string, unknown>;
}

/** The rich scenario as JSON text with `key` added as an own property of the object at `path`. */
function withKey(path: (string | number)[], key: string, value: unknown): string {
  const copy = JSON.parse(JSON.stringify(richScenario(1))) as unknown;
  // defineProperty, not assignment: `o.__proto__ = v` would set the prototype instead of a key.
  Object.defineProperty(at(copy, path), key, { value, enumerable: true, configurable: true, writable: true });
  const text = JSON.stringify(copy);
  expect(text).toContain(`"${key}":`);
  return text;
}

describe('hostile scenario text', () => {
  it('rejects a 50 MB+ file by its size, before JSON.parse is reached', () => {
    const site = JSON.stringify(richScenario(1).sites[0]);
    const copies = Math.ceil((50 * 1024 * 1024) / site.length);
    const text = `{"name":"huge","channels":{},"sites":[${`${site},`.repeat(copies)}${site}]}`;
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    const p = problems(text);
    expect(parse).not.toHaveBeenCalled();
    expect(p).toEqual([
      expect.stringMatching(/^\(root\): file is too large \(.*characters; the limit is 20 MB\) — not read$/),
    ]);

    // A long string instead of many sites: the same.
    const p2 = problems(`{"name":"${'x'.repeat(51 * 1024 * 1024)}"}`);
    expect(parse).not.toHaveBeenCalled();
    expect(p2[0]).toMatch(/^\(root\): file is too large/);
  });

  it('rejects 100,000 levels of nesting without a stack overflow and without JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    for (const text of [
      '['.repeat(100_000),
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(100_000),
    ]) {
      const p = problems(text);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(
        new RegExp(
          `^\\(root\\): nested more than ${MAX_NESTING_DEPTH} levels deep \\(at line 1, column \\d+\\) — not read$`,
        ),
      );
    }
    expect(parse).not.toHaveBeenCalled();
    // Brackets inside strings do not count.
    expect(problems(`{"name":"${'['.repeat(100_000)}"}`).join('\n')).not.toMatch(/nested/);
  });

  it('rejects a 100,000-level value passed directly (no recursion), and a cycle', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const r = validateScenario({ name: 'deep', channels: {}, sites: deep });
    expect(r.ok ? [] : r.problems).toEqual([
      expect.stringMatching(/^\(root\): nested more than 64 levels deep/),
    ]);
    const cyclic: Record<string, unknown> = { name: 'cycle' };
    cyclic.self = cyclic;
    const c = validateScenario(cyclic);
    expect(c.ok ? [] : c.problems).toEqual([
      expect.stringMatching(/^\(root\): nested more than 64 levels deep/),
    ]);
  });

  it('rejects __proto__, constructor and prototype at every depth, naming the path, without pollution', () => {
    const before = prototypeSnapshot();
    const paths = objectPaths(JSON.parse(JSON.stringify(richScenario(1))));
    expect(paths.length).toBeGreaterThan(40); // root, channels, distributions, sites, groups, shifts, costs, routing…
    expect(Math.max(...paths.map((p) => p.length))).toBeGreaterThanOrEqual(5);
    let checked = 0;
    for (const path of paths) {
      for (const key of POLLUTION_KEYS) {
        const payload = { polluted: 'yes', prototype: { polluted: 'yes' }, __proto__: { polluted: 'yes' } };
        const text = withKey(path, key, payload);
        const expected = `${formatPath([...path, key])}: the field name "${key}" is not allowed (it could change object prototypes)`;
        // From text, and as an already-parsed value (JSON.parse makes "__proto__" an own key).
        const fromText = parseScenarioText(text);
        const fromValue = validateScenario(JSON.parse(text));
        for (const r of [fromText, fromValue]) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problems).toContain(expected);
        }
        checked++;
      }
    }
    expect(checked).toBe(paths.length * 3);
    expectPrototypesUntouched(before);
  });

  it('does not let a valid-looking scenario with pollution keys inside values through', () => {
    const before = prototypeSnapshot();
    const text = JSON.stringify(richScenario(1)).replace(
      '"name":"rich"',
      '"name":"rich","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}',
    );
    const p = problems(text);
    expect(p).toEqual([
      '__proto__: the field name "__proto__" is not allowed (it could change object prototypes)',
      'constructor: the field name "constructor" is not allowed (it could change object prototypes)',
    ]);
    expectPrototypesUntouched(before);
  });

  it.each([
    [
      '1e308 volume',
      '"volumePerDay":3000',
      '"volumePerDay":1e308',
      /^channels\.voice\.volumePerDay: must be ≤ 5,000,000$/,
    ],
    [
      '1e400 (Infinity) volume',
      '"volumePerDay":3000',
      '"volumePerDay":1e400',
      /^channels\.voice\.volumePerDay: must be a finite number$/,
    ],
    [
      '-1e400 (-Infinity) shrinkage',
      '"shrinkage":0.3',
      '"shrinkage":-1e400',
      /^sites\[0\]\.shrinkage: must be a finite number$/,
    ],
    [
      '1e308 agents',
      '"agents":3',
      '"agents":1e308',
      /^sites\[0\]\.groups\[1\]\.agents: must be a whole number ≤ 20,000$/,
    ],
    [
      '-0 handleTimeFactor',
      '"handleTimeFactor":1.08',
      '"handleTimeFactor":-0',
      /^sites\[1\]\.handleTimeFactor: must be > 0 and ≤ 10$/,
    ],
    [
      '-0 exponential mean',
      '"patience":{"dist":"exponential","mean":120}',
      '"patience":{"dist":"exponential","mean":-0}',
      /^channels\.voice\.patience\.mean: must be > 0$/,
    ],
    [
      '1e308 delay',
      '"connectDelaySeconds":3',
      '"connectDelaySeconds":1e308',
      /^sites\[2\]\.connectDelaySeconds: must be ≤ 86,400$/,
    ],
    [
      '1e400 utc offset',
      '"clientUtcOffsetHours":-5',
      '"clientUtcOffsetHours":1e400',
      /^clientUtcOffsetHours: must be a finite number$/,
    ],
    ['1e308 days', '"days":1', '"days":1e308', /^horizon\.days: must be a whole number ≤ 366$/],
  ])('rejects out-of-range numbers: %s', (_, from, to, message) => {
    const text = JSON.stringify(richScenario(1));
    expect(text).toContain(from);
    const p = problems(text.replace(from, to));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(message);
  });

  it('rejects NaN and Infinity passed directly as values', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const s = JSON.parse(JSON.stringify(richScenario(1))) as Scenario;
      s.channels.voice!.volumePerDay = bad;
      const r = validateScenario(s);
      expect(r.ok ? [] : r.problems).toEqual(['channels.voice.volumePerDay: must be a finite number']);
    }
  });

  const NOT_JSON: [string, string][] = [
    [
      'binary bytes',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString('utf8'),
    ],
    [
      'a PNG header',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('utf8'),
    ],
    ['NUL bytes', '\u0000'.repeat(100)],
    ['a terminal escape sequence', '\u001b[2J\u001b[31mred\n'],
    ['UTF-16 LE with BOM, read as UTF-8', UTF16.toString('utf8')],
    ['UTF-16 LE with BOM, read as Latin-1', UTF16.toString('latin1')],
    ['YAML', 'name: one-site-voice\nchannels:\n  voice:\n    volumePerDay: 2400\nsites:\n  - id: home\n'],
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON string', '"scenario"'],
    ['JSON with comments', '{ // a comment\n "name": "x" }'],
    ['JSON5 trailing comma', '{"name":"x",}'],
    ['two documents', '{"name":"x"}{"name":"y"}'],
    ['empty', ''],
    ['whitespace', ' \n\t '],
  ];

  it.each(NOT_JSON)('rejects %s with a (root) error', (_, text) => {
    const p = problems(text);
    expect(p.length).toBeGreaterThanOrEqual(1);
    expect(p[0]).toMatch(/^\(root\): /);
  });

  it('quotes no control characters from the file in a problem (one line each, no terminal escapes)', () => {
    // V8's JSON.parse message embeds a raw snippet of the input ("Unexpected token 'a', "name: x\ncha"...
    // is not valid JSON"), so a newline, NUL or ESC from the file reaches the problem line.
    const bad = NOT_JSON.flatMap(([name, text]) =>
      problems(text)
        .filter((line) => CONTROL.test(line))
        .map((line) => `${name}: ${JSON.stringify(line)}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('hostile scenario files on the command line', () => {
  interface Run {
    code: number;
    stdout: string;
    stderr: string;
    simulated: number;
  }

  async function run(contents: string | Buffer, extra: string[] = []): Promise<Run> {
    const path = join(TMP, `${++fileNo}.json`);
    writeFileSync(path, contents);
    let stdout = '';
    let stderr = '';
    let simulated = 0;
    const io: CliIO = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stderrIsTTY: false,
      env: {},
    };
    const deps: Partial<RunDeps> = {
      runReplication: (scenario, options) => {
        simulated++;
        return runReplication(scenario, options);
      },
    };
    const code = await runCommand([path, '--quiet', ...extra], io, deps);
    return { code, stdout, stderr, simulated };
  }

  const lines = (text: string) => text.split('\n').filter((l) => l !== '');

  async function expectRejected(contents: string | Buffer): Promise<string[]> {
    const r = await run(contents);
    expect(r.code).toBe(2);
    expect(r.simulated).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    return lines(r.stderr);
  }

  it('a valid file is simulated (the harness works)', async () => {
    const r = await run(JSON.stringify(oneSite(2, 10)));
    expect(r.code).toBe(0);
    expect(r.simulated).toBe(1);
  });

  it('a 50 MB+ file: exit 2, one line, nothing simulated', async () => {
    const text = `{"name":"${'x'.repeat(51 * 1024 * 1024)}"}`;
    const out = await expectRejected(text);
    expect(out).toEqual([expect.stringMatching(/^\(root\): file is too large .*20 MB/)]);
  });

  it('100,000 levels of nesting: exit 2, one line', async () => {
    const out = await expectRejected('['.repeat(100_000));
    expect(out).toEqual([expect.stringMatching(/^\(root\): nested more than 64 levels deep/)]);
  });

  it('pollution keys and bad numbers: exit 2, one line per problem, each naming its path', async () => {
    const before = prototypeSnapshot();
    const text = JSON.stringify(richScenario(1))
      .replace('"name":"rich"', '"name":"rich","__proto__":{"polluted":"yes"}')
      .replace('"shrinkage":0.3', '"shrinkage":0.3,"constructor":{"prototype":{"polluted":"yes"}}')
      .replace('"volumePerDay":3000', '"volumePerDay":1e400')
      .replace('"handleTimeFactor":1.08', '"handleTimeFactor":-0');
    const expected = parseScenarioText(text);
    expect(expected.ok).toBe(false);
    const out = await expectRejected(text);
    expect(out).toEqual(expected.ok ? [] : expected.problems);
    expect(out).toEqual([
      '__proto__: the field name "__proto__" is not allowed (it could change object prototypes)',
      'sites[0].constructor: the field name "constructor" is not allowed (it could change object prototypes)',
      'channels.voice.volumePerDay: must be a finite number',
      'sites[1].handleTimeFactor: must be > 0 and ≤ 10',
    ]);
    expectPrototypesUntouched(before);
  });

  const NON_JSON_FILES: [string, string | Buffer][] = [
    ['binary bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
    ['UTF-16 LE with BOM', UTF16],
    ['YAML', 'name: x\nchannels:\n  voice:\n    volumePerDay: 10\n'],
  ];

  it.each(NON_JSON_FILES)('%s: exit 2, a (root) error, nothing simulated', async (_, contents) => {
    const r = await run(contents);
    expect([r.code, r.simulated, r.stdout]).toEqual([2, 0, '']);
    expect(r.stderr).toMatch(/^\(root\): (not valid JSON|must be)/);
  });

  it('non-JSON files give exactly one line each (no raw bytes from the file)', async () => {
    const bad: string[] = [];
    for (const [name, contents] of NON_JSON_FILES) {
      const r = await run(contents);
      if (lines(r.stderr).length !== 1 || CONTROL.test(r.stderr.slice(0, -1)))
        bad.push(`${name}: ${JSON.stringify(r.stderr)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('event budget', () => {
  const busyDay = (): Scenario => ({
    ...oneSite(400, 100_000 / 24, 1, { handleTime: { dist: 'exponential', mean: 30 } }),
  });

  it('stops a 100,000-contact day at a budget of 10,000 events, naming the budget', () => {
    let caught: unknown;
    try {
      runReplication(busyDay(), { seed: '1', maxEvents: 10_000 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SimulationBudgetError);
    const err = caught as SimulationBudgetError;
    expect(err.name).toBe('SimulationBudgetError');
    expect(err.events).toBe(10_000);
    expect(err.message).toMatch(/stopped after 10,000 events: the run exceeded its event budget/);
  });

  it('stops where the budget says, and the simulation has not gone past it', () => {
    const sim = new Simulation(busyDay(), { seed: '1', maxEvents: 10_000 });
    expect(() => sim.runToEnd()).toThrow(SimulationBudgetError);
    expect(sim.events).toBe(10_000); // exactly the budget: the next event is neither run nor counted
    expect(sim.now).toBeLessThan(sim.horizon);
    expect(sim.contacts).toBeLessThan(10_000);
    expect(sim.done).toBe(false);
  });

  it('a budget large enough lets the same day finish', () => {
    const o = runReplication(busyDay(), { seed: '1', maxEvents: 1_000_000 });
    expect(o.channels.voice!.offered).toBeGreaterThan(95_000);
    expect(o.events).toBeLessThanOrEqual(1_000_000);
  });

  it('simulate passes the budget on to every replication', () => {
    expect(() => simulate(busyDay(), { seed: '1', replications: 2, maxEvents: 10_000 })).toThrow(
      /event budget/,
    );
  });
});
