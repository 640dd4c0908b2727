/**
 * `sim sweep <scenario.json> --param <path> --from X --to Y --step Z [--reps N] ...`: one parameter
 * over a range, every point with the same seeds (common random numbers, so the curve is smooth), each
 * point validated with the schema before anything runs. Prints cost and service level (± CI) per
 * point; --json and --csv write them all. With --shard i/n it runs slice i of the points ×
 * replications and writes a shard file for `merge`.
 */
import { parseParam, sweepValues, type Param } from '../optimise/params';
import {
  sweepCsv,
  sweepPoints,
  sweepResult,
  withBreakEven,
  sweepColumns,
  type SweepResult,
} from '../optimise/sweep';
import type { Scenario } from '../sim';
import { shardItems, type ShardSpec } from '../optimise/shard';
import { optionUsage, parseOptions, type OptionSpecs, type ParsedArgs } from './args';
import { formatEstimate, formatNumber, STYLES } from './format';
import { EXIT_OK, type CliIO, type Command } from './io';
import { MAX_DAYS } from './run';
import { runOnThreads } from './run-on-threads';
import { scenarioOrExit } from './scenario-file';
import { writeShardFile } from './shard';
import {
  argsOrExit,
  fileOptionProblems,
  outputProblems,
  parseShardOption,
  parseThreads,
  printAndWriteResult,
  SHARD_OPTION,
  THREADS_OPTION,
  WARM_UP_OPTION,
  usageError,
  parseRunCommon,
} from './shared';
import { renderTable } from './table';

export const MAX_POINTS = 1_000;

export const SWEEP_OPTIONS: OptionSpecs = {
  param: {
    type: 'string',
    value: 'PATH',
    description:
      'the parameter: sites[1].groups[0].agents, routing.voice.split.mnl, share:voice:mnl (%), ' +
      'agents:mnl/voice, contract:mnl:rate, fcr:mnl',
  },
  from: { type: 'string', value: 'X', description: 'first value' },
  to: { type: 'string', value: 'Y', description: 'last value (included when on a step)' },
  step: { type: 'string', value: 'Z', description: 'step between values, > 0' },
  reps: { type: 'string', value: 'N', description: `replications per point (default 5)` },
  seed: {
    type: 'string',
    value: 'S',
    description: 'random seed, any text (default "1"); the same for every point',
  },
  days: { type: 'string', value: 'D', description: `days to simulate, 1 to ${MAX_DAYS}` },
  json: {
    type: 'string',
    value: 'FILE',
    description: 'write every point (or, with --shard, the shard file)',
  },
  csv: { type: 'string', value: 'FILE', description: 'write one row per point as CSV' },
  base: {
    type: 'string',
    value: 'FILE',
    description:
      'a scenario to break even with (e.g. all in-house): its cost, the paired difference per point and the crossing',
  },
  ...WARM_UP_OPTION,
  ...THREADS_OPTION,
  ...SHARD_OPTION,
  quiet: { type: 'boolean', description: 'no progress bar' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export interface SweepArgs {
  scenarioPath: string;
  param: Param;
  from: number;
  to: number;
  step: number;
  reps: number;
  seed: string;
  days?: number;
  /** --warm-up: overrides horizon.warmUpDays */
  warmUpDays?: number;
  json?: string;
  csv?: string;
  /** (v3) --base: the scenario whose total cost the sweep's is compared with */
  basePath?: string;
  threads?: number;
  shard?: ShardSpec;
  quiet: boolean;
}

/** A decimal number as written: 12, -3, 0.25 (no exponents, hex or blanks). */
export function decimal(option: string, text: string, problems: string[]): number | undefined {
  const t = text.trim();
  if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  problems.push(`--${option}: must be a number such as 10 or 0.25 (got "${text}")`);
  return undefined;
}

export function parseSweepArgs(argv: readonly string[]): ParsedArgs<SweepArgs> {
  const { strings, flags, positionals, problems } = parseOptions(argv, SWEEP_OPTIONS);
  if (flags.help) return { kind: 'help' };
  let param: Param | undefined;
  if (strings.param === undefined) problems.push('--param: required (the parameter to vary)');
  else {
    const p = parseParam(strings.param);
    if (p.ok) param = p.param;
    else problems.push(p.problem);
  }
  const num = (name: 'from' | 'to' | 'step') => {
    if (strings[name] === undefined) {
      problems.push(`--${name}: required`);
      return undefined;
    }
    return decimal(name, strings[name]!, problems);
  };
  const from = num('from');
  const to = num('to');
  const step = num('step');
  if (step !== undefined && !(step > 0)) problems.push(`--step: must be > 0 (got "${strings.step}")`);
  if (from !== undefined && to !== undefined && to < from)
    problems.push(`--to: must be ≥ --from (${strings.to} < ${strings.from})`);
  if (from !== undefined && to !== undefined && step !== undefined && step > 0 && to >= from) {
    const n = Math.floor((to - from) / step + 1e-9) + 1;
    if (n > MAX_POINTS)
      problems.push(`--step: ${formatNumber(n, 0)} points; at most ${formatNumber(MAX_POINTS, 0)}`);
  }
  const { reps, days, seed, warmUpDays } = parseRunCommon(strings, problems, { reps: 5 });
  problems.push(...fileOptionProblems(strings, ['json', 'csv']));
  const threads = parseThreads(strings.threads, problems);
  const shard = parseShardOption(strings, problems);
  problems.push(...fileOptionProblems(strings, ['base']));
  if (strings.base !== undefined && shard !== undefined)
    problems.push('--base: not with --shard (run the break-even sweep unsharded)');
  const [scenarioPath, ...extra] = positionals;
  if (scenarioPath === undefined)
    problems.push('missing scenario file: sim sweep <scenario.json> --param PATH ...');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one scenario file per sweep)`);
  if (problems.length > 0) return { kind: 'bad', problems };
  return {
    kind: 'ok',
    args: {
      scenarioPath: scenarioPath!,
      param: param!,
      from: from!,
      to: to!,
      step: step!,
      reps,
      seed,
      days,
      ...(warmUpDays !== undefined ? { warmUpDays } : {}),
      json: strings.json,
      csv: strings.csv,
      ...(strings.base !== undefined ? { basePath: strings.base } : {}),
      threads,
      shard,
      quiet: !!flags.quiet,
    },
  };
}

/** "Break-even: contract:mnl:rate = 14.2 (95 % interval 13.9 to 14.6); below it the sweep costs less than in-house." */
export function breakEvenLine(result: SweepResult): string | null {
  if (!result.base) return null;
  const b = result.base.breakEven;
  const f = (x: number | null, edge: string) => (x === null ? `${edge} the sweep` : formatNumber(x, 2));
  if (b.value === null)
    return `Break-even with ${result.base.scenario}: none between ${result.points[0]?.value} and ${result.points.at(-1)?.value} (the costs do not cross).`;
  return (
    `Break-even with ${result.base.scenario}: ${result.param} = ${formatNumber(b.value, 2)} ` +
    `(95 % interval ${f(b.low, 'below')} to ${f(b.high, 'above')}); ` +
    `${b.cheaperBelow ? 'below' : 'above'} it the sweep costs less than ${result.base.scenario}.`
  );
}

export function renderSweep(result: SweepResult): string {
  const showCi = result.replications >= 2;
  const cols = sweepColumns(result);
  const head =
    `${result.scenario} — sweep of ${result.param} over ${result.points.length} points, seed ` +
    `${JSON.stringify(result.seed)}, ${formatNumber(result.replications, 0)} replication${result.replications === 1 ? '' : 's'} per point ` +
    `(the same seeds at every point)`;
  const table = renderTable({
    title: 'Cost and service by point',
    label: result.param,
    columns: cols.map((c) => c.header),
    rows: result.points.map((p) => ({
      label: String(p.value),
      cells: cols.map((c) => formatEstimate(c.get(p) ?? { mean: null, ci95: null }, STYLES[c.unit], showCi)),
    })),
  });
  const parts = [head];
  if (showCi) parts.push('Figures are mean ± half-width of a 95% confidence interval over replications.');
  parts.push('', table);
  const line = breakEvenLine(result);
  if (line !== null) parts.push('', line);
  return parts.join('\n') + '\n';
}

export function sweepUsage(): string {
  return [
    'Usage: npm run sim -- sweep <scenario.json> --param PATH --from X --to Y --step Z [options]',
    '',
    'Runs the scenario with one parameter set to each value from X to Y in steps of Z, with the same',
    'seeds at every point, and prints cost and service level per point. PATH is a dotted/bracket path',
    'to a number in the scenario — sites[1].groups[0].agents, sites[manila].groups[voice].agents (by id),',
    'channels.voice.volumePerDay, routing.voice.split.mnl — or share:<channel>:<siteId>: that site’s',
    'share of the channel’s split in % (0–100), the rest spread over the other sites in their current',
    'proportions; agents:<siteId>/<groupId>, a group’s agents as the app’s slider sets them (a group',
    'with shifts keeps its pattern, scaled to that peak); contract:<siteId>:rate, a contract site’s',
    'billed rate; fcr:<siteId>, a site’s first-contact resolution (0–1). Every point is checked against',
    'the schema before anything runs. With --base FILE the sweep also prints where its total cost',
    'crosses that of the base scenario (the break-even), with its 95 % interval.',
    '',
    'Options:',
    ...optionUsage(SWEEP_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error, 2 bad arguments, scenario or point (nothing simulated).',
    '',
  ].join('\n');
}

export async function sweepCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = argsOrExit(parseSweepArgs(argv), sweepUsage, io);
  if (typeof args === 'number') return args;
  const scenario = scenarioOrExit(io, args.scenarioPath, args.warmUpDays);
  if (typeof scenario === 'number') return scenario;
  const values = sweepValues(args.from, args.to, args.step);
  const points = sweepPoints(scenario, args.param, values);
  if (!points.ok) return usageError(io, points.problems);
  const outputs = outputProblems(
    [args.scenarioPath],
    [
      ['json', args.json],
      ['csv', args.csv],
    ],
  );
  if (outputs.length > 0) return usageError(io, outputs);

  let base: Scenario | undefined;
  if (args.basePath !== undefined) {
    const b = scenarioOrExit(io, args.basePath, args.warmUpDays);
    if (typeof b === 'number') return b;
    base = b;
  }

  const total = values.length * args.reps;
  const items = args.shard ? shardItems(total, args.shard) : Array.from({ length: total }, (_, i) => i);
  const jobs = items.map((item) => ({
    scenario: points.scenarios[Math.floor(item / args.reps)],
    replication: item % args.reps,
  }));
  // The base runs after the points, with the same seeds: its replication r pairs with each point's r.
  if (base) for (let r = 0; r < args.reps; r++) jobs.push({ scenario: base, replication: r });
  const start = performance.now();
  const all = await runOnThreads(io, 'sweeping', jobs, args);
  const outcomes = base ? all.slice(0, total) : all;
  const wallSeconds = (performance.now() - start) / 1000;
  if (args.shard) {
    writeShardFile(
      io,
      args.json!,
      {
        command: 'sweep',
        scenario,
        seed: args.seed,
        days: args.days ?? null,
        replications: args.reps,
        sweep: { param: args.param.text, values },
        shard: args.shard,
        items,
        outcomes,
        wallSeconds,
      },
      total,
      'item',
    );
    return EXIT_OK;
  }
  const swept = sweepResult(
    scenario,
    args.param.text,
    values,
    points.scenarios,
    args.seed,
    args.reps,
    args.days,
    outcomes,
    wallSeconds,
  );
  const result = base ? withBreakEven(swept, base, all.slice(total), outcomes) : swept;
  printAndWriteResult(io, result, renderSweep, sweepCsv, args);
  return EXIT_OK;
}

export const sweepCommandSpec: Command = {
  name: 'sweep',
  summary: 'vary one parameter over a range',
  usage: sweepUsage,
  run: sweepCommand,
};
