/**
 * docs/scale-out.md's local recipe, run for real: docs/run-shards.sh runs 4 shards as separate
 * `npx shoreline` processes with xargs -P and with GNU parallel, merges them, and the result is
 * compared with the unsharded run: the CSV and the table byte for byte, the JSON byte for byte apart
 * from `performance` (the wall time). The docs show this very script. Without GNU parallel its case is
 * skipped with a warning on a developer machine, and fails under CI (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCI } from './e2e/support';

const ROOT = resolve(__dirname, '..');
const SCRIPT = join(ROOT, 'docs', 'run-shards.sh');
const TMP = mkdtempSync(join(tmpdir(), 'shoreline-scale-out-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const SCENARIO = 'scenarios/onshore-baseline.json';
const OPTIONS = ['--reps', '10', '--seed', 'scale out', '--days', '2'];
const HAVE_PARALLEL = /GNU parallel/.test(
  spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout ?? '',
);
/** The GNU parallel case runs when it is installed, and under CI always (where it then fails). */
const RUN_PARALLEL = HAVE_PARALLEL || isCI();
if (!RUN_PARALLEL)
  console.warn(
    'test/scale-out: GNU parallel is missing, its case is skipped (`apt-get install -y parallel`)',
  );

function sh(command: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** The JSON text with the wall-time figures (the only ones that differ between runs) blanked. */
const withoutTimings = (text: string) => text.replace(/"(wallSeconds|eventsPerSecond)": [^,\n]+/g, '"$1": 0');

describe('docs/run-shards.sh', () => {
  const whole = join(TMP, 'whole');
  const direct = sh('npx', [
    'shoreline',
    SCENARIO,
    ...OPTIONS,
    '--quiet',
    '--json',
    `${whole}.json`,
    '--csv',
    `${whole}.csv`,
  ]);

  const runners = RUN_PARALLEL ? ['xargs', 'parallel'] : ['xargs'];
  it.each(runners)('4 shards run by %s and merged = the unsharded run', (runner) => {
    if (runner === 'parallel' && !HAVE_PARALLEL)
      throw new Error('GNU parallel is missing and CI is set: install it (`apt-get install -y parallel`)');
    const out = join(TMP, runner);
    const r = sh(SCRIPT, [SCENARIO, '4', out, ...OPTIONS], { RUNNER: runner, JOBS: '4' });
    expect(r.stderr).toContain(runner === 'xargs' ? 'with xargs -P 4' : 'with GNU parallel, 4 at a time');
    expect(readdirSync(out).sort()).toEqual([
      'result.csv',
      'result.json',
      'shard-1.json',
      'shard-2.json',
      'shard-3.json',
      'shard-4.json',
    ]);
    expect(readFileSync(join(out, 'result.csv'), 'utf8')).toBe(readFileSync(`${whole}.csv`, 'utf8'));
    const merged = readFileSync(join(out, 'result.json'), 'utf8');
    expect(withoutTimings(merged)).toBe(withoutTimings(readFileSync(`${whole}.json`, 'utf8')));
    expect(merged).toMatch(/"wallSeconds": /); // the blanking did blank something
    // the table printed after the shards' lines is the unsharded run's
    expect(r.stdout.endsWith(direct.stdout)).toBe(true);
  });

  it('is the script docs/scale-out.md shows', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'scale-out.md'), 'utf8');
    expect(doc).toContain(readFileSync(SCRIPT, 'utf8'));
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/scale-out.md)');
  });
});
