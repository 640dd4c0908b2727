/**
 * The shift plan: for each site group, the shifts of minimum paid cost covering its requirement,
 * as an integer program solved by HiGHS (the `highs` package: WebAssembly, the same in Node and in a
 * browser worker; the solver instance is passed in, so this module loads nothing itself).
 *
 *   minimise   Σ_k cost_k · x_k
 *   subject to Σ_{k covers j} x_k ≥ required_j   for every client interval j with a requirement
 *              x_k ∈ {0, 1, 2, …}
 *
 * A candidate shift k starts on the local start grid (`startGridMinutes`, from local midnight), lasts
 * one of the allowed lengths, and lies wholly inside the site's local opening hours (any start for a
 * site open 24/7; a shift may cross midnight). It covers client interval j when the interval lies
 * wholly inside its working time (intervals on a half-hour time zone, with one-hour intervals, are
 * covered only by shifts spanning them whole). With `breakMinutes`, a shift of 6 hours or more has an
 * unpaid break of that length near its middle — at the middle, or one grid step earlier or later,
 * each a candidate of its own so that the program staggers breaks — during which it covers nothing.
 *
 * cost_k = paid hours × hourly rate × (1 + overhead) ÷ (1 − shrinkage): the agents a shift puts in
 * the scenario are logged in and productive, and shrinkage (absence, training, breaks not modelled)
 * is paid on top, exactly as the simulator costs labour (SPEC §3, §6). (v3) Each worked minute is
 * weighed by the site's pay premium factor at that local minute (`payPremiums`, windows crossing
 * midnight included; the unpaid break is not paid), so a night shift costs what the simulator will
 * charge for it and the program prefers day hours where the cover allows.
 *
 * The solver stops at `timeLimitSeconds`; then the best plan found is returned with its relative
 * optimality gap (HiGHS's mip_gap). An interval no candidate can cover (the site opens for less than
 * the shortest shift, or the grid misses it) is reported as uncovered, and left out of the program.
 */
import type { Scenario, SiteSpec } from '../sim/scenario';
import { agentHourCost, premiumByMinute } from '../sim/contract-cost';
import { DEFAULTS } from '../sim/scenario';
import { mod, openWindow, siteOffsetMinutes, type Requirement } from './requirement';
import { hhmm } from './staffed';

/** The parts of the `highs` module's solver this file uses (its real type is much larger). */
export interface HighsSolver {
  withModel<T>(input: { format: 'lp'; data: string }, body: (model: HighsModel) => T): T;
}
export interface HighsModel {
  options: { set(values: Record<string, unknown>): void };
  info: { get(name: string): number | bigint };
  run(): void;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: ArrayLike<number> };
  getColName(index: number): string;
}

export interface ShiftOptions {
  /** allowed shift lengths, hours (default 4, 6, 8, 10) */
  lengthsHours?: number[];
  /** start times every this many minutes from local midnight (default: the interval length) */
  startGridMinutes?: number;
  /** an unpaid break of this many minutes in shifts of 6 h or more (default none) */
  breakMinutes?: number;
  /** stop the solver after this long, per group (default 10 s) */
  timeLimitSeconds?: number;
}

export const DEFAULT_LENGTHS_HOURS = [4, 6, 8, 10];
const BREAK_FROM_HOURS = 6;

export interface PlannedShift {
  /** "HH:MM" local */
  start: string;
  end: string;
  /** the unpaid break, "HH:MM"–"HH:MM" local, if any */
  break?: { start: string; end: string };
  agents: number;
  /** working hours of one agent (without the unpaid break); paid hours are these ÷ (1 − shrinkage) */
  hours: number;
  /** paid cost of one agent on this shift, per day */
  costPerAgent: number;
}

export interface GroupShiftPlan {
  site: number;
  group: number;
  label: string;
  shifts: PlannedShift[];
  /** paid cost per day */
  cost: number;
  /** 'optimal', or 'time limit' with the best plan found */
  status: 'optimal' | 'time limit' | 'empty';
  /** relative optimality gap (0 when proven optimal) */
  gap: number;
  /** client intervals with a requirement that no allowed shift can cover */
  uncovered: number[];
  candidates: number;
}

interface Candidate {
  start: number; // local minute
  length: number; // minutes
  breakAt: number | null; // local minute the break starts
  breakLength: number;
  cost: number;
}

/**
 * Cost of one scheduled agent hour at this site: paid labour (shrinkage and overhead included)
 * in-house; (v3) a contract's rate per productive hour where it bills time. A contract billing volume
 * costs nothing per agent, but its shifts still need a price to be chosen economically: the site's own
 * hourly labour figures (what the vendor pays its agents), or 1 if they are zero — shifts are chosen per
 * site, so only the ratio between its candidate shifts matters.
 */
export function hourlyPaidCost(site: SiteSpec): number {
  if (site.contract && agentHourCost(site) > 0) return agentHourCost(site);
  const shrinkage = site.shrinkage ?? DEFAULTS.site.shrinkage;
  const labour =
    (site.cost.hourlyRate * (1 + (site.cost.overheadRate ?? DEFAULTS.cost.overheadRate))) / (1 - shrinkage);
  return site.contract && labour === 0 ? 1 : labour;
}

/**
 * The paid cost of one agent working local minutes [start, start + length) less the break: each
 * minute at the hourly cost × its premium factor (minute indices wrap at midnight).
 */
export function shiftCost(
  factor: Float64Array,
  perHour: number,
  start: number,
  length: number,
  breakAt: number | null = null,
  breakLength = 0,
): number {
  let minutes = 0;
  for (let m = start; m < start + length; m++)
    if (breakAt === null || m < breakAt || m >= breakAt + breakLength) minutes += factor[mod(m, 1440)];
  return (minutes / 60) * perHour;
}

function candidates(site: SiteSpec, options: ShiftOptions, grid: number): Candidate[] {
  const lengths = options.lengthsHours ?? DEFAULT_LENGTHS_HOURS;
  const w = openWindow(site);
  const perHour = hourlyPaidCost(site);
  const factor = premiumByMinute(site);
  const brk = options.breakMinutes ?? 0;
  const out: Candidate[] = [];
  for (let start = 0; start < 1440; start += grid)
    for (const hours of lengths) {
      const length = Math.round(hours * 60);
      if (length <= 0 || length >= 1440) continue; // a shift must end before it starts again
      if (w !== null && mod(start - w.open, 1440) + length > w.length) continue;
      if (brk > 0 && hours >= BREAK_FROM_HOURS) {
        const mid = start + Math.round((length - brk) / 2 / grid) * grid;
        for (const at of [mid - grid, mid, mid + grid])
          if (at > start && at + brk < start + length)
            out.push({
              start,
              length,
              breakAt: at,
              breakLength: brk,
              cost: shiftCost(factor, perHour, start, length, at, brk),
            });
      } else
        out.push({
          start,
          length,
          breakAt: null,
          breakLength: 0,
          cost: shiftCost(factor, perHour, start, length),
        });
    }
  return out;
}

/** Does the candidate work the whole of [from, from + len) (local minutes)? */
function works(c: Candidate, from: number, len: number): boolean {
  const rel = mod(from - c.start, 1440);
  if (rel + len > c.length) return false;
  if (c.breakAt === null) return true;
  const b = c.breakAt - c.start;
  return rel + len <= b || rel >= b + c.breakLength;
}

/**
 * One group's shift plan (see the module comment). `required[j]` per client interval; (v3) `local[j]`,
 * on a dated day, the site's local minute at interval j's start that day (else the fixed offset's).
 */
export function planGroupShifts(
  highs: HighsSolver,
  scenario: Scenario,
  siteIndex: number,
  required: readonly number[],
  intervalMinutes: number,
  options: ShiftOptions = {},
  local?: readonly number[],
): Omit<GroupShiftPlan, 'group' | 'label'> {
  const site = scenario.sites[siteIndex];
  const off = siteOffsetMinutes(scenario, site);
  const grid = options.startGridMinutes ?? intervalMinutes;
  const cands = candidates(site, options, grid);
  const rows: { j: number; cover: number[] }[] = [];
  const uncovered: number[] = [];
  required.forEach((r, j) => {
    if (r <= 0) return;
    const at = local ? local[j] : mod(j * intervalMinutes + off, 1440);
    const cover = cands.flatMap((c, k) => (works(c, at, intervalMinutes) ? [k] : []));
    if (cover.length === 0) uncovered.push(j);
    else rows.push({ j, cover });
  });
  if (rows.length === 0)
    return {
      site: siteIndex,
      shifts: [],
      cost: 0,
      status: 'empty',
      gap: 0,
      uncovered,
      candidates: cands.length,
    };

  const used = [...new Set(rows.flatMap((r) => r.cover))].sort((a, b) => a - b);
  const lp = lpText(
    used.map((k) => cands[k].cost),
    rows.map((r) => ({ cols: r.cover.map((k) => used.indexOf(k)), rhs: required[r.j] })),
  );
  const solved = highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 10 });
    model.run();
    const status = model.getModelStatus();
    const values = Array.from(model.getSolution().colValue);
    const names = values.map((_, i) => model.getColName(i));
    return {
      status,
      values,
      names,
      objective: model.getObjectiveValue(),
      gap: Number(model.info.get('mip_gap')),
    };
  });
  // 7 optimal, 13 time limit (with a solution if it found one)
  if (solved.status !== 7 && solved.status !== 13)
    throw new Error(`the shift program for ${site.id} ended with HiGHS status ${solved.status}`);
  const counts = new Map<number, number>();
  solved.names.forEach((name, i) => counts.set(used[Number(name.slice(1))], Math.round(solved.values[i])));
  const shifts: PlannedShift[] = [];
  let cost = 0;
  for (const [k, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n <= 0) continue;
    const c = cands[k];
    cost += n * c.cost;
    shifts.push({
      start: hhmm(c.start),
      end: hhmm(c.start + c.length),
      ...(c.breakAt !== null
        ? { break: { start: hhmm(c.breakAt), end: hhmm(c.breakAt + c.breakLength) } }
        : {}),
      agents: n,
      hours: (c.length - c.breakLength) / 60,
      costPerAgent: c.cost,
    });
  }
  const feasible = rows.every((r) => r.cover.reduce((a, k) => a + (counts.get(k) ?? 0), 0) >= required[r.j]);
  if (!feasible) throw new Error(`the shift program for ${site.id} stopped at its time limit without a plan`);
  return {
    site: siteIndex,
    shifts,
    cost,
    status: solved.status === 7 ? 'optimal' : 'time limit',
    // optimal within HiGHS's default relative gap tolerance (1e-4): the gap it reached, as it says
    gap: Number.isFinite(solved.gap) ? Math.max(0, solved.gap) : solved.status === 7 ? 0 : 1,
    uncovered,
    candidates: cands.length,
  };
}

/** CPLEX LP text: minimise cost·x subject to covering rows, x general integers ≥ 0 (named x0, x1, …). */
function lpText(costs: readonly number[], rows: readonly { cols: number[]; rhs: number }[]): string {
  const terms = (coefs: string[]) => {
    const lines: string[] = [];
    for (let i = 0; i < coefs.length; i += 8) lines.push('  ' + coefs.slice(i, i + 8).join(' '));
    return lines.join('\n');
  };
  const out = ['Minimize', ' cost:'];
  out.push(terms(costs.map((c, i) => `${i === 0 ? '' : '+ '}${c.toFixed(6)} x${i}`)));
  out.push('Subject To');
  rows.forEach((r, i) => {
    out.push(` r${i}:`);
    out.push(terms(r.cols.map((k, n) => `${n === 0 ? '' : '+ '}x${k}`)));
    out.push(`  >= ${r.rhs}`);
  });
  out.push('Bounds');
  costs.forEach((_, i) => out.push(` x${i} >= 0`));
  out.push('Generals');
  out.push(terms(costs.map((_, i) => `x${i}`)));
  out.push('End');
  return out.join('\n') + '\n';
}

/** Shift plans for every group of the requirement. */
export function planShifts(
  highs: HighsSolver,
  scenario: Scenario,
  req: Requirement,
  options: ShiftOptions = {},
): GroupShiftPlan[] {
  return req.groups.map((g, i) => ({
    ...planGroupShifts(
      highs,
      scenario,
      g.site,
      req.agents[i],
      req.intervalMinutes,
      options,
      req.frame?.siteLocal[g.site],
    ),
    group: g.group,
    label: g.label,
  }));
}

/** The planned shifts as the scenario's group shifts (a break splits a shift in two). */
export function scenarioShifts(
  plan: Pick<GroupShiftPlan, 'shifts'>,
): { start: string; end: string; agents: number }[] {
  return plan.shifts.flatMap((s) =>
    s.break
      ? [
          { start: s.start, end: s.break.start, agents: s.agents },
          { start: s.break.end, end: s.end, agents: s.agents },
        ]
      : [{ start: s.start, end: s.end, agents: s.agents }],
  );
}
