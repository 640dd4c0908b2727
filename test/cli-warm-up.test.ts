/**
 * (v2) The command line's --warm-up D and the result's warmUpDays and issue counts (SPEC §1, §6, §7).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunArgs } from '../src/cli/run';
import { compileModel } from '../src/sim/model';
import type { SimulationResult } from '../src/sim';
import { oneSite } from './support/build';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-warm-up-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** Small, with repeats (FCR 0.7, repeat delay 4 h): its default warm-up is a few days. */
function scenarioFile(): string {
  const s = oneSite(4, 30, 1, { repeatDelay: { dist: 'exponential', mean: 4 * 3600 } });
  s.sites[0].firstContactResolution = 0.7;
  const path = join(TMP, 'small.json');
  writeFileSync(path, JSON.stringify(s));
  return path;
}

async function run(argv: string[]): Promise<SimulationResult> {
  const out = join(TMP, `r${Math.random()}.json`);
  const r = await cli([...argv, '--json', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as SimulationResult;
}

describe('--warm-up', () => {
  it('parses whole days 0–60 and rejects the rest with one line naming the option', () => {
    const ok = parseRunArgs(['s.json', '--warm-up', '3']);
    expect(ok.kind === 'ok' && ok.args.warmUpDays).toBe(3);
    const none = parseRunArgs(['s.json']);
    expect(none.kind === 'ok' && none.args.warmUpDays).toBeUndefined();
    for (const bad of ['61', '-1', '1.5', 'x']) {
      const p = parseRunArgs(['s.json', '--warm-up', bad]);
      expect(p.kind).toBe('bad');
      expect(p.kind === 'bad' && p.problems).toEqual([
        `--warm-up: must be a whole number from 0 to 60 (got "${bad}")`,
      ]);
    }
  });

  it('the JSON result echoes the warm-up run: the default, or the one asked for', async () => {
    const file = scenarioFile();
    const byDefault = await run([file, '--reps', '2']);
    const expected = compileModel(JSON.parse(readFileSync(file, 'utf8'))).warmUpDays;
    expect(expected).toBeGreaterThan(0);
    expect(byDefault.warmUpDays).toBe(expected);
    const empty = await run([file, '--reps', '2', '--warm-up', '0']);
    expect(empty.warmUpDays).toBe(0);
    // Started empty, day 1 lacks yesterday's repeats.
    expect(empty.channels.voice!.offered.mean!).toBeLessThan(byDefault.channels.voice!.offered.mean!);
    const two = await run([file, '--reps', '2', '--warm-up', '2', '--threads', '2']);
    expect(two.warmUpDays).toBe(2);
  });

  it('the result has the issue counts, and they add up', async () => {
    const r = await run([scenarioFile(), '--reps', '2']);
    for (const scope of [r.channels.voice!, r.total]) {
      const raised = scope.issuesRaised.mean!;
      expect(raised).toBeGreaterThan(0);
      expect(scope.issuesResolved.mean! + scope.issuesOpen.mean! + scope.issuesGivenUp.mean!).toBeCloseTo(
        raised,
        9,
      );
    }
  });

  it('the table has the issue panel', async () => {
    const r = await cli([scenarioFile()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Issues raised in the horizon, followed to their end');
  });
});
