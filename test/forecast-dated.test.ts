/**
 * (v3) A forecast over several dates keeps each date (SPEC §8): the scenario gets horizon.startDate,
 * the days, and each channel's `daily` volumes and profiles; the engine then offers each day its own
 * volume on its own profile. `average` (the CLI's --average) and `day` keep the one-day import.
 */
import { describe, expect, it } from 'vitest';
import { importForecast } from '../src/plan/forecast';
import { validateScenario } from '../src/scenario/validate';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim';

function scenario(): Scenario {
  return {
    name: 'f',
    horizon: { days: 1, intervalMinutes: 60, warmUpDays: 2 }, // warm-up days take the first date's volume
    channels: { voice: { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 60 } } },
    sites: [
      {
        id: 'a',
        name: 'A',
        location: 'onshore',
        groups: [{ id: 'g', skills: ['voice'], agents: 60 }],
        cost: { hourlyRate: 20 },
      },
    ],
  };
}

/** 14 dates from 2027-03-01: day i has volume 200 or 800 (alternating), all of it in hour 8 + (i mod 10). */
const DATES = Array.from({ length: 14 }, (_, i) => `2027-03-${String(i + 1).padStart(2, '0')}`);
const volumeOf = (i: number) => (i % 2 === 0 ? 200 : 800);
const hourOf = (i: number) => 8 + (i % 10);
function csv(): string {
  const rows = ['start,channel,volume'];
  DATES.forEach((date, i) => {
    for (let h = 0; h < 24; h++)
      rows.push(`${date}T${String(h).padStart(2, '0')}:00,voice,${h === hourOf(i) ? volumeOf(i) : 0}`);
  });
  return rows.join('\n');
}

describe('dated forecast import', () => {
  const r = importForecast(csv(), scenario());
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const s = r.value.scenario;

  it('keeps each of 14 dates: start date, days, each day volume and profile', () => {
    expect(s.horizon).toMatchObject({ startDate: '2027-03-01', days: 14 });
    const daily = s.channels.voice!.daily!;
    expect(daily).toHaveLength(14);
    daily.forEach((d, i) => {
      expect(d.volume).toBe(volumeOf(i));
      expect(d.profile!.findIndex((x) => x > 0)).toBe(hourOf(i));
    });
    // the average day stays in volumePerDay and profile
    expect(s.channels.voice!.volumePerDay).toBe(500);
    expect(validateScenario(s).ok).toBe(true);
  });

  it('the run offers each day its own volume, in its own hour (within 4 standard errors)', () => {
    const offered = new Float64Array(14);
    const inHour = new Float64Array(14);
    const reps = 4;
    for (let rep = 0; rep < reps; rep++) {
      const out = runReplication(s, { seed: 'dated', replication: rep });
      out.intervals.forEach((iv, k) => {
        const d = Math.floor(k / 24);
        offered[d] += iv.channels.voice!.offered!;
        if (k % 24 === hourOf(d)) inHour[d] += iv.channels.voice!.offered!;
      });
    }
    // se √(4·200) ≈ 28 on a 200 day: a day given the average 500, or its neighbour's 800, fails by far
    DATES.forEach((_, d) => {
      const expected = reps * volumeOf(d);
      expect(Math.abs(offered[d] - expected), DATES[d]).toBeLessThan(4 * Math.sqrt(expected));
      expect(inHour[d]).toBe(offered[d]);
    });
  });

  it('average and day keep the one-day import; missing dates are refused', () => {
    const avg = importForecast(csv(), scenario(), { average: true });
    if (!avg.ok) throw new Error(avg.problems.join('\n'));
    expect(avg.value.scenario.channels.voice!.daily).toBeUndefined();
    expect(avg.value.scenario.horizon!.startDate).toBeUndefined();
    const one = importForecast(csv(), scenario(), { day: '2027-03-02' });
    expect(one.ok && one.value.scenario.channels.voice!.daily).toBe(undefined);
    const gap = csv()
      .split('\n')
      .filter((line) => !line.startsWith('2027-03-05'))
      .join('\n');
    const bad = importForecast(gap, scenario());
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('2027-03-05');
  });
});
