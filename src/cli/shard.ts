/** Shard files on disk: writing (run/sweep --shard i/n --json FILE) and reading (merge). */
import { readFileSync } from 'node:fs';
import { formatNumber } from './format';
import { describeFsError, type CliIO } from './io';
import { jsonText, writeOutput } from './shared';
import packageJson from '../../package.json';
import {
  SHARD_FORMAT,
  SHARD_VERSION,
  shardFileProblems,
  type ShardFile,
  type ShardSpec,
} from '../optimise/shard';

/** The Shoreline version written into shard files: shards of different versions are not merged. */
export const SHORELINE_VERSION: string = packageJson.version;

export function shardFileText(f: Omit<ShardFile, 'format' | 'version' | 'shoreline'>): string {
  const file: ShardFile = {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    shoreline: SHORELINE_VERSION,
    ...f,
  };
  return jsonText(file);
}

/** "shard 2/3: replications 4–6 of 10 written to FILE" */
export function shardSummary(
  shard: ShardSpec,
  items: readonly number[],
  total: number,
  what: string,
  path: string,
): string {
  const range =
    items.length === 0
      ? `no ${what}s`
      : items.length === 1
        ? `${what} ${items[0]}`
        : `${what}s ${items[0]}–${items[items.length - 1]}`;
  return `shard ${shard.index}/${shard.count}: ${range} of ${formatNumber(total, 0)} written to ${path}\n`;
}

/** The end of run and sweep with --shard: this slice's outcomes in the --json file, and a line saying so. */
export function writeShardFile(
  io: CliIO,
  path: string,
  f: Omit<ShardFile, 'format' | 'version' | 'shoreline'>,
  total: number,
  what: string,
): void {
  writeOutput(path, shardFileText(f));
  io.stdout(shardSummary(f.shard, f.items, total, what, path));
}

export function readShardFile(
  path: string,
): { ok: true; file: ShardFile } | { ok: false; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, problems: [`${path}: cannot read file (${describeFsError(e)})`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [`${path}: not valid JSON`] };
  }
  const problems = shardFileProblems(value, path);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file: value as ShardFile };
}
