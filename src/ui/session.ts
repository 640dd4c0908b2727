/**
 * Small helpers for the page's start-up and persistence: the size guard for an opened file, which
 * bundled scenario a restored one is, and taking an applied `#s=` link out of the address.
 */
import { MAX_SCENARIO_CHARS } from '../scenario/validate';
import type { Scenario } from '../sim/scenario';
import type { BundledScenario } from './scenarios';

/** A file larger than this is refused from File.size, without reading it (the schema's text limit). */
export const MAX_FILE_BYTES = MAX_SCENARIO_CHARS;

/** The problem line for a file refused by size, in the schema's `path: message` form; null if it may be read. */
export function fileSizeProblem(size: number): string | null {
  if (size <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return `(root): file is too large (${mb(size)}; the limit is ${mb(MAX_FILE_BYTES)}) — not read`;
}

/** The bundled scenario a restored one is (so the picker can show it), if any. */
export function bundledIdFor(scenarios: readonly BundledScenario[], scenario: Scenario): string | null {
  const text = JSON.stringify(scenario);
  return scenarios.find((s) => JSON.stringify(s.scenario) === text)?.id ?? null;
}

/** Takes a `#s=` link out of the address once it has been applied, so a reload uses the newer saved state. */
export function clearLinkHash(): void {
  if (!location.hash.startsWith('#s=')) return;
  history.replaceState(history.state, '', location.pathname + location.search);
}
