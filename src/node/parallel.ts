/**
 * What the worker threads need from the process: the replication worker bundled once, and the number
 * of cores. The pool that runs replications on them is src/node/pool.ts.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
