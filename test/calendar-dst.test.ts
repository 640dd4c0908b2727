/**
 * (v3) The calendar (SPEC §1): horizon.startDate dates day 1, and IANA zones give each offset on every
 * simulated date from the platform's time-zone database. Intervals are labelled in client local time
 * with their date and offset; a client day with a clock change has 23 or 25 hours, and nothing in it is
 * lost or counted twice.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/sim/simulate';
import type { IntervalOutcome } from '../src/sim/result';
import type { Scenario, SiteSpec } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';

function site(extra: Partial<SiteSpec>, agents = 3): SiteSpec {
  return {
    id: 's',
    name: 'Site',
    location: 'offshore',
    groups: [{ id: 'v', skills: ['voice'], agents }],
    cost: { hourlyRate: 10 },
    ...extra,
  };
}

function dated(startDate: string, days: number, s: SiteSpec, client: Partial<Scenario>): Scenario {
  return {
    name: 'dst',
    ...client,
    horizon: { days, intervalMinutes: 30, startDate, warmUpDays: 1 },
    channels: { voice: { volumePerDay: 200, handleTime: { dist: 'exponential', mean: 200 } } },
    sites: [s],
  };
}

function intervals(s: Scenario, reps = 1) {
  const r = simulate(s, { seed: 'dst', replications: reps });
  return { result: r, ivs: [...r.intervals] as IntervalOutcome[] };
}

/** Client-local start of each opening (an interval with labour cost after one without), by date. */
function openings(ivs: IntervalOutcome[]): Map<string, string> {
  const out = new Map<string, string>();
  let prev = true; // the first interval is not an opening
  for (const iv of ivs) {
    const open = (iv.total.cost.mean ?? 0) > 0;
    if (open && !prev) out.set(iv.start.slice(0, 10), iv.start.slice(11));
    prev = open;
  }
  return out;
}

describe('daylight saving', () => {
  it('a Manila site (no DST) opens one hour later in New York time from the second Sunday of March', () => {
    // 2027-03-14 is the second Sunday: New York goes from UTC−5 to UTC−4; Manila stays UTC+8, so its
    // 08:00 opening is 19:00 the evening before in New York until then, and 20:00 from then on
    const s = dated(
      '2027-03-08',
      14,
      site({ timeZone: 'Asia/Manila', hours: { open: '08:00', close: '17:00' } }),
      {
        clientTimeZone: 'America/New_York',
      },
    );
    const open = openings(intervals(s).ivs);
    for (let d = 8; d <= 21; d++) {
      const date = `2027-03-${String(d).padStart(2, '0')}`;
      expect(open.get(date), date).toBe(d < 14 ? '19:00-05:00' : '20:00-04:00');
    }
  });

  it('a London site opens one hour earlier on a UTC client clock from the last Sunday of March', () => {
    // 2027-03-28: London goes from UTC+0 to UTC+1, so 09:00 London is 09:00 UTC, then 08:00 UTC
    const s = dated(
      '2027-03-22',
      14,
      site({ timeZone: 'Europe/London', hours: { open: '09:00', close: '17:00' } }),
      {
        clientUtcOffsetHours: 0,
      },
    );
    const open = openings(intervals(s).ivs);
    for (let d = 23; d <= 31; d++) {
      const date = `2027-03-${String(d).padStart(2, '0')}`;
      expect(open.get(date), date).toBe(d < 28 ? '09:00+00:00' : '08:00+00:00');
    }
  });

  it("arrivals follow the client's local clock: a 09:00–10:00 profile stays at 09:00 after the change", () => {
    const s = dated('2027-03-08', 14, site({ timeZone: 'America/New_York' }, 4), {
      clientTimeZone: 'America/New_York',
    });
    s.channels.voice!.profile = Array.from({ length: 48 }, (_, k) => (k === 18 || k === 19 ? 1 : 0));
    const { ivs } = intervals(s);
    const fresh = ivs.filter((iv) => (iv.total.offered.mean ?? 0) > 0).map((iv) => iv.start.slice(11, 16));
    expect(fresh.length).toBeGreaterThan(14);
    expect(new Set(fresh)).toEqual(new Set(['09:00', '09:30']));
  });

  it('an undated file keeps fixed offsets: a site given only a zone takes its standard offset', () => {
    const s = dated(
      '2027-03-22',
      14,
      site({ timeZone: 'Europe/London', hours: { open: '09:00', close: '17:00' } }),
      {
        clientUtcOffsetHours: 0,
      },
    );
    delete s.horizon!.startDate;
    const { ivs } = intervals(s);
    expect(ivs[0].start).toBe('00:00');
    const firstOpen = ivs.filter(
      (iv, k) => (iv.total.cost.mean ?? 0) > 0 && !((ivs[k - 1]?.total.cost.mean ?? 0) > 0),
    );
    expect(firstOpen.map((iv) => iv.start)).toEqual(Array(14).fill('09:00'));
  });

  // A 24/7 site with 4 agents at 10 an hour: labour is exactly 40 per hour of clock, so a week with a
  // 23-hour day costs 167 hours' worth and one with a 25-hour day 169; every contact counts once.
  for (const [what, start, date, hours] of [
    ['23-hour', '2027-03-08', '2027-03-14', 23],
    ['25-hour', '2027-11-01', '2027-11-07', 25],
  ] as const) {
    it(`the ${what} day (${date}) conserves contacts and cost`, () => {
      const s = dated(start, 7, site({ timeZone: 'America/New_York' }, 4), {
        clientTimeZone: 'America/New_York',
      });
      const { result, ivs } = intervals(s, 2);
      expect(ivs.filter((iv) => iv.start.startsWith(date)).length).toBe(hours * 2);
      expect(ivs.length).toBe((6 * 24 + hours) * 2);
      expect(new Set(ivs.map((iv) => iv.start)).size).toBe(ivs.length); // no label twice
      // every label's date is its day's: day 7 is the 7th date
      expect(ivs.filter((iv) => iv.day === 7).every((iv) => iv.start.startsWith(date))).toBe(true);
      const sum = (f: (iv: IntervalOutcome) => number | null) => ivs.reduce((a, iv) => a + (f(iv) ?? NaN), 0);
      const n = (x: number | null) => x ?? NaN;
      const v = result.channels.voice!;
      expect(sum((iv) => iv.total.offered.mean)).toBeCloseTo(n(v.offered.mean), 6);
      expect(sum((iv) => iv.total.cost.mean)).toBeCloseTo(n(result.total.cost.mean), 6);
      expect(n(result.total.cost.mean)).toBeCloseTo(40 * (6 * 24 + hours), 6);
      expect(n(v.handled.mean) + n(v.abandoned.mean) + n(v.backlog.mean)).toBeCloseTo(n(v.offered.mean), 9);
    });
  }

  it('bad zones and dates are refused, naming the field', () => {
    const s = dated('2027-02-30', 1, site({ timeZone: 'Asia/Manilla' }), { clientTimeZone: 'New York' });
    const text = JSON.stringify(validateScenario(s));
    for (const field of ['horizon.startDate', 'sites[0].timeZone', 'clientTimeZone'])
      expect(text).toContain(field);
  });
});
