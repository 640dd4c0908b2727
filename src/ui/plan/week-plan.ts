/**
 * (issue 29) The week in the Plan panel, planned in the planner's worker (plain data in and out, no
 * DOM): what the CLI's `plan` does on a multi-day scenario, with the panel's choices.
 *
 * A scenario "has several days" when its horizon does, or its volumes change by day (`weekly`, a dated
 * forecast's `daily`). Then, as `plan --roster` does, the one-day plan (requirement, shifts, simulated
 * correction and verification) is day 1's, at day 1's volumes, and every day of the week gets its own
 * requirement (its volumes by Erlang, plus day 1's simulated correction) and its own shifts:
 *
 * - with a roster pattern (5x8, 4x10), src/plan/week.ts's planWeek: the shifts take the pattern's
 *   length and the agents are rostered on weekly patterns with consecutive days off, heads counted;
 * - without one ("none"), the same per-day requirement, each day's shifts solved with the panel's
 *   shift settings (as the one-day plan's are), and no roster.
 *
 * What goes back to the page is small: per day, the agents required and scheduled per interval (summed
 * over groups), the agent-hours and the day's shift cost; and the roster's rows.
 */
import type { Targets } from '../../optimise/optimiser';
import { scheduledAgents, withSplit, type PlanOutcome } from '../../plan/plan';
import { erlangRequirement, type Split } from '../../plan/requirement';
import { parseRoster } from '../../plan/roster';
import { planShifts, type GroupShiftPlan, type HighsSolver, type ShiftOptions } from '../../plan/shifts';
import {
  firstWeekday,
  planWeek,
  scenarioOnDay,
  WEEKDAYS,
  type GroupRoster,
  type WeekPlan,
} from '../../plan/week';
import type { Scenario } from '../../sim/scenario';

export const ROSTER_CHOICES = ['none', '5x8', '4x10'] as const;
export type RosterChoice = (typeof ROSTER_CHOICES)[number];

export interface WeekDaySummary {
  day: number;
  weekday: string;
  date?: string;
  /** agents required and scheduled per client interval, all groups together */
  required: number[];
  scheduled: number[];
  requiredHours: number;
  scheduledHours: number;
  /** paid labour of the day's shifts */
  cost: number;
}

export interface WeekSummary {
  intervalMinutes: number;
  days: WeekDaySummary[];
  /** null without a roster pattern */
  roster: {
    pattern: RosterChoice;
    groups: GroupRoster[];
    rostered: number;
    heads: number;
    headsWhole: number;
  } | null;
  cost: number;
}

/** Several days: a horizon of more than one, or volumes that change by day. */
export function hasSeveralDays(s: Scenario): boolean {
  return (s.horizon?.days ?? 1) > 1 || Object.values(s.channels).some((c) => c && (c.weekly || c.daily));
}

/** Day 1 alone, at its own volumes: what the one-day plan plans when the week is planned. */
export function dayOneScenario(s: Scenario): Scenario {
  const one = scenarioOnDay(s, 0);
  return { ...one, horizon: { ...one.horizon, days: 1 } };
}

/**
 * The scenario as written with day 1's planned shifts (and the split planned for): what "Apply plan"
 * hands over for a week, so the weekly weights, the dated days and the horizon stay.
 */
export function withDayOneShifts(original: Scenario, dayOne: Scenario): Scenario {
  const out = structuredClone(original);
  out.sites = out.sites.map((site, i) => ({ ...site, groups: structuredClone(dayOne.sites[i].groups) }));
  if (dayOne.routing) out.routing = structuredClone(dayOne.routing);
  return out;
}

interface WeekOptions {
  targets: Targets;
  split?: Split;
  shifts?: ShiftOptions;
}

/** Each day's requirement and shifts without a roster (planWeek's first two steps, any shift length). */
function planDays(highs: HighsSolver, scenario: Scenario, plan: PlanOutcome, o: WeekOptions): WeekPlan {
  const base = withSplit(scenario, o.split);
  const start = scenario.horizon?.startDate;
  const days = Array.from({ length: 7 }, (_, d) => {
    const erlang = erlangRequirement(scenarioOnDay(base, d), o.targets, o.split);
    const agents = erlang.agents.map((row, g) =>
      row.map((n, j) => Math.max(0, n + plan.requirement.agents[g][j] - plan.erlang.agents[g][j])),
    );
    const shifts = planShifts(highs, base, { ...erlang, agents }, o.shifts);
    return {
      day: d + 1,
      weekday: WEEKDAYS[(firstWeekday(scenario) + d) % 7],
      ...(start ? { date: addDays(start, d) } : {}),
      agents,
      shifts: shifts.map((p) => ({ ...p, day: d + 1 })),
    };
  });
  const cost = days.reduce((a, d) => a + d.shifts.reduce((b, s) => b + s.cost, 0), 0);
  return { days, roster: [], rostered: 0, heads: 0, headsWhole: 0, cost };
}

/** The week, summarised for the page. */
export function planTheWeek(
  highs: HighsSolver,
  scenario: Scenario,
  plan: PlanOutcome,
  pattern: RosterChoice,
  o: WeekOptions,
): WeekSummary {
  const week =
    pattern === 'none'
      ? planDays(highs, scenario, plan, o)
      : planWeek(highs, scenario, plan, parseRoster(pattern), o);
  const L = plan.requirement.intervalMinutes;
  const perDay = 1440 / L;
  const base = withSplit(scenario, o.split);
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const days = week.days.map((d) => {
    const required = new Array<number>(perDay).fill(0);
    const scheduled = new Array<number>(perDay).fill(0);
    d.agents.forEach((row) => row.forEach((n, j) => (required[j] += n)));
    for (const p of d.shifts) {
      const full = p as unknown as GroupShiftPlan; // scheduledAgents reads its site and shifts
      scheduledAgents(base, full, L, perDay).forEach((n, j) => (scheduled[j] += n));
    }
    const hours = (a: number[]) => (sum(a) * L) / 60;
    const cost = sum(d.shifts.map((s) => s.cost));
    const dated = d.date ? { date: d.date } : {};
    return {
      day: d.day,
      weekday: d.weekday,
      ...dated,
      required,
      scheduled,
      requiredHours: hours(required),
      scheduledHours: hours(scheduled),
      cost,
    };
  });
  const roster =
    pattern === 'none'
      ? null
      : {
          pattern,
          groups: week.roster,
          rostered: week.rostered,
          heads: week.heads,
          headsWhole: week.headsWhole,
        };
  return { intervalMinutes: L, days, roster, cost: week.cost };
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
