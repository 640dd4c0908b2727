/**
 * The calibration's oracle (issue 30): a log that Shoreline itself simulated, from a scenario with
 * known volume, profile, handle time per hour, patience, customer classes and agents, is written
 * through the engine's contact log (src/sim/contact-log.ts, the `--contact-log` CSV), read back as a
 * generic call log and calibrated; each estimate must hold the truth inside its CI. Each check names
 * the smallest error it catches (about its CI's half-width at this log's size).
 *
 * test/calibrate.test.ts checks the same estimators against an independent generator
 * (test/support/call-log.ts); this one closes the loop through the engine.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, type Calibration } from '../src/calibrate/calibrate';
import { mergeSmallTypes } from '../src/calibrate/classes';
import { parseGenericLog } from '../src/calibrate/parse-generic';
import { estimatePatience } from '../src/calibrate/patience';
import { ContactLog } from '../src/sim/contact-log';
import { writeContactLogCsv } from '../src/sim/contact-log-csv';
import { compileModel } from '../src/sim/model';
import { runReplication } from '../src/sim/simulate';
import type { ChannelSpec, Scenario } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';
import { cli } from './support/cli';

const DAYS = 20;
const VOLUME = 1100;
/** open 08:00–18:00, busier late morning */
const PROFILE: number[] = Array.from({ length: 24 }, (_, h) =>
  h < 8 || h >= 18 ? 0 : h === 10 || h === 11 ? 1.5 : 1,
);
/** mean handle seconds per hour: shorter mornings, longer afternoons (the profile's means, 240 overall) */
const HANDLE: number[] = Array.from({ length: 24 }, (_, h) => (h < 13 ? 210 : 280));
const AGENTS = 8;

function scenario(voice: Partial<ChannelSpec>): Scenario {
  return {
    name: 'oracle',
    clientUtcOffsetHours: 0,
    horizon: { days: DAYS, intervalMinutes: 60, warmUpDays: 0 },
    channels: {
      voice: {
        volumePerDay: VOLUME,
        profile: PROFILE,
        handleTime: { dist: 'exponential', mean: 240 },
        handleTimeProfile: HANDLE,
        ...voice,
      },
    },
    sites: [
      {
        id: 'center',
        name: 'Call center',
        location: 'onshore',
        utcOffsetHours: 0,
        hours: '24/7',
        groups: [
          { id: 'voice', skills: ['voice'], shifts: [{ start: '08:00', end: '18:00', agents: AGENTS }] },
        ],
        shrinkage: 0,
        cost: { hourlyRate: 0 },
      },
    ],
    routing: { voice: { split: { center: 1 } } },
  };
}

/** The engine's log of one replication as generic CSV text. */
function simulatedLog(s: Scenario, seed: string): string {
  const log = new ContactLog();
  runReplication(s, { seed, contactLog: log });
  let text = '';
  writeContactLogCsv(log, compileModel(s), s, (t) => (text += t));
  return text;
}

function calibrated(s: Scenario, seed: string): Calibration {
  const parsed = parseGenericLog(simulatedLog(s, seed));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return calibrate(parsed.records, parsed.dropped, { seed: `cal-${seed}` });
}

/** truth inside [low, high] widened to `k` half-widths about the estimate */
function within(ci: { value: number; low: number; high: number }, truth: number, k = 1): boolean {
  const half = truth < ci.value ? ci.value - ci.low : ci.high - ci.value;
  return Math.abs(ci.value - truth) <= k * half;
}

const TWO_CLASSES = [
  { name: 'standard', share: 0.7, priority: 0, patience: { dist: 'exponential' as const, mean: 150 } },
  { name: 'premium', share: 0.3, priority: 1, patience: { dist: 'exponential' as const, mean: 600 } },
];

describe('oracle: calibrating a log the engine simulated gives back its scenario', () => {
  const c = calibrated(scenario({ classes: TWO_CLASSES }), 'oracle-1');
  const ch = c.channels[0];
  const open = ch.intervals.filter((x) => x.open);

  it('volume: 1,100 a day inside the 95 % CI over 20 days (half-width ~15 calls: catches a 1.5 % bias)', () => {
    expect(c.regularDates).toHaveLength(DAYS);
    expect(ch.volume.perDay.high - ch.volume.perDay.low).toBeLessThan(0.04 * VOLUME);
    expect(within(ch.volume.perDay, VOLUME)).toBe(true);
    expect(c.scenario.channels.voice!.volumeCv ?? 0).toBeLessThan(0.05); // Poisson days
  });

  it('profile and opening: 08:00–18:00, each hour’s share within 1.5 CI half-widths (~3σ: catches ~0.6 points)', () => {
    expect(open.map((x) => x.start)).toEqual(
      PROFILE.flatMap((w, h) => (w > 0 ? [`${String(h).padStart(2, '0')}:00`] : [])),
    );
    const total = PROFILE.reduce((a, b) => a + b, 0);
    for (const o of open) expect(within(o.share, PROFILE[o.index] / total, 1.5), o.start).toBe(true);
  });

  it('handle time per hour: 210 s before 13:00, 280 s after, each hour within 1.5 CI half-widths (CIs ±4–5 %: catches ~7 %)', () => {
    for (const o of open) {
      const ht = o.handleTime;
      const ci = { value: ht.value!, low: ht.value! - ht.ci95!, high: ht.value! + ht.ci95! };
      expect(ht.ci95! / ht.value!).toBeLessThan(0.07);
      expect(within(ci, HANDLE[o.index], 1.5), o.start).toBe(true);
      expect(c.scenario.channels.voice!.handleTimeProfile![o.index]).toBeCloseTo(ht.value!, 1);
    }
  });

  it('classes: each class’s share (±0.6 points) and its own patience within 1.5 CI half-widths (CIs ±4 % and ±15 % with ~2,700 and ~170 abandons: catching ~6 % and ~25 %)', () => {
    const byName = Object.fromEntries(ch.classes.byType.map((k) => [k.name, k]));
    expect(Object.keys(byName).sort()).toEqual(['premium', 'standard']);
    const calls = ch.classes.byType.reduce((a, k) => a + k.calls, 0);
    for (const truth of TWO_CLASSES) {
      const k = byName[truth.name];
      const half = 1.96 * Math.sqrt((truth.share * (1 - truth.share)) / calls);
      expect(Math.abs(k.share - truth.share), truth.name).toBeLessThanOrEqual(half);
      expect(k.patienceFit, truth.name).not.toBeNull();
      expect(within(k.patienceFit!.mean, truth.patience.mean, 1.5), truth.name).toBe(true);
    }
    // into the scenario: two classes, premium served first, each with its patience
    const classes = c.scenario.channels.voice!.classes!;
    expect(classes.map((k) => k.share).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const premium = classes.find((k) => k.name.includes('premium') || k.name === 'priority 1')!;
    const standard = classes.find((k) => k.name.includes('standard') || k.name === 'priority 0')!;
    expect(premium.priority!).toBeGreaterThan(standard.priority!);
    expect((premium.patience as { mean: number }).mean).toBeGreaterThan(
      2 * (standard.patience as { mean: number }).mean,
    );
  });

  it('agents: 8 in each open hour within 2.5 CI half-widths (half-widths ~0.7: catches ~1.8 agents), their mean within 0.3 (a 4 % bias)', () => {
    for (const x of open) expect(within(x.agents, AGENTS, 2.5), x.start).toBe(true);
    const mean = open.reduce((a, x) => a + x.agents.value, 0) / open.length;
    expect(Math.abs(mean - AGENTS)).toBeLessThan(0.3);
    expect(ch.availability!).toBeGreaterThan(0.93);
    expect(ch.availability!).toBeLessThan(1.07);
    expect(validateScenario(c.scenario).ok).toBe(true);
  });

  it('the check catches a deliberately wrong estimator: patience from the abandoners’ waits alone (censoring ignored)', () => {
    // the estimator right: total seconds waited ÷ abandons, within 1.5 half-widths of its CI (±~4 %
    // with ~2,700 abandons, so 1.5 half-widths catch a 6 % error)
    const log = parseGenericLog(
      simulatedLog(scenario({ patience: { dist: 'exponential', mean: 200 } }), 'oracle-3'),
    );
    if (!log.ok) throw new Error('unreadable');
    const waits = log.records.map((r) => ({ wait: r.wait, abandoned: !r.answered }));
    const right = estimatePatience(waits).exponentialMean!;
    expect(within(right, 200, 1.5)).toBe(true);
    // wrong: the abandoners' mean wait, with the same relative CI, is far outside it
    const ab = log.records.filter((r) => !r.answered);
    const naive = ab.reduce((a, r) => a + r.wait, 0) / ab.length;
    const wrong = {
      value: naive,
      low: (naive * right.low) / right.value,
      high: (naive * right.high) / right.value,
    };
    expect(within(wrong, 200, 1.5)).toBe(false);
    // and a 15 % bias on the right one is caught too
    const biased = { value: right.value * 1.15, low: right.low * 1.15, high: right.high * 1.15 };
    expect(within(biased, 200, 1.5)).toBe(false);
  });
});

describe('classes by call type into the scenario', () => {
  const log = parseGenericLog(simulatedLog(scenario({ classes: TWO_CLASSES }), 'oracle-4'));
  if (!log.ok) throw new Error('unreadable');
  // the engine writes the class as type and its priority as priority; here the priority column says
  // nothing (alternating 0, 1 whatever the class), so the type must be chosen
  const noisy = log.records.map((r, i) => ({ ...r, priority: i % 2 }));

  it('the type when the log’s priority says nothing: its classes’ share, patience and queue order', () => {
    const c = calibrate(noisy, log.dropped, { seed: 'types', refineReplications: 8, fitReplications: 8 });
    const ch = c.channels[0];
    expect(ch.classes.inScenario).toBe('type');
    expect(ch.classes.aic.type!).toBeLessThan(ch.classes.aic.priority!);
    const classes = c.scenario.channels.voice!.classes!;
    expect(classes.map((k) => k.name)).toEqual(['premium', 'standard']);
    const premium = classes[0];
    const standard = classes[1];
    expect(Math.abs(premium.share - 0.3)).toBeLessThan(0.01); // ±0.6 points is the 95 % CI here
    expect(premium.priority!).toBeGreaterThan(standard.priority!); // answered faster in the log
    for (const [k, truth] of [
      [premium, 600],
      [standard, 150],
    ] as const) {
      const fit = ch.classes.byType.find((e) => e.name === k.name)!.patienceFit!;
      expect(within(fit.mean, truth, 1.5), k.name).toBe(true);
      expect((k.patience as { mean: number }).mean).toBeCloseTo(fit.mean.value, 0);
    }
    expect(validateScenario(c.scenario).ok).toBe(true);
  });

  it('the priority when it tells the classes apart as well (a tie keeps the priority), none with one class', () => {
    const c = calibrate(log.records, log.dropped, { seed: 'tie', refineReplications: 4, fitReplications: 4 });
    expect(c.channels[0].classes.aic.type).toBeCloseTo(c.channels[0].classes.aic.priority!, 6);
    expect(c.channels[0].classes.inScenario).toBe('priority');
    expect(c.scenario.channels.voice!.classes!.map((k) => k.name)).toEqual(['priority 0', 'priority 1']);
    const one = calibrate(
      log.records.map((r) => ({ ...r, priority: null, type: 'all' })),
      log.dropped,
      { refineReplications: 4, fitReplications: 4 },
    );
    expect(one.channels[0].classes.inScenario).toBeNull();
    expect(one.scenario.channels.voice!.classes).toBeUndefined();
  });

  it('a type under 1 % of the calls joins "other"', () => {
    const rare = log.records.map((r, i) => (i % 300 === 0 ? { ...r, type: 'rare' } : r));
    expect(mergeSmallTypes(rare).map((k) => k.name)).toEqual(['other', 'premium', 'standard']);
    expect(mergeSmallTypes(log.records).map((k) => k.name)).toEqual(['premium', 'standard']);
  });
});

describe('oracle: non-exponential patience', () => {
  // Mean and cv come out correlated (the tail past the longest waits is seen only through the
  // answered calls' censoring): each within 1.5 half-widths (~3σ), catching ~10 % on the mean and
  // ~7 % on the cv. Over six seeds the estimates scatter about the truth (mean 277–343, cv 1.42–1.64).
  it('lognormal patience (mean 300 s, cv 1.5): the likelihood picks lognormal, its mean and cv within 1.5 CI half-widths', () => {
    const c = calibrated(scenario({ patience: { dist: 'lognormal', mean: 300, cv: 1.5 } }), 'oracle-2');
    const p = c.channels[0].patience;
    expect(p.best!.dist).toBe('lognormal');
    expect(within(p.best!.mean, 300, 1.5)).toBe(true);
    expect(within(p.best!.cv, 1.5, 1.5)).toBe(true);
    expect(c.scenario.channels.voice!.patience).toMatchObject({ dist: 'lognormal' });
    const open = c.channels[0].intervals.filter((x) => x.open);
    const mean = open.reduce((a, x) => a + x.agents.value, 0) / open.length;
    expect(Math.abs(mean - AGENTS)).toBeLessThan(0.3);
  });
});

describe('sim run --contact-log', () => {
  it('writes one row per answered or abandoned contact of the run: the result’s handled and abandoned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contact-log-'));
    const s = {
      ...scenario({ classes: TWO_CLASSES }),
      horizon: { days: 2, intervalMinutes: 60 as const, warmUpDays: 0 },
    };
    const path = join(dir, 'oracle.json');
    writeFileSync(path, JSON.stringify(s));
    const logPath = join(dir, 'log.csv');
    const json = join(dir, 'result.json');
    const run = await cli([path, '--contact-log', logPath, '--json', json, '--quiet', '--seed', 'x']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(logPath, 'utf8');
    expect(text.split('\n')[0]).toBe('arrival,wait,outcome,service,agent,channel,priority,type,site');
    const parsed = parseGenericLog(text);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const voice = JSON.parse(readFileSync(json, 'utf8')).channels.voice;
    expect(parsed.records.filter((r) => r.answered)).toHaveLength(voice.handled.mean);
    expect(parsed.records.filter((r) => !r.answered)).toHaveLength(voice.abandoned.mean);
    expect(new Set(parsed.records.map((r) => r.date))).toEqual(new Set(['2027-03-01', '2027-03-02']));
    expect(new Set(parsed.records.map((r) => r.type))).toEqual(new Set(['standard', 'premium']));
    // on worker threads the first replication is run again in-process: the same contacts
    const threaded = join(dir, 'threads.csv');
    const one = join(dir, 'one.csv');
    const args = [path, '--reps', '2', '--seed', 'y', '--quiet'];
    expect((await cli([...args, '--threads', '2', '--contact-log', threaded])).code).toBe(0);
    expect((await cli([...args, '--threads', '1', '--contact-log', one])).code).toBe(0);
    expect(readFileSync(threaded, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const bad = await cli([path, '--contact-log', '', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--contact-log: needs a file name');
  });
});
