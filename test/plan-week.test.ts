/**
 * (v3) `plan --roster` (SPEC §8): the requirement for every interval of each day of the week (with the
 * channels' weekly weights), shifts per day, agents rostered on weekly patterns with consecutive days
 * off, and heads needed = rostered ÷ (1 − shrinkage).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../src/sim';
import { cli } from './support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'shoreline-week-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const WEEKLY = [1.4, 1.1, 1, 1, 1, 0.8, 0.7];

/** One in-house voice site, 24/7, dated on a Wednesday. */
function week(): Scenario {
  return {
    name: 'week',
    clientUtcOffsetHours: -5,
    horizon: { days: 1, intervalMinutes: 60, startDate: '2027-03-10' },
    channels: {
      voice: {
        volumePerDay: 1500,
        weekly: WEEKLY,
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 150 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        utcOffsetHours: -5,
        groups: [{ id: 'voice', skills: ['voice'], agents: 10 }],
        shrinkage: 0.25,
        cost: { hourlyRate: 30 },
      },
    ],
  };
}

describe('plan --roster', () => {
  it('plans each day of the week at its volume and rosters 5x8 patterns with consecutive days off', async () => {
    const file = join(TMP, 'week.json');
    writeFileSync(file, JSON.stringify(week()));
    const json = join(TMP, 'week-plan.json');
    const args = ['plan', file, '--roster', '5x8', '--reps', '2', '--rounds', '0', '--threads', '1'];
    const r = await cli([...args, '--json', json]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/heads needed/);
    const w = JSON.parse(readFileSync(json, 'utf8')).week;
    // day 1 is Wednesday 2027-03-10
    expect(w.days.map((d: { weekday: string }) => d.weekday)).toEqual([
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
      'Mon',
      'Tue',
    ]);
    expect(w.days[0].date).toBe('2027-03-10');
    expect(w.requirement).toHaveLength(7 * 24);
    const daily = (day: number) =>
      w.requirement
        .filter((e: { day: number }) => e.day === day)
        .reduce((a: number, e: { agents: Record<string, number> }) => a + e.agents['home/voice'], 0);
    // Monday (day 6) carries 1.4× the mean volume, Sunday (day 5) 0.7×: twice the load (8 agents an hour against 5)
    expect(daily(6)).toBeGreaterThan(1.4 * daily(5));
    expect(daily(1)).toBeGreaterThan(daily(5));
    // every shift carries its day and is 8 hours; each day's shifts cover that day's requirement
    for (const s of w.shifts) {
      expect(s.day).toBeGreaterThanOrEqual(1);
      expect(s.hours).toBe(8);
    }
    const [roster] = w.roster;
    expect(
      roster.entries.every((e: { pattern: string }) => `${e.pattern}${e.pattern}`.includes('11111')),
    ).toBe(true);
    roster.working.forEach((n: number, d: number) => expect(n).toBeGreaterThanOrEqual(roster.need[d]));
    // the need per weekday is the agents on that day's shifts
    w.days.forEach((d: { day: number; weekday: string }) => {
      const onShift = w.shifts
        .filter((s: { day: number }) => s.day === d.day)
        .reduce((a: number, s: { agents: number }) => a + s.agents, 0);
      expect(roster.need[['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(d.weekday)]).toBe(onShift);
    });
    expect(roster.rostered).toBeGreaterThanOrEqual(
      Math.ceil((roster.need as number[]).reduce((a, b) => a + b) / 5),
    );
    expect(roster.heads).toBeCloseTo(roster.rostered / 0.75, 9);
    expect(roster.headsWhole).toBe(Math.ceil(roster.rostered / 0.75 - 1e-9));
  }, 120_000);

  it('refuses a bad pattern and --lengths with --roster, one line each', async () => {
    const r = await cli(['plan', 'nope.json', '--roster', '5x8,11', '--lengths', '8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"11"');
    const r2 = await cli(['plan', 'nope.json', '--roster', '4x10', '--lengths', '8']);
    expect(r2.stderr).toContain('--lengths: not with --roster');
  });
});
