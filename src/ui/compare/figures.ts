/** How the compare panel writes figures: money, %, seconds, hours; differences in percentage points. */
import type { CompareKey, Comparison } from '../../optimise/compare';
import { DEFAULTS, type ChannelKind, type Estimate, type Scenario } from '../../sim';
import { DASH, fmtCurrency, fmtMoney, fmtPercent, fmtSeconds } from '../../format/figures';

export const COLUMN: Record<CompareKey, string> = {
  cost: 'Cost',
  costPerResolved: 'Cost / resolved',
  serviceLevel: 'Service level',
  asa: 'ASA',
  waitP90: 'P90 wait',
  abandonRate: 'Abandon rate',
  resolutionHours: 'Resolution',
};

/** A column's title with the comparison's currency, and "per day" where its costs are. */
export function columnTitle(key: CompareKey, c: Pick<Comparison, 'currency' | 'costPerDay'>): string {
  if (key === 'cost') return `Cost${c.costPerDay ? ' per day' : ''} (${c.currency})`;
  if (key === 'costPerResolved') return `Cost / resolved (${c.currency})`;
  return COLUMN[key];
}

/** Money in the currency when one is given (issue 27), else the bare amount. */
const money = (x: number, cents: boolean, currency?: string) =>
  currency ? fmtCurrency(x, currency, cents) : fmtMoney(x, cents);

/** Resolution time: minutes (via fmtSeconds) under two hours, else hours, days past two days. */
function fmtHours(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (Math.abs(x) < 2) return fmtSeconds(x * 3600);
  return Math.abs(x) < 48 ? `${x.toFixed(1)} h` : `${(x / 24).toFixed(1)} d`;
}

/** A figure in its unit (money, %, seconds, hours); `signed` adds "+" for differences. */
export function fmtFigure(
  key: CompareKey,
  x: number | null | undefined,
  signed = false,
  currency?: string,
): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const sign = signed && x > 0 ? '+' : signed && x < 0 ? '−' : '';
  const v = signed ? Math.abs(x) : x;
  let text: string;
  switch (key) {
    case 'cost':
      text = money(v, false, currency);
      break;
    case 'costPerResolved':
      text = money(v, true, currency);
      break;
    case 'serviceLevel':
    case 'abandonRate':
      text = signed ? `${(v * 100).toFixed(1)} pt` : fmtPercent(v);
      break;
    case 'asa':
    case 'waitP90':
      text = fmtSeconds(v);
      break;
    case 'resolutionHours':
      text = fmtHours(v);
      break;
  }
  return sign + text;
}

/** A paired difference: "+1,440 ± 210", "+13.3 ± 8.0 pt" (percentage points for shares). */
export function fmtDiff(key: CompareKey, mean: number | null, ci: number | null, currency?: string): string {
  if (mean === null || !Number.isFinite(mean)) return DASH;
  if (key === 'serviceLevel' || key === 'abandonRate') {
    const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
    const ciText = ci === null ? '' : ` ± ${(ci * 100).toFixed(1)}`;
    return `${sign}${Math.abs(mean * 100).toFixed(1)}${ciText} pt`;
  }
  return (
    fmtFigure(key, mean, true, currency) + (ci === null ? '' : ` ± ${fmtFigure(key, ci, false, currency)}`)
  );
}

export function fmtEstimate(key: CompareKey, e: Estimate | undefined, currency?: string): string {
  if (!e || e.mean === null) return DASH;
  const ci = e.ci95 === null ? '' : ` ± ${fmtFigure(key, e.ci95, false, currency)}`;
  return fmtFigure(key, e.mean, false, currency) + ci;
}

/**
 * Service-level target lines for a chart in percent (issue 27): one per distinct target among the
 * scenario's channels (all of them, or those given), "target 80 % (voice, chat)".
 */
export function slTargetMarks(
  scenario: Scenario | undefined,
  channels?: readonly ChannelKind[],
): { value: number; label: string }[] {
  if (!scenario) return [];
  const byPercent = new Map<number, ChannelKind[]>();
  for (const [kind, spec] of Object.entries(scenario.channels) as [
    ChannelKind,
    { target?: { percent: number } },
  ][]) {
    if (channels && !channels.includes(kind)) continue;
    const p = (spec.target ?? DEFAULTS.target[kind]).percent;
    byPercent.set(p, [...(byPercent.get(p) ?? []), kind]);
  }
  return [...byPercent].map(([value, kinds]) => ({
    value,
    label: `target ${value} % (${kinds.join(', ')})`,
  }));
}
