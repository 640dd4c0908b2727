/**
 * Staffing optimiser: the cheapest agent counts per site and group (per shift, for a group with
 * shifts) that meet per-channel targets, judged by simulation.
 *
 * What it changes: agent counts only. The routing split, opening hours, shift times and everything
 * else stay as they are (the split is kept fixed; sweep `share:<channel>:<site>` to study the mix).
 *
 * The objective (v3) is the simulated total cost the result reports (its mean over the replications,
 * common random numbers): labour with pay premiums, contract invoices less their SLA credits, telecom
 * and fees. Credits depend on the simulated service, so only a simulation can price them: a vendor
 * missing its SLA tiers costs less than its rate says, and the search must see that.
 *
 * The search is guided by each variable's unit cost per day, Σ agents × unit cost being the staffing
 * cost reported beside the total: one agent's logged-in hours per day (its shift or the site's opening
 * hours) ÷ (1 − shrinkage) × hourly rate × (1 + overhead) — the labour part of the simulated cost,
 * without its noise. Pay premiums weigh each minute by its factor; a contract site's agent costs its
 * contract's rate per productive hour (hour and FTE-month bases), or nothing for a contract billing
 * volume, whose invoice follows the work, not the staffing (contract-cost.ts, agentHourCost). In the
 * descent and the exchanges a contract agent's unit cost is taken net of the credit share its site
 * earned at the current staffing (its effective unit cost), and a move is accepted only if the
 * simulated total cost does not rise (a removal) or falls (an exchange).
 *
 * A candidate meets the targets when, for every constrained channel, the lower end of the 95 %
 * interval of its service level is ≥ the target and, if an abandon cap is given, the upper end of the
 * abandon rate's interval is ≤ the cap (with one replication, the mean is used). Every candidate is
 * evaluated with the same seed (common random numbers), so the search is deterministic and two
 * neighbouring staffings differ by their staffing, not by their luck.
 *
 * The search:
 *  1. Start: the Erlang A (Erlang C without patience) agents per site and channel, for the site's
 *     share of the split and a load-weighted arrival rate (Σ rate² ÷ Σ rate over the day's profile —
 *     the rate a typical contact meets), the site's handle time factor, wrap-up and concurrency;
 *     each site's figure is divided among its groups with the skill in proportion to their present
 *     agents (equally if none), and a group's shifts keep their present proportions.
 *     (`start: 'current'` starts from the scenario's counts instead.)
 *  2. Repair, while a target fails: try adding `k` agents to each group serving a failing channel;
 *     take the one that most reduces the shortfall (Σ of target − bound over failing targets) per unit
 *     of cost added; if no addition helps, double `k`.
 *  3. Descent, with a step `k` starting near a quarter of the largest group (a power of two) and
 *     halving down to 1: go through the groups from the most to the least expensive per agent and
 *     remove `k` agents from the first whose removal keeps every target; repeat from the most
 *     expensive. At `k` = 1, when no removal holds, also try exchanges: one agent less in a group and
 *     one more in a cheaper group sharing a skill with it (most expensive first, cheapest partner
 *     first). Stop when no removal of 1 and no exchange keeps the targets — then every group's
 *     one-agent removal has been evaluated and failed (reported as `removals`).
 *
 * Bounded by `maxEvaluations` (distinct staffings simulated; repeats come from a cache): when it runs
 * out, the cheapest staffing seen that meets the targets is returned with status "budget".
 *
 * Pure: the simulation is injected as `evaluate`, so the browser (a worker pool) and the command line
 * (worker threads) share it.
 */
import { channelStaffing } from '../analytic/channel-staffing';
import type { SimulationResult } from '../sim/result';
import { DEFAULTS, LIMITS, type ChannelKind, type OpeningHours, type Scenario } from '../sim/scenario';
import { agentHourCost, premiumByMinute } from '../sim/contract-cost';
import { currentSplit } from './params';

export interface ChannelTarget {
  /** service level to reach, 0–1 */
  serviceLevel?: number;
  /** abandon rate not to exceed, 0–1 */
  abandonRate?: number;
}
export type Targets = Partial<Record<ChannelKind, ChannelTarget>>;

/** One decision variable: the agents of a group, or of one shift of a group. */
export interface StaffingVariable {
  /** "site/group" or "site/group@HH:MM-HH:MM" */
  label: string;
  site: number;
  group: number;
  /** index into the group's shifts; null for a flat count */
  shift: number | null;
  skills: ChannelKind[];
  /** paid cost of one agent per day (see the module comment) */
  unitCost: number;
}

export interface TargetCheck {
  channel: ChannelKind;
  figure: 'serviceLevel' | 'abandonRate';
  target: number;
  mean: number | null;
  ci95: number | null;
  /** the interval end that is judged: lower for service level, upper for abandon rate */
  bound: number | null;
  ok: boolean;
}

export interface Evaluation {
  counts: number[];
  /** Σ agents × unit cost, per day: the labour part, without noise */
  staffingCost: number;
  /** the objective: the result's total cost (mean over replications, over the run), credits and premiums included */
  totalCost: number;
  result: SimulationResult;
  checks: TargetCheck[];
  feasible: boolean;
  /** Σ (target − bound) over failing targets, in fraction points */
  shortfall: number;
}

export interface OptimiseOptions {
  /** default: every channel, service level ≥ its target.percent / 100 */
  targets?: Targets;
  /** distinct staffings to simulate at most (default 200) */
  maxEvaluations?: number;
  /** 'erlang' (default) or the scenario's 'current' counts */
  start?: 'erlang' | 'current';
  /** try one-for-one exchanges into cheaper groups at the end (default true) */
  exchanges?: boolean;
  /** called after each new evaluation */
  onEvaluation?: (e: Evaluation, move: string, count: number) => void;
}

export interface OptimiseOutcome {
  /** optimal: a local optimum (no removal or exchange holds); budget: maxEvaluations ran out; infeasible: no staffing found meeting the targets */
  status: 'optimal' | 'budget' | 'infeasible';
  targets: Targets;
  variables: StaffingVariable[];
  start: { counts: number[]; staffingCost: number };
  best: Evaluation;
  scenario: Scenario;
  evaluations: number;
  /** for each variable with agents in the result: was the staffing with one agent fewer evaluated, and did it meet the targets? */
  removals: { label: string; evaluated: boolean; feasible: boolean | null }[];
  /** accepted moves, in order */
  moves: string[];
}

const EPS = 1e-12;

/** Every channel of the scenario, service level ≥ its target percent. */
export function defaultTargets(scenario: Scenario): Targets {
  const out: Targets = {};
  for (const [kind, spec] of Object.entries(scenario.channels) as [
    ChannelKind,
    { target?: { percent: number } },
  ][])
    out[kind] = { serviceLevel: (spec.target ?? DEFAULTS.target[kind]).percent / 100 };
  return out;
}

/** Fills in a channel's service-level target where only an abandon cap was given. */
export function completeTargets(scenario: Scenario, targets: Targets): Targets {
  const defaults = defaultTargets(scenario);
  const out: Targets = {};
  for (const [kind, t] of Object.entries(targets) as [ChannelKind, ChannelTarget][])
    out[kind] = { serviceLevel: t.serviceLevel ?? defaults[kind]?.serviceLevel, ...omitUndefined(t) };
  return out;
}

function omitUndefined(t: ChannelTarget): ChannelTarget {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
}

/** Judges a result against targets (see the module comment). */
export function checkTargets(result: SimulationResult, targets: Targets): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [channel, t] of Object.entries(targets) as [ChannelKind, ChannelTarget][]) {
    const o = result.channels[channel];
    if (t.serviceLevel !== undefined) {
      const e = o?.serviceLevel ?? { mean: null, ci95: null };
      const bound = e.mean === null ? null : e.mean - (e.ci95 ?? 0);
      checks.push({
        channel,
        figure: 'serviceLevel',
        target: t.serviceLevel,
        ...e,
        bound,
        // nothing measured (no contact reached the threshold): nothing failed
        ok: bound === null || bound >= t.serviceLevel - EPS,
      });
    }
    if (t.abandonRate !== undefined) {
      const e = o?.abandonRate ?? { mean: null, ci95: null };
      const bound = e.mean === null ? null : e.mean + (e.ci95 ?? 0);
      checks.push({
        channel,
        figure: 'abandonRate',
        target: t.abandonRate,
        ...e,
        bound,
        ok: bound === null || bound <= t.abandonRate + EPS,
      });
    }
  }
  return checks;
}

function shortfallOf(checks: readonly TargetCheck[]): number {
  let s = 0;
  for (const c of checks)
    if (!c.ok && c.bound !== null) s += c.figure === 'serviceLevel' ? c.target - c.bound : c.bound - c.target;
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// variables and costs

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h * 60 + m) % 1440;
}

/** Minutes of the day [start, end) on a 24-hour circle; start = end means all day. */
function dayMask(start: number, end: number): Uint8Array {
  const mask = new Uint8Array(1440);
  if (start === end) return mask.fill(1);
  for (let m = start; m !== end; m = (m + 1) % 1440) mask[m] = 1;
  return mask;
}

function openMask(hours: OpeningHours | undefined): Uint8Array {
  const h = hours ?? DEFAULTS.site.hours;
  return h === '24/7' ? new Uint8Array(1440).fill(1) : dayMask(minutesOf(h.open), minutesOf(h.close));
}

/** The decision variables: one per flat group, one per shift of a group with shifts. */
export function staffingVariables(scenario: Scenario): StaffingVariable[] {
  const vars: StaffingVariable[] = [];
  scenario.sites.forEach((site, s) => {
    const open = openMask(site.hours);
    const perHour = agentHourCost(site);
    const factor = premiumByMinute(site);
    const cost = (mask: Uint8Array) => {
      let minutes = 0;
      for (let m = 0; m < 1440; m++) if (mask[m] && open[m]) minutes += factor[m];
      return (minutes / 60) * perHour;
    };
    site.groups.forEach((g, gi) => {
      if (g.shifts && g.shifts.length > 0)
        g.shifts.forEach((sh, k) =>
          vars.push({
            label: `${site.id}/${g.id}@${sh.start}-${sh.end}`,
            site: s,
            group: gi,
            shift: k,
            skills: [...g.skills],
            unitCost: cost(dayMask(minutesOf(sh.start), minutesOf(sh.end))),
          }),
        );
      else
        vars.push({
          label: `${site.id}/${g.id}`,
          site: s,
          group: gi,
          shift: null,
          skills: [...g.skills],
          unitCost: cost(new Uint8Array(1440).fill(1)),
        });
    });
  });
  return vars;
}

export function countsOf(scenario: Scenario, vars: readonly StaffingVariable[]): number[] {
  return vars.map((v) => {
    const g = scenario.sites[v.site].groups[v.group];
    return v.shift === null ? (g.agents ?? 0) : g.shifts![v.shift].agents;
  });
}

/** A copy of the scenario with these counts. */
export function withCounts(scenario: Scenario, vars: readonly StaffingVariable[], counts: readonly number[]) {
  const copy = structuredClone(scenario);
  vars.forEach((v, i) => {
    const g = copy.sites[v.site].groups[v.group];
    if (v.shift === null) g.agents = counts[i];
    else g.shifts![v.shift].agents = counts[i];
  });
  return copy;
}

export function staffingCost(vars: readonly StaffingVariable[], counts: readonly number[]): number {
  return vars.reduce((a, v, i) => a + v.unitCost * counts[i], 0);
}

// ---------------------------------------------------------------------------------------------------------
// the Erlang start

/** Arrival rate per second weighted by load: Σ rate² ÷ Σ rate over the profile's intervals. */
export function loadWeightedRate(volumePerDay: number, profile: readonly number[] | undefined): number {
  const flat = volumePerDay / 86_400;
  if (!profile || profile.length === 0) return flat;
  const sum = profile.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0) return flat;
  const n = profile.length;
  let sq = 0;
  for (const w of profile) sq += (Math.max(0, w) / sum) ** 2;
  return flat * n * sq;
}

/** Erlang-based starting counts (see the module comment). */
export function erlangStart(scenario: Scenario, vars: readonly StaffingVariable[]): number[] {
  const demand = new Map<string, number>(); // "site/group" → agents
  for (const [kind, ch] of Object.entries(scenario.channels) as [
    ChannelKind,
    NonNullable<Scenario['channels']['voice']>,
  ][]) {
    const split = currentSplit(scenario, kind);
    const total = Object.values(split).reduce((a, w) => a + w, 0);
    if (total <= 0) continue;
    const rate = loadWeightedRate(ch.volumePerDay, ch.profile);
    scenario.sites.forEach((site, s) => {
      const share = (split[site.id] ?? 0) / total;
      if (share <= 0) return;
      const skilled = site.groups.map((g, gi) => ({ g, gi })).filter(({ g }) => g.skills.includes(kind));
      if (skilled.length === 0) return;
      const est = channelStaffing(kind, ch, rate * share, site.handleTimeFactor ?? 1);
      const size = (g: (typeof skilled)[number]['g']) =>
        g.shifts ? g.shifts.reduce((a, sh) => a + sh.agents, 0) : (g.agents ?? 0);
      const weights = skilled.map(({ g }) => size(g));
      const wsum = weights.reduce((a, w) => a + w, 0);
      skilled.forEach(({ gi }, i) => {
        const key = `${s}/${gi}`;
        const part = wsum > 0 ? weights[i] / wsum : 1 / skilled.length;
        demand.set(key, (demand.get(key) ?? 0) + est.agents * part);
      });
    });
  }
  return vars.map((v) => {
    const d = demand.get(`${v.site}/${v.group}`) ?? 0;
    const g = scenario.sites[v.site].groups[v.group];
    let n = d;
    if (v.shift !== null) {
      const top = Math.max(...g.shifts!.map((sh) => sh.agents));
      n = top > 0 ? (d * g.shifts![v.shift].agents) / top : d;
    }
    return Math.min(LIMITS.maxAgentsPerGroup, Math.ceil(n - 1e-9));
  });
}

// ---------------------------------------------------------------------------------------------------------
// the search

/** Ties within rounding of the total (1e-9 of it) are no improvement. */
function costTolerance(e: Evaluation): number {
  return Math.abs(e.totalCost) * 1e-9 + EPS;
}

/** Ranks on the objective, the simulated total cost. */
function cheaper(a: Evaluation, b: Evaluation): boolean {
  return a.totalCost < b.totalCost - costTolerance(b);
}

/**
 * A variable's unit cost net of the SLA credit share its site earned in `result` (contract sites;
 * in-house sites and sites without a credit keep their unit cost).
 */
export function effectiveUnitCost(scenario: Scenario, v: StaffingVariable, result: SimulationResult): number {
  const r = result.sites[scenario.sites[v.site].id];
  const invoice = r?.invoice.mean ?? null;
  const credit = r?.slaCredit.mean ?? null;
  if (invoice === null || credit === null || invoice <= 0) return v.unitCost;
  return v.unitCost * (1 - credit / invoice);
}

export class EvaluationBudgetExhausted extends Error {
  constructor() {
    super('evaluation budget exhausted');
  }
}

export async function optimiseStaffing(
  scenario: Scenario,
  evaluate: (scenario: Scenario) => Promise<SimulationResult>,
  options: OptimiseOptions = {},
): Promise<OptimiseOutcome> {
  const targets = options.targets ? completeTargets(scenario, options.targets) : defaultTargets(scenario);
  const maxEvaluations = options.maxEvaluations ?? 200;
  const vars = staffingVariables(scenario);
  const startCounts = options.start === 'current' ? countsOf(scenario, vars) : erlangStart(scenario, vars);
  const cache = new Map<string, Evaluation>();
  const moves: string[] = [];
  let best: Evaluation | undefined; // cheapest feasible seen

  async function evalAt(counts: number[], move: string): Promise<Evaluation> {
    const key = counts.join(',');
    const hit = cache.get(key);
    if (hit) return hit;
    if (cache.size >= maxEvaluations) throw new EvaluationBudgetExhausted();
    const result = await evaluate(withCounts(scenario, vars, counts));
    const checks = checkTargets(result, targets);
    const e: Evaluation = {
      counts: [...counts],
      staffingCost: staffingCost(vars, counts),
      totalCost: result.total.cost.mean ?? 0,
      result,
      checks,
      feasible: checks.every((c) => c.ok),
      shortfall: shortfallOf(checks),
    };
    cache.set(key, e);
    if (e.feasible && (!best || cheaper(e, best))) best = e;
    options.onEvaluation?.(e, move, cache.size);
    return e;
  }

  // Most expensive first, by unit cost net of the credit each contract site earns at `at`.
  const orderAt = (at: Evaluation) => {
    const unit = vars.map((v) => effectiveUnitCost(scenario, v, at.result));
    const order = vars
      .map((v, i) => i)
      .sort((a, b) => unit[b] - unit[a] || vars[a].label.localeCompare(vars[b].label));
    return { unit, order };
  };
  const shift = (x: readonly number[], i: number, d: number) => x.map((n, j) => (j === i ? n + d : n));
  const sign = (d: number) => (d > 0 ? `+${d}` : `${d}`);

  let status: OptimiseOutcome['status'] = 'optimal';
  let current = await evalAt(startCounts, 'start');
  try {
    // 2. repair
    let k = Math.max(1, Math.round(Math.max(...startCounts, 1) / 10));
    while (!current.feasible) {
      const failing = new Set(current.checks.filter((c) => !c.ok).map((c) => c.channel));
      const candidates = vars
        .map((v, i) => i)
        .filter(
          (i) =>
            vars[i].skills.some((s) => failing.has(s)) && current.counts[i] + k <= LIMITS.maxAgentsPerGroup,
        );
      let pick: { e: Evaluation; i: number; score: number } | undefined;
      for (const i of candidates) {
        const e = await evalAt(shift(current.counts, i, k), `${vars[i].label} ${sign(k)}`);
        const gain = current.shortfall - e.shortfall;
        const score = (gain + (e.feasible ? 1 : 0)) / (k * Math.max(vars[i].unitCost, EPS));
        if (gain > EPS && (!pick || score > pick.score)) pick = { e, i, score };
      }
      if (!pick) {
        if (candidates.length === 0 || k >= LIMITS.maxAgentsPerGroup) break;
        k *= 2;
        continue;
      }
      moves.push(`${vars[pick.i].label} ${sign(k)}`);
      current = pick.e;
    }
    if (!current.feasible) status = 'infeasible';
    else {
      // 3. descent
      const largest = Math.max(...current.counts, 1);
      k = 2 ** Math.floor(Math.log2(Math.max(1, largest / 4)));
      for (;;) {
        let moved = false;
        const { unit, order } = orderAt(current);
        for (const i of order) {
          if (current.counts[i] < k) continue;
          const e = await evalAt(shift(current.counts, i, -k), `${vars[i].label} ${sign(-k)}`);
          if (e.feasible && e.totalCost <= current.totalCost + costTolerance(current)) {
            moves.push(`${vars[i].label} ${sign(-k)}`);
            current = e;
            moved = true;
            break;
          }
        }
        if (moved) continue;
        if (k === 1 && options.exchanges !== false) {
          outer: for (const i of order) {
            if (current.counts[i] < 1) continue;
            const partners = [...order]
              .reverse()
              .filter(
                (j) =>
                  unit[j] < unit[i] - EPS &&
                  vars[j].skills.some((s) => vars[i].skills.includes(s)) &&
                  current.counts[j] < LIMITS.maxAgentsPerGroup,
              );
            for (const j of partners) {
              const counts = shift(shift(current.counts, i, -1), j, 1);
              const e = await evalAt(counts, `${vars[i].label} -1, ${vars[j].label} +1`);
              if (e.feasible && cheaper(e, current)) {
                moves.push(`${vars[i].label} -1, ${vars[j].label} +1`);
                current = e;
                moved = true;
                break outer;
              }
            }
          }
        }
        if (moved) continue;
        if (k === 1) break;
        k = Math.max(1, Math.floor(k / 2));
      }
    }
  } catch (e) {
    if (!(e instanceof EvaluationBudgetExhausted)) throw e;
    status = best ? 'budget' : 'infeasible';
  }

  const result = status === 'infeasible' ? current : best!;
  const removals = vars
    .map((v, i) => ({ v, i }))
    .filter(({ i }) => result.counts[i] > 0)
    .map(({ v, i }) => {
      const e = cache.get(shift(result.counts, i, -1).join(','));
      return { label: v.label, evaluated: e !== undefined, feasible: e ? e.feasible : null };
    });
  return {
    status,
    targets,
    variables: vars,
    start: { counts: startCounts, staffingCost: staffingCost(vars, startCounts) },
    best: result,
    scenario: withCounts(scenario, vars, result.counts),
    evaluations: cache.size,
    removals,
    moves,
  };
}
