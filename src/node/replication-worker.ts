/**
 * A worker thread that runs replications on request: { scenario, options, replication } in,
 * { replication, outcome } or { replication, error } out. Each replication is seeded by its index,
 * so which thread runs it changes nothing.
 */
import { parentPort } from 'node:worker_threads';
import { runReplication } from '../sim/simulate';
import { warmUp } from './warm-up';
import type { Scenario } from '../sim/scenario';
import type { SimulationOptions } from '../sim/engine';
import type { PendingIntensity } from '../sim/warm-up-pilot';

export interface ReplicationJob {
  scenario: Scenario;
  options: SimulationOptions & { pilot?: PendingIntensity | false };
  replication: number;
}

let warmed = false;

parentPort!.on('message', (job: ReplicationJob) => {
  try {
    if (!warmed) {
      warmed = true;
      warmUp(job.scenario);
    }
    const outcome = runReplication(job.scenario, { ...job.options, replication: job.replication });
    parentPort!.postMessage({ replication: job.replication, outcome });
  } catch (e) {
    parentPort!.postMessage({
      replication: job.replication,
      error: e instanceof Error ? e.message : String(e),
    });
  }
});
