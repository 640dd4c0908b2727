/**
 * Per-interval CSV (`--csv FILE`): one row per interval × (each channel, then "total").
 * Columns: interval, day, start, channel, then each interval figure's mean — followed by its
 * `<key>_ci95` when there are two or more replications. Undefined figures are empty fields; numbers
 * are written at full precision (this file is for machines; the table is for people).
 * Quoting per RFC 4180; lines end in "\n".
 */
import { csvLine } from '../optimise/csv';
import { INTERVAL_KEYS, type IntervalFigures, type SimulationResult } from '../sim';

export { csvField, csvLine } from '../optimise/csv';

export function intervalCsvHeader(withCi: boolean): string[] {
  const figures = INTERVAL_KEYS.flatMap((k) => (withCi ? [k, `${k}_ci95`] : [k]));
  return ['interval', 'day', 'start', 'channel', ...figures];
}

export function intervalCsv(result: SimulationResult): string {
  const withCi = result.replications >= 2;
  const figures = (f: IntervalFigures) =>
    INTERVAL_KEYS.flatMap((k) => (withCi ? [f[k].mean, f[k].ci95] : [f[k].mean]));
  let out = csvLine(intervalCsvHeader(withCi));
  for (const iv of result.intervals) {
    const rows: [string, IntervalFigures][] = [
      ...Object.entries(iv.channels).map(([k, f]) => [k, f!] as [string, IntervalFigures]),
      ['total', iv.total],
    ];
    for (const [channel, f] of rows) out += csvLine([iv.index, iv.day, iv.start, channel, ...figures(f)]);
  }
  return out;
}
