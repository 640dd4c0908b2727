/**
 * The app state a shareable link carries, and what local storage keeps: the scenario as edited (slider
 * moves are written into it), the seed, and the compare panel's variants.
 *
 * This is the contract between the compare panel (which writes `#s=<encodeState(AppState)>` with
 * "Copy link") and src/ui/persist.ts (which restores it on load): change it only by adding optional
 * fields, or by a new `version`.
 *
 * It also holds the compare panel's own state (CompareState) and the only ways it changes: the
 * panel keeps one CompareState, replaces it through these functions, and hands it to every
 * component's update(), so nothing flows back up except through it.
 *
 * Pure (no DOM): unit-tested in Node.
 */
import type { Comparison } from '../../optimise/compare';
import { validateScenario } from '../../scenario/validate';
import { withGroupAgents, withSplitWeights } from '../../scenario/staffing';
import { CHANNEL_KINDS, type ChannelKind, type Scenario } from '../../sim/scenario';

/**
 * Slider moves as links written before slider moves went into the scenario carried them. Read only:
 * they are written into the scenario when such a link is opened (validateAppState).
 */
interface OldLinkSliders {
  agents: Record<string, number>;
  splits: Partial<Record<ChannelKind, Record<string, number>>>;
}

export interface Variant {
  name: string;
  scenario: Scenario;
}

export interface AppState {
  version: 1;
  /** the scenario as edited, with the slider moves in it */
  scenario: Scenario;
  seed: string;
  variants: Variant[];
}

/** Names made unique ("a", "a (2)", …): the comparison and its exports identify variants by name. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const base = raw.trim() || 'variant';
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
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

/** The last comparison run, and whether the variants changed since. */
export interface ComparisonRun {
  result: Comparison;
  seed: string;
  stale: boolean;
  /** (issue 27) compared at equal service: what each variant was staffed to first */
  equalService?: EqualService;
}

/** A comparison at equal service: the targets, and each variant's staffing found by the optimiser. */
export interface EqualService {
  /** "voice SL ≥ 80 %, abandon ≤ 5 %" */
  targets: string;
  variants: { name: string; status: string; staffingCost: number; agents: number; agentsBefore: number }[];
}

/** Everything the compare panel's components draw from. */
export interface CompareState {
  /** the scenario as loaded, without the sliders (null before the first load) */
  loaded: Scenario | null;
  variants: readonly Variant[];
  /** the variant the paired differences are measured against */
  baseIndex: number;
  comparison: ComparisonRun | null;
  /** a comparison, sweep or optimiser run is going: one job at a time */
  busy: boolean;
}

export const initialCompareState = (): CompareState => ({
  loaded: null,
  variants: [],
  baseIndex: 0,
  comparison: null,
  busy: false,
});

const stale = (c: ComparisonRun | null): ComparisonRun | null => (c ? { ...c, stale: true } : null);

/** Adds a variant under a unique name ("a (2)" when "a" is taken); the last results go stale. */
export function withVariantAdded(s: CompareState, name: string, scenario: Scenario): CompareState {
  const unique = uniqueNames([...s.variants.map((v) => v.name), name]).at(-1)!;
  return { ...s, variants: [...s.variants, { name: unique, scenario }], comparison: stale(s.comparison) };
}

/** Removes variant i; the base stays the same variant, or falls back to the first. */
export function withVariantRemoved(s: CompareState, i: number): CompareState {
  const variants = s.variants.filter((_, j) => j !== i);
  let baseIndex = s.baseIndex;
  // (before, removing a variant above the last one as base moved the base to the first)
  if (baseIndex === i) baseIndex = 0;
  else if (i < baseIndex) baseIndex--;
  return { ...s, variants, baseIndex, comparison: stale(s.comparison) };
}

/** Renames variant i, kept unique against the others. */
export function withVariantRenamed(s: CompareState, i: number, name: string): CompareState {
  const others = s.variants.filter((_, j) => j !== i).map((v) => v.name);
  const unique = uniqueNames([...others, name]).at(-1)!;
  const variants = s.variants.map((v, j) => (j === i ? { name: unique, scenario: v.scenario } : v));
  return { ...s, variants, comparison: stale(s.comparison) };
}

export function withBase(s: CompareState, i: number): CompareState {
  return { ...s, baseIndex: i, comparison: stale(s.comparison) };
}

/** Replaces every variant (e.g. restored from a link): names made unique, the results dropped. */
export function withVariants(s: CompareState, next: readonly Variant[]): CompareState {
  const names = uniqueNames(next.map((v) => v.name));
  const variants = next.map((v, i) => ({ name: names[i], scenario: v.scenario }));
  return { ...s, variants, baseIndex: 0, comparison: null };
}
