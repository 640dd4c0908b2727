/**
 * What the compare panel downloads: the comparison as JSON and CSV (the same shapes as the command
 * line's `sim compare --json/--csv`, so a result from the browser and one from the CLI read alike),
 * a sweep as CSV, and a scenario file.
 *
 * Pure (no DOM): unit-tested in Node. The download itself (Blob + <a download>) is in panel.ts.
 */
import type { Comparison } from '../../optimise/compare';
import { csvLine } from '../../optimise/csv';

export { comparisonCsv, COMPARISON_CSV_HEADER, csvField, csvLine } from '../../optimise/csv';
import { CHANNEL_KINDS, type ChannelKind, type Estimate, type Outcomes, type Scenario } from '../../sim';

export interface ComparisonExport extends Comparison {
  format: 1;
  kind: 'compare';
  seed: string;
  days: number | null;
  /** where it was made; the CLI writes `files` instead */
  source: 'browser';
}

export function comparisonExport(c: Comparison, seed: string): ComparisonExport {
  return { format: 1, kind: 'compare', seed, days: null, source: 'browser', ...c };
}

export function comparisonJson(c: ComparisonExport): string {
  return JSON.stringify(c, null, 2) + '\n';
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; null = empty. */
export interface SweepPoint {
  value: number;
  channels: Partial<Record<ChannelKind, Outcomes>>;
  total: Outcomes;
}

/** One row per point: total cost and cost per resolved, then each channel's SL, ASA and abandon rate. */
export function sweepCsv(param: string, points: readonly SweepPoint[]): string {
  const kinds = CHANNEL_KINDS.filter((k) => points.some((p) => p.channels[k]));
  const cols: [string, (p: SweepPoint) => Estimate | undefined][] = [
    ['cost', (p) => p.total.cost],
    ['costPerResolved', (p) => p.total.costPerResolved],
    ...kinds.flatMap((k) =>
      (['serviceLevel', 'asa', 'abandonRate'] as const).map(
        (f) =>
          [`${k}.${f}`, (p: SweepPoint) => p.channels[k]?.[f]] as [
            string,
            (p: SweepPoint) => Estimate | undefined,
          ],
      ),
    ),
  ];
  let out = csvLine(['param', 'value', ...cols.flatMap(([h]) => [h, `${h}_ci95`])]);
  for (const p of points)
    out += csvLine([
      param,
      p.value,
      ...cols.flatMap(([, get]) => {
        const e = get(p);
        return [e?.mean ?? null, e?.ci95 ?? null];
      }),
    ]);
  return out;
}

/** A scenario file: pretty JSON pointing at the schema next to it, like the bundled ones. */
export function scenarioFileText(scenario: Scenario): string {
  const { $schema: _drop, ...rest } = scenario;
  return JSON.stringify({ $schema: './scenario.schema.json', ...rest }, null, 2) + '\n';
}

/** A file name from any text: letters, digits, dot, dash and underscore; never empty. */
export function safeFileName(text: string, ext: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'shoreline'}.${ext}`;
}
