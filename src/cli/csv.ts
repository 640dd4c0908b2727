/**
 * Per-interval CSV (`--csv FILE`): one row per interval × (each channel, then "total").
 * Columns: interval, day, start, channel, then each interval figure's mean — followed by its
 * `<key>_ci95` when there are two or more replications. (v3) When a channel has customer classes, then
 * per class name (of every channel with classes, in the file's order, a name shared by two channels
 * once) `class_<name>_<key>` for each class figure (offered, handled, abandoned, serviceLevel, asa,
 * abandonRate; with `_ci95` as above): filled on the row of the channel that has that class, empty on
 * the others and on "total". Without classes the columns are v2's. Undefined figures are empty fields;
 * numbers are written at full precision (this file is for machines; the table is for people).
 * Quoting per RFC 4180; lines end in "\n".
 */
import { csvLine } from '../optimise/csv';
import {
  CLASS_KEYS,
  INTERVAL_KEYS,
  type ChannelKind,
  type Estimate,
  type IntervalFigures,
  type IntervalOutcome,
  type SimulationResult,
} from '../sim';

export { csvField, csvLine } from '../optimise/csv';

export function intervalCsvHeader(withCi: boolean, classNames: readonly string[] = []): string[] {
  const figures = INTERVAL_KEYS.flatMap((k) => (withCi ? [k, `${k}_ci95`] : [k]));
  const classes = classNames.flatMap((n) =>
    CLASS_KEYS.flatMap((k) => (withCi ? [`class_${n}_${k}`, `class_${n}_${k}_ci95`] : [`class_${n}_${k}`])),
  );
  return ['interval', 'day', 'start', 'channel', ...figures, ...classes];
}

/** (v3) The class names of the result's channels with classes, each once, in channel then file order. */
export function classColumnNames(result: Pick<SimulationResult, 'channels'>): string[] {
  const names = Object.values(result.channels).flatMap((o) => Object.keys(o?.classes ?? {}));
  return [...new Set(names)];
}

/** One interval's rows (each channel, then total), each line ending in "\n". */
export function intervalCsvRows(iv: IntervalOutcome, withCi: boolean, classNames: readonly string[]): string {
  const pair = (e: Estimate) => (withCi ? [e.mean, e.ci95] : [e.mean]);
  const figures = (f: IntervalFigures) => INTERVAL_KEYS.flatMap((k) => pair(f[k]));
  const blank: (number | null)[] = CLASS_KEYS.flatMap(() => (withCi ? [null, null] : [null]));
  const classes = (kind: ChannelKind | null): (number | null)[] =>
    classNames.flatMap((n) => {
      const f = kind === null ? undefined : iv.classes?.[kind]?.[n];
      return f ? CLASS_KEYS.flatMap((k) => pair(f[k])) : blank;
    });
  let rows = '';
  for (const [channel, f] of Object.entries(iv.channels))
    rows += csvLine([
      iv.index,
      iv.day,
      iv.start,
      channel,
      ...figures(f!),
      ...classes(channel as ChannelKind),
    ]);
  return rows + csvLine([iv.index, iv.day, iv.start, 'total', ...figures(iv.total), ...classes(null)]);
}

export function intervalCsv(result: SimulationResult): string {
  const withCi = result.replications >= 2;
  const classNames = classColumnNames(result);
  let out = csvLine(intervalCsvHeader(withCi, classNames));
  for (const iv of result.intervals) out += intervalCsvRows(iv, withCi, classNames);
  return out;
}
