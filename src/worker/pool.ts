/**
 * A pool of replication workers on the main thread's side: jobs are handed to whichever worker is
 * free, results come back in job order, progress is reported as jobs finish, and a run can be
 * cancelled. A worker cannot be interrupted mid-replication, so cancelling terminates the busy ones;
 * fresh workers are made on the next run.
 */
import type { ReplicationOutcome, Scenario } from '../sim/index';

export interface ReplicationJob {
  scenario: Scenario;
  seed: string;
  replication: number;
  days?: number;
}

/** One worker as the pool sees it: the Comlink proxy's run(), and a way to stop it. */
export interface PoolWorker {
  run(scenario: Scenario, seed: string, replication: number, days?: number): Promise<ReplicationOutcome>;
  terminate(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Pool size: the machine's logical cores, at least 1. */
export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, n || 1);
}

export class ReplicationPool {
  private workers: PoolWorker[] = [];

  constructor(
    private readonly makeWorker: () => PoolWorker,
    readonly size = defaultPoolSize(),
  ) {}

  async run(
    jobs: readonly ReplicationJob[],
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<ReplicationOutcome[]> {
    if (signal?.aborted) throw new CancelledError();
    const results = new Array<ReplicationOutcome>(jobs.length);
    const n = Math.min(this.size, jobs.length);
    while (this.workers.length < n) this.workers.push(this.makeWorker());
    let next = 0;
    let done = 0;
    let cancelled = false;
    const busy = new Set<PoolWorker>();
    const onAbort = () => {
      cancelled = true;
      // Busy workers are mid-replication and cannot be interrupted: stop them, make new ones later.
      for (const w of busy) w.terminate();
      this.workers = this.workers.filter((w) => !busy.has(w));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(
        this.workers.slice(0, n).map(async (w) => {
          while (!cancelled && next < jobs.length) {
            const i = next++;
            const j = jobs[i];
            busy.add(w);
            const outcome = await Promise.race([
              w.run(j.scenario, j.seed, j.replication, j.days),
              abortPromise(signal),
            ]);
            busy.delete(w);
            results[i] = outcome;
            onProgress?.(++done, jobs.length);
          }
        }),
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (cancelled) throw new CancelledError();
    return results;
  }

  dispose(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}

function abortPromise(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(new CancelledError());
    signal.addEventListener('abort', () => reject(new CancelledError()), { once: true });
  });
}
