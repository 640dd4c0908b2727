/**
 * Number formatting for the text table. Figures are `{ mean, ci95 }` estimates; a cell shows
 * `mean ± ci95` when there are replications to spread over, just the mean otherwise, and "—" for an
 * undefined figure (null).
 */
import type { Estimate } from '../sim';

export const NONE = '—';

/** How one kind of figure is shown. */
export interface NumberStyle {
  /** multiply before formatting (100 for fractions shown as percentages) */
  scale?: number;
  /** decimals for the mean */
  decimals: number;
}

export const STYLES = {
  count: { decimals: 0 },
  percent: { scale: 100, decimals: 1 },
  seconds: { decimals: 1 },
  hours: { decimals: 2 },
  ratio: { decimals: 2 },
  money: { decimals: 0 },
  unitMoney: { decimals: 2 },
  paidHours: { decimals: 1 },
} satisfies Record<string, NumberStyle>;

/**
 * en-US grouping, fixed decimals, never "-0" — as `toLocaleString('en-US', …)` writes it, by hand:
 * the first toLocaleString of a process sets up ICU's number formatting, ~20 ms of a 0.2 s command.
 */
export function formatNumber(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  const x = Object.is(rounded, -0) ? 0 : rounded;
  // where a double has fewer than `decimals` exact decimals, ICU writes the shortest digits and toFixed
  // the exact ones; NaN and ∞ are spelled by ICU
  if (!(Math.abs(x) * 10 ** decimals < 1e15))
    return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const fixed = Math.abs(x).toFixed(decimals);
  const point = fixed.indexOf('.');
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += ',' + whole.slice(i, i + 3);
  return (x < 0 ? '-' : '') + grouped + (point < 0 ? '' : fixed.slice(point));
}

/** The two parts of a cell, kept apart so that a column can align its "±" signs. */
export interface EstimateText {
  mean: string;
  /** "" when no interval is shown */
  ci: string;
}

export function formatEstimate(e: Estimate, style: NumberStyle, showCi: boolean): EstimateText {
  if (e.mean === null) return { mean: NONE, ci: '' };
  const scale = style.scale ?? 1;
  const mean = formatNumber(e.mean * scale, style.decimals);
  if (!showCi) return { mean, ci: '' };
  if (e.ci95 === null) return { mean, ci: NONE };
  const half = e.ci95 * scale;
  // A count's small interval would read "± 0", as if certain: give it one decimal.
  const ciDecimals = style.decimals === 0 && half > 0 && half < 0.5 ? 1 : style.decimals;
  return { mean, ci: formatNumber(half, ciDecimals) };
}
