/**
 * The app state a shareable link carries, and what local storage keeps: the scenario as edited (slider
 * moves are written into it), the seed, and the compare panel's variants.
 *
 * This is the contract between the compare panel (which writes `#s=<encodeState(AppState)>` with
 * "Copy link") and src/ui/persist.ts (which restores it on load): change it only by adding optional
 * fields, or by a new `version`. The panel's state itself (variants, base, results) lives in the
 * app's one store (src/ui/state/compare.ts).
 *
 * Pure (no DOM): unit-tested in Node.
 */
import { validateScenario } from '../../scenario/validate';
import { withGroupAgents, withSplitWeights } from '../../scenario/staffing';
import { CHANNEL_KINDS, type ChannelKind, type Scenario } from '../../sim/scenario';
import type { Variant } from '../state/compare';

/**
 * Slider moves as links written before slider moves went into the scenario carried them. Read only:
 * they are written into the scenario when such a link is opened (validateAppState).
 */
interface OldLinkSliders {
  agents: Record<string, number>;
  splits: Partial<Record<ChannelKind, Record<string, number>>>;
}

export interface AppState {
  version: 1;
  /** the scenario as edited, with the slider moves in it */
  scenario: Scenario;
  seed: string;
  variants: Variant[];
}

export function makeAppState(scenario: Scenario, seed: string, variants: readonly Variant[]): AppState {
  return {
    version: 1,
    scenario,
    seed,
    variants: variants.map((v) => ({ name: v.name, scenario: v.scenario })),
  };
}

/** An old link's slider moves written into its scenario (entries that match nothing are dropped). */
function withOldSliders(scenario: Scenario, sliders: OldLinkSliders): Scenario {
  let s = scenario;
  for (const [key, n] of Object.entries(sliders.agents)) {
    const r = withGroupAgents(s, key, n);
    if (r.ok) s = r.scenario;
  }
  for (const [kind, weights] of Object.entries(sliders.splits) as [ChannelKind, Record<string, number>][]) {
    const r = withSplitWeights(s, kind, weights);
    if (r.ok) s = r.scenario;
  }
  return s;
}

export type AppStateResult = { ok: true; state: AppState } | { ok: false; problems: string[] };

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isWeight = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Checks a decoded state (e.g. from a link) before anything uses it: the scenario and every
 * variant's scenario against the schema, the sliders' shape. Problems name the path, like the
 * scenario validator's ("variants[1].scenario.sites[0].groups[0].agents: …").
 */
export function validateAppState(value: unknown): AppStateResult {
  const problems: string[] = [];
  if (!isObj(value)) return { ok: false, problems: ['(root): must be an object'] };
  if (value.version !== 1) problems.push(`version: must be 1 (got ${JSON.stringify(value.version)})`);
  let scenario: Scenario | undefined;
  const main = validateScenario(value.scenario);
  if (main.ok) scenario = main.scenario;
  else problems.push(...main.problems.map((p) => `scenario.${p}`));
  const seed = value.seed;
  if (typeof seed !== 'string' || seed === '') problems.push('seed: must be a non-empty text');

  const sliders: OldLinkSliders = { agents: {}, splits: {} };
  const s = value.sliders ?? { agents: {}, splits: {} };
  if (!isObj(s)) problems.push('sliders: must be an object');
  else {
    const agents = s.agents ?? {};
    if (!isObj(agents)) problems.push('sliders.agents: must be an object');
    else
      for (const [k, v] of Object.entries(agents)) {
        if (typeof v === 'number' && Number.isInteger(v) && v >= 0) sliders.agents[k] = v;
        else problems.push(`sliders.agents.${k}: must be a whole number ≥ 0`);
      }
    const splits = s.splits ?? {};
    if (!isObj(splits)) problems.push('sliders.splits: must be an object');
    else
      for (const [kind, w] of Object.entries(splits)) {
        if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) {
          problems.push(`sliders.splits.${kind}: not a channel`);
          continue;
        }
        if (!isObj(w) || !Object.values(w).every(isWeight)) {
          problems.push(`sliders.splits.${kind}: must map site ids to weights ≥ 0`);
          continue;
        }
        sliders.splits[kind as ChannelKind] = { ...(w as Record<string, number>) };
      }
  }

  const variants: Variant[] = [];
  if (value.variants !== undefined && !Array.isArray(value.variants))
    problems.push('variants: must be a list');
  else
    ((value.variants as unknown[] | undefined) ?? []).forEach((v, i) => {
      if (!isObj(v) || typeof v.name !== 'string') {
        problems.push(`variants[${i}]: must be { name, scenario }`);
        return;
      }
      const r = validateScenario(v.scenario);
      if (r.ok) variants.push({ name: v.name, scenario: r.scenario });
      else problems.push(...r.problems.map((p) => `variants[${i}].scenario.${p}`));
    });

  if (problems.length > 0 || !scenario) return { ok: false, problems };
  const edited = withOldSliders(scenario, sliders);
  if (!validateScenario(edited).ok) problems.push('sliders: they make the scenario invalid');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, state: { version: 1, scenario: edited, seed: seed as string, variants } };
}
