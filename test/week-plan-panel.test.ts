/**
 * (issue 29) The Plan panel's week as its worker plans it (src/ui/plan/week-plan.ts), in Node with
 * HiGHS: a scenario with weekly weights (Monday 1.5, the weekend 0.5) has several days; day 1's
 * one-day scenario carries Monday's volume; every day of the week gets a requirement that follows its
 * weight and shifts that cover it, interval by interval; a 5x8 roster rosters at least the busiest
 * day's agents; "Apply" keeps the week's weights and horizon with day 1's shifts.
 *
 * The one-day plan is stood in for by its Erlang requirement (no simulated correction): the week is
 * what is tested here, not the correction rounds (test/plan-workforce.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTargets } from '../src/optimise/optimiser';
import type { PlanOutcome } from '../src/plan/plan';
import { erlangRequirement } from '../src/plan/requirement';
import type { HighsSolver } from '../src/plan/shifts';
import { loadSolver } from '../src/plan/solver';
import type { Scenario } from '../src/sim/scenario';
import { dayOneScenario, hasSeveralDays, planTheWeek, withDayOneShifts } from '../src/ui/plan/week-plan';

const WEIGHTS = [1.5, 1, 1, 1, 1, 0.5, 0.5];

const scenario: Scenario = {
  name: 'weekly',
  clientUtcOffsetHours: -6,
  horizon: { days: 1, intervalMinutes: 60 },
  channels: {
    voice: {
      volumePerDay: 1200,
      weekly: WEIGHTS,
      handleTime: { dist: 'exponential', mean: 300 },
      target: { percent: 80, withinSeconds: 20 },
    },
  },
  sites: [
    {
      id: 'dallas',
      name: 'Dallas',
      location: 'onshore',
      utcOffsetHours: -6,
      hours: { open: '08:00', close: '20:00' },
      groups: [{ id: 'voice', skills: ['voice'], agents: 20 }],
      shrinkage: 0.25,
      cost: { hourlyRate: 28 },
    },
  ],
};

/** A one-day plan with no simulated correction: requirement = Erlang. */
function oneDayPlan(s: Scenario): PlanOutcome {
  const req = erlangRequirement(s, defaultTargets(s));
  return { requirement: req, erlang: req, split: null } as unknown as PlanOutcome;
}

describe('the Plan panel’s week', () => {
  let highs: HighsSolver;
  beforeAll(async () => {
    highs = await loadSolver();
  });

  it('knows a scenario with several days, and plans day 1 at its own volume', () => {
    expect(hasSeveralDays(scenario)).toBe(true);
    expect(
      hasSeveralDays({
        ...scenario,
        channels: { voice: { ...scenario.channels.voice!, weekly: undefined } },
      }),
    ).toBe(false);
    const one = dayOneScenario(scenario);
    expect(one.horizon?.days).toBe(1);
    expect(one.channels.voice!.weekly).toBeUndefined();
    expect(one.channels.voice!.volumePerDay).toBeCloseTo((1200 * 7 * 1.5) / 6.5, 9);
  });

  it('plans every day: the requirement follows the weights, the shifts cover it', () => {
    const w = planTheWeek(highs, scenario, oneDayPlan(dayOneScenario(scenario)), 'none', {
      targets: defaultTargets(scenario),
    });
    expect(w.days.map((d) => d.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(w.roster).toBeNull();
    const hours = w.days.map((d) => d.requiredHours);
    expect(hours[0]).toBeGreaterThan(hours[1]);
    expect(hours[1]).toBeGreaterThan(hours[5]);
    expect(hours[1]).toBe(hours[4]); // equal weights, equal days
    for (const d of w.days) d.required.forEach((n, j) => expect(d.scheduled[j]).toBeGreaterThanOrEqual(n));
    expect(w.cost).toBeCloseTo(
      w.days.reduce((a, d) => a + d.cost, 0),
      6,
    );
  });

  it('rosters the week on 5x8: at least the busiest day’s agents, heads after shrinkage', () => {
    const w = planTheWeek(highs, scenario, oneDayPlan(dayOneScenario(scenario)), '5x8', {
      targets: defaultTargets(scenario),
      shifts: { lengthsHours: [8] },
    });
    const r = w.roster!;
    expect(r.pattern).toBe('5x8');
    const need = r.groups[0].need;
    expect(r.rostered).toBeGreaterThanOrEqual(Math.max(...need));
    r.groups[0].working.forEach((n, d) => expect(n).toBeGreaterThanOrEqual(need[d]));
    expect(r.heads).toBeCloseTo(r.rostered / 0.75, 9);
    expect(r.groups[0].entries.every((e) => e.pattern.split('').filter((c) => c === '1').length === 5)).toBe(
      true,
    );
  });

  it('applies day 1’s shifts to the scenario as written', () => {
    const planned = structuredClone(dayOneScenario(scenario));
    planned.sites[0].groups[0] = {
      id: 'voice',
      skills: ['voice'],
      shifts: [{ start: '08:00', end: '16:00', agents: 9 }],
    };
    const applied = withDayOneShifts(scenario, planned);
    expect(applied.channels.voice!.weekly).toEqual(WEIGHTS);
    expect(applied.channels.voice!.volumePerDay).toBe(1200);
    expect(applied.sites[0].groups[0].shifts).toEqual([{ start: '08:00', end: '16:00', agents: 9 }]);
    expect(scenario.sites[0].groups[0].agents).toBe(20); // the scenario itself untouched
  });
});
