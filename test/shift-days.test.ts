/**
 * (v3, extension) A group's shift may carry `day`: the day of the horizon (client days) on which it
 * starts. The engine staffs each day with its own shifts (plus the shifts of every day), a shift that
 * crosses midnight works into the next day, day 1's shifts also work the warm-up, and a site far from
 * the client starts a day's shift on the local date its start falls on when read on that client day.
 *
 * Staffing is read off the simulated labour cost per interval: with no contacts, no shrinkage and no
 * overhead, an hour's cost is exactly hourlyRate × the agents logged in during it.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/sim/simulate';
import type { Scenario, Shift } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';

const RATE = 2;

function scenario(shifts: Shift[], siteOffset = -5, days = 3): Scenario {
  return {
    name: 'shift days',
    clientUtcOffsetHours: -5,
    horizon: { days, intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 0,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: null,
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'a',
        name: 'A',
        location: 'onshore',
        utcOffsetHours: siteOffset,
        shrinkage: 0,
        groups: [{ id: 'g', skills: ['voice'], shifts }],
        cost: { hourlyRate: RATE, overheadRate: 0, telecomPerMinute: 0, perContactFee: 0 },
      },
    ],
  };
}

/** Agents logged in per hour of each day, from the simulated labour cost. */
function agentsByHour(s: Scenario): number[][] {
  const r = simulate(s, { seed: 'days', replications: 1 });
  const days = s.horizon!.days!;
  const out = Array.from({ length: days }, () => new Array<number>(24).fill(0));
  for (const iv of r.intervals) out[iv.day - 1][iv.index % 24] = (iv.total.cost.mean ?? 0) / RATE;
  return out;
}

/** Expected agents per hour from [day (1-based), from hour, to hour, agents] pieces. */
function expected(days: number, pieces: [number, number, number, number][]): number[][] {
  const out = Array.from({ length: days }, () => new Array<number>(24).fill(0));
  for (const [d, from, to, n] of pieces) for (let h = from; h < to; h++) out[d - 1][h] += n;
  return out;
}

describe('shifts of one day', () => {
  it('staffs each day with its own shifts; a crossing shift works into the next day', () => {
    const got = agentsByHour(
      scenario([
        { start: '09:00', end: '17:00', agents: 4, day: 1 },
        { start: '09:00', end: '17:00', agents: 7, day: 2 },
        { start: '22:00', end: '06:00', agents: 3, day: 2 },
        { start: '12:00', end: '13:00', agents: 1 },
      ]),
    );
    const want = expected(3, [
      [1, 9, 17, 4],
      [2, 9, 17, 7],
      [2, 22, 24, 3],
      [3, 0, 6, 3],
      [1, 12, 13, 1],
      [2, 12, 13, 1],
      [3, 12, 13, 1],
    ]);
    got.forEach((row, d) =>
      row.forEach((n, h) => expect(n, `day ${d + 1} ${h}:00`).toBeCloseTo(want[d][h], 9)),
    );
  });

  it("works day 1's shifts before day 1 and the last day's after it", () => {
    // day 1's crossing shift of the warm-up day works into day 1's first hours; day 3 (the last)
    // crossing shift works into the follow-up, not the horizon
    const got = agentsByHour(
      scenario([
        { start: '20:00', end: '02:00', agents: 2, day: 1 },
        { start: '10:00', end: '11:00', agents: 5, day: 3 },
      ]),
    );
    const want = expected(3, [
      [1, 0, 2, 2],
      [1, 20, 24, 2],
      [2, 0, 2, 2],
      [3, 10, 11, 5],
    ]);
    got.forEach((row, d) =>
      row.forEach((n, h) => expect(n, `day ${d + 1} ${h}:00`).toBeCloseTo(want[d][h], 9)),
    );
  });

  it("a site 13 hours ahead starts day 2's shift on client day 2", () => {
    // local 08:00–12:00 at +8 is 19:00–23:00 on a −5 client's clock: read on client day 2, that is
    // the site's next local date, which the engine must not confuse with client day 3
    const got = agentsByHour(scenario([{ start: '08:00', end: '12:00', agents: 2, day: 2 }], 8));
    expect(got).toEqual(expected(3, [[2, 19, 23, 2]]));
  });

  it('leaves a file without `day` as it was (every shift every day)', () => {
    const got = agentsByHour(scenario([{ start: '09:00', end: '11:00', agents: 3 }]));
    expect(got).toEqual(
      expected(
        3,
        [1, 2, 3].map((d) => [d, 9, 11, 3] as [number, number, number, number]),
      ),
    );
  });

  it('refuses a day out of the horizon, naming the field', () => {
    const bad = scenario([
      { start: '09:00', end: '17:00', agents: 4, day: 4 },
      { start: '09:00', end: '17:00', agents: 4, day: 0 },
    ]);
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(
      problems.some((p) => p.startsWith('sites[0].groups[0].shifts[0].day:') && p.includes('horizon')),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('sites[0].groups[0].shifts[1].day:'))).toBe(true);
    expect(validateScenario(scenario([{ start: '09:00', end: '17:00', agents: 4, day: 3 }])).ok).toBe(true);
  });
});
