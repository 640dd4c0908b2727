/**
 * Replications on Node, for the CLI commands and the benchmark: serial in this thread with
 * `threads` = 1, else on a pool of worker threads that stays up until it is closed.
 *
 * The workers run src/node/replication-worker.ts, so a replication is computed by the same code with
 * the same seed wherever it runs: results are identical to a serial run. The threads are started once
 * and kept for the whole command: they are ready ≈ 0.1 s after the pool is created (0.2 s when the
 * worker bundle must be built first), then warm up V8 for a few hundred milliseconds, and a sweep or an
 * optimisation runs hundreds of batches.
 */
// a type only here: the module is loaded when threads start (startThreads), not by every command
import type { Worker } from 'node:worker_threads';
import { workerBundle } from './parallel';
import type { ReplicationJob } from './replication-worker';
import { pilotFor, runReplication, type ReplicationOutcome, type Scenario } from '../sim';

export interface Job {
  scenario: Scenario;
  replication: number;
}

export interface RunOptions {
  seed: string;
  days?: number;
}

export interface ReplicationRunner {
  readonly threads: number;
  /** Runs the jobs; outcomes in job order. `onDone` after each job. */
  run(jobs: readonly Job[], options: RunOptions, onDone?: () => void): Promise<ReplicationOutcome[]>;
  close(): Promise<void>;
}

/** `threads` ≤ 1: this thread; otherwise a pool of that many worker threads, started on first use. */
export function createRunner(threads: number): ReplicationRunner {
  return threads <= 1 ? serialRunner() : poolRunner(threads);
}

function serialRunner(): ReplicationRunner {
  return {
    threads: 1,
    async run(jobs, options, onDone) {
      const out: ReplicationOutcome[] = [];
      for (const job of jobs) {
        out.push(
          runReplication(job.scenario, {
            seed: options.seed,
            days: options.days,
            replication: job.replication,
            pilot: pilotOf(job, options),
          }),
        );
        onDone?.();
        // let timers (progress) and other tasks run between replications
        if (onDone) await new Promise<void>((r) => setImmediate(r));
      }
      return out;
    },
    async close() {},
  };
}

interface Pending {
  job: ReplicationJob;
  resolve: (o: ReplicationOutcome) => void;
  reject: (e: Error) => void;
}

function poolRunner(threads: number): ReplicationRunner {
  let workers: Promise<Worker[]> | undefined;
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const p = queue.shift()!;
      busy.set(w, p);
      w.postMessage(p.job);
    }
  };

  const start = () => (workers ??= startThreads(threads).then((ws) => ws.map(listen)));

  const listen = (w: Worker): Worker => {
    w.on('message', (msg: { outcome?: ReplicationOutcome; error?: string }) => {
      const p = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.outcome!);
      dispatch();
    });
    w.on('error', (e) => {
      // a crashed thread: fail everything still to do rather than wait forever
      for (const p of [...busy.values(), ...queue.splice(0)]) p.reject(e);
      busy.clear();
    });
    idle.push(w);
    return w;
  };

  return {
    threads,
    async run(jobs, options, onDone) {
      await start();
      const promises = jobs.map(
        (job) =>
          new Promise<ReplicationOutcome>((resolve, reject) => {
            queue.push({
              job: {
                scenario: job.scenario,
                // the pilot once here (cached by scenario and seed), to every thread as plain data
                options: { seed: options.seed, days: options.days, pilot: pilotOf(job, options) },
                replication: job.replication,
              },
              resolve: (o) => {
                onDone?.();
                resolve(o);
              },
              reject,
            });
          }),
      );
      dispatch();
      return Promise.all(promises);
    },
    async close() {
      if (!workers) return;
      const ws = await workers;
      await Promise.all(ws.map((w) => w.terminate()));
    },
  };
}

/**
 * The warm-up pilot a job starts from (src/sim/warm-up-pilot.ts), or false for its full warm-up. It
 * depends on the job's scenario and the run's seed only, so each variant of a comparison or a sweep
 * gets its own, shared by its replications, and every shard of a run computes the same one.
 */
function pilotOf(job: Job, options: RunOptions) {
  return pilotFor(job.scenario, { seed: options.seed, days: options.days }) ?? false;
}

/**
 * What a thread runs first: it waits for the bundle's path, loads it and says so. Starting the threads
 * on this while the bundle is found (or built) overlaps the two.
 */
const BOOTSTRAP = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (path) => {
  require(path);
  parentPort.postMessage('ready');
});
`;

/** `n` threads running the replication worker, each loaded and ready for jobs. */
async function startThreads(n: number): Promise<Worker[]> {
  const { Worker } = await import('node:worker_threads');
  // execArgv: [] — the bundle is plain JavaScript, and the parent's flags (tsx's loader, under
  // `npm run sim`) would load TypeScript tooling into every thread for nothing: ~0.1 s each.
  const ws = Array.from({ length: n }, () => new Worker(BOOTSTRAP, { eval: true, execArgv: [] }));
  try {
    const bundle = await workerBundle();
    await Promise.all(
      ws.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
            w.postMessage(bundle);
          }),
      ),
    );
    for (const w of ws) w.removeAllListeners('error');
    return ws;
  } catch (e) {
    await Promise.all(ws.map((w) => w.terminate()));
    throw e;
  }
}

/** Runs `runner` for the body and always closes it. */
export async function withRunner<T>(threads: number, body: (r: ReplicationRunner) => Promise<T>): Promise<T> {
  const runner = createRunner(threads);
  try {
    return await body(runner);
  } finally {
    await runner.close();
  }
}
