/**
 * The command line compiled to one plain JavaScript file (esbuild), kept in the bundle cache under the
 * hash of its sources (src/node/bundle-cache.cjs), as the replication worker is: `npm run sim` and
 * `npx shoreline` start it with plain Node, no TypeScript tooling (tsx cost ~0.8 s per command).
 * The first command after a source change rebuilds it (~0.3 s); `npm install` builds it (`prepare`).
 */
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join, resolve } = require('node:path');
const vm = require('node:vm');
const { cacheDir, cachedBundle, freshBundle } = require('../node/bundle-cache.cjs');

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** esbuild options for the CLI bundle of the project at `root`. */
function cliBuild(root) {
  return {
    name: 'cli',
    platform: 'node',
    // CommonJS, so that V8's code cache can be used (loadWithCodeCache); ES modules have none in Node 20
    format: 'cjs',
    target: 'node20',
    // esbuild itself (a native binary) builds the worker bundle at run time, and HiGHS finds its
    // .wasm beside its own file: both loaded from node_modules
    external: ['esbuild', 'highs'],
    // import() in a script run from V8's code cache fails in Node 20 ("A dynamic import callback was
    // not specified"): esbuild turns every import() (HiGHS's loader, esbuild's) into require
    supported: { 'dynamic-import': false },
    // the bundle lives in the cache: src/node/parallel.ts finds the sources through this
    define: { SHORELINE_ROOT: JSON.stringify(root) },
  };
}

/** The CLI's entry, cache directory and build for the project at `root`. */
function cliTarget(root) {
  root = resolve(root); // one spelling, one bundle: the root is part of the build options
  return { entry: join(root, 'src', 'cli', 'main.ts'), dir: cacheDir(root), build: cliBuild(root) };
}

/** The CLI bundle of the project at `root`, built if none is cached for its current sources. */
function cliBundle(root = PROJECT_ROOT) {
  const { entry, dir, build } = cliTarget(root);
  return cachedBundle(entry, dir, build).catch(() => {
    // no cache (node_modules not writable, say): a private directory for this process
    const dir = join(require('node:os').tmpdir(), `shoreline-cli-${process.pid}`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return cachedBundle(entry, dir, build);
  });
}

/** The cached CLI bundle when none of its sources changed since it was built (a stat each), else undefined. */
function freshCliBundle(root = PROJECT_ROOT) {
  const { entry, dir, build } = cliTarget(root);
  return freshBundle(entry, dir, build);
}

/**
 * Runs a CommonJS bundle with V8's code cache beside it (`<bundle>.<node version>-<arch>.v8cache`):
 * the functions the last command compiled are loaded instead of compiled again, ~40 ms of CPU of a
 * ~0.3 s command. The cache is written when a command ends without one (or with one V8 rejected), so
 * it holds the functions that command ran, not just the top level; writing it costs ~20–50 ms, so
 * it is not rewritten after every command. `npm install` (`prepare`) runs a simulation first, so that
 * the cache it leaves covers the simulating path (a `--help` covers ~3/4 of it).
 */
function loadWithCodeCache(file) {
  const cacheFile = `${file}.${process.version}-${process.arch}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected)
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        rmSync(tmp, { force: true }); // a cache that cannot be written: the next command compiles again
      }
    });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
}

module.exports = { cliBuild, cliBundle, freshCliBundle, loadWithCodeCache };
