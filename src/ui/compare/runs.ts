/**
 * The compare panel's three kinds of runs on the replication pool — variants, a sweep, the
 * optimiser — all with common random numbers: replication r of every variant, point and candidate
 * uses the same seed and replication index r, so differences come from the scenarios, not from luck.
 *
 * No DOM: the pool is passed in (anything with ReplicationPool's run()), so this is testable in Node.
 */
import { compareVariants, type Comparison } from '../../optimise/compare';
import { applyParam, parseParam } from '../../optimise/params';
import { optimiseStaffing, type OptimiseOutcome, type Targets } from '../../optimise/optimiser';
import { validateScenario } from '../../scenario/validate';
import {
  aggregateReplications,
  type ChannelKind,
  type ReplicationOutcome,
  type Scenario,
  type SimulationResult,
} from '../../sim';
import type { ReplicationJob } from '../../worker/pool';
import type { SweepPoint } from './export';
import { applySliders } from './sliders';
import { uniqueNames, type Variant } from './state';
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
 * state's `busy`.
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
    variants.map((_, i) => ({ name: names[i], outcomes: outcomes.slice(i * reps, (i + 1) * reps) })),
    baseIndex,
  );
}

// ---------------------------------------------------------------------------------------------- sweeps

/** A sweepable parameter: a group's agents (as its live slider) or a site's share of a split. */
export type SweepParam =
  | { kind: 'agents'; key: string; label: string; current: number }
  | { kind: 'share'; channel: string; siteId: string; label: string; current: number };

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
  return out;
}

export function paramText(p: SweepParam): string {
  return p.kind === 'agents' ? `agents:${p.key}` : `share:${p.channel}:${p.siteId}`;
}

/** The scenario at each value, each validated with the schema; or the problems (nothing runs). */
export function sweepScenarios(
  scenario: Scenario,
  param: SweepParam,
  values: readonly number[],
): { ok: true; scenarios: Scenario[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const value of values) {
    let next: Scenario;
    if (param.kind === 'agents') {
      next = applySliders(scenario, { agents: { [param.key]: value }, splits: {} }).scenario;
    } else {
      const parsed = parseParam(paramText(param));
      if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
      const r = applyParam(scenario, parsed.param, value);
      if (!r.ok) {
        problems.push(`${value}: ${r.problem}`);
        continue;
      }
      next = r.scenario;
    }
    const v = validateScenario(next);
    if (v.ok) scenarios.push(v.scenario);
    else problems.push(...v.problems.map((p) => `at ${value}: ${p}`));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenarios };
}

export async function runSweep(
  pool: PoolLike,
  scenarios: readonly Scenario[],
  values: readonly number[],
  reps: number,
  seed: string,
  onProgress?: Progress,
  signal?: AbortSignal,
): Promise<SweepPoint[]> {
  const jobs = scenarios.flatMap((scenario) => range(reps).map((r) => ({ scenario, seed, replication: r })));
  const outcomes = await pool.run(jobs, onProgress, signal);
  return scenarios.map((scenario, i) => {
    const res = aggregateReplications(scenario, seed, outcomes.slice(i * reps, (i + 1) * reps), 0);
    return { value: values[i], channels: res.channels, total: res.total };
  });
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
      if (e.feasible && (best === null || e.staffingCost < best)) best = e.staffingCost;
      onEvaluation?.(count, maxEvaluations, best);
    },
  });
}
