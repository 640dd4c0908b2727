/**
 * Replications in parallel on Node worker threads. Results are identical to a serial run: each
 * replication's seed depends only on its index, and outcomes are put back in index order.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SimulationOptions } from '../sim/engine';
import type { ReplicationOutcome } from '../sim/result';
import type { Scenario } from '../sim/scenario';
import type { ReplicationJob } from './replication-worker';

export interface ParallelOptions extends SimulationOptions {
  /** replication indexes to run */
  replications: number[];
  /** worker threads; default: available cores, at most one per replication */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

const WORKER_URL = new URL('./replication-worker.ts', import.meta.url);

/**
 * The worker module bundled to one JavaScript file, once per process: a worker started from it is
 * ready in milliseconds, where compiling TypeScript inside every thread would cost a second each
 * (and Node 20 carries no module hooks into worker threads anyway).
 */
let bundled: Promise<string> | undefined;
export function workerBundle(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = join(tmpdir(), `shoreline-replication-worker-${process.pid}.mjs`);
    await build({
      entryPoints: [fileURLToPath(WORKER_URL)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

export async function runReplicationsParallel(
  scenario: Scenario,
  options: ParallelOptions,
): Promise<ReplicationOutcome[]> {
  const { replications, threads, onProgress, ...simOptions } = options;
  const total = replications.length;
  const n = Math.max(1, Math.min(threads ?? defaultThreads(), total));
  const results = new Array<ReplicationOutcome>(total);
  const position = new Map(replications.map((r, i) => [r, i]));
  let next = 0;
  let done = 0;
  const file = await workerBundle();
  const workers = Array.from({ length: n }, () => new Worker(file));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= total) return resolve();
              const job: ReplicationJob = {
                scenario,
                options: simOptions,
                replication: replications[next++],
              };
              w.postMessage(job);
            };
            w.on('message', (msg: { replication: number; outcome?: ReplicationOutcome; error?: string }) => {
              if (msg.error !== undefined) return reject(new Error(msg.error));
              results[position.get(msg.replication)!] = msg.outcome!;
              onProgress?.(++done, total);
              send();
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
