/**
 * (v3, issue 30) The per-interval result CSV gets per-class columns when a channel has classes: each
 * class's offered, handled, abandoned, service level, ASA and abandon rate per interval, on its
 * channel's row. Counts are checked exactly against the engine's own whole-run class counters and the
 * channel's interval counts (an off-by-one interval or a class mixed up changes a sum); without
 * classes the CSV is v2's, column for column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { INTERVAL_KEYS } from '../src/sim/result';
import { simulate } from '../src/sim/simulate';
import type { Scenario } from '../src/sim/scenario';
import { intervalCsv } from '../src/cli/csv';
import { cli } from './support/cli';
import { oneSite, twoSiteVoice } from './support/build';

function withClasses(): Scenario {
  const s = oneSite(4, 45, 1, {
    classes: [
      { name: 'standard', share: 0.7, priority: 0, patience: { dist: 'exponential', mean: 90 } },
      { name: 'premium', share: 0.3, priority: 1, patience: { dist: 'exponential', mean: 400 } },
    ],
  });
  s.horizon = { days: 1, intervalMinutes: 60, warmUpDays: 0 };
  return s;
}

const num = (x: string | undefined) => (x === undefined || x === '' ? null : Number(x));

describe('per-class columns in the per-interval CSV', () => {
  it('one replication: each class’s counts per interval sum to its whole-run figures and to the channel’s', () => {
    const result = simulate(withClasses(), { seed: 'csv-classes' });
    const rows = csvParse(intervalCsv(result));
    const cols = rows.columns;
    for (const n of ['standard', 'premium'])
      for (const k of ['offered', 'handled', 'abandoned', 'serviceLevel', 'asa', 'abandonRate'])
        expect(cols).toContain(`class_${n}_${k}`);
    const voice = rows.filter((r) => r.channel === 'voice');
    expect(voice).toHaveLength(24);
    for (const n of ['standard', 'premium'])
      for (const k of ['offered', 'handled', 'abandoned'] as const) {
        const sum = voice.reduce((a, r) => a + num(r[`class_${n}_${k}`])!, 0);
        expect(sum, `${n} ${k}`).toBe(result.channels.voice!.classes![n][k].mean);
      }
    for (const r of voice) {
      const offered = num(r['class_standard_offered'])! + num(r['class_premium_offered'])!;
      expect(offered).toBe(num(r.offered));
      const handled = num(r['class_standard_handled'])! + num(r['class_premium_handled'])!;
      expect(handled).toBe(num(r.handled));
    }
    // premium (served first, more patient) abandons less over the day
    const c = result.channels.voice!.classes!;
    expect(c.premium.abandonRate.mean!).toBeLessThan(c.standard.abandonRate.mean!);
    // the total row has no class figures
    expect(rows.filter((r) => r.channel === 'total').every((r) => r['class_premium_offered'] === '')).toBe(
      true,
    );
  });

  it('replications: a mean and a ci95 per class figure, streamed by the CLI as intervalCsv writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-classes-'));
    const path = join(dir, 's.json');
    writeFileSync(path, JSON.stringify(withClasses()));
    const csv = join(dir, 'out.csv');
    const json = join(dir, 'out.json');
    const run = await cli([
      path,
      '--reps',
      '3',
      '--seed',
      'x',
      '--csv',
      csv,
      '--json',
      json,
      '--quiet',
      '--threads',
      '1',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toBe(intervalCsv(JSON.parse(readFileSync(json, 'utf8'))));
    expect(text.split('\n')[0]).toContain('class_premium_asa,class_premium_asa_ci95');
  });

  it('without classes the header is v2’s: interval, day, start, channel and the interval figures', () => {
    const result = simulate(twoSiteVoice(), { seed: 'v2' });
    const header = intervalCsv(result).split('\n')[0];
    expect(header).toBe(['interval', 'day', 'start', 'channel', ...INTERVAL_KEYS].join(','));
    expect(result.intervals[0].classes).toBeUndefined();
  });
});
