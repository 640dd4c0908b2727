/**
 * The shift program (HiGHS): exact optima known by hand, opening hours, time zones, breaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planGroupShifts, type HighsSolver } from '../src/plan/shifts';
import { loadSolver } from '../src/plan/solver';
import type { Scenario } from '../src/sim';

let highs: HighsSolver;
beforeAll(async () => {
  highs = await loadSolver();
});

function site(
  hours: Scenario['sites'][number]['hours'],
  extra: Partial<Scenario['sites'][number]> = {},
): Scenario {
  return {
    name: 's',
    horizon: { days: 1, intervalMinutes: 60 },
    channels: { voice: { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 300 } } },
    sites: [
      {
        id: 'a',
        name: 'A',
        location: 'onshore',
        hours,
        groups: [{ id: 'g', skills: ['voice'], agents: 1 }],
        cost: { hourlyRate: 10 },
        ...extra,
      },
    ],
  };
}

const hours = (from: number, to: number, n: number) => (j: number) => (j >= from && j < to ? n : 0);
const req = (...parts: ((j: number) => number)[]) =>
  Array.from({ length: 24 }, (_, j) => parts.reduce((a, p) => a + p(j), 0));

describe('shift program', () => {
  it('finds the hand-computed optimum inside opening hours', () => {
    // 08–12: 2 agents, 12–16: 3, 16–20: 1, lengths 4 or 8 h: 24 agent-hours is a lower bound and
    // 2 × 08–16 + 1 × 12–20 (or 12–16 + 16–20) reaches it: 24 h × 10 = 240
    const s = site({ open: '08:00', close: '20:00' });
    const p = planGroupShifts(highs, s, 0, req(hours(8, 12, 2), hours(12, 16, 3), hours(16, 20, 1)), 60, {
      lengthsHours: [4, 8],
    });
    expect(p.status).toBe('optimal');
    expect(p.gap).toBe(0);
    expect(p.cost).toBeCloseTo(240, 9);
    expect(p.shifts.reduce((a, x) => a + x.agents * x.hours, 0)).toBe(24);
    for (const x of p.shifts) expect(x.start >= '08:00' && x.end <= '20:00').toBe(true);
  });

  it('is integral: a 24/7 cover with 16-hour shifts on an 8-hour grid needs 2 shifts (the LP would take 1.5)', () => {
    // rate 10 × 1.25 overhead ÷ 0.8 = 15.625 per paid hour; 2 × 16 h = 500
    const s = site('24/7', { shrinkage: 0.2, cost: { hourlyRate: 10, overheadRate: 0.25 } });
    const p = planGroupShifts(highs, s, 0, new Array(24).fill(1), 60, {
      lengthsHours: [16],
      startGridMinutes: 480,
    });
    expect(p.status).toBe('optimal');
    expect(p.cost).toBeCloseTo(500, 9);
    expect(p.shifts.reduce((a, x) => a + x.agents, 0)).toBe(2);
  });

  it('works in local time: a site 6 hours ahead covers client 02:00–06:00 with a local 08:00–12:00 shift', () => {
    const s = site({ open: '08:00', close: '20:00' }, { utcOffsetHours: 6 });
    const p = planGroupShifts(highs, s, 0, req(hours(2, 6, 3)), 60, { lengthsHours: [4, 8] });
    expect(p.shifts).toEqual([{ start: '08:00', end: '12:00', agents: 3, hours: 4, costPerAgent: 40 }]);
  });

  it('names intervals no allowed shift can cover, and leaves them out', () => {
    // open only 3 hours: no 4-hour shift fits
    const s = site({ open: '09:00', close: '12:00' });
    const p = planGroupShifts(highs, s, 0, req(hours(9, 12, 1)), 60, { lengthsHours: [4] });
    expect(p.uncovered).toEqual([9, 10, 11]);
    expect(p.shifts).toEqual([]);
  });

  it('with breaks, a long shift does not cover its break and is paid without it', () => {
    const s = site('24/7');
    // 8 h of 1 agent: one 8-hour shift with a 1-hour break leaves a gap; so 8 h + a 4 h shift covering the break
    const p = planGroupShifts(highs, s, 0, req(hours(8, 16, 1)), 60, {
      lengthsHours: [4, 8],
      breakMinutes: 60,
    });
    // cheapest: two 4-hour shifts (8 paid hours = 80) beat 8 h − 1 h break + a 4-hour fill (11 h)
    expect(p.cost).toBeCloseTo(80, 9);
    expect(p.shifts.every((x) => x.break === undefined)).toBe(true);
    const q = planGroupShifts(highs, s, 0, req(hours(8, 16, 1)), 60, { lengthsHours: [8], breakMinutes: 60 });
    // one 8-hour shift with its break inside 08–16 leaves an hour uncovered: it takes a second shift
    expect(q.shifts.reduce((a, x) => a + x.agents, 0)).toBe(2);
    expect(q.shifts.every((x) => x.break !== undefined && x.hours === 7)).toBe(true);
    expect(q.cost).toBeCloseTo(140, 9);
  });

  it('prices each hour with its pay premium: a night window crossing midnight (22:00–06:00 at 1.5×)', () => {
    const s = site('24/7', { payPremiums: [{ from: '22:00', to: '06:00', factor: 1.5 }] });
    // 18:00–02:00, 8-hour shifts only: the one shift covering it works 4 h at 10 and 4 h at 15 = 100
    const night = planGroupShifts(highs, s, 0, req(hours(18, 24, 1), hours(0, 2, 1)), 60, {
      lengthsHours: [8],
    });
    expect(night.shifts).toEqual([{ start: '18:00', end: '02:00', agents: 1, hours: 8, costPerAgent: 100 }]);
    expect(night.cost).toBeCloseTo(100, 9);
    // 04:00–08:00: any 8-hour start from 00:00 to 04:00 covers it; 04:00–12:00 has the fewest night
    // hours (2 h × 15 + 6 h × 10 = 90; 00:00–08:00 would cost 6 × 15 + 2 × 10 = 110)
    const dawn = planGroupShifts(highs, s, 0, req(hours(4, 8, 1)), 60, { lengthsHours: [8] });
    expect(dawn.shifts).toEqual([{ start: '04:00', end: '12:00', agents: 1, hours: 8, costPerAgent: 90 }]);
    // an unpaid break inside the window is not paid: 18:00–02:00 with 23:00–00:00 off = 40 + 3 × 15
    const brk = planGroupShifts(highs, s, 0, req(hours(18, 23, 1), hours(0, 2, 1)), 60, {
      lengthsHours: [8],
      breakMinutes: 60,
    });
    expect(brk.shifts.map((x) => [x.start, x.break?.start, x.costPerAgent])).toEqual([
      ['18:00', '23:00', 85],
    ]);
  });
});
