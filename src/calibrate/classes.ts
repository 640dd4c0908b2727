/**
 * Customer classes by the log's priority and by its call type: each class's share of the calls, its
 * abandon rate and ASA, and its patience (censoring done right, src/calibrate/patience.ts). These are
 * what SPEC v3 `channels.<c>.classes` needs; chooseClasses picks the grouping that goes into the
 * scenario, classSpecs writes it.
 */
import type { CallRecord } from './log';
import { estimatePatience, patienceDistribution, type PatienceFit } from './patience';
import { LIMITS, type ClassSpec, type Distribution } from '../sim/scenario';

export interface ClassEstimate {
  name: string;
  calls: number;
  share: number;
  abandonRate: number;
  asa: number | null;
  /** total seconds waited ÷ abandons (exponential-equivalent mean patience), null with no abandons */
  patienceExponentialMean: number | null;
  /** the likelihood's choice among exponential, lognormal and gamma; null with too few abandons */
  patience: Distribution | null;
  /** that choice with the CIs of its mean and cv; null with too few abandons */
  patienceFit: PatienceFit | null;
}

export function estimateClasses(
  records: readonly CallRecord[],
  key: (r: CallRecord) => string | null,
): ClassEstimate[] {
  const groups = new Map<string, CallRecord[]>();
  for (const r of records) {
    const k = key(r);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  if (groups.size === 0) return [];
  const total = [...groups.values()].reduce((a, g) => a + g.length, 0);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, g]) => {
      const answered = g.filter((r) => r.answered);
      const p = estimatePatience(g.map((r) => ({ wait: r.wait, abandoned: !r.answered })));
      return {
        name,
        calls: g.length,
        share: g.length / total,
        abandonRate: (g.length - answered.length) / g.length,
        asa: answered.length > 0 ? answered.reduce((a, r) => a + r.wait, 0) / answered.length : null,
        patienceExponentialMean: p.exponentialMean?.value ?? null,
        patience: p.best ? patienceDistribution(p.best) : null,
        patienceFit: p.best,
      };
    });
}

/** a call type under this share of the calls joins the class "other" (a class of its own is noise) */
export const MIN_TYPE_SHARE = 0.01;
/** fewer abandons than this and a type joins "other" too: no patience fit to tell it apart */
export const MIN_TYPE_ABANDONS = 5;

export interface ClassChoice {
  /** which grouping went into the scenario; null: none (fewer than two classes either way) */
  by: 'priority' | 'type' | null;
  /** each eligible grouping's total patience AIC (the sum over its classes' best fits) */
  aic: { priority: number | null; type: number | null };
  specs: ClassSpec[] | null;
  byPriority: ClassEstimate[];
  /** small types merged into "other" (mergeSmallTypes) */
  byType: ClassEstimate[];
}

/**
 * The classes that go into the scenario, chosen by the data. Each grouping is eligible with 2 to
 * LIMITS.maxClasses classes; call types under MIN_TYPE_SHARE of the calls or with under
 * MIN_TYPE_ABANDONS abandons are first merged into one class "other". With both eligible, the one
 * whose classes' patience the likelihood explains better wins: the lower total AIC of each class's
 * best patience fit (a grouping where a class has no fit counts as worse); a tie keeps the priority.
 * The classes differ in the scenario by patience and by queue order, and the queue order comes from
 * the log's ASAs either way (classSpecs), so the patience is what tells the groupings apart.
 */
export function chooseClasses(records: readonly CallRecord[]): ClassChoice {
  const byPriority = estimateClasses(records, (r) => (r.priority === null ? null : String(r.priority)));
  const byType = mergeSmallTypes(records);
  const eligible = (k: ClassEstimate[]) => k.length >= 2 && k.length <= LIMITS.maxClasses;
  const aicOf = (k: ClassEstimate[]) =>
    !eligible(k)
      ? null
      : k.every((c) => c.patienceFit)
        ? k.reduce((a, c) => a + c.patienceFit!.aic, 0)
        : Infinity;
  const aic = { priority: aicOf(byPriority), type: aicOf(byType) };
  let by: ClassChoice['by'] = null;
  if (aic.priority !== null && (aic.type === null || aic.priority <= aic.type)) by = 'priority';
  else if (aic.type !== null) by = 'type';
  const specs =
    by === 'priority'
      ? classSpecs(byPriority, (n) => `priority ${n}`)
      : by === 'type'
        ? classSpecs(byType, (n) => n)
        : null;
  return { by, aic: { priority: finite(aic.priority), type: finite(aic.type) }, specs, byPriority, byType };
}

function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** The classes by type, small types merged into "other" (MIN_TYPE_SHARE, MIN_TYPE_ABANDONS). */
export function mergeSmallTypes(records: readonly CallRecord[]): ClassEstimate[] {
  // counted first, so that the patience fits run once, on the merged classes
  const count = new Map<string, { calls: number; abandons: number }>();
  let typed = 0;
  for (const r of records) {
    if (r.type === null) continue;
    typed++;
    const c = count.get(r.type) ?? { calls: 0, abandons: 0 };
    c.calls++;
    if (!r.answered) c.abandons++;
    count.set(r.type, c);
  }
  const small = new Set(
    [...count]
      .filter(([, c]) => c.calls < MIN_TYPE_SHARE * typed || c.abandons < MIN_TYPE_ABANDONS)
      .map(([name]) => name),
  );
  return estimateClasses(records, (r) => (r.type === null ? null : small.has(r.type) ? 'other' : r.type));
}

/**
 * Class estimates as scenario classes: share and patience (the likelihood's choice, else the
 * exponential-equivalent mean, else none for a class that never abandons) from the log, and the queue
 * order from the log's own ASAs — the class answered fastest is served first, since a log's priority
 * codes need not mean "served first". Null with fewer than two classes.
 */
export function classSpecs(
  estimates: readonly ClassEstimate[],
  nameOf: (name: string) => string,
): ClassSpec[] | null {
  if (estimates.length < 2 || estimates.length > LIMITS.maxClasses) return null;
  const byAsa = [...estimates].sort((a, b) => (a.asa ?? Infinity) - (b.asa ?? Infinity));
  const shares = estimates.map((k) => Math.round(k.share * 1e4) / 1e4);
  shares[shares.length - 1] = Math.round((1 - shares.slice(0, -1).reduce((a, b) => a + b, 0)) * 1e4) / 1e4;
  return estimates.map((k, i) => ({
    name: nameOf(k.name),
    share: shares[i],
    priority: estimates.length - 1 - byAsa.indexOf(k),
    patience:
      k.patience ??
      (k.patienceExponentialMean !== null
        ? { dist: 'exponential', mean: Math.round(k.patienceExponentialMean) }
        : null),
  }));
}
