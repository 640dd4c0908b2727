/**
 * What the worker threads need from the process: the replication worker bundled to one file, and the
 * number of cores. The pool that runs replications on them is src/node/pool.ts.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, cachedBundle as cachedBuild } from './bundle-cache.cjs';

/**
 * The project's root. The compiled command line lives in the cache, not beside its sources, so its
 * build defines SHORELINE_ROOT (src/cli/bundle.cjs); from TypeScript (tsx, vitest) this file is found
 * where it is.
 */
declare const SHORELINE_ROOT: string | undefined;
const ROOT =
  typeof SHORELINE_ROOT === 'string' ? SHORELINE_ROOT : fileURLToPath(new URL('../../', import.meta.url));
const WORKER = join(ROOT, 'src', 'node', 'replication-worker.ts');
const CACHE_DIR = cacheDir(ROOT);

// CommonJS: a thread loads it with require, ~10 ms sooner than import() (no ES module loader to set up).
const BUILD = { name: 'worker', bundle: true, platform: 'node', format: 'cjs', target: 'node20' } as const;

/**
 * The worker module bundled to one JavaScript file, once per process: a worker started from it is
 * ready in milliseconds, where compiling TypeScript inside every thread would cost a second each
 * (and Node 20 carries no module hooks into worker threads anyway).
 */
let bundled: Promise<string> | undefined;
export function workerBundle(): Promise<string> {
  bundled ??= cachedBundle(WORKER, CACHE_DIR).catch(() => {
    // no cache (node_modules not writable, say): a private directory for this process
    const dir = join(tmpdir(), `shoreline-${process.pid}`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return cachedBundle(WORKER, dir);
  });
  return bundled;
}

/**
 * `entry` bundled as the worker is into `dir`, reused while none of its sources has changed
 * (src/node/bundle-cache.cjs: a check stats the sources, ~1 ms, without starting esbuild).
 */
export function cachedBundle(entry: string, dir: string): Promise<string> {
  return cachedBuild(entry, dir, BUILD);
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}
