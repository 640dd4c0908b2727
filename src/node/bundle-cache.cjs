/**
 * esbuild bundles cached on disk under the hash of their sources: the replication worker
 * (src/node/parallel.ts) and the command line (src/cli/bundle.cjs, started by bin/shoreline.cjs).
 *
 * Plain CommonJS so that the command line's launcher (bin/shoreline.cjs) can use it before anything is
 * compiled, without TypeScript tooling and without setting up Node's ES module loader (~40 ms).
 *
 * Why a cache: starting esbuild and bundling takes ~0.1–0.3 s, and every command paid it again. A
 * bundle's name is the hash of its sources' contents and its build options, so a changed source gives
 * a new bundle and a bundle in use is never overwritten. A small manifest per entry and build lists
 * the sources with the size and modification time each had when the bundle was made: a check that
 * finds them all unchanged costs one stat per source (~1 ms for the CLI's ~100). Only when one
 * differs are the sources read and hashed (~30 ms), so a file touched but not changed keeps its
 * bundle, and a changed one gets a new bundle without a manual step.
 */
'use strict';
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { dirname, join, resolve } = require('node:path');

/** The usual place for a package's build caches (as babel-loader, terser and ava use). */
function cacheDir(root) {
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
async function cachedBundle(entry, dir, build) {
  const fresh = freshBundle(entry, dir, build);
  if (fresh !== undefined) return fresh;
  const { name, ...options } = build;
  const ext = options.format === 'esm' ? 'mjs' : 'cjs';
  const buildKey = JSON.stringify(options);
  const fileFor = (inputs) => join(dir, `${name}-${sourcesHash(buildKey, inputs)}.${ext}`);
  const manifest = manifestPath(entry, dir, name, buildKey);
  const known = readManifest(manifest);
  if (known) {
    const file = fileFor(known.inputs);
    if (exists(file)) {
      // same contents, new times (a checkout, a touch): record them so the next check is a stat again
      writeManifest(manifest, known.inputs, file);
      return file;
    }
  }
  const { build: esbuild } = require('esbuild');
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
    writeManifest(manifest, inputs, file);
    removeStale(dir, name, file);
    return file;
  } finally {
    rmSync(scratch, { force: true });
  }
}

/**
 * The cached bundle of `entry` when every source it was built from still has the size and
 * modification time the manifest recorded, else undefined (then cachedBundle hashes or builds).
 * Synchronous and cheap: the launcher calls it before anything else.
 */
function freshBundle(entry, dir, build) {
  const { name, ...options } = build;
  const m = readManifest(manifestPath(entry, dir, name, JSON.stringify(options)));
  if (m === undefined || typeof m.file !== 'string' || !Array.isArray(m.stamps)) return undefined;
  if (m.stamps.length !== m.inputs.length) return undefined;
  for (let i = 0; i < m.inputs.length; i++) if (stampOf(m.inputs[i]) !== m.stamps[i]) return undefined;
  return exists(m.file) ? m.file : undefined;
}

/** The manifest's name: a hash of the entry and build (FNV-1a, so that a check needs no node:crypto). */
function manifestPath(entry, dir, name, buildKey) {
  const text = `${entry}\0${name}\0${buildKey}`;
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(text.length - 1 - i), 0x01000193) >>> 0;
  }
  return join(
    dir,
    `${name}.manifest-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}.json`,
  );
}

/** Size and modification time of a source (ns precision where the file system has it). */
function stampOf(path) {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}`;
  } catch {
    return 'missing';
  }
}

function writeManifest(path, inputs, file) {
  writeAtomically(path, JSON.stringify({ file, inputs, stamps: inputs.map(stampOf) }));
}

function readManifest(path) {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(m.inputs) && m.inputs.every((p) => typeof p === 'string') ? m : undefined;
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
  const h = require('node:crypto').createHash('sha256'); // loaded only when needed (~8 ms)
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
  return `${process.pid}-${require('node:worker_threads').threadId}-${Math.random().toString(36).slice(2)}`;
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

module.exports = { cacheDir, cachedBundle, freshBundle };
