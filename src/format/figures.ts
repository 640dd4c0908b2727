/**
 * Number formatting for the panels and the map: one place, so every figure reads the same way. It
 * sits below both ui/ and render/ (the render layer draws labels too and must not import the UI).
 */
import { DAY, formatClock } from '../sim/clock';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const DASH = '–';

export function fmtInt(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : int.format(x);
}

export function fmtPercent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : `${(x * 100).toFixed(digits)} %`;
}

export function fmtSeconds(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x < 120) return `${x.toFixed(x < 10 ? 1 : 0)} s`;
  if (x < 7200) return `${(x / 60).toFixed(1)} min`;
  return `${(x / 3600).toFixed(1)} h`;
}

export function fmtMoney(x: number | null | undefined, cents = false): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : (cents ? money2 : money).format(x);
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** An en-US currency format for the ISO 4217 code (a malformed code: its text before the figure). */
function currencyFormat(currency: string, cents: boolean): Intl.NumberFormat | null {
  const key = `${currency}/${cents}`;
  let f = currencyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: cents ? 2 : 0,
        maximumFractionDigits: cents ? 2 : 0,
      });
    } catch {
      return null;
    }
    currencyFormats.set(key, f);
  }
  return f;
}

/**
 * Money with its currency's sign (issue 27): "$24,520", "€1,200.50", "MX$300"; a code without a
 * sign reads "PHP 1,200". The scenario's `currency` (default USD) labels every cost.
 */
export function fmtCurrency(x: number | null | undefined, currency: string, cents = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const f = currencyFormat(currency, cents);
  return f ? f.format(x).replace(/^-/, '−') : `${currency} ${fmtMoney(x, cents)}`;
}

/** Simulation clock → "day 1 · 09:30". */
export function fmtSimClock(t: number): string {
  return `day ${Math.floor(t / DAY) + 1} · ${formatClock(t)}`;
}
