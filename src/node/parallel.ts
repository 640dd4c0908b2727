/**
 * What the worker threads need from the process: the replication worker bundled to one file, and the
 * number of cores. The pool that runs replications on them is src/node/pool.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./replication-worker.ts', import.meta.url));
/** The usual place for a package's build caches (as babel-loader, terser and ava use). */
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'shoreline');

// CommonJS: a thread loads it with require, ~10 ms sooner than import() (no ES module loader to set up).
const BUILD = { bundle: true, platform: 'node', format: 'cjs', target: 'node20' } as const;

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
 * `entry` bundled into `dir`, reused while none of its sources has changed.
 *
 * Why a cache: starting esbuild and bundling takes ~0.1 s, half the time a pool needs to be ready, and
 * every threaded CLI command paid it again. The bundle's name is the hash of its sources' contents, so
 * a changed source gives a new bundle and a bundle in use is never overwritten; a small manifest per
 * entry lists the sources, so a check reads them and hashes them (~2 ms) without starting esbuild.
 */
export async function cachedBundle(entry: string, dir: string): Promise<string> {
  const manifest = join(dir, `${hashOf([entry]).slice(0, 16)}.json`);
  const known = readManifest(manifest);
  if (known) {
    const file = join(dir, `worker-${sourcesHash(known.inputs)}.cjs`);
    if (exists(file)) return file;
  }
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const scratch = join(dir, `.build-${unique()}.cjs`);
  try {
    const result = await build({
      ...BUILD,
      entryPoints: [entry],
      absWorkingDir: ROOT,
      outfile: scratch,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(ROOT, p));
    const file = join(dir, `worker-${sourcesHash(inputs)}.cjs`);
    renameSync(scratch, file);
    writeAtomically(manifest, JSON.stringify({ inputs }));
    removeStale(dir, file);
    return file;
  } finally {
    rmSync(scratch, { force: true });
  }
}

function readManifest(path: string): { inputs: string[] } | undefined {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { inputs?: unknown };
    return Array.isArray(m.inputs) && m.inputs.every((p) => typeof p === 'string')
      ? { inputs: m.inputs as string[] }
      : undefined;
  } catch {
    return undefined; // none yet, or unreadable: build
  }
}

/** Hash of the build options and every source's path and contents; a missing source gives a fresh hash. */
function sourcesHash(inputs: string[]): string {
  const parts = [JSON.stringify(BUILD)];
  for (const p of inputs) {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      text = `missing ${Math.random()}`;
    }
    parts.push(p, text);
  }
  return hashOf(parts);
}

function hashOf(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Another process may be reading the manifest: it sees the old one or the new one, never half. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${unique()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A name no other thread or process writing to the cache uses at the same time. */
function unique(): string {
  return `${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}`;
}

const DAY_MS = 86_400_000;

/** Bundles built over a day ago for other sources go (one in use is for the current sources). */
function removeStale(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !name.startsWith('worker-')) continue;
    try {
      if (now - statSync(path).mtimeMs > DAY_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}
