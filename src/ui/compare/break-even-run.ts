/**
 * (v3) A sweep with a base to break even with (the compare panel's base variant, e.g. all in-house):
 * the points and the base run on the pool with the same seeds, and each point's cost is paired with
 * the base's replication by replication (compare.ts) to find where it crosses (break-even.ts) — the
 * same arithmetic as `sim sweep --base`.
 *
 * No DOM: testable in Node with any pool.
 */
import { breakEven, type BreakEven } from '../../optimise/break-even';
import { figureSeries, pairedDifference } from '../../optimise/compare';
import { aggregateReplications, type Estimate, type Scenario } from '../../sim';
import type { SweepPoint } from './export';
import type { PoolLike, Progress } from './runs';

export interface BreakEvenSweep {
  points: SweepPoint[];
  base: { name: string; cost: Estimate; costPerResolved: Estimate };
  /** per point: total cost − the base's, paired by replication */
  costDifference: Estimate[];
  breakEven: BreakEven;
}

export async function runBreakEvenSweep(
  pool: PoolLike,
  scenarios: readonly Scenario[],
  values: readonly number[],
  base: { name: string; scenario: Scenario },
  reps: number,
  seed: string,
  onProgress?: Progress,
  signal?: AbortSignal,
): Promise<BreakEvenSweep> {
  const all = [...scenarios, base.scenario];
  const jobs = all.flatMap((scenario) =>
    Array.from({ length: reps }, (_, r) => ({ scenario, seed, replication: r })),
  );
  const outcomes = await pool.run(jobs, onProgress, signal);
  const slice = (i: number) => outcomes.slice(i * reps, (i + 1) * reps);
  const baseRuns = slice(scenarios.length);
  const baseCost = figureSeries(baseRuns, 'total', 'cost');
  const points = scenarios.map((scenario, i) => {
    const res = aggregateReplications(scenario, seed, slice(i), 0);
    return { value: values[i], channels: res.channels, total: res.total };
  });
  const costDifference = scenarios.map((_, i) => {
    const d = pairedDifference(figureSeries(slice(i), 'total', 'cost'), baseCost);
    return { mean: d.mean, ci95: d.ci95 };
  });
  const baseResult = aggregateReplications(base.scenario, seed, baseRuns, 0);
  return {
    points,
    base: { name: base.name, cost: baseResult.total.cost, costPerResolved: baseResult.total.costPerResolved },
    costDifference,
    breakEven: breakEven(values, costDifference),
  };
}
