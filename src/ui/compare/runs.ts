/**
 * The compare panel's three kinds of runs on the replication pool — variants, a sweep, the
 * optimiser — all with common random numbers: replication r of every variant, point and candidate
 * uses the same seed and replication index r, so differences come from the scenarios, not from luck.
 *
 * No DOM: the pool is passed in (anything with ReplicationPool's run()), so this is testable in Node.
 */
import { compareVariants, type Comparison } from '../../optimise/compare';
import { parseParam } from '../../optimise/params';
import { sweepPoints, sweepResult, type SweepResult } from '../../optimise/sweep';
import { optimiseStaffing, type OptimiseOutcome, type Targets } from '../../optimise/optimiser';
import {
  aggregateReplications,
  DEFAULTS,
  type ChannelKind,
  type ReplicationOutcome,
  type Scenario,
  type SimulationResult,
} from '../../sim';
import type { ReplicationJob } from '../../worker/pool';
import { uniqueNames, type EqualService, type Variant } from '../state/compare';
import { describeTargets, restaffVariants, unmetTargets } from '../../optimise/equal-service';
import { sitesServing } from '../../sim/serving';

export interface PoolLike {
  run(
    jobs: readonly ReplicationJob[],
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ReplicationOutcome[]>;
}

export type Progress = (done: number, total: number) => void;

/**
 * How a compare component runs replications: `work` gets the pool and the live run's seed. The
 * panel supplies it, runs one job at a time (it rejects while another runs) and says so in the
 * store's compare state (`busy`).
 */
export type RunJob = <T>(
  work: (pool: PoolLike, seed: string) => Promise<T>,
) => Promise<{ result: T; seed: string }>;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function runComparison(
  pool: PoolLike,
  variants: readonly Variant[],
  baseIndex: number,
  reps: number,
  seed: string,
  onProgress?: Progress,
  signal?: AbortSignal,
): Promise<Comparison> {
  const jobs = variants.flatMap((v) =>
    range(reps).map((r) => ({ scenario: v.scenario, seed, replication: r })),
  );
  const outcomes = await pool.run(jobs, onProgress, signal);
  const names = uniqueNames(variants.map((v) => v.name));
  return compareVariants(
    variants.map((v, i) => ({
      name: names[i],
      outcomes: outcomes.slice(i * reps, (i + 1) * reps),
      scenario: v.scenario,
      // costs per day (issue 27): a replication measures the scenario's horizon
      days: v.scenario.horizon?.days ?? DEFAULTS.horizon.days,
    })),
    baseIndex,
  );
}

/**
 * Compare at equal service (issue 27, src/optimise/equal-service.ts): each variant staffed by the
 * optimiser to the same targets on the pool, then the staffed variants compared with the same seed.
 * Progress: the searches count as evaluations of at most `maxEvaluations` each.
 */
export async function runEqualService(
  pool: PoolLike,
  variants: readonly Variant[],
  baseIndex: number,
  targets: Targets,
  reps: number,
  seed: string,
  onProgress?: (text: string) => void,
  signal?: AbortSignal,
): Promise<{ comparison: Comparison; equalService: EqualService }> {
  const names = uniqueNames(variants.map((v) => v.name));
  const named = variants.map((v, i) => ({ name: names[i], scenario: v.scenario }));
  const restaffed = await restaffVariants(named, targets, poolEvaluator(pool, reps, seed, signal), {
    onVariant: (i, n) => onProgress?.(`staffing ${names[i]} to the targets: evaluation ${n}`),
  });
  const unmet = unmetTargets(restaffed);
  if (unmet.length > 0) throw new Error(unmet.join('; '));
  const staffed = restaffed.map((r, i) => ({ name: names[i], scenario: r.outcome.scenario }));
  const comparison = await runComparison(pool, staffed, baseIndex, reps, seed, undefined, signal);
  const agents = (counts: readonly number[]) => counts.reduce((a, n) => a + n, 0);
  return {
    comparison,
    equalService: {
      targets: describeTargets(targets),
      variants: restaffed.map((r) => ({
        name: r.name,
        status: r.outcome.status,
        staffingCost: r.outcome.best.staffingCost,
        agents: agents(r.outcome.best.counts),
        agentsBefore: agents(r.before),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------- sweeps

/** A sweepable parameter: a group's agents (as its live slider) or a site's share of a split. */
export type SweepParam =
  | { kind: 'agents'; key: string; label: string; current: number }
  | { kind: 'share'; channel: string; siteId: string; label: string; current: number }
  /** (v3) a contract site's billed rate, and a site's first-contact resolution (0–1) */
  | { kind: 'contract'; siteId: string; label: string; current: number }
  | { kind: 'fcr'; siteId: string; label: string; current: number };

/** The parameters of a scenario the sweep offers, with their present values. */
export function sweepParams(scenario: Scenario, peaks: Map<string, number>): SweepParam[] {
  const out: SweepParam[] = [];
  for (const site of scenario.sites)
    for (const g of site.groups) {
      const key = `${site.id}/${g.id}`;
      out.push({
        kind: 'agents',
        key,
        label: `agents: ${site.name} · ${g.id}${g.shifts ? ' (shift peak)' : ''}`,
        current: peaks.get(key) ?? g.agents ?? 0,
      });
    }
  for (const kind of Object.keys(scenario.channels)) {
    const serving = sitesServing(scenario.sites, kind as ChannelKind);
    if (serving.length < 2) continue; // one site: its share is always 100 %
    const split = scenario.routing?.[kind as 'voice']?.split;
    const total = split ? Object.values(split).reduce((a, w) => a + w, 0) : serving.length;
    for (const site of serving) {
      const w = split ? (split[site.id] ?? 0) : 1;
      out.push({
        kind: 'share',
        channel: kind,
        siteId: site.id,
        label: `${kind} share: ${site.name} (%)`,
        current: total > 0 ? Math.round((w / total) * 100) : 0,
      });
    }
  }
  return [...out, ...contractParams(scenario)];
}

export function paramText(p: SweepParam): string {
  if (p.kind === 'contract') return `contract:${p.siteId}:rate`;
  if (p.kind === 'fcr') return `fcr:${p.siteId}`;
  return p.kind === 'agents' ? `agents:${p.key}` : `share:${p.channel}:${p.siteId}`;
}

/** (v3) The break-even parameters: each contract site's rate, each site's FCR (as the CLI's sweep). */
export function contractParams(scenario: Scenario): SweepParam[] {
  const out: SweepParam[] = [];
  for (const site of scenario.sites)
    if (site.contract)
      out.push({
        kind: 'contract',
        siteId: site.id,
        label: `contract rate: ${site.name} (${site.contract.basis})`,
        current: site.contract.rate,
      });
  for (const site of scenario.sites)
    out.push({
      kind: 'fcr',
      siteId: site.id,
      label: `first-contact resolution: ${site.name}`,
      current: site.firstContactResolution ?? 1,
    });
  return out;
}

/** The scenario at each value, each validated with the schema (src/optimise/sweep.ts); or the problems. */
export function sweepScenarios(
  scenario: Scenario,
  param: SweepParam,
  values: readonly number[],
): { ok: true; scenarios: Scenario[] } | { ok: false; problems: string[] } {
  const parsed = parseParam(paramText(param));
  return parsed.ok ? sweepPoints(scenario, parsed.param, values) : { ok: false, problems: [parsed.problem] };
}

/** Runs the points on the pool, replications point-major, into the one sweep result (and CSV). */
export async function runSweep(
  pool: PoolLike,
  base: Scenario,
  param: string,
  scenarios: readonly Scenario[],
  values: readonly number[],
  reps: number,
  seed: string,
  onProgress?: Progress,
  signal?: AbortSignal,
): Promise<SweepResult> {
  const t0 = performance.now();
  const jobs = scenarios.flatMap((scenario) => range(reps).map((r) => ({ scenario, seed, replication: r })));
  const outcomes = await pool.run(jobs, onProgress, signal);
  const wall = (performance.now() - t0) / 1000;
  return sweepResult(base, param, values, scenarios, seed, reps, undefined, outcomes, wall);
}

// ------------------------------------------------------------------------------------------- optimiser

/** `evaluate` for the optimiser: `reps` replications of a candidate on the pool, aggregated. */
export function poolEvaluator(
  pool: PoolLike,
  reps: number,
  seed: string,
  signal?: AbortSignal,
): (scenario: Scenario) => Promise<SimulationResult> {
  return async (scenario) => {
    const t0 = performance.now();
    const jobs = range(reps).map((r) => ({ scenario, seed, replication: r }));
    const outcomes = await pool.run(jobs, undefined, signal);
    return aggregateReplications(scenario, seed, outcomes, (performance.now() - t0) / 1000);
  };
}

export async function runOptimiser(
  pool: PoolLike,
  scenario: Scenario,
  targets: Targets,
  reps: number,
  seed: string,
  maxEvaluations: number,
  onEvaluation?: (count: number, max: number, bestCost: number | null) => void,
  signal?: AbortSignal,
): Promise<OptimiseOutcome> {
  let best: number | null = null;
  return optimiseStaffing(scenario, poolEvaluator(pool, reps, seed, signal), {
    targets,
    maxEvaluations,
    onEvaluation: (e, _move, count) => {
      // the optimiser's objective: the simulated total cost, credits and premiums included
      if (e.feasible && (best === null || e.totalCost < best)) best = e.totalCost;
      onEvaluation?.(count, maxEvaluations, best);
    },
  });
}
