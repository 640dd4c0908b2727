/**
 * The compare panel's part of the app's one state (held by store.ts): the variants, the base the
 * paired differences are measured against, the last comparison, and whether a run is going; and the
 * only ways it changes. The panel keeps none of it: it draws from the store and asks the store's
 * actions for every change.
 *
 * A comparison remembers the variants and the base it was computed for, so whether it still describes
 * the panel is read from the data, not set by whoever changed it: adding, removing or renaming a
 * variant, or another base, shows it as stale ("run again"); putting them back makes it current again;
 * replacing the whole list (a link, the saved state) drops it. An edit of the live scenario, another
 * seed or another scenario loaded leave it alone (it says which seed it ran with).
 *
 * Pure (no DOM): unit-tested in Node (test/store-compare.test.ts, test/compare-view.test.ts).
 */
import type { Comparison } from '../../optimise/compare';
import type { Scenario } from '../../sim/scenario';

export interface Variant {
  name: string;
  scenario: Scenario;
}

/** A comparison at equal service: the targets, and each variant's staffing found by the optimiser. */
export interface EqualService {
  /** "voice SL ≥ 80 %, abandon ≤ 5 %" */
  targets: string;
  variants: { name: string; status: string; staffingCost: number; agents: number; agentsBefore: number }[];
}

/** What a comparison was run on: the variants (in order) and the base. */
export interface ComparedOn {
  variants: readonly Variant[];
  baseIndex: number;
}

/** The last comparison run, what it was run on, and whether the variants or the base changed since. */
export interface ComparisonRun {
  result: Comparison;
  seed: string;
  /** the variants or the base differ from `on` */
  stale: boolean;
  on: ComparedOn;
  /** (issue 27) compared at equal service: what each variant was staffed to first */
  equalService?: EqualService;
}

/** The compare panel's state in the store. */
export interface CompareData {
  readonly variants: readonly Variant[];
  /** the variant the paired differences are measured against */
  readonly baseIndex: number;
  readonly comparison: ComparisonRun | null;
  /** a comparison, sweep or optimiser run is going: one job at a time */
  readonly busy: boolean;
}

/** Everything the compare panel's components draw from: the store's compare data and its scenario. */
export interface CompareState extends CompareData {
  /** the scenario as edited, with the slider moves in it (null before the first load) */
  readonly loaded: Scenario | null;
}

export const initialCompareData = (): CompareData => ({
  variants: [],
  baseIndex: 0,
  comparison: null,
  busy: false,
});

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

/** The same variants (names and scenarios, in order) and the same base. */
function sameOn(a: ComparedOn, b: ComparedOn): boolean {
  return (
    a.baseIndex === b.baseIndex &&
    a.variants.length === b.variants.length &&
    a.variants.every((v, i) => v.name === b.variants[i].name && v.scenario === b.variants[i].scenario)
  );
}

/** `s` with new variants or base: the comparison marked stale or current against them. */
function withChoice<S extends CompareData>(s: S, variants: readonly Variant[], baseIndex: number): S {
  const c = s.comparison;
  const stale = c !== null && !sameOn(c.on, { variants, baseIndex });
  const comparison = c && c.stale !== stale ? { ...c, stale } : c;
  return { ...s, variants, baseIndex, comparison };
}

/** Adds a variant under a unique name ("a (2)" when "a" is taken). */
export function withVariantAdded<S extends CompareData>(s: S, name: string, scenario: Scenario): S {
  const unique = uniqueNames([...s.variants.map((v) => v.name), name]).at(-1)!;
  return withChoice(s, [...s.variants, { name: unique, scenario }], s.baseIndex);
}

/** Removes variant i; the base stays the same variant, or falls back to the first. */
export function withVariantRemoved<S extends CompareData>(s: S, i: number): S {
  if (i < 0 || i >= s.variants.length) return s;
  let baseIndex = s.baseIndex;
  if (baseIndex === i) baseIndex = 0;
  else if (i < baseIndex) baseIndex--;
  return withChoice(
    s,
    s.variants.filter((_, j) => j !== i),
    baseIndex,
  );
}

/** Renames variant i, kept unique against the others; the same name again changes nothing. */
export function withVariantRenamed<S extends CompareData>(s: S, i: number, name: string): S {
  const old = s.variants[i];
  if (!old) return s;
  const others = s.variants.filter((_, j) => j !== i).map((v) => v.name);
  const unique = uniqueNames([...others, name]).at(-1)!;
  if (unique === old.name) return s;
  const variants = s.variants.map((v, j) => (j === i ? { name: unique, scenario: v.scenario } : v));
  return withChoice(s, variants, s.baseIndex);
}

export function withBase<S extends CompareData>(s: S, i: number): S {
  if (i === s.baseIndex || i < 0 || i >= s.variants.length) return s;
  return withChoice(s, s.variants, i);
}

/** Replaces every variant (e.g. restored from a link): names made unique, the results dropped. */
export function withVariants<S extends CompareData>(s: S, next: readonly Variant[]): S {
  const names = uniqueNames(next.map((v) => v.name));
  const variants = next.map((v, i) => ({ name: names[i], scenario: v.scenario }));
  return { ...s, variants, baseIndex: 0, comparison: null };
}

/** A finished comparison of `on`: current if the variants and base are still those, else stale at once. */
export function withComparison<S extends CompareData>(
  s: S,
  run: { result: Comparison; seed: string; equalService?: EqualService },
  on: ComparedOn,
): S {
  const stale = !sameOn(on, s);
  return { ...s, comparison: { ...run, on, stale } };
}

export function withBusy<S extends CompareData>(s: S, busy: boolean): S {
  return s.busy === busy ? s : { ...s, busy };
}
