/**
 * Issue 25 prototype: case 3 (the full model) started three ways, side by side in one run, serially
 * in this thread: the default warm-up, `--warm-up 0`, and the warm-up pilot (src/sim/warm-up-pilot.ts:
 * one long pilot, cached, then a one-day warm-up per replication with the pending repeats seeded).
 * Prints the wall time of each batch and day 1's figures, so the pilot's cost and its bias show together.
 *   npx tsx bench/pilot-case.ts [reps] [scenario.json]
 */
import { readFileSync } from 'node:fs';
import {
  aggregateReplications,
  runReplication,
  type ReplicationOutcome,
  type Scenario,
} from '../src/sim/index';
import { fullModelCase } from './cases';

const reps = Number(process.argv[2] ?? 10);
const scenario: Scenario = process.argv[3]
  ? (JSON.parse(readFileSync(process.argv[3], 'utf8')) as Scenario)
  : fullModelCase(1);
const seed = 'pilot-bench';
runReplication(scenario, { seed: 'jit', warmUpDays: 0 }); // let the JIT settle first

function batch(label: string, opts: { warmUpDays?: number; pilot?: boolean }) {
  const t0 = performance.now();
  const outcomes: ReplicationOutcome[] = [];
  for (let r = 0; r < reps; r++) outcomes.push(runReplication(scenario, { seed, replication: r, ...opts }));
  const s = (performance.now() - t0) / 1000;
  const res = aggregateReplications(scenario, seed, outcomes, s);
  const f = (e: { mean: number | null; ci95: number | null }, d = 0) =>
    `${e.mean?.toFixed(d)} ± ${e.ci95?.toFixed(d)}`;
  const t = res.total;
  console.log(
    `${label.padEnd(16)} ${s.toFixed(2)} s  events ${res.performance.events.toLocaleString('en-US')}  ` +
      `offered ${f(t.offered)}  backlog ${f(t.backlog)}  SL ${f(t.serviceLevel, 4)}  ` +
      `abandon ${f(t.abandonRate, 4)}  cost ${f(t.cost)}  interval-0 offered ${f(res.intervals[0].total.offered)}`,
  );
  return s;
}

console.log(`${scenario.name}, ${reps} replications, serial, seed "${seed}"`);
const w0 = batch('--warm-up 0', { warmUpDays: 0 });
const def = batch('full warm-up', { pilot: false });
const pilot = batch('pilot (cold)', { pilot: true });
const warm = batch('pilot (cached)', { pilot: true });
console.log(
  `ratios to --warm-up 0: default ${(def / w0).toFixed(2)}×, pilot with its pilot ${(pilot / w0).toFixed(2)}×, ` +
    `pilot cached ${(warm / w0).toFixed(2)}×`,
);
