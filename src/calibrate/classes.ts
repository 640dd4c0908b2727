/**
 * Customer classes by the log's priority and by its call type: each class's share of the calls, its
 * abandon rate and ASA, and its patience (censoring done right, src/calibrate/patience.ts). These are
 * what SPEC v3 `channels.<c>.classes` needs. The classes by priority go into the scenario
 * (calibrate.ts, classSpecs); those by type are reported only.
 */
import type { CallRecord } from './log';
import { estimatePatience, patienceDistribution } from './patience';
import type { Distribution } from '../sim/scenario';

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
      };
    });
}
