/**
 * (v3) A week's plan and its roster (SPEC §8, `plan --roster`): the requirement for every interval of
 * each of the seven days, their shifts, and the agents on weekly patterns with days off.
 *
 *  1. Each day's requirement is the Erlang requirement at that day's volumes (`weekly` weights, or a
 *     dated forecast's `daily` volume and profile), plus
 *     the simulation's correction of the one-day plan (corrected − Erlang, per group and interval):
 *     what queueing the Erlang formula misses (blending, overflow, repeats) is carried to every day.
 *  2. Each day's shifts are solved as the one-day plan's are (shifts.ts), with the roster's lengths.
 *  3. Per group and shift length, the agents on shift each day are the roster's need (roster.ts): a
 *     4x10 agent works the 10-hour shifts, a 5x8 agent the 8-hour ones.
 *  4. Heads needed = rostered agents ÷ (1 − the site's shrinkage).
 *
 * The week starts on day 1 (its weekday from horizon.startDate, Monday when undated); its days carry
 * `day` (1–7) and their weekday. Without a roster, a multi-day horizon's days are planned the same way
 * (steps 1–2). The days' shifts are verified together by one simulation (week-verify.ts).
 */
import { addDays, WEEKDAYS } from '../sim/calendar';
import { DEFAULTS, type Scenario } from '../sim/scenario';
import { firstWeekday } from './day';
import type { Targets } from '../optimise/optimiser';
import { withSplit, type PlanOutcome } from './plan';
import { erlangRequirement, minutesOf, mod, type Requirement, type Split } from './requirement';
import { planShifts, type HighsSolver, type PlannedShift, type ShiftOptions } from './shifts';
import { headsNeeded, solveRoster, type Pattern, type RosterEntry } from './roster';
import type { DayFrame } from './frame';

export { firstWeekday, scenarioOnDay } from './day';

export { WEEKDAYS };

export interface WeekDay {
  /** 1 = day 1 of the horizon */
  day: number;
  weekday: (typeof WEEKDAYS)[number];
  /** "YYYY-MM-DD" when the scenario is dated */
  date?: string;
  /**
   * the label of each interval of this day: the one-day plan's "HH:MM", or (v3) on a dated day the
   * engine's ISO start with the client's offset (46 of them on a 23-hour day, 50 on a 25-hour one)
   */
  starts: string[];
  /** (v3) a dated day's intervals as the engine runs them (frame.ts); absent when undated */
  frame?: DayFrame;
  /** agents[g][j] required, per group and interval of this day */
  agents: number[][];
  /** erlang[g][j]: the Erlang part of it (before the one-day plan's simulated correction) */
  erlang: number[][];
  shifts: { site: number; group: number; label: string; day: number; shifts: PlannedShift[]; cost: number }[];
}

export interface GroupRoster {
  label: string;
  site: string;
  hoursPerDay: number;
  /** agents on shift per weekday of the plan, Monday first */
  need: number[];
  working: number[];
  entries: RosterEntry[];
  rostered: number;
  lpBound: number;
  /** rostered ÷ (1 − shrinkage), and rounded up */
  heads: number;
  headsWhole: number;
}

export interface WeekPlan {
  days: WeekDay[];
  roster: GroupRoster[];
  rostered: number;
  heads: number;
  headsWhole: number;
  /** paid labour of the week's shifts */
  cost: number;
}

/**
 * Plans each day (7 with a roster, else `days`, default the horizon's) and, with patterns, the roster.
 * Without patterns `roster` is empty and the shifts' lengths are the options'.
 */
export function planWeek(
  highs: HighsSolver,
  scenario: Scenario,
  plan: PlanOutcome,
  patterns: readonly Pattern[] | null,
  options: { targets: Targets; split?: Split; shifts?: ShiftOptions; days?: number },
): WeekPlan {
  const start = scenario.horizon?.startDate;
  const first = firstWeekday(scenario);
  // the one-day plan's Erlang requirement was computed on this scenario (its groups' present sizes)
  const base = withSplit(scenario, options.split);
  const lengths = patterns ? [...new Set(patterns.map((p) => p.hoursPerDay))] : options.shifts?.lengthsHours;
  const nDays = patterns ? 7 : (options.days ?? scenario.horizon?.days ?? 1);
  const days: WeekDay[] = [];
  const correction = correctionByClientInterval(plan);
  for (let d = 0; d < nDays; d++) {
    const weekday = (first + d) % 7;
    const erlang = erlangRequirement(base, options.targets as Targets, options.split, d);
    // the one-day plan's correction at the same client time of day (a dated day's interval j takes
    // its client interval's, frame.ts)
    const at = (j: number) => erlang.frame?.clientInterval[j] ?? j;
    const req = {
      ...erlang,
      agents: erlang.agents.map((row, g) => row.map((n, j) => Math.max(0, n + correction[g][at(j)]))),
    };
    days.push({
      day: d + 1,
      weekday: WEEKDAYS[weekday],
      ...(start ? { date: addDays(start, d) } : {}),
      starts: erlang.starts,
      ...(erlang.frame ? { frame: erlang.frame } : {}),
      agents: req.agents,
      erlang: erlang.agents,
      shifts: dayShiftPlan(highs, base, req, d + 1, { ...options.shifts, lengthsHours: lengths }),
    });
  }
  return completeWeek(highs, base, plan, days, patterns, options.shifts);
}

/**
 * The one-day plan's simulated correction (corrected − Erlang) per group and client interval of the
 * day: its interval j itself, or (v3) on a dated day 1, the client interval that j is (0 where the day
 * has none of it: the hour a spring-forward day skips).
 */
function correctionByClientInterval(plan: PlanOutcome): number[][] {
  const perDay = 1440 / plan.requirement.intervalMinutes;
  const frame = plan.requirement.frame;
  return plan.requirement.agents.map((row, g) => {
    const out = new Array<number>(perDay).fill(0);
    row.forEach((n, j) => (out[frame ? frame.clientInterval[j] : j] = n - plan.erlang.agents[g][j]));
    return out;
  });
}

/** One day's shifts covering its requirement (shifts.ts), each group's carrying the day. */
export function dayShiftPlan(
  highs: HighsSolver,
  base: Scenario,
  req: Requirement,
  day: number,
  options: ShiftOptions,
): WeekDay['shifts'] {
  return planShifts(highs, base, req, options).map((p) => ({
    site: p.site,
    group: p.group,
    label: p.label,
    day,
    shifts: p.shifts,
    cost: p.cost,
  }));
}

/** The week from its days: with patterns, the roster and heads needed; the shifts' cost. */
export function completeWeek(
  highs: HighsSolver,
  base: Scenario,
  plan: PlanOutcome,
  days: WeekDay[],
  patterns: readonly Pattern[] | null,
  shiftOptions: ShiftOptions | undefined,
): WeekPlan {
  const roster = patterns ? rosterWeek(highs, base, plan, days, patterns, shiftOptions) : [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    days,
    roster,
    rostered: sum(roster.map((r) => r.rostered)),
    heads: sum(roster.map((r) => r.heads)),
    headsWhole: sum(roster.map((r) => r.headsWhole)),
    cost: sum(days.flatMap((d) => d.shifts.map((s) => s.cost))),
  };
}

/** Per group and shift length, the agents on each day's shifts rostered on the weekly patterns. */
function rosterWeek(
  highs: HighsSolver,
  base: Scenario,
  plan: PlanOutcome,
  days: WeekDay[],
  patterns: readonly Pattern[],
  shiftOptions: ShiftOptions | undefined,
): GroupRoster[] {
  const lengths = [...new Set(patterns.map((p) => p.hoursPerDay))];
  const roster: GroupRoster[] = [];
  plan.requirement.groups.forEach((g, gi) => {
    const site = base.sites[g.site];
    for (const hours of lengths) {
      const need = [0, 0, 0, 0, 0, 0, 0];
      for (const day of days)
        need[WEEKDAYS.indexOf(day.weekday)] = day.shifts[gi].shifts
          .filter((x) => Math.abs(x.hours + (x.break ? breakHours(x) : 0) - hours) < 1e-9)
          .reduce((a, x) => a + x.agents, 0);
      const r = solveRoster(
        highs,
        need,
        patterns.filter((p) => p.hoursPerDay === hours),
        shiftOptions?.timeLimitSeconds,
      );
      if (r.rostered === 0) continue;
      const h = headsNeeded(r.rostered, site.shrinkage ?? DEFAULTS.site.shrinkage);
      roster.push({
        label: g.label,
        site: site.id,
        hoursPerDay: hours,
        need: r.need,
        working: r.working,
        entries: r.entries,
        rostered: r.rostered,
        lpBound: r.lpBound,
        heads: h.heads,
        headsWhole: h.whole,
      });
    }
  });
  return roster;
}

/** A shift's unpaid break in hours (its length counts in the pattern's hours a day). */
function breakHours(x: PlannedShift): number {
  return mod(minutesOf(x.break!.end) - minutesOf(x.break!.start), 1440) / 60;
}
