/**
 * The command line compiled to one plain JavaScript file (esbuild), kept in the bundle cache under the
 * hash of its sources (src/node/bundle-cache.mjs), as the replication worker is: `npm run sim` and
 * `npx shoreline` start it with plain Node, no TypeScript tooling (tsx cost ~0.8 s per command).
 * The first command after a source change rebuilds it (~0.3 s); `npm install` builds it (`prepare`).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { cacheDir, cachedBundle } from '../node/bundle-cache.mjs';

/** esbuild options for the CLI bundle of the project at `root`. */
export function cliBuild(root) {
  return {
    name: 'cli',
    platform: 'node',
    // ES module: main.ts awaits at top level
    format: 'esm',
    target: 'node20',
    // esbuild itself (a native binary) builds the worker bundle at run time: loaded from node_modules
    external: ['esbuild'],
    // bundled CommonJS packages (seedrandom) may call require
    banner: {
      js: "import { createRequire as __shorelineRequire } from 'node:module'; const require = __shorelineRequire(import.meta.url);",
    },
    // the bundle lives in the cache: src/node/parallel.ts finds the sources through this
    define: { SHORELINE_ROOT: JSON.stringify(root) },
  };
}

/** The CLI bundle of the project at `root`, built if none is cached for its current sources. */
export function cliBundle(root = fileURLToPath(new URL('../../', import.meta.url))) {
  const entry = join(root, 'src', 'cli', 'main.ts');
  const build = cliBuild(root);
  return cachedBundle(entry, cacheDir(root), build).catch(() => {
    // no cache (node_modules not writable, say): a private directory for this process
    const dir = join(tmpdir(), `shoreline-cli-${process.pid}`);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return cachedBundle(entry, dir, build);
  });
}
