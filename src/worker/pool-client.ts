/** Browser replication pool: Comlink-wrapped module workers (Vite bundles them from this URL). */
import * as Comlink from 'comlink';
import { ReplicationPool, defaultPoolSize, type PoolWorker } from './pool';
import type { ReplicationWorkerApi } from './replication.worker';

function makeWorker(): PoolWorker {
  const worker = new Worker(new URL('./replication.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<ReplicationWorkerApi>(worker);
  return {
    run: (scenario, seed, replication, days, pilot) => api.run(scenario, seed, replication, days, pilot),
    pilot: (scenario, seed, days) => api.pilot(scenario, seed, days),
    terminate: () => worker.terminate(),
  };
}

export function createReplicationPool(size = defaultPoolSize()): ReplicationPool {
  return new ReplicationPool(makeWorker, size);
}
