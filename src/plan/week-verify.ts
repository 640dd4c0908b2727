/**
 * (v3) A multi-day plan verified by simulation over all its days at once (SPEC §8: "the plan is checked
 * by simulation over the whole week, with a per-day verdict").
 *
 * The scenario gets every day's shifts, each carrying its `day` (the client day it starts on; see
 * ShiftModel in src/sim/model.ts), and runs for the plan's days with the default (steady) start; the
 * queue a day leaves behind is then the next day's, as it would be. Each day is judged on its own
 * intervals, on the simultaneous band of the whole run (verify.ts): a day's verdict is met when none of
 * its intervals misses a target that staffing can meet.
 */
import type { SimulationResult } from '../sim/result';
import type { Scenario, Shift } from '../sim/scenario';
import { csvField } from '../optimise/csv';
import type { Targets } from '../optimise/optimiser';
import { addAgents, type CorrectionRound, type Evaluate } from './correct';
import { scheduledAgents, withSplit, type PlanOutcome } from './plan';
import type { Pattern } from './roster';
import {
  intervalMinutesOf,
  minutesOf,
  mod,
  siteOffsetMinutes,
  type GroupRef,
  type Impossible,
  type Requirement,
  type Split,
} from './requirement';
import { scenarioShifts, type GroupShiftPlan, type HighsSolver, type ShiftOptions } from './shifts';
import { verify, type IntervalCheck, type IntervalPosition, type Verification } from './verify';
import { completeWeek, dayShiftPlan, planWeek, type WeekDay, type WeekPlan } from './week';

export interface DayVerdict {
  day: number;
  weekday: WeekDay['weekday'];
  /** "YYYY-MM-DD" when the scenario is dated */
  date?: string;
  /** no interval of the day misses a target that staffing can meet */
  met: boolean;
  /** interval × figure judgements of the day, and how many are unclear */
  checks: number;
  unclear: number;
  /** the day's missed judgements (those the requirement knows cannot be met carry `impossible`) */
  missed: IntervalCheck[];
}

export interface WeekVerification extends Verification {
  /** the days simulated: the plan's */
  days: DayVerdict[];
}

/**
 * The scenario staffed with each day's planned shifts, run for the plan's days. A shift whose part
 * after its break starts on the next client day carries that day; past the last day it is left out
 * (the horizon has ended).
 */
export function weekScenario(
  base: Scenario,
  groups: readonly GroupRef[],
  days: readonly WeekDay[],
): Scenario {
  const copy = structuredClone(base);
  copy.horizon = { ...copy.horizon, days: days.length };
  groups.forEach((ref, g) => {
    const site = copy.sites[ref.site];
    const off = siteOffsetMinutes(copy, site);
    const L = intervalMinutesOf(copy);
    const shifts = days.flatMap((d) => dayShifts(d.shifts[g], d, ref.site, off, days.length, L));
    const group = site.groups[ref.group];
    delete group.agents;
    group.shifts = shifts.length > 0 ? shifts : [{ start: '00:00', end: '01:00', agents: 0 }];
  });
  return copy;
}

/**
 * Where a shift starting at this local minute starts on its client day, in minutes from the day's
 * start, and the day's length in minutes: at the fixed offset, or (v3) on a dated day at the offset of
 * the day's interval its start falls in (frame.ts).
 */
function startInDay(
  day: Pick<WeekDay, 'frame'>,
  site: number,
  localStart: number,
  offsetMinutes: number,
  intervalMinutes: number,
): { at: number; length: number } {
  const local = day.frame?.siteLocal[site];
  if (!local) return { at: mod(localStart - offsetMinutes, 1440), length: 1440 };
  const length = local.length * intervalMinutes;
  const j = local.findIndex((m) => mod(localStart - m, 1440) < intervalMinutes);
  // a local time the day does not have (the hour a site's spring-forward skips): the day's first offset
  if (j < 0) return { at: mod(localStart - local[0], 1440), length };
  return { at: j * intervalMinutes + mod(localStart - local[j], 1440), length };
}

/** One day's planned shifts of a group as scenario shifts with their day. */
function dayShifts(
  plan: Pick<GroupShiftPlan, 'shifts'>,
  day: Pick<WeekDay, 'day' | 'frame'>,
  site: number,
  offsetMinutes: number,
  lastDay: number,
  intervalMinutes: number,
): Shift[] {
  const out: Shift[] = [];
  for (const s of plan.shifts) {
    if (s.agents === 0) continue;
    const start = startInDay(day, site, minutesOf(s.start), offsetMinutes, intervalMinutes);
    // its parts around the break, as the one-day plan writes them; each on the client day it starts on
    for (const p of scenarioShifts({ shifts: [s] })) {
      const d =
        day.day + Math.floor((start.at + mod(minutesOf(p.start) - minutesOf(s.start), 1440)) / start.length);
      if (d <= lastDay) out.push({ ...p, day: d });
    }
  }
  return out;
}

/**
 * The whole run's verification and each day's verdict. `impossible` names client intervals of the day;
 * (v3) a dated day's intervals are those of its frame (46 on a 23-hour day), each judged as its client
 * interval where the requirement knows a target cannot be met.
 */
export function verifyWeek(
  result: SimulationResult,
  targets: Targets,
  impossible: readonly Impossible[],
  days: readonly Pick<WeekDay, 'day' | 'weekday' | 'date' | 'frame'>[],
): WeekVerification {
  const perDay = 1440 / result.intervalMinutes;
  const position: IntervalPosition = (iv) => {
    const frame = days[iv.day - 1]?.frame;
    if (!frame) return { interval: iv.index % perDay, clientInterval: iv.index % perDay };
    const interval = iv.index - frame.first;
    return { interval, clientInterval: frame.clientInterval[interval] ?? interval % perDay };
  };
  const v = verify(result, targets, impossible, position);
  return {
    ...v,
    days: days.map((d) => {
      const mine = v.intervals.filter((c) => c.day === d.day);
      const missed = mine.filter((c) => c.status === 'missed');
      return {
        day: d.day,
        weekday: d.weekday,
        ...(d.date ? { date: d.date } : {}),
        met: missed.every((c) => c.impossible !== undefined),
        checks: mine.length,
        unclear: mine.filter((c) => c.status === 'unclear').length,
        missed,
      };
    }),
  };
}

export interface VerifiedWeek {
  week: WeekPlan;
  /** the scenario with every day's shifts, run for the plan's days (what `--out` writes) */
  scenario: Scenario;
  verification: WeekVerification;
  /** scheduled[d][g][j]: agents the plan has working in group g during client interval j of day d + 1 */
  scheduled: number[][][];
  /** the week's verifying runs: intervals missed, and agents added to the days' requirement after each */
  rounds: CorrectionRound[];
}

/**
 * Plans every day (week.ts) and verifies them together by one simulation. Where that run misses an
 * interval, the day's requirement there is raised (to what was scheduled, plus the correction step,
 * as planWorkforce does for one day), that day's shifts are solved again and the week runs again, at
 * most `maxPlanRounds` (default 3) times; the verdict is the last run's.
 */
export async function planVerifiedWeek(
  highs: HighsSolver,
  scenario: Scenario,
  plan: PlanOutcome,
  patterns: readonly Pattern[] | null,
  options: { targets: Targets; split?: Split; shifts?: ShiftOptions; maxPlanRounds?: number },
  evaluate: Evaluate,
): Promise<VerifiedWeek> {
  let week = planWeek(highs, scenario, plan, patterns, options);
  const req = plan.requirement;
  const base = withSplit(scenario, options.split);
  const rounds: CorrectionRound[] = [];
  // the one-day plan names its intervals; (v3) on a dated day 1, as the client intervals they are
  const impossible = req.impossible.map((x) => ({
    ...x,
    interval: req.frame?.clientInterval[x.interval] ?? x.interval,
  }));
  for (let round = 1; ; round++) {
    const run = weekScenario(base, req.groups, week.days);
    const result = await evaluate(run);
    const verification = verifyWeek(result, options.targets, impossible, week.days);
    const scheduled = week.days.map((d) =>
      d.shifts.map((p) =>
        scheduledAgents(scenario, p, req.intervalMinutes, d.starts.length, d.frame?.siteLocal[p.site]),
      ),
    );
    const missed = verification.missed.filter((m) => m.impossible === undefined);
    let added = 0;
    if (missed.length > 0 && round <= (options.maxPlanRounds ?? 3)) {
      const lengths = patterns
        ? [...new Set(patterns.map((p) => p.hoursPerDay))]
        : options.shifts?.lengthsHours;
      week.days.forEach((d, di) => {
        const mine = missed.filter((m) => m.day === d.day);
        if (mine.length === 0) return;
        const dayReq = raised(
          base,
          { ...req, starts: d.starts, agents: d.agents, frame: d.frame },
          mine,
          scheduled[di],
          options.split,
        );
        added += dayReq.added;
        d.agents = dayReq.req.agents;
        d.shifts = dayShiftPlan(highs, base, dayReq.req, d.day, { ...options.shifts, lengthsHours: lengths });
      });
      week = completeWeek(highs, base, plan, week.days, patterns, options.shifts);
    }
    rounds.push({ round, missed: missed.length, added });
    if (added === 0) return { week, scenario: run, verification, scheduled, rounds };
  }
}

/** A day's requirement raised where its intervals were missed: to what was scheduled, plus the step. */
function raised(
  base: Scenario,
  req: Requirement,
  missed: IntervalCheck[],
  scheduled: number[][],
  split: Split | undefined,
): { req: Requirement; added: number } {
  const copy: Requirement = {
    ...req,
    agents: req.agents.map((row, g) =>
      row.map((n, j) =>
        missed.some((m) => m.interval === j && req.groups[g].skills.includes(m.channel))
          ? Math.max(n, scheduled[g][j])
          : n,
      ),
    ),
  };
  return { req: copy, added: addAgents(base, copy, missed, split) };
}

/** The verification as JSON (`week.verification` of `plan --json`). */
export function weekVerificationJson(v: WeekVerification) {
  return {
    replications: v.replications,
    met: v.met,
    channels: v.channels,
    days: v.days,
    missed: v.missed,
    intervals: v.intervals,
  };
}

/** Worst judgement of a group's channels in one interval of one day: missed, unclear or met. */
function verdictOf(v: WeekVerification, day: number, j: number, skills: readonly string[]): string {
  const mine = v.intervals.filter((c) => c.day === day && c.interval === j && skills.includes(c.channel));
  if (mine.some((c) => c.status === 'missed' && c.impossible === undefined)) return 'missed';
  if (mine.some((c) => c.status === 'missed')) return 'cannot be met';
  if (mine.some((c) => c.status === 'unclear')) return 'unclear';
  return 'met';
}

/**
 * CSV of every day's requirement and verdict (`plan --csv` for a multi-day plan): the one-day columns
 * with the day and date first and the simulated verdict of the group's channels last.
 */
export function weekCsv(w: VerifiedWeek, req: Requirement): string {
  const lines = ['day,date,interval,start,site,group,erlang,required,scheduled,verdict'];
  w.week.days.forEach((d, di) =>
    d.starts.forEach((start, j) =>
      req.groups.forEach((g, i) =>
        lines.push(
          [
            d.day,
            d.date ?? '',
            j,
            start,
            csvField(g.siteId),
            csvField(g.groupId),
            d.erlang[i][j],
            d.agents[i][j],
            w.scheduled[di][i][j],
            verdictOf(w.verification, d.day, j, g.skills),
          ].join(','),
        ),
      ),
    ),
  );
  return lines.join('\n') + '\n';
}

/** The per-day verdict as text: one line per day, then the missed intervals. */
export function renderWeekVerdict(v: WeekVerification, rounds: readonly CorrectionRound[]): string {
  const lines = [
    `Verification of the ${v.days.length} days together: one simulation, ${v.replications} replications (per-day verdict)`,
  ];
  if (rounds.length > 1)
    lines.push(
      `  (the days' shifts solved again where it missed: run ${rounds.length} times, intervals missed ${rounds.map((r) => r.missed).join(' → ')})`,
    );
  for (const d of v.days) {
    const hard = d.missed.filter((c) => c.impossible === undefined).length;
    lines.push(
      `  day ${d.day} ${d.weekday}${d.date ? ` ${d.date}` : ''}: ${d.met ? 'met' : 'MISSED'} — ` +
        `${d.checks - d.unclear - d.missed.length} of ${d.checks} met, ${d.unclear} unclear, ${hard} missed` +
        (d.missed.length > hard ? ` (${d.missed.length - hard} cannot be met by staffing)` : ''),
    );
  }
  for (const m of v.missed.filter((c) => c.impossible === undefined))
    lines.push(
      `  missed: day ${m.day} ${m.start} ${m.channel} ${m.figure === 'serviceLevel' ? 'SL' : 'abandon'} ` +
        `${pct(m.mean)} ± ${pct(m.ci95)} % vs ${pct(m.target)} %`,
    );
  for (const c of v.channels)
    lines.push(
      `  ${c.channel} over the days: ${c.figure === 'serviceLevel' ? 'SL' : 'abandon'} ${pct(c.mean)} % vs ${pct(c.target)} % — ${c.ok ? 'met' : 'NOT met'}`,
    );
  lines.push(
    v.days.every((d) => d.met) && v.channels.every((c) => c.ok)
      ? 'Every day meets its targets (except where they cannot be met).'
      : `Days missing a target: ${
          v.days
            .filter((d) => !d.met)
            .map((d) => `${d.day} ${d.weekday}`)
            .join(', ') || 'none (a channel over the days misses)'
        }.`,
  );
  return lines.join('\n') + '\n';
}

function pct(x: number | null): string {
  return x === null ? '—' : (x * 100).toFixed(1);
}
