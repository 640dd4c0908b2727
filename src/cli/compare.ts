/**
 * `sim compare a.json b.json [c.json …] [--reps N] [--seed S] [--base NAME] [--json FILE] [--csv FILE]`:
 * runs every variant with the same seeds (common random numbers) and prints, per variant and per
 * channel, mean ± 95 % CI of the figures in COMPARE_KEYS, then each variant's paired differences
 * against the base (estimated per replication index), marked "*" where the interval excludes zero,
 * and the variants on the cost / service level and cost / ASA Pareto frontiers.
 */
import { basename } from 'node:path';
import {
  channelSetWarning,
  COMPARE_KEYS,
  compareVariants,
  type CompareKey,
  type Comparison,
  type Difference,
  type Scope,
} from '../optimise/compare';
import { restaffProblems, unmetTargets } from '../optimise/equal-service';
import type { Targets } from '../optimise/optimiser';
import { DEFAULTS, type Scenario } from '../sim';
import { renderRestaff, restaffOnThreads, restaffReport, type RestaffReport } from './compare-restaff';
import { optionUsage, parseOptions, type OptionSpecs, type ParsedArgs } from './args';
import { comparisonCsv } from '../optimise/csv';
import { formatEstimate, formatNumber, STYLES, type NumberStyle } from './format';
import { EXIT_ERROR, EXIT_OK, type CliIO, type Command } from './io';
import { parseTargets } from './optimise';
import { MAX_DAYS, MAX_REPS } from './run';
import { runOnThreads } from './run-on-threads';
import { loadScenario } from './scenario-file';
import {
  argsOrExit,
  fileOptionProblems,
  outputProblems,
  parseThreads,
  printAndWriteResult,
  THREADS_OPTION,
  WARM_UP_OPTION,
  applyWarmUp,
  usageError,
  parseRunCommon,
} from './shared';
import { renderTable } from './table';
import { warnIfNotSteady } from './steady-warning';

export const COMPARE_OPTIONS: OptionSpecs = {
  reps: {
    type: 'string',
    value: 'N',
    description: `replications per variant, 2 to ${formatNumber(MAX_REPS, 0)} (default 10)`,
  },
  seed: {
    type: 'string',
    value: 'S',
    description: 'random seed, any text (default "1"); the same for every variant',
  },
  days: {
    type: 'string',
    value: 'D',
    description: `days to simulate, 1 to ${MAX_DAYS} (default: each scenario's horizon)`,
  },
  base: {
    type: 'string',
    value: 'NAME',
    description: 'the variant to compare against: its name or file (default the first)',
  },
  restaff: {
    type: 'string',
    value: 'T',
    description:
      'compare at equal service: first staff each variant with the optimiser to these targets, e.g. "voice:sl=0.8,ab=0.05" (other channels keep their own target)',
  },
  json: { type: 'string', value: 'FILE', description: 'write the comparison as JSON' },
  csv: { type: 'string', value: 'FILE', description: 'write one row per variant, scope and figure as CSV' },
  ...WARM_UP_OPTION,
  ...THREADS_OPTION,
  quiet: { type: 'boolean', description: 'no progress bar' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const COMPARE_COLUMNS: Record<CompareKey, { header: string; style: NumberStyle }> = {
  cost: { header: 'cost', style: STYLES.money },
  costPerResolved: { header: 'cost/resolved', style: STYLES.unitMoney },
  serviceLevel: { header: 'SL %', style: STYLES.percent },
  asa: { header: 'ASA s', style: STYLES.seconds },
  waitP90: { header: 'P90 s', style: STYLES.seconds },
  abandonRate: { header: 'abandon %', style: STYLES.percent },
  resolutionHours: { header: 'resolution h', style: STYLES.hours },
};

export interface CompareArgs {
  files: string[];
  reps: number;
  seed: string;
  days?: number;
  /** --warm-up: overrides horizon.warmUpDays */
  warmUpDays?: number;
  base?: string;
  /** --restaff: compare at equal service, every variant staffed to these targets first */
  restaff?: Targets;
  json?: string;
  csv?: string;
  threads?: number;
  quiet: boolean;
}

export function parseCompareArgs(argv: readonly string[]): ParsedArgs<CompareArgs> {
  const { strings, flags, positionals, problems } = parseOptions(argv, COMPARE_OPTIONS);
  if (flags.help) return { kind: 'help' };
  const { reps, days, seed, warmUpDays } = parseRunCommon(strings, problems, { reps: 10, minReps: 2 });
  if (strings.base !== undefined && strings.base.trim() === '') problems.push('--base: must not be empty');
  const restaff =
    strings.restaff !== undefined ? parseTargets(strings.restaff, problems, '--restaff') : undefined;
  problems.push(...fileOptionProblems(strings, ['json', 'csv']));
  const threads = parseThreads(strings.threads, problems);
  if (positionals.length < 2)
    problems.push(
      `${positionals.length === 0 ? 'missing scenario files' : 'one scenario file is not a comparison'}: ` +
        'sim compare <a.json> <b.json> [more.json …] [options]',
    );
  if (problems.length > 0) return { kind: 'bad', problems };
  return {
    kind: 'ok',
    args: {
      files: positionals,
      reps,
      seed,
      days,
      ...(warmUpDays !== undefined ? { warmUpDays } : {}),
      base: strings.base,
      ...(restaff ? { restaff } : {}),
      json: strings.json,
      csv: strings.csv,
      threads,
      quiet: !!flags.quiet,
    },
  };
}

/** Variant names: the scenario's name, or the file name where two variants share it. */
export function variantNames(files: readonly string[], scenarios: readonly Scenario[]): string[] {
  const count = (names: string[], n: string) => names.filter((m) => m === n).length;
  const byScenario = scenarios.map((s) => s.name);
  const names = byScenario.map((n, i) =>
    count(byScenario, n) > 1 ? basename(files[i]).replace(/\.json$/i, '') : n,
  );
  return names.map((n, i) => (count(names, n) > 1 ? `${n} (${i + 1})` : n));
}

export interface CompareResult extends Comparison {
  format: 1;
  kind: 'compare';
  seed: string;
  days: number | null;
  files: Record<string, string>;
  /** --restaff: the targets and each variant's staffing (absent: staffing as in the files) */
  restaff?: RestaffReport;
}

export function compareUsage(): string {
  return [
    'Usage: npm run sim -- compare <a.json> <b.json> [more.json …] [options]',
    '',
    'Runs every variant with the same seeds (common random numbers: replication r of each variant uses',
    'the same random streams) and prints cost, cost per resolved contact, service level, ASA, P90 wait,',
    'abandon rate and resolution time per variant and channel, then the differences against the base',
    'variant estimated per replication (paired), marked * where the 95% interval excludes zero.',
    "Costs are per simulated day, in the base scenario's currency.",
    '',
    'With staffing as in the files, agents stay paid when work moves away from them, so moving work to a',
    'cheaper site cannot lower cost. --restaff compares at equal service: the optimiser first staffs each',
    'variant to the same targets (as `optimise --targets`), then the staffed variants are compared.',
    '',
    'Options:',
    ...optionUsage(COMPARE_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error or (--restaff) no staffing meets the targets, 2 bad arguments',
    'or scenario (nothing simulated).',
    '',
  ].join('\n');
}

const scopeTitle = (s: Scope) => (s === 'total' ? 'all channels' : s);

/** Column headers with the currency, and "/day" where the cost is per day. */
function columnHeaders(c: Comparison): string[] {
  return COMPARE_KEYS.map((k) =>
    k === 'cost'
      ? `cost ${c.currency}${c.costPerDay ? '/day' : ''}`
      : k === 'costPerResolved'
        ? `${c.currency}/resolved`
        : COMPARE_COLUMNS[k].header,
  );
}

/** The lines under the title: CRN, intervals, what fixed staffing means, differing channels. */
function preamble(c: CompareResult): string[] {
  const lines = [
    'Common random numbers: replication r of every variant uses the same seed. Figures are mean ± half-width',
    'of a 95% confidence interval; differences are estimated per replication (variant − base).',
  ];
  if (c.restaff) lines.push(renderRestaff(c.restaff, c.currency).trimEnd());
  else
    lines.push(
      'Staffing is fixed as in the files: agents stay paid when work moves away, so cost cannot fall by moving',
      'work to a cheaper site here; --restaff "voice:sl=0.8,ab=0.05" compares at equal service.',
    );
  const warning = channelSetWarning(c);
  if (warning) lines.push(`Warning: ${warning}`);
  return lines;
}

function diffText(d: Difference | undefined, style: NumberStyle): { mean: string; ci: string } {
  if (!d || d.mean === null) return { mean: '—', ci: '' };
  const t = formatEstimate(d, style, true);
  const sign = t.mean.startsWith('-') || /^[0.,]+$/.test(t.mean) ? '' : '+';
  return { mean: sign + t.mean, ci: `${t.ci} ${d.significant ? '*' : ' '}` };
}

export function renderComparison(c: CompareResult): string {
  const parts = [
    `compare${c.restaff ? ' at equal service' : ''} — ${c.variants.length} variants, seed ${JSON.stringify(c.seed)}, ${formatNumber(c.replications, 0)} replications each; ` +
      `base: ${c.base}`,
    ...preamble(c),
  ];
  const headers = columnHeaders(c);
  for (const scope of c.scopes) {
    const rows = c.variants.filter((v) => v.figures[scope]);
    parts.push(
      '',
      renderTable({
        title: `Figures — ${scopeTitle(scope)}`,
        label: 'variant',
        columns: headers,
        rows: rows.map((v) => ({
          label: v.isBase ? `${v.name} (base)` : v.name,
          cells: COMPARE_KEYS.map((k) =>
            formatEstimate(v.figures[scope]![k], COMPARE_COLUMNS[k].style, true),
          ),
        })),
      }),
    );
    const diffs = c.variants.filter((v) => v.differences?.[scope]);
    if (diffs.length > 0)
      parts.push(
        '',
        renderTable({
          title: `Difference against ${c.base} — ${scopeTitle(scope)} (* = the 95% interval excludes 0)`,
          label: 'variant',
          columns: headers,
          rows: diffs.map((v) => ({
            label: v.name,
            cells: COMPARE_KEYS.map((k) => diffText(v.differences![scope]![k], COMPARE_COLUMNS[k].style)),
          })),
        }),
      );
  }
  parts.push(
    '',
    `Pareto frontier, cost ↓ and service level ↑ (all channels): ${c.paretoCostServiceLevel.join(', ') || '—'}`,
    `Pareto frontier, cost ↓ and ASA ↓ (all channels): ${c.paretoCostAsa.join(', ') || '—'}`,
  );
  return parts.join('\n') + '\n';
}

export async function compareCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = argsOrExit(parseCompareArgs(argv), compareUsage, io);
  if (typeof args === 'number') return args;
  const problems: string[] = [];
  const scenarios: Scenario[] = [];
  for (const file of args.files) {
    const loaded = loadScenario(file);
    if (loaded.ok) applyWarmUp(loaded.scenario, args.warmUpDays);
    if (loaded.ok) scenarios.push(loaded.scenario);
    else problems.push(...loaded.problems.map((p) => (p.startsWith(file) ? p : `${file}: ${p}`)));
  }
  if (problems.length > 0) return usageError(io, problems);
  const names = variantNames(args.files, scenarios);
  let baseIndex = 0;
  if (args.base !== undefined) {
    baseIndex = names.indexOf(args.base);
    if (baseIndex < 0) baseIndex = args.files.indexOf(args.base);
    if (baseIndex < 0) problems.push(`--base: "${args.base}" is none of the variants (${names.join(', ')})`);
  }
  problems.push(
    ...outputProblems(args.files, [
      ['json', args.json],
      ['csv', args.csv],
    ]),
  );
  if (args.restaff) problems.push(...restaffProblems('--restaff', scenarios, args.restaff));
  if (problems.length > 0) return usageError(io, problems);

  let staffed = scenarios;
  let restaff: RestaffReport | undefined;
  if (args.restaff) {
    const variants = names.map((name, i) => ({ name, scenario: scenarios[i] }));
    const restaffed = await restaffOnThreads(io, variants, { ...args, targets: args.restaff });
    const unmet = unmetTargets(restaffed);
    if (unmet.length > 0) {
      io.stderr(unmet.map((u) => `error: ${u}; nothing compared\n`).join(''));
      return EXIT_ERROR;
    }
    staffed = restaffed.map((r) => r.outcome.scenario);
    restaff = restaffReport(args.restaff, restaffed);
  }
  const comparison = await compareOnThreads(io, names, staffed, baseIndex, args);
  for (const v of comparison.variants) if (v.steadyState) warnIfNotSteady(io, v.steadyState, v.name);
  const result: CompareResult = {
    format: 1,
    kind: 'compare',
    seed: args.seed,
    days: args.days ?? null,
    files: Object.fromEntries(names.map((n, i) => [n, args.files[i]])),
    ...comparison,
    ...(restaff ? { restaff } : {}),
  };
  printAndWriteResult(io, result, renderComparison, comparisonCsv, args);
  return EXIT_OK;
}

/** Every variant's replications with the same seeds (common random numbers), compared per day. */
async function compareOnThreads(
  io: CliIO,
  names: readonly string[],
  scenarios: readonly Scenario[],
  baseIndex: number,
  args: CompareArgs,
): Promise<Comparison> {
  const jobs = scenarios.flatMap((scenario) =>
    Array.from({ length: args.reps }, (_, replication) => ({ scenario, replication })),
  );
  const outcomes = await runOnThreads(io, 'comparing', jobs, args);
  return compareVariants(
    names.map((name, i) => ({
      name,
      outcomes: outcomes.slice(i * args.reps, (i + 1) * args.reps),
      scenario: scenarios[i],
      days: args.days ?? scenarios[i].horizon?.days ?? DEFAULTS.horizon.days,
    })),
    baseIndex,
  );
}

export const compareCommandSpec: Command = {
  name: 'compare',
  summary: 'run variants with common random numbers and compare them',
  usage: compareUsage,
  run: compareCommand,
};

export { comparisonCsv };
