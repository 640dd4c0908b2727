/** How the compare panel writes figures: money, %, seconds, hours; differences in percentage points. */
import type { CompareKey } from '../../optimise/compare';
import type { Estimate } from '../../sim';
import { DASH, fmtMoney, fmtPercent, fmtSeconds } from '../../format/figures';

export const COLUMN: Record<CompareKey, string> = {
  cost: 'Cost',
  costPerResolved: 'Cost / resolved',
  serviceLevel: 'Service level',
  asa: 'ASA',
  waitP90: 'P90 wait',
  abandonRate: 'Abandon rate',
  resolutionHours: 'Resolution',
};

/** Resolution time: minutes (via fmtSeconds) under two hours, else hours, days past two days. */
function fmtHours(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (Math.abs(x) < 2) return fmtSeconds(x * 3600);
  return Math.abs(x) < 48 ? `${x.toFixed(1)} h` : `${(x / 24).toFixed(1)} d`;
}

/** A figure in its unit (money, %, seconds, hours); `signed` adds "+" for differences. */
export function fmtFigure(key: CompareKey, x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const sign = signed && x > 0 ? '+' : signed && x < 0 ? '−' : '';
  const v = signed ? Math.abs(x) : x;
  let text: string;
  switch (key) {
    case 'cost':
      text = fmtMoney(v);
      break;
    case 'costPerResolved':
      text = fmtMoney(v, true);
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
export function fmtDiff(key: CompareKey, mean: number | null, ci: number | null): string {
  if (mean === null || !Number.isFinite(mean)) return DASH;
  if (key === 'serviceLevel' || key === 'abandonRate') {
    const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
    const ciText = ci === null ? '' : ` ± ${(ci * 100).toFixed(1)}`;
    return `${sign}${Math.abs(mean * 100).toFixed(1)}${ciText} pt`;
  }
  return fmtFigure(key, mean, true) + (ci === null ? '' : ` ± ${fmtFigure(key, ci)}`);
}

export function fmtEstimate(key: CompareKey, e: Estimate | undefined): string {
  if (!e || e.mean === null) return DASH;
  const ci = e.ci95 === null ? '' : ` ± ${fmtFigure(key, e.ci95)}`;
  return fmtFigure(key, e.mean) + ci;
}
