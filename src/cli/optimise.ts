/**
 * `sim optimise <scenario.json> [--targets voice:sl=0.8,ab=0.05;chat:sl=0.8] [--reps N] [--out FILE]`:
 * the cheapest agent counts per site and group (per shift where a group has shifts) meeting the
 * targets, judged by simulation — the algorithm is src/optimise/optimiser.ts. The routing split is kept
 * fixed. Prints the staffing before and after, the targets with their intervals, and writes the
 * optimised scenario (--out) and a report (--json).
 */
import {
  optimiseStaffing,
  type ChannelTarget,
  type Evaluation,
  type OptimiseOutcome,
  type Targets,
} from '../optimise/optimiser';
import {
  aggregateReplications,
  CHANNEL_KINDS,
  type ChannelKind,
  type Scenario,
  type SimulationResult,
} from '../sim';
import { optionUsage, parseOptions, wholeNumber, type OptionSpecs, type ParsedArgs } from './args';
import { formatEstimate, formatNumber, STYLES } from './format';
import { EXIT_ERROR, EXIT_OK, type CliIO, type Command } from './io';
import { withRunner, type ReplicationRunner } from '../node/pool';
import { MAX_DAYS, MAX_REPS } from './run';
import { scenarioOrExit } from './scenario-file';
import {
  argsOrExit,
  contactsPerReplication,
  fileOptionProblems,
  jsonText,
  outputProblems,
  parseThreads,
  resolveThreads,
  THREADS_OPTION,
  WARM_UP_OPTION,
  usageError,
  writeOutput,
  parseRunCommon,
} from './shared';
import { renderTable } from './table';

export const MAX_EVALUATIONS = 10_000;

export const OPTIMISE_OPTIONS: OptionSpecs = {
  targets: {
    type: 'string',
    value: 'T',
    description:
      'per channel, e.g. "voice:sl=0.8,ab=0.05;chat:sl=0.8" (default: every channel, SL ≥ its target)',
  },
  reps: {
    type: 'string',
    value: 'N',
    description: `replications per evaluation, 2 to ${formatNumber(MAX_REPS, 0)} (default 10)`,
  },
  seed: {
    type: 'string',
    value: 'S',
    description: 'random seed, any text (default "1"); the same for every evaluation',
  },
  days: { type: 'string', value: 'D', description: `days to simulate, 1 to ${MAX_DAYS}` },
  'max-evals': { type: 'string', value: 'N', description: 'staffings to simulate at most (default 200)' },
  start: {
    type: 'string',
    value: 'FROM',
    description: '"erlang" (default): the Erlang estimate; "current": the file\'s counts',
  },
  out: { type: 'string', value: 'FILE', description: 'write the optimised scenario' },
  json: {
    type: 'string',
    value: 'FILE',
    description: 'write the report (targets, staffing, result) as JSON',
  },
  ...WARM_UP_OPTION,
  ...THREADS_OPTION,
  quiet: { type: 'boolean', description: 'no progress line' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export interface OptimiseArgs {
  scenarioPath: string;
  targets?: Targets;
  reps: number;
  seed: string;
  days?: number;
  /** --warm-up: overrides horizon.warmUpDays */
  warmUpDays?: number;
  maxEvaluations: number;
  start: 'erlang' | 'current';
  out?: string;
  json?: string;
  threads?: number;
  quiet: boolean;
}

/** "voice:sl=0.8,ab=0.05;chat:sl=80%" → targets, or problems. */
export function parseTargets(text: string, problems: string[], flag = '--targets'): Targets | undefined {
  const targets: Targets = {};
  const before = problems.length;
  const bad = (why: string) => problems.push(`${flag}: ${why} (got "${text}")`);
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) bad('give at least one channel, e.g. voice:sl=0.8');
  for (const part of parts) {
    const colon = part.indexOf(':');
    const channel = (colon < 0 ? part : part.slice(0, colon)).trim();
    if (!(CHANNEL_KINDS as readonly string[]).includes(channel)) {
      bad(`"${channel}" is not a channel (${CHANNEL_KINDS.join(', ')})`);
      continue;
    }
    const kind = channel as ChannelKind;
    if (targets[kind]) {
      bad(`${kind} is given twice`);
      continue;
    }
    const t: ChannelTarget = {};
    const body = colon < 0 ? '' : part.slice(colon + 1);
    for (const pair of body
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const m = /^(sl|ab|serviceLevel|abandonRate)\s*=\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)$/.exec(pair);
      if (!m) {
        bad(`"${pair}" should be sl=<0–1> or ab=<0–1> (or a percentage, sl=80%)`);
        continue;
      }
      const value = Number(m[2]) / (m[3] === '%' ? 100 : 1);
      if (!(value >= 0 && value <= 1)) {
        bad(`${kind} ${m[1]}=${m[2]}${m[3]} is not a share from 0 to 1`);
        continue;
      }
      if (m[1] === 'sl' || m[1] === 'serviceLevel') t.serviceLevel = value;
      else t.abandonRate = value;
    }
    targets[kind] = t;
  }
  return problems.length > before ? undefined : targets;
}

export function parseOptimiseArgs(argv: readonly string[]): ParsedArgs<OptimiseArgs> {
  const { strings, flags, positionals, problems } = parseOptions(argv, OPTIMISE_OPTIONS);
  if (flags.help) return { kind: 'help' };
  const targets = strings.targets !== undefined ? parseTargets(strings.targets, problems) : undefined;
  const { reps, days, seed, warmUpDays } = parseRunCommon(strings, problems, { reps: 10, minReps: 2 });
  let maxEvaluations = 200;
  if (strings['max-evals'] !== undefined) {
    const m = wholeNumber('max-evals', strings['max-evals'], 1, MAX_EVALUATIONS);
    if (m.ok) maxEvaluations = m.value;
    else problems.push(m.problem);
  }
  const start = strings.start ?? 'erlang';
  if (start !== 'erlang' && start !== 'current')
    problems.push(`--start: must be "erlang" or "current" (got "${strings.start}")`);
  problems.push(...fileOptionProblems(strings, ['out', 'json']));
  const threads = parseThreads(strings.threads, problems);
  const [scenarioPath, ...extra] = positionals;
  if (scenarioPath === undefined)
    problems.push('missing scenario file: sim optimise <scenario.json> [options]');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one scenario file)`);
  if (problems.length > 0) return { kind: 'bad', problems };
  return {
    kind: 'ok',
    args: {
      scenarioPath: scenarioPath!,
      targets,
      reps,
      seed,
      days,
      ...(warmUpDays !== undefined ? { warmUpDays } : {}),
      maxEvaluations,
      start: start as 'erlang' | 'current',
      out: strings.out,
      json: strings.json,
      threads,
      quiet: !!flags.quiet,
    },
  };
}

/** The evaluation the command line uses: `reps` replications on the runner, aggregated. */
export function runnerEvaluate(runner: ReplicationRunner, seed: string, reps: number, days?: number) {
  return async (scenario: Scenario): Promise<SimulationResult> => {
    const start = performance.now();
    const outcomes = await runner.run(
      Array.from({ length: reps }, (_, replication) => ({ scenario, replication })),
      { seed, days },
    );
    return aggregateReplications(scenario, seed, outcomes, (performance.now() - start) / 1000, days);
  };
}

function describeTargets(targets: Targets): string {
  return (Object.entries(targets) as [ChannelKind, ChannelTarget][])
    .map(([k, t]) => {
      const parts: string[] = [];
      if (t.serviceLevel !== undefined) parts.push(`SL ≥ ${formatNumber(t.serviceLevel * 100, 1)} %`);
      if (t.abandonRate !== undefined) parts.push(`abandon ≤ ${formatNumber(t.abandonRate * 100, 1)} %`);
      return `${k} ${parts.join(', ')}`;
    })
    .join('; ');
}

export function renderOptimisation(
  o: OptimiseOutcome,
  scenarioName: string,
  seed: string,
  reps: number,
): string {
  const money = (v: number) => formatNumber(v, 0);
  const e: Evaluation = o.best;
  const status = {
    optimal:
      'a local optimum: no single removal (of 1 to the step size) or one-for-one exchange into a cheaper group keeps the targets',
    budget: `stopped at the evaluation limit; the cheapest staffing found that meets the targets`,
    infeasible: 'no staffing found that meets the targets; shown: the last one tried',
  }[o.status];
  const parts = [
    `optimise ${scenarioName} — seed ${JSON.stringify(seed)}, ${reps} replications per evaluation, ${o.evaluations} evaluations`,
    `Targets: ${describeTargets(o.targets)} — judged on the 95% interval (lower end of SL, upper end of abandon rate).`,
    'Agent counts only; the routing split, hours and shift times are kept as they are.',
    `Result: ${status}.`,
    '',
    renderTable({
      title: 'Staffing (agents logged in; per shift where a group has shifts)',
      label: 'site/group',
      columns: ['cost/agent/day', 'start (Erlang)', 'result', 'change'],
      rows: o.variables.map((v, i) => ({
        label: v.label,
        cells: [
          { mean: money(v.unitCost), ci: '' },
          { mean: String(o.start.counts[i]), ci: '' },
          { mean: String(e.counts[i]), ci: '' },
          {
            mean:
              e.counts[i] === o.start.counts[i]
                ? '0'
                : `${e.counts[i] > o.start.counts[i] ? '+' : ''}${e.counts[i] - o.start.counts[i]}`,
            ci: '',
          },
        ],
      })),
    }),
    '',
    renderTable({
      title: 'Targets at the result',
      label: 'channel',
      columns: ['figure', 'target %', 'simulated %', 'judged %', 'met'],
      rows: e.checks.map((c) => ({
        label: c.channel,
        cells: [
          { mean: c.figure === 'serviceLevel' ? 'SL ≥' : 'abandon ≤', ci: '' },
          { mean: formatNumber(c.target * 100, 1), ci: '' },
          formatEstimate({ mean: c.mean, ci95: c.ci95 }, STYLES.percent, true),
          { mean: c.bound === null ? '—' : formatNumber(c.bound * 100, 1), ci: '' },
          { mean: c.ok ? 'yes' : 'NO', ci: '' },
        ],
      })),
    }),
    '',
    `Staffing cost per simulated day: ${money(o.start.staffingCost)} at the start, ${money(e.staffingCost)} at the result.`,
  ];
  const total = e.result.total.cost;
  const t = formatEstimate(total, STYLES.money, true);
  parts.push(
    `Simulated total cost over the run, the objective (labour with premiums, invoices less SLA credits, telecom, fees): ${t.mean} ± ${t.ci}.`,
  );
  if (o.status === 'optimal') {
    const failing = o.removals.filter((r) => r.evaluated && r.feasible === false).length;
    parts.push(
      `One agent fewer in any of the ${o.removals.length} staffed groups was simulated and fails a target (${failing} of ${o.removals.length}).`,
    );
  }
  return parts.join('\n') + '\n';
}

export function optimiseUsage(): string {
  return [
    'Usage: npm run sim -- optimise <scenario.json> [options]',
    '',
    'Finds the cheapest agent counts per site and group (per shift for groups with shifts) meeting',
    'per-channel targets: starts from the Erlang estimate, adds agents where a target fails (to the group',
    'that helps most per cost), then removes agents from the most expensive groups while the targets',
    'hold, halving the step to 1, and tries one-for-one exchanges into cheaper groups. A target holds',
    'when the 95% interval clears it. The routing split is kept fixed.',
    '',
    'Options:',
    ...optionUsage(OPTIMISE_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error or no staffing meets the targets, 2 bad arguments or scenario.',
    '',
  ].join('\n');
}

export async function optimiseCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = argsOrExit(parseOptimiseArgs(argv), optimiseUsage, io);
  if (typeof args === 'number') return args;
  const scenario = scenarioOrExit(io, args.scenarioPath, args.warmUpDays);
  if (typeof scenario === 'number') return scenario;
  const problems: string[] = [];
  for (const k of Object.keys(args.targets ?? {}))
    if (!scenario.channels[k as ChannelKind]) problems.push(`--targets: the scenario has no channel "${k}"`);
  problems.push(
    ...outputProblems(
      [args.scenarioPath],
      [
        ['out', args.out],
        ['json', args.json],
      ],
    ),
  );
  if (problems.length > 0) return usageError(io, problems);

  const live = io.stderrIsTTY && !args.quiet;
  // the pool lives for the whole search: count the work of a typical one (≈ 50 evaluations)
  const work = args.reps * contactsPerReplication(scenario, args.days) * Math.min(args.maxEvaluations, 50);
  const outcome = await withRunner(Math.min(resolveThreads(args.threads, work), args.reps), (runner) =>
    optimiseStaffing(scenario, runnerEvaluate(runner, args.seed, args.reps, args.days), {
      targets: args.targets,
      maxEvaluations: args.maxEvaluations,
      start: args.start,
      onEvaluation: live
        ? (e, move, n) =>
            io.stderr(
              `\r\x1b[2Kevaluation ${n}/${args.maxEvaluations}: ${move} — ${e.feasible ? 'meets' : 'misses'} the targets, ` +
                `staffing ${formatNumber(e.staffingCost, 0)}/day`,
            )
        : undefined,
    }),
  );
  if (live) io.stderr('\r\x1b[2K');
  io.stdout(renderOptimisation(outcome, scenario.name, args.seed, args.reps));
  if (outcome.status === 'infeasible') {
    io.stderr(
      `error: no staffing meets the targets within ${args.maxEvaluations} evaluations; nothing written\n`,
    );
    return EXIT_ERROR;
  }
  if (args.out !== undefined) writeOutput(args.out, jsonText(outcome.scenario));
  if (args.json !== undefined)
    writeOutput(
      args.json,
      jsonText({
        format: 1,
        kind: 'optimise',
        scenario: scenario.name,
        seed: args.seed,
        replications: args.reps,
        status: outcome.status,
        evaluations: outcome.evaluations,
        targets: outcome.targets,
        staffing: outcome.variables.map((v, i) => ({
          label: v.label,
          unitCost: v.unitCost,
          start: outcome.start.counts[i],
          result: outcome.best.counts[i],
        })),
        staffingCost: { start: outcome.start.staffingCost, result: outcome.best.staffingCost },
        // the objective: the result's simulated total cost (credits and premiums included)
        totalCost: outcome.best.totalCost,
        checks: outcome.best.checks,
        removals: outcome.removals,
        moves: outcome.moves,
        result: outcome.best.result,
      }),
    );
  return EXIT_OK;
}

export const optimiseCommandSpec: Command = {
  name: 'optimise',
  summary: 'find the cheapest staffing meeting service targets',
  usage: optimiseUsage,
  run: optimiseCommand,
};

/** The American spelling, as an alias. */
export const optimizeCommandSpec: Command = {
  ...optimiseCommandSpec,
  name: 'optimize',
  summary: 'same as optimise',
  aliasOf: 'optimise',
};
