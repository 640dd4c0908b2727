/**
 * (issue 29) The Plan panel's week as its worker plans it (src/ui/plan/week-plan.ts, which calls
 * src/plan's planVerifiedWeek as the CLI does), in Node with HiGHS and the engine: a scenario with
 * weekly weights (Monday 1.5, the weekend 0.5) has several days; day 1's one-day scenario carries
 * Monday's volume; the week is planned (as the CLI) with a roster pattern or on a horizon of several
 * days; every day gets a requirement that follows its weight and shifts that cover it, interval by
 * interval, and its own verdict from the one simulation of all the days; a 5x8 roster rosters at least
 * the busiest day's agents; what "Apply" hands over keeps the weights and has every day's shifts, each
 * with its `day`, as planned for that day.
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
import { simulate } from '../src/sim/simulate';
import {
  dayOneScenario,
  hasSeveralDays,
  planTheWeek,
  plansTheWeek,
  type WeekSummary,
} from '../src/ui/plan/week-plan';

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

const evaluate = (s: Scenario) => Promise.resolve(simulate(s, { seed: 'week', replications: 3 }));

/** Agents on a group's shifts that carry `day`, per day 1–7. */
function agentsByDay(s: Scenario): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0];
  for (const x of s.sites[0].groups[0].shifts ?? []) out[(x.day ?? 0) - 1] += x.agents;
  return out;
}

describe('the Plan panel’s week', () => {
  let highs: HighsSolver;
  let none: WeekSummary;
  const week: Scenario = { ...scenario, horizon: { days: 7, intervalMinutes: 60 } };
  beforeAll(async () => {
    highs = await loadSolver();
    none = await planTheWeek(
      highs,
      week,
      oneDayPlan(dayOneScenario(week)),
      'none',
      {
        targets: defaultTargets(week),
      },
      evaluate,
    );
  }, 120_000);

  it('knows a scenario with several days, plans the week as the CLI does, and day 1 at its own volume', () => {
    expect(hasSeveralDays(scenario)).toBe(true);
    expect(
      hasSeveralDays({
        ...scenario,
        channels: { voice: { ...scenario.channels.voice!, weekly: undefined } },
      }),
    ).toBe(false);
    // as `plan`: a roster plans the week; without one, a horizon of several days does
    expect(plansTheWeek(scenario, 'none')).toBe(false);
    expect(plansTheWeek(scenario, '5x8')).toBe(true);
    expect(plansTheWeek(week, 'none')).toBe(true);
    const one = dayOneScenario(scenario);
    expect(one.horizon?.days).toBe(1);
    expect(one.channels.voice!.weekly).toBeUndefined();
    expect(one.channels.voice!.volumePerDay).toBeCloseTo((1200 * 7 * 1.5) / 6.5, 9);
  });

  it('plans every day: the requirement follows the weights, the shifts cover it', () => {
    expect(none.days.map((d) => d.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(none.roster).toBeNull();
    const hours = none.days.map((d) => d.requiredHours);
    // weights 1.5, 1 × 4, 0.5 × 2 (a day the week's run missed is raised, so equal weights need not be equal days)
    expect(hours[0]).toBeGreaterThan(Math.max(...hours.slice(5)));
    expect(Math.min(...hours.slice(1, 5))).toBeGreaterThan(Math.max(...hours.slice(5)));
    for (const d of none.days) d.required.forEach((n, j) => expect(d.scheduled[j]).toBeGreaterThanOrEqual(n));
    expect(none.cost).toBeCloseTo(
      none.days.reduce((a, d) => a + d.cost, 0),
      6,
    );
  });

  it('gives each day its own verdict from the one run of the week', () => {
    expect(none.verification.replications).toBe(3);
    expect(none.rounds.length).toBeGreaterThanOrEqual(1);
    // 12 open hours × SL, each day judged on its own intervals (day 1's verdict copied would have 0 here)
    for (const d of none.days) {
      expect(d.verdict.checks).toBeGreaterThanOrEqual(12);
      expect(d.verdict.met).toBe(d.verdict.missed.every((m) => m.impossible !== undefined));
      expect(d.verdict.missed.every((m) => m.day === d.day)).toBe(true);
    }
    expect(none.verification.missed.filter((m) => m.impossible === undefined)).toEqual(
      none.days.flatMap((d) => d.verdict.missed.filter((m) => m.impossible === undefined)),
    );
    // the days' verdicts split the run's checks between them (each day's own, not day 1's copied)
    expect(none.days.reduce((a, d) => a + d.verdict.checks, 0)).toBe(none.verification.checks);
    expect(none.days.reduce((a, d) => a + d.verdict.unclear, 0)).toBe(none.verification.unclear);
    // the last run's misses are the verdict's; the plan, re-solved where missed, meets every day
    expect(none.rounds.at(-1)).toBe(none.verification.missed.filter((m) => !m.impossible).length);
    expect(none.days.every((d) => d.verdict.met)).toBe(true);
  });

  it('hands over every day’s shifts, each on its day, with the weights and days kept', () => {
    const applied = none.scenario;
    expect(applied.channels.voice!.weekly).toEqual(WEIGHTS);
    expect(applied.channels.voice!.volumePerDay).toBe(1200);
    expect(applied.horizon?.days).toBe(7);
    const shifts = applied.sites[0].groups[0].shifts!;
    expect(applied.sites[0].groups[0].agents).toBeUndefined();
    expect(new Set(shifts.map((x) => x.day))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    // each day's shifts are that day's plan: Monday (1.5) staffs more than Saturday (0.5)
    const byDay = agentsByDay(applied);
    expect(byDay[0]).toBeGreaterThan(byDay[5]);
    expect(Math.max(...none.days[0].scheduled)).toBeGreaterThan(Math.max(...none.days[5].scheduled));
    expect(scenario.sites[0].groups[0].agents).toBe(20); // the scenario itself untouched
  });

  it('rosters the week on 5x8: at least the busiest day’s agents, heads after shrinkage', async () => {
    const w = await planTheWeek(
      highs,
      scenario,
      oneDayPlan(dayOneScenario(scenario)),
      '5x8',
      { targets: defaultTargets(scenario), shifts: { lengthsHours: [8] } },
      evaluate,
    );
    const r = w.roster!;
    expect(r.pattern).toBe('5x8');
    const need = r.groups[0].need;
    expect(r.rostered).toBeGreaterThanOrEqual(Math.max(...need));
    r.groups[0].working.forEach((n, d) => expect(n).toBeGreaterThanOrEqual(need[d]));
    expect(r.heads).toBeCloseTo(r.rostered / 0.75, 9);
    expect(r.groups[0].entries.every((e) => e.pattern.split('').filter((c) => c === '1').length === 5)).toBe(
      true,
    );
    // a one-day horizon with a roster: the week's seven days, as `plan --roster --out` writes
    expect(w.scenario.horizon?.days).toBe(7);
    expect(w.days.map((d) => d.verdict.checks > 0)).toEqual(new Array(7).fill(true));
  }, 120_000);
});

describe('the Plan panel’s week across the March clock change (New York client)', () => {
  /** Seven dated days from Thursday 2026-03-05: Sunday the 8th has 23 hours (46 half-hours). */
  const dated: Scenario = {
    name: 'dst week',
    clientTimeZone: 'America/New_York',
    horizon: { days: 7, intervalMinutes: 30, startDate: '2026-03-05' },
    channels: {
      voice: {
        volumePerDay: 1200,
        profile: Array.from({ length: 48 }, (_, j) => (j >= 16 && j < 40 ? 1 : 0)),
        handleTime: { dist: 'exponential', mean: 240 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'manila',
        name: 'Manila',
        location: 'offshore',
        timeZone: 'Asia/Manila',
        groups: [{ id: 'voice', skills: ['voice'], agents: 10 }],
        cost: { hourlyRate: 8 },
      },
    ],
  };

  it('draws each day over its own intervals: 46 on the 23-hour day, and no NaN', async () => {
    const highs = await loadSolver();
    const w = await planTheWeek(
      highs,
      dated,
      oneDayPlan(dayOneScenario(dated)),
      'none',
      { targets: defaultTargets(dated) },
      evaluate,
    );
    expect(w.days.map((d) => d.required.length)).toEqual([48, 48, 48, 46, 48, 48, 48]);
    for (const d of w.days) {
      expect(d.scheduled.length).toBe(d.required.length);
      expect(Number.isFinite(d.requiredHours) && Number.isFinite(d.scheduledHours)).toBe(true);
      expect(d.required.every(Number.isFinite) && d.scheduled.every(Number.isFinite)).toBe(true);
    }
    // the 23-hour day still carries its load: required hours within a few % of its neighbours'
    expect(w.days[3].requiredHours).toBeGreaterThan(0.9 * w.days[2].requiredHours);
  }, 180_000);
});
