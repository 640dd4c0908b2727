/**
 * `sim merge shard1.json shard2.json … [--json FILE] [--csv FILE]`: combines the shard files of one
 * run (`run --shard i/n`) or sweep (`sweep --shard i/n`) into exactly the result the unsharded command
 * gives — the same table, and the same JSON apart from `performance`. Shards of different scenarios,
 * seeds, replication counts, sweeps, Shoreline versions or shard counts, and a missing or duplicated
 * shard, are refused (exit 2), each with the file it concerns.
 */
import { mergeShards, type ShardFile } from '../optimise/shard';
import { optionUsage, parseOptions, type OptionSpecs } from './args';
import { EXIT_OK, type CliIO, type Command } from './io';
import { renderReport } from './report';
import { warnIfNotSteady } from './steady-warning';
import { streamedResult, writeResultFiles } from './stream';
import { readShardFile } from './shard';
import { fileOptionProblems, outputProblems, printAndWriteResult, usageError } from './shared';
import { sweepCsv, sweepPoints, sweepResult } from '../optimise/sweep';
import { renderSweep } from './sweep';
import { parseParam } from '../optimise/params';

export const MERGE_OPTIONS: OptionSpecs = {
  json: { type: 'string', value: 'FILE', description: 'write the merged result as JSON' },
  csv: {
    type: 'string',
    value: 'FILE',
    description: 'write the merged per-interval (run) or per-point (sweep) CSV',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function mergeUsage(): string {
  return [
    'Usage: npm run sim -- merge <shard.json> <shard.json> … [options]',
    '',
    'Combines the shard files written by `run --shard i/n --json FILE` or `sweep --shard i/n --json FILE`',
    'into the result the unsharded command gives. The shards must come from the same scenario, seed,',
    'replications (and sweep), Shoreline version and shard count n, and be shards 1 to n, each once.',
    '',
    'Options:',
    ...optionUsage(MERGE_OPTIONS),
    '',
    'Exit status: 0 done, 1 internal error, 2 bad arguments or inconsistent shards.',
    '',
  ].join('\n');
}

export async function mergeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { strings, flags, positionals, problems } = parseOptions(argv, MERGE_OPTIONS);
  if (flags.help) {
    io.stdout(mergeUsage());
    return EXIT_OK;
  }
  problems.push(...fileOptionProblems(strings, ['json', 'csv']));
  if (positionals.length === 0) problems.push('missing shard files: sim merge <shard.json> …');
  if (problems.length > 0) return usageError(io, problems);

  const shards: { name: string; file: ShardFile }[] = [];
  for (const path of positionals) {
    const r = readShardFile(path);
    if (r.ok) shards.push({ name: path, file: r.file });
    else problems.push(...r.problems);
  }
  if (problems.length > 0) return usageError(io, problems);
  const merged = mergeShards(shards);
  if (!merged.ok) return usageError(io, merged.problems);
  const outputs = outputProblems(positionals, [
    ['json', strings.json],
    ['csv', strings.csv],
  ]);
  if (outputs.length > 0) return usageError(io, outputs);

  const f = shards[0].file;
  const days = f.days ?? undefined;
  if (f.command === 'run') {
    const streamed = streamedResult(f.scenario, f.seed, merged.outcomes, merged.wallSeconds, days);
    warnIfNotSteady(io, streamed.result.steadyState);
    io.stdout(renderReport(streamed.result, f.scenario));
    writeResultFiles(streamed, strings.json, strings.csv);
    return EXIT_OK;
  }
  const sweep = f.sweep!;
  const param = parseParam(sweep.param);
  if (!param.ok) return usageError(io, [`${shards[0].name}: ${param.problem}`]);
  const points = sweepPoints(f.scenario, param.param, sweep.values);
  if (!points.ok)
    return usageError(
      io,
      points.problems.map((p) => `${shards[0].name}: ${p}`),
    );
  const result = sweepResult(
    f.scenario,
    sweep.param,
    sweep.values,
    points.scenarios,
    f.seed,
    f.replications,
    days,
    merged.outcomes,
    merged.wallSeconds,
  );
  printAndWriteResult(io, result, renderSweep, sweepCsv, strings);
  return EXIT_OK;
}

export const mergeCommandSpec: Command = {
  name: 'merge',
  summary: 'combine shard files into the unsharded result',
  usage: mergeUsage,
  run: mergeCommand,
};
