/**
 * A worker that runs whole replications for comparisons, sweeps and the optimiser. Stateless: each
 * call gets the scenario and the replication index, whose seed depends only on that index, so any
 * worker of the pool gives the same answer. The default start is the warm-up pilot
 * (src/sim/warm-up-pilot.ts): the pool asks one worker for a variant's pilot (pilot()) and passes it
 * to every job of that variant as plain data; without one, a worker computes its own (cached by
 * scenario and seed) — the same, as it depends on nothing else.
 */
import * as Comlink from 'comlink';
import {
  pilotFor,
  runReplication,
  type PendingIntensity,
  type ReplicationOutcome,
  type Scenario,
} from '../sim/index';

const api = {
  run(
    scenario: Scenario,
    seed: string,
    replication: number,
    days?: number,
    pilot?: PendingIntensity | false,
  ): ReplicationOutcome {
    return runReplication(scenario, { seed, replication, days, pilot });
  },
  pilot(scenario: Scenario, seed: string, days?: number): PendingIntensity | null {
    return pilotFor(scenario, { seed, days });
  },
};

export type ReplicationWorkerApi = typeof api;

Comlink.expose(api);
