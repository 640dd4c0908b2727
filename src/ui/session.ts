/**
 * The page's side of persistence and recovery: which sliders the planner moved (as SliderState, by
 * group key and site id, so it still means the same after a reload, in a link or in a new worker),
 * putting them back onto a freshly built staffing panel, and small helpers for the start-up.
 */
import { MAX_SCENARIO_CHARS } from '../scenario/validate';
import type { Scenario } from '../sim/scenario';
import type { SimulationMeta } from '../sim/snapshot';
import { groupKey, type SliderState } from './compare/state';
import type { BundledScenario } from './scenarios';

/** A file larger than this is refused from File.size, without reading it (the schema's text limit). */
export const MAX_FILE_BYTES = MAX_SCENARIO_CHARS;

/** The problem line for a file refused by size, in the schema's `path: message` form; null if it may be read. */
export function fileSizeProblem(size: number): string | null {
  if (size <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return `(root): file is too large (${mb(size)}; the limit is ${mb(MAX_FILE_BYTES)}) — not read`;
}

function setSlider(panel: HTMLElement, testId: string, value: number): boolean {
  const input = panel.querySelector<HTMLInputElement>(`input[data-testid="${testId}"]`);
  if (!input || !Number.isFinite(value)) return false;
  input.value = String(value);
  // the panel's own handler shows the value and sends it to the worker (and the tracker records it)
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/**
 * Moves the staffing panel's sliders to `sliders` (the panel built for `meta`), as if the planner
 * had; returns the entries that match nothing in this scenario.
 */
export function applySliders(panel: HTMLElement, meta: SimulationMeta, sliders: SliderState): string[] {
  const skipped: string[] = [];
  for (const [key, agents] of Object.entries(sliders.agents)) {
    const gi = meta.groups.findIndex((g) => groupKey(meta.sites[g.site].id, g.id) === key);
    if (gi < 0 || !setSlider(panel, `staffing-${gi}`, agents)) skipped.push(`agents ${key}`);
  }
  for (const [kind, weights] of Object.entries(sliders.splits)) {
    if (!weights || !meta.channels.some((c) => c.kind === kind)) {
      skipped.push(`split ${kind}`);
      continue;
    }
    for (const [siteId, w] of Object.entries(weights)) {
      const s = meta.sites.findIndex((site) => site.id === siteId);
      if (s < 0 || !setSlider(panel, `split-${kind}-${s}`, w)) skipped.push(`split ${kind}.${siteId}`);
    }
  }
  return skipped;
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
