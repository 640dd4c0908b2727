/**
 * Pieces shared by the commands beyond `run`: the --threads and --shard options, output-file checks,
 * writing files, reporting bad input.
 */
import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultThreads } from '../node/parallel';
import { parseShard, type ShardSpec } from '../optimise/shard';
import { LIMITS, type Scenario } from '../sim';
import { compileModel } from '../sim/model';
import { wholeNumber, type OptionSpecs, type ParsedArgs } from './args';
import { describeFsError, EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { ProgressBar } from './progress';

export const MAX_THREADS = 256;
export const MAX_REPS = 10_000;
export const MAX_DAYS = 366;

/**
 * The --reps, --days and --seed options every simulating command takes, checked the same way
 * everywhere; problems are added to `problems`.
 */
export function parseRunCommon(
  strings: { reps?: string; days?: string; seed?: string; 'warm-up'?: string },
  problems: string[],
  defaults: { reps: number; minReps?: number },
): { reps: number; days: number | undefined; seed: string; warmUpDays: number | undefined } {
  let reps = defaults.reps;
  if (strings.reps !== undefined) {
    const r = wholeNumber('reps', strings.reps, defaults.minReps ?? 1, MAX_REPS);
    if (r.ok) reps = r.value;
    else problems.push(r.problem);
  }
  let days: number | undefined;
  if (strings.days !== undefined) {
    const d = wholeNumber('days', strings.days, 1, MAX_DAYS);
    if (d.ok) days = d.value;
    else problems.push(d.problem);
  }
  let warmUpDays: number | undefined;
  if (strings['warm-up'] !== undefined) {
    const w = wholeNumber('warm-up', strings['warm-up'], 0, LIMITS.maxWarmUpDays);
    if (w.ok) warmUpDays = w.value;
    else problems.push(w.problem);
  }
  const seed = strings.seed ?? '1';
  if (strings.seed !== undefined && seed.trim() === '') problems.push('--seed: must not be empty');
  return { reps, days, seed, warmUpDays };
}

/** (v2) --warm-up D: overrides the scenarios' horizon.warmUpDays (SPEC §1). */
export const WARM_UP_OPTION: OptionSpecs = {
  'warm-up': {
    type: 'string',
    value: 'D',
    description: `days of warm-up before day 1, 0 to ${LIMITS.maxWarmUpDays} (default: the scenario's, else enough for steady state)`,
  },
};

/** The scenario with --warm-up applied (it then travels with the scenario: threads, shards, results). */
export function applyWarmUp(scenario: Scenario, warmUpDays: number | undefined): void {
  if (warmUpDays !== undefined) scenario.horizon = { ...scenario.horizon, warmUpDays };
}

export const THREADS_OPTION: OptionSpecs = {
  threads: {
    type: 'string',
    value: 'N',
    description: `worker threads, 1 to ${MAX_THREADS} (default: available cores, or 1 for a small run; 1 = this thread)`,
  },
};

export const SHARD_OPTION: OptionSpecs = {
  shard: {
    type: 'string',
    value: 'i/n',
    description: 'run only slice i of n of the work and write a shard file (--json); see `merge`',
  },
};

/** --threads: the number given, or the available cores. */
export function parseThreads(text: string | undefined, problems: string[]): number | undefined {
  if (text === undefined) return undefined;
  const t = wholeNumber('threads', text, 1, MAX_THREADS);
  if (t.ok) return t.value;
  problems.push(t.problem);
  return undefined;
}

/**
 * Below this many simulated contacts in all, a command given no --threads runs in this thread:
 * starting worker threads costs ≈ 0.2–0.4 s, about as much as simulating 20,000 contacts.
 */
export const AUTO_THREADS_MIN_CONTACTS = 100_000;

/** Contacts one replication of the scenario offers, roughly (first contacts only, warm-up included). */
export function contactsPerReplication(scenario: Scenario, days?: number): number {
  let warmUp = scenario.horizon?.warmUpDays;
  if (warmUp === undefined) {
    try {
      warmUp = compileModel(scenario).warmUpDays;
    } catch {
      warmUp = 0;
    }
  }
  const d = (days ?? scenario.horizon?.days ?? 1) + warmUp;
  return Object.values(scenario.channels).reduce((a, c) => a + (c?.volumePerDay ?? 0), 0) * d;
}

/**
 * --threads as given; without it, the available cores — or 1 when the whole command simulates fewer
 * than AUTO_THREADS_MIN_CONTACTS contacts (`workContacts`), where threads would not pay for themselves.
 */
export function resolveThreads(threads: number | undefined, workContacts = Infinity): number {
  if (threads !== undefined) return threads;
  return workContacts < AUTO_THREADS_MIN_CONTACTS ? 1 : defaultThreads();
}

/**
 * --shard i/n of run and sweep, with the options it goes with: the shard file is the --json file, and
 * a CSV can only be written once the shards are merged.
 */
export function parseShardOption(
  strings: { shard?: string; json?: string; csv?: string },
  problems: string[],
): ShardSpec | undefined {
  if (strings.shard === undefined) return undefined;
  const s = parseShard(strings.shard);
  if (!s.ok) problems.push(s.problem);
  if (strings.json === undefined) problems.push('--shard: needs --json FILE to write the shard file to');
  if (strings.csv !== undefined)
    problems.push('--csv: not with --shard (merge the shards, then write the CSV)');
  return s.ok ? s.shard : undefined;
}

/**
 * Output files, checked before any work: not one of the inputs, not given twice, not a directory, in
 * a directory that exists.
 */
export function outputProblems(
  inputs: readonly string[],
  outputs: readonly [option: string, path: string | undefined][],
  inputLabel = 'an input file',
): string[] {
  const problems: string[] = [];
  const ins = new Set(inputs.map((p) => resolve(p)));
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    if (path === undefined) continue;
    const full = resolve(path);
    if (ins.has(full)) {
      problems.push(`--${option}: ${path} is ${inputLabel}; refusing to overwrite it`);
      continue;
    }
    if (seen.has(full)) {
      problems.push(`--${option}: ${path} is also the --${seen.get(full)} file`);
      continue;
    }
    seen.set(full, option);
    try {
      if (statSync(full).isDirectory()) problems.push(`--${option}: ${path} is a directory`);
      continue;
    } catch {
      // does not exist yet: its directory must
    }
    try {
      if (!statSync(dirname(full)).isDirectory())
        problems.push(`--${option}: cannot write ${path} (${dirname(full)} is not a directory)`);
    } catch (e) {
      problems.push(`--${option}: cannot write ${path} (directory: ${describeFsError(e)})`);
    }
  }
  return problems;
}

export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new Error(`cannot write ${path} (${describeFsError(e)})`, { cause: e });
  }
}

export function usageError(io: CliIO, problems: readonly string[]): number {
  io.stderr(problems.map((p) => p + '\n').join(''));
  return EXIT_USAGE;
}

/**
 * The arguments, or the exit status once --help is printed (0) or the problems are reported (2): the
 * first step of every command whose parsing is a pure function of argv (tested without running it).
 */
export function argsOrExit<A extends object>(
  parsed: ParsedArgs<A>,
  usage: () => string,
  io: CliIO,
): A | number {
  if (parsed.kind === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  if (parsed.kind === 'bad') return usageError(io, parsed.problems);
  return parsed.args;
}

/**
 * How compare, sweep and merge finish: the result's table on stdout, then the result itself as the
 * --json file and its rows as the --csv file — the files last, so that a failed write keeps the table.
 */
export function printAndWriteResult<R>(
  io: CliIO,
  result: R,
  table: (r: R) => string,
  csv: (r: R) => string,
  files: { json?: string; csv?: string },
): void {
  io.stdout(table(result));
  if (files.json !== undefined) writeOutput(files.json, jsonText(result));
  if (files.csv !== undefined) writeOutput(files.csv, csv(result));
}

/** An empty --json/--csv/--out value is a problem. */
export function fileOptionProblems(
  strings: Record<string, string | undefined>,
  names: readonly string[],
): string[] {
  return names
    .filter((n) => strings[n] !== undefined && strings[n]!.trim() === '')
    .map((n) => `--${n}: needs a file name`);
}

/** A progress bar for a person at a terminal, or null. */
export function progressBar(io: CliIO, quiet: boolean, label: string): ProgressBar | null {
  return io.stderrIsTTY && !quiet ? new ProgressBar((t) => io.stderr(t), label) : null;
}

/** 2-space JSON with a trailing newline, as every result file. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
