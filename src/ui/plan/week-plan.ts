/**
 * (issue 29) The week in the Plan panel, planned in the planner's worker (plain data in and out, no
 * DOM) by the same functions as the CLI's `plan` on several days — src/plan/week-verify.ts's
 * planVerifiedWeek: every day at its own volume (its requirement, plus day 1's simulated correction,
 * and its own shifts; with a roster pattern the pattern's length and the roster), then all the days
 * verified together by one simulation with a verdict per day, missed days solved again (at most three
 * rounds). Nothing of the week is planned here; this file only decides when the week is planned (as
 * the CLI does) and summarises the result for the page.
 *
 * What goes back to the page is small: per day, the agents required and scheduled per interval (summed
 * over groups), the agent-hours, the day's shift cost and its verdict; the roster's rows; and the
 * scenario with every day's shifts, each carrying its `day` (what `plan --out` writes), for "Apply plan".
 */
import type { TargetCheck, Targets } from '../../optimise/optimiser';
import type { Evaluate } from '../../plan/correct';
import type { PlanOutcome } from '../../plan/plan';
import type { Split } from '../../plan/requirement';
import { parseRoster } from '../../plan/roster';
import type { HighsSolver, ShiftOptions } from '../../plan/shifts';
import type { IntervalCheck } from '../../plan/verify';
import { dayOne, hasDays, plansEveryDay } from '../../plan/day';
import type { GroupRoster } from '../../plan/week';
import { planVerifiedWeek, type DayVerdict, type VerifiedWeek } from '../../plan/week-verify';
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
  /** the day's verdict in the week's verifying run */
  verdict: Omit<DayVerdict, 'day' | 'weekday' | 'date'>;
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
  /** the week's verifying run: replications, each channel over the days, the missed intervals */
  verification: {
    replications: number;
    met: boolean;
    /** interval × figure judgements of the whole run, and how many are unclear */
    checks: number;
    unclear: number;
    channels: TargetCheck[];
    missed: IntervalCheck[];
  };
  /** intervals missed by each verifying run (more than one: the missed days were solved again) */
  rounds: number[];
  /** the scenario with every day's shifts, each with its `day`: what "Apply plan" hands over */
  scenario: Scenario;
}

/** Several days: a horizon of more than one, or volumes that change by day (the roster is offered). */
export function hasSeveralDays(s: Scenario): boolean {
  return (s.horizon?.days ?? 1) > 1 || hasDays(s);
}

/** Whether the week is planned, as the CLI decides: a roster pattern, or a horizon of several days. */
export function plansTheWeek(s: Scenario, pattern: RosterChoice): boolean {
  return plansEveryDay(s, pattern !== 'none');
}

/** Day 1 alone, at its own volumes: what the one-day plan plans when the week is planned. */
export const dayOneScenario = dayOne;

/** Every day planned and the days verified together (planVerifiedWeek), summarised for the page. */
export async function planTheWeek(
  highs: HighsSolver,
  scenario: Scenario,
  plan: PlanOutcome,
  pattern: RosterChoice,
  o: { targets: Targets; split?: Split; shifts?: ShiftOptions },
  evaluate: Evaluate,
): Promise<WeekSummary> {
  const patterns = pattern === 'none' ? null : parseRoster(pattern);
  const verified = await planVerifiedWeek(highs, scenario, plan, patterns, o, evaluate);
  return weekSummary(verified, plan.requirement, pattern);
}

function weekSummary(
  v: VerifiedWeek,
  req: { intervalMinutes: number; starts: string[] },
  pattern: RosterChoice,
): WeekSummary {
  const { week, verification } = v;
  const L = req.intervalMinutes;
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const hours = (a: number[]) => (sum(a) * L) / 60;
  // each day over its own intervals: 46 on a 23-hour day, 50 on a 25-hour one (dated files)
  const byInterval = (rows: number[][], n: number) =>
    Array.from({ length: n }, (_, j) => sum(rows.map((row) => row[j] ?? 0)));
  const days = week.days.map((d, di) => {
    const required = byInterval(d.agents, d.starts.length);
    const scheduled = byInterval(v.scheduled[di], d.starts.length);
    const { met, checks, unclear, missed } = verification.days[di];
    return {
      day: d.day,
      weekday: d.weekday,
      ...(d.date ? { date: d.date } : {}),
      required,
      scheduled,
      requiredHours: hours(required),
      scheduledHours: hours(scheduled),
      cost: sum(d.shifts.map((s) => s.cost)),
      verdict: { met, checks, unclear, missed },
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
  const { replications, met, channels, missed, intervals } = verification;
  const unclear = intervals.filter((c) => c.status === 'unclear').length;
  return {
    intervalMinutes: L,
    days,
    roster,
    cost: week.cost,
    verification: { replications, met, checks: intervals.length, unclear, channels, missed },
    rounds: v.rounds.map((r) => r.missed),
    scenario: v.scenario,
  };
}
