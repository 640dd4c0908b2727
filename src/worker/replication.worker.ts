/**
 * A worker that runs whole replications for comparisons, sweeps and the optimiser. Stateless: each
 * call gets the scenario and the replication index, whose seed depends only on that index, so any
 * worker of the pool gives the same answer. The default start is the warm-up pilot
 * (src/sim/warm-up-pilot.ts): each worker computes a variant's pilot once (cached by scenario and
 * seed) — the same in every worker, as it depends on nothing else.
 */
import * as Comlink from 'comlink';
import { runReplication, type ReplicationOutcome, type Scenario } from '../sim/index';

const api = {
  run(scenario: Scenario, seed: string, replication: number, days?: number): ReplicationOutcome {
    return runReplication(scenario, { seed, replication, days });
  },
};

export type ReplicationWorkerApi = typeof api;

Comlink.expose(api);
