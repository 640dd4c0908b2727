/**
 * (issue 29) The week strip on daylight-saving days: each cell covers its real day, from the model's
 * day starts that the live worker sends with the meta (src/worker/live-calendar.ts), not 86,400-second
 * slices. A New York client from Thursday 5 March 2026: Sunday 8 March (the second Sunday) has 23 hours,
 * so its cell holds 46 half-hours, and every later cell starts on the client's midnight. The run's
 * clock reads client local time with the date and the offset of the moment.
 */
import { describe, expect, it } from 'vitest';
import type { IntervalValues, ReplicationOutcome } from '../src/sim/result';
import type { Scenario } from '../src/sim/scenario';
import { LiveRun, type Scheduler } from '../src/worker/live-run';
import { dayClockText, nextDayStart, nextIntervalStart } from '../src/ui/live/day-clock';
import { dailyFigures, dayProgress } from '../src/ui/live/week-strip';

const idle: Scheduler = { now: () => 0, later: () => 0, cancel: () => undefined };

function dated(startDate: string, days: number): Scenario {
  return {
    name: 'dst-week',
    clientTimeZone: 'America/New_York',
    horizon: { days, intervalMinutes: 30, startDate, warmUpDays: 0 },
    channels: { voice: { volumePerDay: 48, handleTime: { dist: 'exponential', mean: 60 } } },
    sites: [
      {
        id: 'ny',
        name: 'New York',
        location: 'onshore',
        timeZone: 'America/New_York',
        groups: [{ id: 'v', skills: ['voice'], agents: 2 }],
        cost: { hourlyRate: 10 },
      },
    ],
  };
}

/** One contact offered in every interval of the run. */
function onePerInterval(n: number): ReplicationOutcome {
  const total = { offered: 1, handled: 1, serviceLevel: 1 } as unknown as IntervalValues;
  return {
    intervals: Array.from({ length: n }, () => ({ channels: {}, total })),
  } as unknown as ReplicationOutcome;
}

const H = 3600;

describe('week strip across a clock change', () => {
  const meta = new LiveRun(idle).load(dated('2026-03-05', 7), '1');
  const cal = meta.calendar;

  it('takes its days from the model: the 23-hour Sunday is 23 hours, later days start at local midnight', () => {
    expect(cal.dates).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
    ]);
    const lengths = cal.dayStarts.slice(1).map((s, d) => (s - cal.dayStarts[d]) / H);
    expect(lengths).toEqual([24, 24, 24, 23, 24, 24, 24]);
    expect(cal.dayStarts[4]).toBe(4 * 24 * H - H);
    expect(meta.horizon).toBe(cal.dayStarts[7]);
  });

  it('puts 46 half-hours on the 23-hour day and 48 on every other', () => {
    const n = meta.horizon / meta.intervalSeconds; // 335
    const f = dailyFigures(onePerInterval(n), n, meta.intervalSeconds, cal.dayStarts);
    expect(f.map((d) => d.offered)).toEqual([48, 48, 48, 46, 48, 48, 48]);
  });

  it('fills the Sunday cell at 23 hours and begins Monday’s then', () => {
    const endSunday = cal.dayStarts[3] + 23 * H;
    expect(dayProgress(cal.dayStarts, endSunday)).toEqual([1, 1, 1, 1, 0, 0, 0]);
    expect(dayProgress(cal.dayStarts, endSunday - H)[3]).toBeCloseTo(22 / 23, 12);
    expect(nextDayStart(cal, cal.dayStarts[3] + 60)).toBe(endSunday);
  });

  it('reads the clock in client local time, dated, with the offset of the moment', () => {
    const sunday = cal.dayStarts[3];
    expect(dayClockText(cal, sunday + 1.5 * H)).toBe('day 4 · Sun 8 Mar · 01:30 UTC−5');
    // 02:00 EST is 03:00 EDT: two hours of clock after midnight read 03:00
    expect(dayClockText(cal, sunday + 2 * H)).toBe('day 4 · Sun 8 Mar · 03:00 UTC−4');
    expect(dayClockText(cal, sunday + 23 * H)).toBe('day 5 · Mon 9 Mar · 00:00 UTC−4');
    expect(dayClockText(cal, meta.horizon)).toBe('day 7 · Wed 11 Mar · 24:00 · end of run');
    expect(nextIntervalStart(cal, 1800, sunday + 2 * H + 5)).toBe(sunday + 2.5 * H);
  });

  it('gives the 25-hour day of November its 50 half-hours', () => {
    // 1 November 2026 is the first Sunday of November: New York goes back from UTC−4 to UTC−5
    const fall = new LiveRun(idle).load(dated('2026-10-31', 3), '1');
    const starts = fall.calendar.dayStarts;
    expect(starts.slice(1).map((s, d) => (s - starts[d]) / H)).toEqual([24, 25, 24]);
    const n = fall.horizon / fall.intervalSeconds;
    expect(dailyFigures(onePerInterval(n), n, 1800, starts).map((d) => d.offered)).toEqual([48, 50, 48]);
    expect(dayClockText(fall.calendar, starts[1] + 2 * H)).toBe('day 2 · Sun 1 Nov · 01:00 UTC−5');
  });

  it('keeps an undated run’s clock as it was', () => {
    const s = dated('2026-03-05', 2);
    delete s.horizon!.startDate;
    const undated = new LiveRun(idle).load(s, '1').calendar;
    expect(undated.dayStarts).toEqual([0, 86_400, 172_800]);
    expect(undated.dates).toBeNull();
    expect(dayClockText(undated, 86_400 + 9.5 * H)).toBe('day 2 · 09:30');
    expect(dayClockText(undated, 172_800)).toBe('day 2 · 24:00 · end of run');
  });
});
