/**
 * Loads HiGHS (WebAssembly). In Node the package finds its .wasm beside itself; in a browser or a
 * worker give `locateFile`, e.g. with Vite: `import wasmUrl from 'highs/runtime?url'` and
 * `loadSolver(() => wasmUrl)`. Loaded once per thread and kept.
 */
import type { HighsSolver } from './shifts';

let loaded: Promise<HighsSolver> | null = null;

export function loadSolver(locateFile?: (file: string) => string): Promise<HighsSolver> {
  loaded ??= import('highs').then(
    (m) => m.default(locateFile ? { locateFile } : {}) as unknown as Promise<HighsSolver>,
  );
  return loaded;
}
