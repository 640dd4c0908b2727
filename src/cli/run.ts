/**
 * `sim [run] <scenario.json> [--reps N] [--seed S] [--days D] [--json FILE] [--csv FILE]
 * [--contact-log FILE] [--quiet]`:
 * validate the arguments and the scenario (exit 2 with one line per problem, nothing simulated),
 * simulate, print the table, write the files.
 */
import { shardItems, type ShardSpec } from '../optimise/shard';
import {
  runReplication as engineReplication,
  type ReplicationOutcome,
  type Scenario,
  type SimulationOptions,
  type SimulationResult,
} from '../sim';
import { optionUsage, parseOptions, type OptionSpecs, type ParsedArgs } from './args';
import { formatNumber } from './format';
import { EXIT_OK, type CliIO, type Command } from './io';
import { withRunner } from '../node/pool';
import { ProgressBar } from './progress';
import { writeShardFile } from './shard';
import { scenarioOrExit } from './scenario-file';
import {
  argsOrExit,
  contactsPerReplication,
  fileOptionProblems,
  MAX_DAYS,
  MAX_REPS,
  outputProblems,
  parseRunCommon,
  parseShardOption,
  parseThreads,
  resolveThreads,
  SHARD_OPTION,
  THREADS_OPTION,
  usageError,
  WARM_UP_OPTION,
} from './shared';
import { renderReport } from './report';
import { streamedResult, writeResultFiles, type StreamedResult } from './stream';
import { warnIfNotSteady } from './steady-warning';
import { ContactLog } from '../sim/contact-log';
import { writeContactLogFile } from './contact-log';

export const RUN_OPTIONS: OptionSpecs = {
  reps: {
    type: 'string',
    value: 'N',
    description: `replications, 1 to ${formatNumber(MAX_REPS, 0)} (default 1)`,
  },
  seed: { type: 'string', value: 'S', description: 'random seed, any text (default "1")' },
  days: {
    type: 'string',
    value: 'D',
    description: `days to simulate, 1 to ${MAX_DAYS} (default: the scenario's horizon.days)`,
  },
  json: { type: 'string', value: 'FILE', description: 'write the full result (SPEC §7) as JSON' },
  csv: { type: 'string', value: 'FILE', description: 'write per-interval figures as CSV' },
  'contact-log': {
    type: 'string',
    value: 'FILE',
    description: "write the first replication's contacts as a call log (sim calibrate's generic CSV)",
  },
  ...WARM_UP_OPTION,
  ...THREADS_OPTION,
  ...SHARD_OPTION,
  quiet: { type: 'boolean', description: 'no progress bar' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export interface RunArgs {
  scenarioPath: string;
  reps: number;
  seed: string;
  days?: number;
  /** --warm-up: overrides horizon.warmUpDays */
  warmUpDays?: number;
  json?: string;
  csv?: string;
  /** --contact-log: the first replication's contacts as a generic call log */
  contactLog?: string;
  quiet: boolean;
  /** worker threads; undefined = available cores */
  threads?: number;
  /** run one slice of the replications and write a shard file */
  shard?: ShardSpec;
}

export type ParsedRunArgs = ParsedArgs<RunArgs>;

/** Pure: argv → arguments or every problem with them. Does not touch the file system. */
export function parseRunArgs(argv: readonly string[]): ParsedRunArgs {
  const { strings, flags, positionals, problems } = parseOptions(argv, RUN_OPTIONS);
  if (flags.help) return { kind: 'help' };

  const { reps, days, seed, warmUpDays } = parseRunCommon(strings, problems, { reps: 1 });
  problems.push(...fileOptionProblems(strings, ['json', 'csv', 'contact-log']));

  const threads = parseThreads(strings.threads, problems);
  const shard = parseShardOption(strings, problems);
  if (shard !== undefined && strings['contact-log'] !== undefined)
    problems.push('--contact-log: not with --shard (write it from a run of the whole)');

  const [scenarioPath, ...extra] = positionals;
  if (scenarioPath === undefined) problems.push('missing scenario file: sim <scenario.json> [options]');
  else if (scenarioPath.trim() === '') problems.push('scenario file name is empty');
  for (const arg of extra) problems.push(`${arg}: unexpected argument (one scenario file per run)`);

  if (problems.length > 0) return { kind: 'bad', problems };
  return {
    kind: 'ok',
    args: {
      scenarioPath: scenarioPath!,
      reps,
      seed,
      days,
      ...(warmUpDays !== undefined ? { warmUpDays } : {}),
      json: strings.json,
      csv: strings.csv,
      ...(strings['contact-log'] !== undefined ? { contactLog: strings['contact-log'] } : {}),
      quiet: !!flags.quiet,
      ...(threads !== undefined ? { threads } : {}),
      ...(shard !== undefined ? { shard } : {}),
    },
  };
}

/** Output files are checked before simulating, so a typo does not cost a long run. */
function runOutputProblems(args: RunArgs): string[] {
  return outputProblems(
    [args.scenarioPath],
    [
      ['json', args.json],
      ['csv', args.csv],
      ['contact-log', args.contactLog],
    ],
    'the scenario file',
  );
}

/**
 * The result file: exactly the SimulationResult, 2-space JSON, trailing newline. The commands write it
 * as a stream (src/cli/stream.ts); this is the reference the stream is tested against.
 */
export function resultJson(result: SimulationResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

export interface RunDeps {
  /** one replication in this thread (the engine's runReplication); tests count the calls */
  runReplication: (
    scenario: Scenario,
    options: SimulationOptions & { replication: number },
  ) => ReplicationOutcome;
  now: () => number;
}

const DEFAULT_DEPS: RunDeps = { runReplication: engineReplication, now: () => performance.now() };

export function runUsage(): string {
  return [
    'Usage: npm run sim -- <scenario.json> [options]',
    '',
    'Simulates a scenario and prints its outcomes by channel and by site.',
    '',
    'Options:',
    ...optionUsage(RUN_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error, 2 bad arguments or scenario (nothing simulated).',
    '',
  ].join('\n');
}

/** Runs the command; errors other than bad input are thrown and reported by the caller (exit 1). */
export async function runCommand(
  argv: readonly string[],
  io: CliIO,
  deps: Partial<RunDeps> = {},
  usage: () => string = runUsage,
): Promise<number> {
  const { runReplication, now } = { ...DEFAULT_DEPS, ...deps };
  const args = argsOrExit(parseRunArgs(argv), usage, io);
  if (typeof args === 'number') return args;
  const scenario = scenarioOrExit(io, args.scenarioPath, args.warmUpDays);
  if (typeof scenario === 'number') return scenario;
  const outputs = runOutputProblems(args);
  if (outputs.length > 0) return usageError(io, outputs);

  const bar = io.stderrIsTTY && !args.quiet ? new ProgressBar((t) => io.stderr(t), 'simulating', now) : null;
  const indexes = args.shard
    ? shardItems(args.reps, args.shard)
    : Array.from({ length: args.reps }, (_, i) => i);
  const threads = resolveThreads(args.threads, indexes.length * contactsPerReplication(scenario, args.days));
  bar?.update(0, indexes.length);
  let streamed: StreamedResult;
  // recorded during the first replication when it runs in this thread
  let contactLog: ContactLog | null = null;
  try {
    if (args.shard || (threads > 1 && args.reps > 1)) {
      // replications on worker threads (or one shard of them): identical outcomes, index by index
      const start = now();
      let done = 0;
      const outcomes = await withRunner(Math.min(threads, Math.max(1, indexes.length)), (runner) =>
        runner.run(
          indexes.map((replication) => ({ scenario, replication })),
          { seed: args.seed, days: args.days },
          bar ? () => bar.update(++done, indexes.length) : undefined,
        ),
      );
      const wallSeconds = (now() - start) / 1000;
      if (args.shard) {
        writeShardFile(
          io,
          args.json!,
          {
            command: 'run',
            scenario,
            seed: args.seed,
            days: args.days ?? null,
            replications: args.reps,
            sweep: null,
            shard: args.shard,
            items: indexes,
            outcomes,
            wallSeconds,
          },
          args.reps,
          'replication',
        );
        return EXIT_OK;
      }
      streamed = streamedResult(scenario, args.seed, outcomes, wallSeconds, args.days);
    } else {
      // in this thread, one replication after another (as the engine's simulate runs them)
      const start = now();
      const outcomes: ReplicationOutcome[] = [];
      for (const replication of indexes) {
        const log = args.contactLog !== undefined && outcomes.length === 0 ? new ContactLog() : null;
        if (log) contactLog = log;
        outcomes.push(
          runReplication(scenario, {
            seed: args.seed,
            days: args.days,
            replication,
            ...(log ? { contactLog: log } : {}),
          }),
        );
        bar?.update(outcomes.length, indexes.length);
      }
      const wallSeconds = (now() - start) / 1000;
      streamed = streamedResult(scenario, args.seed, outcomes, wallSeconds, args.days);
    }
  } finally {
    bar?.finish();
  }
  const result = streamed.result;
  if (bar) {
    const p = result.performance;
    io.stderr(
      `simulated ${formatNumber(p.events, 0)} events in ${formatNumber(p.wallSeconds, 2)} s ` +
        `(${formatNumber(p.eventsPerSecond, 0)} events/s)\n`,
    );
  }

  warnIfNotSteady(io, result.steadyState);
  io.stdout(renderReport(result, scenario));
  writeResultFiles(streamed, args.json, args.csv);
  if (args.contactLog !== undefined)
    writeContactLogFile(
      args.contactLog,
      { scenario, seed: args.seed, days: args.days, replication: indexes[0] },
      contactLog,
    );
  return EXIT_OK;
}

export const runCommandSpec: Command = {
  name: 'run',
  summary: 'simulate a scenario (the default command)',
  usage: runUsage,
  run: (argv, io) => runCommand(argv, io),
};

export { MAX_DAYS, MAX_REPS };
export { loadScenario } from './scenario-file';
