/**
 * (v3) A sweep with a base to break even with (the compare panel's base variant, e.g. all in-house):
 * the points and the base run on the pool with the same seeds, and each point's cost is paired with
 * the base's replication by replication (compare.ts) to find where it crosses (break-even.ts) — the
 * same arithmetic as `sim sweep --base`.
 *
 * No DOM: testable in Node with any pool.
 */
import type { BreakEven } from '../../optimise/break-even';
import { sweepResult, withBreakEven, type SweepPoint, type SweepResult } from '../../optimise/sweep';
import type { Estimate, Scenario } from '../../sim';
import type { PoolLike, Progress } from './runs';

export interface BreakEvenSweep {
  /** the sweep, each point with its paired cost difference, and its `base` */
  sweep: SweepResult;
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
  const t0 = performance.now();
  const all = [...scenarios, base.scenario];
  const jobs = all.flatMap((scenario) =>
    Array.from({ length: reps }, (_, r) => ({ scenario, seed, replication: r })),
  );
  const outcomes = await pool.run(jobs, onProgress, signal);
  const total = scenarios.length * reps;
  const wall = (performance.now() - t0) / 1000;
  // (the panel labels the parameter itself: the result's `param` stays empty)
  const points = outcomes.slice(0, total);
  const swept = sweepResult(
    scenarios[0] ?? base.scenario,
    '',
    values,
    scenarios,
    seed,
    reps,
    undefined,
    points,
    wall,
  );
  const sweep = withBreakEven(swept, base.scenario, outcomes.slice(total), points);
  const b = sweep.base!;
  return {
    sweep,
    points: sweep.points,
    base: { name: base.name, cost: b.cost, costPerResolved: b.costPerResolved },
    costDifference: sweep.points.map((p) => p.costDifference!),
    breakEven: b.breakEven,
  };
}
