/**
 * Forecast import (SPEC §8): volumes and profiles from a CSV, every problem with its line and column,
 * nothing written on a bad file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importForecast } from '../src/plan/forecast';
import { validateScenario } from '../src/scenario/validate';
import type { Scenario } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-forecast-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function scenario(intervalMinutes: 15 | 30 | 60 = 30): Scenario {
  return {
    name: 'f',
    horizon: { days: 1, intervalMinutes },
    channels: {
      voice: { volumePerDay: 100, handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 } },
      chat: { volumePerDay: 50, handleTime: { dist: 'exponential', mean: 600 }, concurrency: 2 },
    },
    sites: [
      {
        id: 'a',
        name: 'A',
        location: 'onshore',
        groups: [{ id: 'g', skills: ['voice', 'chat'], agents: 5 }],
        cost: { hourlyRate: 20 },
      },
    ],
  };
}

describe('importForecast', () => {
  it('sets volume per day and the profile from HH:MM rows', () => {
    const csv = 'start,channel,volume\n08:00,voice,30\n08:30,voice,10\n09:00,chat,5\n';
    const r = importForecast(csv, scenario());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value.scenario.channels.voice!;
    expect(v.volumePerDay).toBe(40);
    expect(v.profile).toHaveLength(48);
    expect(v.profile![16]).toBe(30);
    expect(v.profile![17]).toBe(10);
    expect(v.profile!.reduce((a, b) => a + b, 0)).toBe(40);
    expect(r.value.scenario.channels.chat!.volumePerDay).toBe(5);
    expect(v.handleTimeProfile).toBeUndefined();
  });

  it("averages several days and keeps each day's volume; --day picks one", () => {
    const csv = [
      'Start,Channel,Volume,HandleTime',
      '2026-03-02T08:00,voice,30,200',
      '2026-03-02T08:30,voice,10,400',
      '2026-03-03T08:00,voice,50,',
      '2026-03-03 08:30,voice,10,400',
    ].join('\n');
    const r = importForecast(csv, scenario());
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const v = r.value.scenario.channels.voice!;
    expect(v.volumePerDay).toBe(50);
    expect(v.profile![16]).toBe(40);
    expect(v.profile![17]).toBe(10);
    expect(r.value.channels[0].days).toEqual([
      { date: '2026-03-02', volume: 40 },
      { date: '2026-03-03', volume: 60 },
    ]);
    // volume-weighted handle time of the rows that give one: (30·200 + 10·400 + 10·400) / 50
    expect(v.handleTime).toEqual({ dist: 'lognormal', mean: 280, cv: 0.8 });
    // (v3) and each interval's own volume-weighted mean; intervals without one get the channel's mean
    expect(v.handleTimeProfile).toHaveLength(48);
    expect(v.handleTimeProfile![16]).toBe(200);
    expect(v.handleTimeProfile![17]).toBe(400);
    expect(v.handleTimeProfile!.filter((x, k) => k !== 16 && k !== 17).every((x) => x === 280)).toBe(true);
    expect(validateScenario(r.value.scenario).ok).toBe(true);
    const one = importForecast(csv, scenario(), { day: '2026-03-03' });
    if (!one.ok) throw new Error(one.problems.join('\n'));
    expect(one.value.scenario.channels.voice!.volumePerDay).toBe(60);
  });

  const bad = (csv: string, s = scenario()) => {
    const r = importForecast(csv, s);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.problems;
  };

  it('rejects an unknown channel with its line and column', () => {
    expect(bad('start,channel,volume\n08:00,voice,1\n08:30,fax,2\n09:00,email,3\n')).toEqual([
      'line 3, column 2 (channel): unknown channel "fax" (voice, chat, email, social)',
      'line 4, column 2 (channel): the scenario has no channel "email" (add it to the scenario first)',
    ]);
  });

  it('rejects negative and non-numeric volumes', () => {
    expect(bad('channel,volume,start\nvoice,-3,08:00\nvoice,lots,08:30\nvoice,,09:00\n')).toEqual([
      'line 2, column 2 (volume): -3 is negative',
      'line 3, column 2 (volume): "lots" is not a number',
      'line 4, column 2 (volume): "" is not a number',
    ]);
  });

  it("rejects intervals that do not match the scenario's interval length", () => {
    expect(bad('start,channel,volume\n08:00,voice,1\n08:15,voice,2\n')).toEqual([
      "line 3, column 1 (start): 08:15 does not start a 30-minute interval (the scenario's interval length)",
    ]);
    // hourly rows for 30-minute intervals
    const p = bad('start,channel,volume\n08:00,voice,1\n09:00,voice,2\n10:00,voice,2\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^line 2, column 1 \(start\): the rows are 60 minutes apart, but the scenario's intervals are 30 minutes/,
    );
  });

  it('rejects duplicate rows, naming both lines', () => {
    expect(bad('start,channel,volume\n08:00,voice,1\n08:30,voice,1\n08:00,voice,2\n')).toEqual([
      'line 4, column 1 (start): duplicate row: 08:00 voice is also on line 2',
    ]);
  });

  it('rejects bad starts, a mix of formats and a missing column', () => {
    expect(
      bad('start,channel,volume\n25:00,voice,1\n2026-03-02T08:00,voice,1\n2026-03-02T08:30Z,voice,1\n'),
    ).toEqual([
      'line 2, column 1 (start): "25:00" is not a time (HH:MM) or a date-time (YYYY-MM-DDTHH:MM)',
      'line 4, column 1 (start): "2026-03-02T08:30Z" has a time-zone offset; give the client\'s local time without one',
    ]);
    expect(bad('start,volume\n08:00,1\n')).toEqual(['line 1: the header has no "channel" column']);
  });
});

describe('sim import-forecast', () => {
  const into = join(TMP, 'scenario.json');
  writeFileSync(into, JSON.stringify(scenario()));

  it('writes the scenario with the forecast in it', async () => {
    const csv = join(TMP, 'ok.csv');
    writeFileSync(csv, 'start,channel,volume\n08:00,voice,30\n08:30,voice,10\n');
    const out = join(TMP, 'new.json');
    const r = await cli(['import-forecast', csv, '--into', into, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(out, 'utf8')) as Scenario;
    expect(s.channels.voice!.volumePerDay).toBe(40);
    expect(s.channels.chat!.volumePerDay).toBe(50); // not in the file: unchanged
  });

  it('--day takes one day of a multi-day file, and names the days it has otherwise', async () => {
    const csv = join(TMP, 'days.csv');
    writeFileSync(csv, 'start,channel,volume\n2026-03-02T08:00,voice,30\n2026-03-03T08:00,voice,50\n');
    const out = join(TMP, 'day.json');
    const r = await cli(['import-forecast', csv, '--into', into, '--out', out, '--day', '2026-03-03']);
    expect(r.code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Scenario).channels.voice!.volumePerDay).toBe(50);
    // (v3) by default each date is kept; --average gives the v2 average day
    const all = await cli(['import-forecast', csv, '--into', into, '--out', join(TMP, 'all.json')]);
    expect(all.stdout).toMatch(/covers 2 days from 2026-03-02; the scenario keeps each date/);
    const avg = await cli([
      'import-forecast',
      csv,
      '--into',
      into,
      '--out',
      join(TMP, 'avg.json'),
      '--average',
    ]);
    expect(avg.stdout).toMatch(/covers 2 days; the scenario gets the average day/);
    const none = await cli([
      'import-forecast',
      csv,
      '--into',
      into,
      '--out',
      join(TMP, 'x.json'),
      '--day',
      '2026-03-09',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /--day: the file has no rows for 2026-03-09 \(it has 2026-03-02, 2026-03-03\)/,
    );
  });

  it('exits 2 with one line per problem and writes nothing', async () => {
    const csv = join(TMP, 'bad.csv');
    writeFileSync(csv, 'start,channel,volume\n08:00,voice,-1\n08:00,voice,1\n08:10,sms,x\n');
    const out = join(TMP, 'never.json');
    const r = await cli(['import-forecast', csv, '--into', into, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${csv}: line 2, column 3 (volume): -1 is negative`,
      `${csv}: line 3, column 1 (start): duplicate row: 08:00 voice is also on line 2`,
      `${csv}: line 4, column 1 (start): 08:10 does not start a 30-minute interval (the scenario's interval length)`,
      `${csv}: line 4, column 2 (channel): unknown channel "sms" (voice, chat, email, social)`,
      `${csv}: line 4, column 3 (volume): "x" is not a number`,
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
