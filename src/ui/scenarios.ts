/**
 * The scenarios bundled with the app (scenarios/*.json, built into the page), validated with the same
 * rules as a file the user opens, so a bundled scenario is never trusted more than a user's.
 */
import { validateScenario } from '../scenario/validate';
import type { Scenario } from '../sim/scenario';

export const DEFAULT_SCENARIO = 'onshore-baseline';

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

export interface BundledScenario {
  id: string;
  scenario: Scenario;
}

/** Bundled scenarios by file name, sorted, the default first; invalid ones are left out (and logged). */
export function bundledScenarios(): BundledScenario[] {
  const out: BundledScenario[] = [];
  for (const [path, value] of Object.entries(files)) {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    if (id === 'scenario.schema') continue;
    const result = validateScenario(value);
    if (result.ok) out.push({ id, scenario: result.scenario });
    else console.warn(`bundled scenario ${id} is invalid:\n${result.problems.join('\n')}`);
  }
  out.sort((a, b) =>
    a.id === DEFAULT_SCENARIO ? -1 : b.id === DEFAULT_SCENARIO ? 1 : a.id.localeCompare(b.id),
  );
  return out;
}
