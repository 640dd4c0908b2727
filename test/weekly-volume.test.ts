/**
 * (v3) `weekly` (SPEC §2): seven weights, Monday to Sunday, multiply volumePerDay after being scaled to
 * mean 1; an undated file's day 1 is a Monday, and warm-up days before it are the days of the week
 * before. Offered per day is Poisson around volumePerDay × weight, so each weekday's total over many
 * days is checked within 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../src/sim/simulate';
import { validateScenario } from '../src/scenario/validate';
import { oneSite } from './support/build';

const PER_DAY = 240;
const WEEKLY = [1.5, 1.2, 1, 1, 1, 0.7, 0.6]; // mean 1: no rescaling needed, so the weights read directly
const REPS = 8;
const DAYS = 14;

describe('weekly volumes', () => {
  const scenario = oneSite(30, PER_DAY / 24, DAYS, { weekly: WEEKLY });
  const byWeekday = new Float64Array(7);
  for (let r = 0; r < REPS; r++) {
    // a 3-day warm-up: day 1 must still be a Monday (the warm-up runs Friday to Sunday)
    const out = runReplication(scenario, { seed: 'weekly', replication: r, warmUpDays: 3 });
    out.intervals.forEach((iv, k) => (byWeekday[Math.floor(k / 48) % 7] += iv.channels.voice!.offered!));
  }

  it('offered per weekday is volumePerDay × the weight, within 4 standard errors', () => {
    // 16 days per weekday: a weight of 1 expects 3840 offered, se √3840 ≈ 62, so an error of 6.5 %
    // in any day's weight (or a week shifted by one day: the weights differ by ≥ 17 %) fails
    const n = (REPS * DAYS) / 7;
    for (let d = 0; d < 7; d++) {
      const expected = n * PER_DAY * WEEKLY[d];
      expect(Math.abs(byWeekday[d] - expected), `weekday ${d}`).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it("a dated file's week starts on its start date's weekday", () => {
    // 2027-03-10 is a Wednesday: day 6 is a Monday (1.5), day 4 a Saturday (0.7); 8 replications give
    // se √(8·240·w) ≤ 54, so a week starting on Monday (day 6 a Saturday: 1344 against 2880) fails
    const s = oneSite(30, PER_DAY / 24, 7, { weekly: WEEKLY });
    s.horizon = { ...s.horizon, startDate: '2027-03-10' };
    const perDay = new Float64Array(7);
    for (let r = 0; r < REPS; r++)
      runReplication(s, { seed: 'dated-week', replication: r, warmUpDays: 1 }).intervals.forEach(
        (iv, k) => (perDay[Math.floor(k / 48)] += iv.channels.voice!.offered!),
      );
    for (let d = 0; d < 7; d++) {
      const expected = REPS * PER_DAY * WEEKLY[(2 + d) % 7];
      expect(Math.abs(perDay[d] - expected), `day ${d + 1}`).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('weights are scaled to mean 1: doubling them all changes nothing', () => {
    const a = runReplication(oneSite(30, PER_DAY / 24, 7, { weekly: WEEKLY }), { seed: 's', warmUpDays: 0 });
    const b = runReplication(oneSite(30, PER_DAY / 24, 7, { weekly: WEEKLY.map((w) => 2 * w) }), {
      seed: 's',
      warmUpDays: 0,
    });
    expect(b.channels.voice!.offered).toBe(a.channels.voice!.offered);
  });

  it('a weekly list of six weights is refused, naming the field', () => {
    const bad = oneSite(1, 1, 1, { weekly: [1, 1, 1, 1, 1, 1] });
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('channels.voice.weekly');
  });
});
