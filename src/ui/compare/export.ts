/**
 * What the compare panel downloads: the comparison as JSON and CSV (the same shapes as the command
 * line's `sim compare --json/--csv`, so a result from the browser and one from the CLI read alike),
 * and a scenario file (a sweep's CSV is src/optimise/sweep.ts's, the same as `sim sweep --csv`).
 *
 * Pure (no DOM): unit-tested in Node. The download itself (Blob + <a download>) is in panel.ts.
 */
import type { Comparison } from '../../optimise/compare';

export { comparisonCsv, COMPARISON_CSV_HEADER, csvField, csvLine } from '../../optimise/csv';
import type { Scenario } from '../../sim';

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
