/**
 * Comparing variants of a scenario run with the same seeds (common random numbers).
 *
 * Replication r of every variant uses the same seed, so its random streams (arrivals, handle times,
 * patience, …) are shared: the difference between two variants *per replication* carries much less
 * noise than the difference of two independent means. `pairedDifference` estimates it that way:
 * estimate() of (variant − base) over the replications where both figures are defined.
 *
 * Pure: no Node APIs (the browser reuses it).
 */
import { estimate } from '../sim/aggregate';
import type { Estimate, OutcomeKey, OutcomeValues, ReplicationOutcome } from '../sim/result';
import { DEFAULTS, isLiveChannel, type ChannelKind, type Scenario } from '../sim/scenario';
import { steadyStateOf, type SteadyState } from '../sim/steady-check';

/** The figures a comparison shows, in order. */
export const COMPARE_KEYS = [
  'cost',
  'costPerResolved',
  'serviceLevel',
  'asa',
  'waitP90',
  'abandonRate',
  'resolutionHours',
] as const satisfies readonly OutcomeKey[];
export type CompareKey = (typeof COMPARE_KEYS)[number];

export interface Difference extends Estimate {
  /** replications where both figures were defined */
  pairs: number;
  /** the 95 % interval of the paired difference excludes zero */
  significant: boolean;
}

/** Paired difference (variant − base) per replication index. Lengths must match (same indexes). */
export function pairedDifference(
  variant: readonly (number | null)[],
  base: readonly (number | null)[],
): Difference {
  if (variant.length !== base.length)
    throw new RangeError(`paired difference: ${variant.length} vs ${base.length} replications`);
  const diffs: number[] = [];
  for (let i = 0; i < variant.length; i++) {
    const v = variant[i];
    const b = base[i];
    if (v !== null && b !== null) diffs.push(v - b);
  }
  const e = estimate(diffs);
  return { ...e, pairs: diffs.length, significant: isSignificant(e) };
}

/** The 95 % interval excludes zero (needs a mean and an interval; an exact nonzero difference counts). */
export function isSignificant(e: Estimate): boolean {
  if (e.mean === null || e.ci95 === null) return false;
  return Math.abs(e.mean) > e.ci95;
}

/** Sample variance of the values (n − 1 denominator); NaN below two values. */
export function variance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  return values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
}

export type Scope = 'total' | ChannelKind;

function scopeValues(o: ReplicationOutcome, scope: Scope): OutcomeValues | undefined {
  return scope === 'total' ? o.total : o.channels[scope];
}

/** One figure across replications for one scope (null where undefined or the scope is absent). */
export function figureSeries(outcomes: readonly ReplicationOutcome[], scope: Scope, key: OutcomeKey) {
  return outcomes.map((o) => scopeValues(o, scope)?.[key] ?? null);
}

export interface VariantRuns {
  name: string;
  /** per replication, in replication-index order — the same indexes for every variant */
  outcomes: readonly ReplicationOutcome[];
  /** the variant's scenario: with it, its summary says whether the warm-up reached a steady state */
  scenario?: Scenario;
  /**
   * days each replication measured: given for every variant, money figures (cost, a site's cost,
   * invoice and SLA credit) are per day, so runs of different lengths compare (issue 27)
   */
  days?: number;
}

export interface VariantSummary {
  name: string;
  isBase: boolean;
  /** mean ± ci95 per scope ("total" and each channel of this variant) and key */
  figures: Partial<Record<Scope, Record<CompareKey, Estimate>>>;
  /** paired differences against the base, per scope both share; absent for the base itself */
  differences?: Partial<Record<Scope, Record<CompareKey, Difference>>>;
  /** whether its warm-up reached a steady state (src/sim/steady-check.ts); given its scenario */
  steadyState?: SteadyState;
  /**
   * (v3) per site: its cost, cost per contact handled and per owned issue (issue 24: the site that
   * handled an issue's first contact pays for all its contacts), and for a contract site its invoice
   * and SLA credit (null mean elsewhere)
   */
  sites?: Record<string, Record<SiteCostKey, Estimate>>;
}

/** (v3) The per-site cost figures a comparison shows, and `costPerContact` (cost ÷ handled, per replication). */
export const SITE_COST_KEYS = [
  'cost',
  'invoice',
  'slaCredit',
  'issuesOwned',
  'costPerOwnedIssue',
] as const satisfies readonly OutcomeKey[];
export type SiteCostKey = (typeof SITE_COST_KEYS)[number] | 'costPerContact';

export interface Comparison {
  base: string;
  replications: number;
  /** (issue 27) the currency every cost is in: the base scenario's (default USD) */
  currency: string;
  /** (issue 27) money figures are per simulated day (every variant gave its days) */
  costPerDay: boolean;
  /**
   * (issue 27) each variant's channels, where they differ between variants: then the "total" scope
   * covers different work in each, so it has no differences, and each channel is compared apart
   */
  channelSets?: Record<string, ChannelKind[]>;
  scopes: Scope[];
  variants: VariantSummary[];
  /** names of the variants on the (total cost ↓, total service level ↑) Pareto frontier, by cost */
  paretoCostServiceLevel: string[];
  /** names of the variants on the (total cost ↓, total ASA ↓) Pareto frontier, by cost */
  paretoCostAsa: string[];
}

/** "name: reason" of each variant whose warm-up found no steady state (an overloaded scenario). */
export function notSteady(c: Comparison): string[] {
  return c.variants
    .filter((v) => v.steadyState?.reached === false)
    .map((v) => `${v.name}: ${v.steadyState!.reason}`);
}

/** Summaries and paired differences of variants against `baseIndex`. */
export function compareVariants(variants: readonly VariantRuns[], baseIndex = 0): Comparison {
  if (variants.length === 0) throw new RangeError('compare: no variants');
  const reps = variants[0].outcomes.length;
  for (const v of variants)
    if (v.outcomes.length !== reps)
      throw new RangeError(`compare: ${v.name} has ${v.outcomes.length} replications, not ${reps}`);
  const costPerDay = variants.every((v) => v.days !== undefined && v.days > 0);
  if (costPerDay)
    variants = variants.map((v) => ({ ...v, outcomes: v.outcomes.map((o) => perDay(o, v.days!)) }));
  const base = variants[baseIndex];
  const channelsOf = (v: VariantRuns) => Object.keys(v.outcomes[0]?.channels ?? {}) as ChannelKind[];
  const scopes: Scope[] = ['total'];
  for (const v of variants) for (const c of channelsOf(v)) if (!scopes.includes(c)) scopes.push(c);
  const setKey = (v: VariantRuns) => [...channelsOf(v)].sort().join(',');
  const setsDiffer = variants.some((v) => setKey(v) !== setKey(base));

  const summaries: VariantSummary[] = variants.map((v, i) => {
    const own: Scope[] = ['total', ...channelsOf(v)];
    const figures: VariantSummary['figures'] = {};
    for (const scope of own) {
      const rec = {} as Record<CompareKey, Estimate>;
      for (const k of COMPARE_KEYS) rec[k] = estimate(figureSeries(v.outcomes, scope, k));
      figures[scope] = rec;
    }
    if (mixesLiveAndDeferred(channelsOf(v))) for (const k of WAIT_KEYS) figures.total![k] = NO_ESTIMATE;
    const sites: NonNullable<VariantSummary['sites']> = {};
    for (const id of Object.keys(v.outcomes[0]?.sites ?? {})) {
      const rec = {} as Record<SiteCostKey, Estimate>;
      for (const k of SITE_COST_KEYS) rec[k] = estimate(v.outcomes.map((o) => o.sites[id]?.[k] ?? null));
      rec.costPerContact = estimate(
        v.outcomes.map((o) => {
          const x = o.sites[id];
          return x && x.cost !== null && x.handled ? x.cost / x.handled : null;
        }),
      );
      sites[id] = rec;
    }
    const summary: VariantSummary = { name: v.name, isBase: i === baseIndex, figures, sites };
    if (v.scenario) summary.steadyState = steadyStateOf(v.scenario, v.outcomes);
    if (i !== baseIndex) {
      const baseScopes = new Set<Scope>(['total', ...channelsOf(base)]);
      const differences: NonNullable<VariantSummary['differences']> = {};
      for (const scope of own) {
        if (!baseScopes.has(scope) || (scope === 'total' && setsDiffer)) continue;
        const rec = {} as Record<CompareKey, Difference>;
        for (const k of COMPARE_KEYS)
          rec[k] =
            scope === 'total' && figures.total![k] === NO_ESTIMATE
              ? { ...NO_ESTIMATE, pairs: 0, significant: false }
              : pairedDifference(figureSeries(v.outcomes, scope, k), figureSeries(base.outcomes, scope, k));
        differences[scope] = rec;
      }
      summary.differences = differences;
    }
    return summary;
  });

  const point = (s: VariantSummary, key: CompareKey) => ({
    name: s.name,
    cost: s.figures.total!.cost.mean,
    other: s.figures.total![key].mean,
  });
  const frontier = (key: CompareKey, sense: 'min' | 'max') =>
    paretoFrontier(
      summaries.map((s) => point(s, key)).filter((p) => p.cost !== null && p.other !== null),
      [(p) => p.cost!, (p) => (sense === 'min' ? p.other! : -p.other!)],
    ).map((p) => p.name);

  return {
    base: base.name,
    replications: reps,
    currency: base.scenario?.currency ?? DEFAULTS.currency,
    costPerDay,
    ...(setsDiffer ? { channelSets: Object.fromEntries(variants.map((v) => [v.name, channelsOf(v)])) } : {}),
    scopes,
    variants: summaries,
    paretoCostServiceLevel: frontier('serviceLevel', 'max'),
    paretoCostAsa: frontier('asa', 'min'),
  };
}

/** The waiting figures that mean nothing across live (seconds) and deferred (hours) channels. */
const WAIT_KEYS = ['serviceLevel', 'asa', 'waitP90'] as const satisfies readonly CompareKey[];
const NO_ESTIMATE: Estimate = Object.freeze({ mean: null, ci95: null });

/**
 * Voice or chat beside email or social: an "all channels" service level or ASA would blend waits of
 * seconds with waits of hours (issue 27), so the total leaves them out and each channel has its own.
 */
export function mixesLiveAndDeferred(channels: readonly ChannelKind[]): boolean {
  return channels.some(isLiveChannel) && channels.some((c) => !isLiveChannel(c));
}

/** One sentence when the variants' channel sets differ (null when they are the same). */
export function channelSetWarning(c: Comparison): string | null {
  if (!c.channelSets) return null;
  const sets = Object.entries(c.channelSets)
    .map(([name, chs]) => `${name}: ${chs.join(', ') || 'none'}`)
    .join('; ');
  return (
    `The variants handle different channels (${sets}): "all channels" covers different work in each, ` +
    'so it is not compared; compare channel by channel.'
  );
}

const MONEY_KEYS = ['cost', 'invoice', 'slaCredit', 'issueCost'] as const satisfies readonly OutcomeKey[];

/** A replication's money figures divided by the days it measured (rates and ratios unchanged). */
function perDay(o: ReplicationOutcome, days: number): ReplicationOutcome {
  const scale = (x: OutcomeValues): OutcomeValues => {
    const out = { ...x };
    for (const k of MONEY_KEYS) if (out[k] !== null) out[k] = out[k]! / days;
    return out;
  };
  const map = <K extends string>(r: Partial<Record<K, OutcomeValues>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, scale(v as OutcomeValues)])) as Partial<
      Record<K, OutcomeValues>
    >;
  return {
    ...o,
    total: scale(o.total),
    channels: map(o.channels),
    sites: map(o.sites) as Record<string, OutcomeValues>,
  };
}

/**
 * The points no other point dominates, all objectives to be *minimised* (negate one to maximise).
 * p dominates q when p is no worse in every objective and better in at least one. Equal points are
 * kept (neither dominates the other). Returned in the order of the first objective, then the next, then
 * input order.
 */
export function paretoFrontier<T>(points: readonly T[], objectives: readonly ((p: T) => number)[]): T[] {
  const values = points.map((p) => objectives.map((f) => f(p)));
  const dominates = (a: number[], b: number[]) => a.every((x, k) => x <= b[k]) && a.some((x, k) => x < b[k]);
  const keep = points
    .map((p, i) => ({ p, i, v: values[i] }))
    .filter(({ v }, i) => !values.some((w, j) => j !== i && dominates(w, v)));
  keep.sort((a, b) => {
    for (let k = 0; k < objectives.length; k++) if (a.v[k] !== b.v[k]) return a.v[k] - b.v[k];
    return a.i - b.i;
  });
  return keep.map((k) => k.p);
}
