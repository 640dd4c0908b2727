/**
 * --json and --csv written as streams (src/cli/stream.ts): byte for byte what the whole-string
 * serialisers write (resultJson, intervalCsv) on a multi-day run with several replications, whatever
 * top-level keys the result has, and through the command itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intervalCsv } from '../src/cli/csv';
import { loadScenario, resultJson } from '../src/cli/run';
import {
  streamedResult,
  writeFileStreaming,
  writeIntervalCsv,
  writeJson,
  writeResultFiles,
  writeResultJson,
} from '../src/cli/stream';
import { aggregateReplications, runReplication, type Scenario } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-stream-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const SCENARIO = resolve(__dirname, '..', 'scenarios', 'onshore-baseline.json');

function scenario(): Scenario {
  const loaded = loadScenario(SCENARIO);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return loaded.scenario;
}

/** What a sink receives, and in how many writes. */
function collect(write: (sink: { write(t: string): void }) => void): { text: string; writes: number } {
  let text = '';
  let writes = 0;
  write({ write: (t) => ((text += t), writes++) });
  return { text, writes };
}

describe('streamed result files', () => {
  const s = scenario(); // 30-minute intervals, voice and email
  const days = 3;
  const outcomes = [0, 1, 2].map((replication) => runReplication(s, { seed: 'st', days, replication }));
  const whole = aggregateReplications(s, 'st', outcomes, 1.25, days);

  it('JSON: byte for byte the whole-string serialiser, one write per interval', () => {
    const streamed = streamedResult(s, 'st', outcomes, 1.25, days);
    expect(streamed.result.intervals).toEqual([]); // none held
    const out = collect((sink) => writeResultJson(sink, streamed.result, streamed.intervals()));
    expect(whole.intervals).toHaveLength(days * 48);
    expect(out.text).toBe(resultJson(whole));
    expect(out.writes).toBeGreaterThan(days * 48);
  });

  it('CSV: byte for byte the whole-string serialiser, with and without ci95 columns', () => {
    for (const reps of [3, 1]) {
      const some = outcomes.slice(0, reps);
      const ref = intervalCsv(aggregateReplications(s, 'st', some, 0, days));
      const streamed = streamedResult(s, 'st', some, 0, days);
      expect(collect((sink) => writeIntervalCsv(sink, reps, streamed.intervals())).text).toBe(ref);
    }
  });

  it('files on disk are the same bytes, written in chunks', () => {
    const json = join(TMP, 'r.json');
    const csv = join(TMP, 'r.csv');
    writeResultFiles(streamedResult(s, 'st', outcomes, 1.25, days), json, csv);
    expect(readFileSync(json, 'utf8')).toBe(resultJson(whole));
    expect(readFileSync(csv, 'utf8')).toBe(intervalCsv(whole));
  });

  it('the run command writes what the whole-string serialisers write for its replications', async () => {
    const json = join(TMP, 'cli.json');
    const csv = join(TMP, 'cli.csv');
    const w = await cli([
      SCENARIO,
      '--days',
      '3',
      '--reps',
      '3',
      '--seed',
      'st',
      '--threads',
      '1',
      '--json',
      json,
      '--csv',
      csv,
    ]);
    expect(w.code, w.stderr).toBe(0);
    const written = JSON.parse(readFileSync(json, 'utf8')) as typeof whole;
    // the same bytes once the wall time (the only figure that differs between runs) is the same
    expect(readFileSync(json, 'utf8')).toBe(resultJson({ ...whole, performance: written.performance }));
    expect(readFileSync(csv, 'utf8')).toBe(intervalCsv(whole));
  });

  it('a failed write names the file', () => {
    expect(() => writeFileStreaming(join(TMP, 'no-such-dir', 'x.json'), () => {})).toThrow(
      `cannot write ${join(TMP, 'no-such-dir', 'x.json')} (no such file or directory)`,
    );
  });
});

describe('writeJson', () => {
  it('is JSON.stringify(value, null, 2) + "\\n" for any top-level keys, in their order', () => {
    const values: Record<string, unknown>[] = [
      {},
      { a: 1 },
      { intervals: [] },
      { intervals: [], b: 'x' },
      // keys another part adds flow through unchanged, wherever they are
      {
        format: 1,
        warmUpDays: 2,
        channels: { voice: { offered: { mean: 1.5, ci95: null }, issuesRaised: { mean: 3, ci95: 0.25 } } },
        skipped: undefined,
        fn: () => 1,
        text: 'line\nbreak "quoted" — ü \u2028',
        nested: [[], {}, [1, [2, { c: [] }]], null],
        intervals: [{ index: 0, total: { x: [1, 2] } }, { index: 1, total: {} }, [], 7, 'z'],
        performance: { wallSeconds: 0.1 },
      },
    ];
    for (const v of values) {
      const streamed: Record<string, unknown[]> = Object.hasOwn(v, 'intervals')
        ? { intervals: v.intervals as unknown[] }
        : {};
      expect(collect((sink) => writeJson(sink, v, streamed)).text).toBe(JSON.stringify(v, null, 2) + '\n');
    }
  });

  it('takes a streamed key from its iterable, not from the object', () => {
    function* items() {
      yield { n: 1 };
      yield { n: 2 };
    }
    const text = collect((sink) =>
      writeJson(sink, { a: 0, intervals: [], z: 1 }, { intervals: items() }),
    ).text;
    expect(text).toBe(JSON.stringify({ a: 0, intervals: [{ n: 1 }, { n: 2 }], z: 1 }, null, 2) + '\n');
  });
});
