/**
 * The page of benchmark case 8: the app's replication pool (src/worker/pool-client.ts — the same
 * module workers, built by Vite as the app's) timed from inside the browser. bench/browser-speed.ts
 * builds it, opens it in headless Chromium and calls `window.benchPool`.
 */
import { createReplicationPool } from '../../src/worker/pool-client';
import type { Scenario } from '../../src/sim/index';

export interface PoolBenchOptions {
  workers: number;
  /** replications per worker run first and not timed: worker start-up and JIT warm-up */
  warmUp: number;
  /** replications per timed batch */
  reps: number;
  batches: number;
}

export interface PoolBenchResult {
  /** from creating the pool to the first result */
  firstResultMs: number;
  /** contacts per second per worker, one figure per timed batch */
  rates: number[];
  contactsPerReplication: number;
}

async function benchPool(scenario: Scenario, o: PoolBenchOptions): Promise<PoolBenchResult> {
  const pool = createReplicationPool(o.workers);
  let replication = 0;
  const jobs = (n: number) =>
    Array.from({ length: n }, () => ({ scenario, seed: 'bench', replication: replication++ }));
  try {
    const t0 = performance.now();
    let firstResultMs = 0;
    await pool.run(jobs(o.workers * o.warmUp), (done) => {
      if (done === 1) firstResultMs = performance.now() - t0;
    });
    const rates: number[] = [];
    let contacts = 0;
    for (let b = 0; b < o.batches; b++) {
      const t = performance.now();
      const outcomes = await pool.run(jobs(o.reps));
      const seconds = (performance.now() - t) / 1000;
      const sum = outcomes.reduce((a, x) => a + x.contacts, 0);
      contacts = sum / outcomes.length;
      rates.push(sum / seconds / o.workers);
    }
    return { firstResultMs, rates, contactsPerReplication: contacts };
  } finally {
    pool.dispose();
  }
}

(window as unknown as { benchPool: typeof benchPool }).benchPool = benchPool;
document.body.dataset.ready = 'true';
