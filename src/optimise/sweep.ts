/**
 * One sweep, for the command line (`sim sweep`, `merge`) and the app's "Sweep a parameter": one
 * parameter (src/optimise/params.ts) over a list of values, each point's scenario validated with the
 * schema before anything runs, replications point-major with the same seeds at every point (common
 * random numbers), aggregated into one result with one CSV. The runner (worker threads, the page's
 * worker pool) is the caller's; the points, the result and the columns are here.
 */
import { validateScenario } from '../scenario/validate';
import {
  aggregateReplications,
  isLiveChannel,
  type ChannelKind,
  type Estimate,
  type Outcomes,
  type ReplicationOutcome,
  type Scenario,
} from '../sim';
import { breakEven, type BreakEven } from './break-even';
import { figureSeries, pairedDifference } from './compare';
import { csvLine } from './csv';
import { applyParam, type Param } from './params';

/** The points' scenarios, each validated; or one line per problem naming the point. */
export function sweepPoints(
  base: Scenario,
  param: Param,
  values: readonly number[],
): { ok: true; scenarios: Scenario[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  values.forEach((v, i) => {
    const name = `point ${i + 1} (${param.text} = ${v})`;
    const applied = applyParam(base, param, v);
    if (!applied.ok) {
      problems.push(`${name}: ${applied.problem}`);
      return;
    }
    const valid = validateScenario(applied.scenario);
    if (!valid.ok) problems.push(...valid.problems.map((p) => `${name}: ${p}`));
    else scenarios.push(valid.scenario);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenarios };
}

export interface SweepPoint {
  value: number;
  days: number;
  channels: Partial<Record<ChannelKind, Outcomes>>;
  sites: Record<string, Outcomes>;
  total: Outcomes;
  /** (v3, with a base) total cost − the base's, paired by replication */
  costDifference?: Estimate;
}

export interface SweepResult {
  format: 1;
  kind: 'sweep';
  scenario: string;
  param: string;
  seed: string;
  replications: number;
  points: SweepPoint[];
  /** (v3) with a base: the base scenario's total cost, and where the sweep's crosses it */
  base?: { scenario: string; cost: Estimate; costPerResolved: Estimate; breakEven: BreakEven };
  performance: { events: number; contacts: number; wallSeconds: number };
}

/** outcomes in item order: point-major, replications within. */
export function sweepResult(
  base: Scenario,
  param: string,
  values: readonly number[],
  points: readonly Scenario[],
  seed: string,
  reps: number,
  days: number | undefined,
  outcomes: readonly ReplicationOutcome[],
  wallSeconds: number,
): SweepResult {
  return {
    format: 1,
    kind: 'sweep',
    scenario: base.name,
    param,
    seed,
    replications: reps,
    points: points.map((scenario, p) => {
      const r = aggregateReplications(scenario, seed, outcomes.slice(p * reps, (p + 1) * reps), 0, days);
      return { value: values[p], days: r.days, channels: r.channels, sites: r.sites, total: r.total };
    }),
    performance: {
      events: outcomes.reduce((a, o) => a + o.events, 0),
      contacts: outcomes.reduce((a, o) => a + o.contacts, 0),
      wallSeconds,
    },
  };
}

/**
 * (v3) Adds the base's cost, each point's cost difference paired by replication, and the break-even
 * (where the sweep's total cost crosses the base's) to a sweep. `baseOutcomes` ran with the same seeds.
 */
export function withBreakEven(
  result: SweepResult,
  base: Scenario,
  baseOutcomes: readonly ReplicationOutcome[],
  outcomes: readonly ReplicationOutcome[],
): SweepResult {
  const reps = result.replications;
  const baseCost = figureSeries(baseOutcomes, 'total', 'cost');
  const points = result.points.map((p, i) => {
    const d = pairedDifference(
      figureSeries(outcomes.slice(i * reps, (i + 1) * reps), 'total', 'cost'),
      baseCost,
    );
    return { ...p, costDifference: { mean: d.mean, ci95: d.ci95 } };
  });
  const baseResult = aggregateReplications(base, result.seed, baseOutcomes, 0);
  return {
    ...result,
    points,
    base: {
      scenario: base.name,
      cost: baseResult.total.cost,
      costPerResolved: baseResult.total.costPerResolved,
      breakEven: breakEven(
        points.map((p) => p.value),
        points.map((p) => p.costDifference),
      ),
    },
  };
}

/** How a column's figures read in a table (the command line's number styles). */
export type SweepUnit = 'money' | 'unitMoney' | 'percent' | 'seconds';

export interface SweepColumn {
  header: string;
  unit: SweepUnit;
  get: (p: SweepPoint) => Estimate | undefined;
  csv: string;
}

/** The columns of a sweep, in the order of the table and of the CSV. */
export function sweepColumns(result: SweepResult): SweepColumn[] {
  const kinds = [...new Set(result.points.flatMap((p) => Object.keys(p.channels)))] as ChannelKind[];
  const cols: SweepColumn[] = [
    { header: 'cost', unit: 'money', get: (p) => p.total.cost, csv: 'cost' },
    {
      header: 'cost/resolved',
      unit: 'unitMoney',
      get: (p) => p.total.costPerResolved,
      csv: 'costPerResolved',
    },
  ];
  if (result.base)
    cols.push({
      header: `vs ${result.base.scenario}`,
      unit: 'money',
      get: (p) => p.costDifference,
      csv: 'costDifference',
    });
  for (const k of kinds) {
    cols.push({
      header: `${k} SL %`,
      unit: 'percent',
      get: (p) => p.channels[k]?.serviceLevel,
      csv: `${k}_serviceLevel`,
    });
    if (isLiveChannel(k))
      cols.push({
        header: `${k} abandon %`,
        unit: 'percent',
        get: (p) => p.channels[k]?.abandonRate,
        csv: `${k}_abandonRate`,
      });
    cols.push({
      header: `${k} ASA s`,
      unit: 'seconds',
      get: (p) => p.channels[k]?.asa,
      csv: `${k}_asa`,
    });
  }
  return cols;
}

/** One row per point: the value, then each column's mean (and its 95 % CI half-width with ≥ 2 replications). */
export function sweepCsv(result: SweepResult): string {
  const withCi = result.replications >= 2;
  const cols = sweepColumns(result);
  let out = csvLine(['value', ...cols.flatMap((c) => (withCi ? [c.csv, `${c.csv}_ci95`] : [c.csv]))]);
  for (const p of result.points)
    out += csvLine([
      p.value,
      ...cols.flatMap((c) => {
        const e = c.get(p) ?? { mean: null, ci95: null };
        return withCi ? [e.mean, e.ci95] : [e.mean];
      }),
    ]);
  return out;
}
