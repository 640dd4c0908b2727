/**
 * esbuild bundles cached on disk under the hash of their sources: the replication worker
 * (src/node/parallel.ts) and the command line (src/cli/bundle.mjs, started by bin/shoreline.mjs).
 *
 * Plain JavaScript so that the command line's launcher can use it before anything is compiled: it
 * checks the cache and imports the compiled CLI without TypeScript tooling in the process.
 *
 * Why a cache: starting esbuild and bundling takes ~0.1–0.3 s, and every command paid it again. A
 * bundle's name is the hash of its sources' contents and its build options, so a changed source gives
 * a new bundle and a bundle in use is never overwritten; a small manifest per entry and build lists
 * the sources, so a check reads them and hashes them (~2 ms) without starting esbuild.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { threadId } from 'node:worker_threads';

/** The usual place for a package's build caches (as babel-loader, terser and ava use). */
export function cacheDir(root) {
  return join(root, 'node_modules', '.cache', 'shoreline');
}

/**
 * `entry` bundled into `dir` as `<name>-<hash>.<cjs|mjs>`, reused while none of its sources has
 * changed. `build` holds `name` (the file prefix) and esbuild options (format, platform, define, …),
 * which are part of the hash.
 *
 * @param {string} entry absolute path of the entry module
 * @param {string} dir the cache directory
 * @param {{ name: string } & Record<string, unknown>} build
 * @returns {Promise<string>} the bundle's absolute path
 */
export async function cachedBundle(entry, dir, build) {
  const { name, ...options } = build;
  const ext = options.format === 'esm' ? 'mjs' : 'cjs';
  const buildKey = JSON.stringify(options);
  const fileFor = (inputs) => join(dir, `${name}-${sourcesHash(buildKey, inputs)}.${ext}`);
  const manifest = join(dir, `${hashOf([entry, name, buildKey]).slice(0, 16)}.json`);
  const known = readManifest(manifest);
  if (known) {
    const file = fileFor(known.inputs);
    if (exists(file)) return file;
  }
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const root = dirname(entry);
  const scratch = join(dir, `.build-${unique()}.${ext}`);
  try {
    const result = await esbuild({
      bundle: true,
      ...options,
      entryPoints: [entry],
      absWorkingDir: root,
      outfile: scratch,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(root, p));
    const file = fileFor(inputs);
    renameSync(scratch, file);
    writeAtomically(manifest, JSON.stringify({ inputs }));
    removeStale(dir, name, file);
    return file;
  } finally {
    rmSync(scratch, { force: true });
  }
}

function readManifest(path) {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(m.inputs) && m.inputs.every((p) => typeof p === 'string')
      ? { inputs: m.inputs }
      : undefined;
  } catch {
    return undefined; // none yet, or unreadable: build
  }
}

/** Hash of the build options and every source's path and contents; a missing source gives a fresh hash. */
function sourcesHash(buildKey, inputs) {
  const parts = [buildKey];
  for (const p of inputs) {
    let text;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      text = `missing ${Math.random()}`;
    }
    parts.push(p, text);
  }
  return hashOf(parts);
}

function hashOf(parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 32);
}

function exists(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Another process may be reading the manifest: it sees the old one or the new one, never half. */
function writeAtomically(path, text) {
  const tmp = `${path}.${unique()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A name no other thread or process writing to the cache uses at the same time. */
function unique() {
  return `${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}`;
}

const DAY_MS = 86_400_000;

/** Bundles of this name built over a day ago for other sources go (one in use is for the current sources). */
function removeStale(dir, name, keep) {
  const now = Date.now();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (path === keep || !entry.startsWith(`${name}-`)) continue;
    try {
      if (now - statSync(path).mtimeMs > DAY_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}
