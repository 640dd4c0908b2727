/**
 * A pool of replication workers on the main thread's side: jobs are handed to whichever worker is
 * free, results come back in job order, progress is reported as jobs finish, and a run can be
 * cancelled. A worker cannot be interrupted mid-replication, so cancelling terminates the busy ones;
 * fresh workers are made on the next run.
 */
import type { PendingIntensity, ReplicationOutcome, Scenario } from '../sim/index';

export interface ReplicationJob {
  scenario: Scenario;
  seed: string;
  replication: number;
  days?: number;
}

/** One worker as the pool sees it: the Comlink proxy's run(), and a way to stop it. */
export interface PoolWorker {
  /** `pilot`: the variant's warm-up pilot (false: its full warm-up); absent, the worker finds its own */
  run(
    scenario: Scenario,
    seed: string,
    replication: number,
    days?: number,
    pilot?: PendingIntensity | false,
  ): Promise<ReplicationOutcome>;
  /**
   * The warm-up pilot a variant starts from (src/sim/warm-up-pilot.ts), null for its full warm-up: the
   * pool asks for it once per variant and passes it to every job of the variant as plain data.
   */
  pilot?(scenario: Scenario, seed: string, days?: number): Promise<PendingIntensity | null>;
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
    // each variant's pilot once (one per worker at a time, in parallel), before any of its jobs
    const keys = jobs.map(variantKey);
    const pilots = new Map<string, Promise<PendingIntensity | false>>();
    const toMeasure = this.workers[0]?.pilot ? [...new Map(keys.map((k, i) => [k, jobs[i]])).entries()] : [];
    const queue = new JobQueue(keys);
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
          while (!cancelled && toMeasure.length > 0) {
            const [key, j] = toMeasure.shift()!;
            busy.add(w);
            const p = w.pilot!(j.scenario, j.seed, j.days).then((x) => x ?? false);
            pilots.set(key, p);
            p.then(
              () => queue.ready(key),
              () => {}, // the failure reaches run() through the jobs that wait for it
            );
            await Promise.race([p, abortPromise(signal)]);
            busy.delete(w);
          }
          for (let i = queue.take(); !cancelled && i !== undefined; i = queue.take()) {
            const j = jobs[i];
            busy.add(w);
            const pilot = await Promise.race([pilots.get(keys[i]), abortPromise(signal)]);
            const outcome = await Promise.race([
              w.run(j.scenario, j.seed, j.replication, j.days, pilot),
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

/**
 * The jobs not started yet, in order, except that a free worker takes the first job whose variant's
 * pilot is ready rather than wait for another's: with two variants on two workers, the one whose pilot
 * finished first starts on its own variant's jobs instead of idling until the other's pilot is done.
 * (Results go back by job index, so the order of work changes nothing in them.)
 */
class JobQueue {
  private readonly left: number[];
  private readonly settled = new Set<string>();

  constructor(private readonly keys: readonly string[]) {
    this.left = keys.map((_, i) => i);
  }

  ready(key: string): void {
    this.settled.add(key);
  }

  /** the next job's index; undefined when every job has been taken */
  take(): number | undefined {
    const k = this.settled.size ? this.left.findIndex((i) => this.settled.has(this.keys[i])) : -1;
    return this.left.splice(k < 0 ? 0 : k, 1)[0];
  }
}

/** What a pilot depends on: the scenario, the seed and the days (never the replication). */
function variantKey(j: ReplicationJob): string {
  return `${j.seed}\u0000${j.days ?? ''}\u0000${JSON.stringify(j.scenario)}`;
}

function abortPromise(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(new CancelledError());
    signal.addEventListener('abort', () => reject(new CancelledError()), { once: true });
  });
}
