/**
 * CSV for machines (RFC 4180 quoting, "\n" line ends, numbers at full precision, empty fields for
 * undefined figures), shared by the command line and the app's downloads.
 */
import { COMPARE_KEYS, type Comparison } from './compare';

type Cell = string | number | boolean | null | undefined;

/** One CSV field: quoted when it holds a comma, a quote, or a line break; quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly Cell[]): string {
  return values.map(csvField).join(',') + '\n';
}

export const COMPARISON_CSV_HEADER = [
  'variant',
  'scope',
  'figure',
  'mean',
  'ci95',
  'difference',
  'difference_ci95',
  'significant',
] as const;

/** One row per variant × scope × figure; the difference columns are empty for the base variant. */
export function comparisonCsv(c: Comparison): string {
  let out = csvLine(COMPARISON_CSV_HEADER);
  for (const v of c.variants)
    for (const scope of c.scopes) {
      const f = v.figures[scope];
      if (!f) continue;
      for (const k of COMPARE_KEYS) {
        const e = f[k];
        const d = v.differences?.[scope]?.[k];
        out += csvLine([
          v.name,
          scope,
          k,
          e.mean,
          e.ci95,
          d ? d.mean : null,
          d ? d.ci95 : null,
          d ? (d.significant ? 'yes' : 'no') : null,
        ]);
      }
    }
  return out;
}
