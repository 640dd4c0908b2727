/**
 * Sharding: one run split into slices of its work items (replication indexes, or sweep points ×
 * replications), each run anywhere, then merged into exactly the unsharded result. Replication r of a
 * scenario is seeded by `${seed}#${r}` alone, so where it runs changes nothing.
 *
 * A shard file carries the per-replication outcomes with their item indexes, plus what the merge needs
 * to aggregate them as the unsharded run would: the scenario itself (its name, horizon and, for a
 * sweep, the base the points are made from), the seed, the days override, the number of replications
 * and, for a sweep, the parameter and its values.
 *
 * Pure: no Node APIs.
 */
import type { ReplicationOutcome } from '../sim/result';
import type { Scenario } from '../sim/scenario';

export const SHARD_FORMAT = 'shoreline-shard';
export const SHARD_VERSION = 1;

export interface ShardSpec {
  /** 1-based */
  index: number;
  count: number;
}

/** "i/n", 1 ≤ i ≤ n ≤ 10,000. */
export function parseShard(text: string): { ok: true; shard: ShardSpec } | { ok: false; problem: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1 && n <= 10_000 && i >= 1 && i <= n))
    return { ok: false, problem: `--shard: must be i/n with 1 ≤ i ≤ n ≤ 10,000, e.g. 2/3 (got "${text}")` };
  return { ok: true, shard: { index: i, count: n } };
}

/** Shard i of n of the items 0..total−1: a contiguous block, sizes differing by at most one. */
export function shardItems(total: number, shard: ShardSpec): number[] {
  const from = Math.floor(((shard.index - 1) * total) / shard.count);
  const to = Math.floor((shard.index * total) / shard.count);
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** A sweep: the parameter and its values (the points are re-made from the base scenario). */
export interface SweepDefinition {
  param: string;
  values: number[];
}

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  /** the Shoreline version that wrote it (package.json); shards of different versions do not merge */
  shoreline?: string;
  /** the command whose result the merge rebuilds */
  command: 'run' | 'sweep';
  scenario: Scenario;
  seed: string;
  /** the --days override, if any */
  days: number | null;
  /** replications per scenario (per point, for a sweep) in the whole run */
  replications: number;
  sweep: SweepDefinition | null;
  shard: ShardSpec;
  /**
   * work items: for a run, replication indexes; for a sweep, point × replications + replication.
   * outcomes[k] belongs to items[k].
   */
  items: number[];
  outcomes: ReplicationOutcome[];
  wallSeconds: number;
}

/** Total work items of a shard's whole run. */
export function totalItems(f: Pick<ShardFile, 'replications' | 'sweep'>): number {
  return f.replications * (f.sweep ? f.sweep.values.length : 1);
}

/** Canonical JSON with sorted keys, to compare scenarios whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Shape check of a parsed shard file: the problems, one line each, prefixed by `name`. */
export function shardFileProblems(value: unknown, name: string): string[] {
  const p: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${name}: not a shard file`];
  const f = value as Record<string, unknown>;
  if (f.format !== SHARD_FORMAT)
    return [
      `${name}: not a shard file (no "format": "${SHARD_FORMAT}"; write shards with --shard i/n --json FILE)`,
    ];
  if (f.version !== SHARD_VERSION)
    p.push(`${name}: shard format version ${String(f.version)}, expected ${SHARD_VERSION}`);
  if (f.command !== 'run' && f.command !== 'sweep')
    p.push(`${name}: unknown command ${JSON.stringify(f.command)}`);
  if (typeof f.scenario !== 'object' || f.scenario === null) p.push(`${name}: scenario missing`);
  if (typeof f.seed !== 'string') p.push(`${name}: seed missing`);
  if (!(f.days === null || Number.isInteger(f.days))) p.push(`${name}: days must be null or a whole number`);
  if (!Number.isInteger(f.replications) || (f.replications as number) < 1)
    p.push(`${name}: replications must be a whole number ≥ 1`);
  const shard = f.shard as Record<string, unknown> | null;
  if (
    typeof shard !== 'object' ||
    shard === null ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    !((shard.index as number) >= 1 && (shard.index as number) <= (shard.count as number))
  )
    p.push(`${name}: shard must give index and count, 1 ≤ index ≤ count`);
  const items = f.items;
  const outcomes = f.outcomes;
  if (!Array.isArray(items) || !items.every((i) => Number.isInteger(i) && i >= 0))
    p.push(`${name}: items must be a list of whole numbers ≥ 0`);
  if (!Array.isArray(outcomes)) p.push(`${name}: outcomes must be a list`);
  else if (Array.isArray(items) && outcomes.length !== items.length)
    p.push(`${name}: ${outcomes.length} outcomes for ${items.length} items`);
  if (f.command === 'sweep') {
    const s = f.sweep as Record<string, unknown> | null;
    if (
      !s ||
      typeof s.param !== 'string' ||
      !Array.isArray(s.values) ||
      !s.values.every((v) => typeof v === 'number')
    )
      p.push(`${name}: sweep must give param and values`);
  }
  return p;
}

/**
 * Checks that shards belong to one run and together cover each of its items exactly once. Returns the
 * outcomes in item order, or the problems (one line each).
 */
export function mergeShards(
  shards: readonly { name: string; file: ShardFile }[],
): { ok: true; outcomes: ReplicationOutcome[]; wallSeconds: number } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (shards.length === 0) return { ok: false, problems: ['no shard files given'] };
  const [first, ...rest] = shards;
  const a = first.file;
  const scenarioKey = canonicalJson(a.scenario);
  for (const { name, file: b } of rest) {
    const differ = (what: string, x: unknown, y: unknown) =>
      problems.push(
        `${name}: ${what} ${JSON.stringify(y)} differs from ${first.name}'s ${JSON.stringify(x)}`,
      );
    if (b.shoreline !== a.shoreline)
      problems.push(
        `${name}: written by Shoreline ${b.shoreline ?? '(unknown version)'}, ${first.name} by ${a.shoreline ?? '(unknown version)'}`,
      );
    if (b.command !== a.command) differ('command', a.command, b.command);
    if (b.scenario.name !== a.scenario.name) differ('scenario', a.scenario.name, b.scenario.name);
    else if (canonicalJson(b.scenario) !== scenarioKey)
      problems.push(`${name}: scenario "${b.scenario.name}" has other contents than in ${first.name}`);
    if (b.seed !== a.seed) differ('seed', a.seed, b.seed);
    if (b.days !== a.days) differ('days', a.days, b.days);
    if (b.replications !== a.replications) differ('replications', a.replications, b.replications);
    if (canonicalJson(b.sweep) !== canonicalJson(a.sweep))
      problems.push(`${name}: sweep differs from ${first.name}'s`);
    if (b.shard.count !== a.shard.count)
      problems.push(
        `${name}: shard ${b.shard.index}/${b.shard.count} is one of ${b.shard.count} shards, ${first.name} one of ${a.shard.count}`,
      );
  }
  if (problems.length > 0) return { ok: false, problems };

  // Whole shards first: each of 1..n given once, holding the items `--shard i/n` gives it.
  const total = totalItems(a);
  const count = a.shard.count;
  const given = new Map<number, string>();
  for (const { name, file } of shards) {
    const i = file.shard.index;
    const other = given.get(i);
    if (other !== undefined) {
      problems.push(
        other === name
          ? `${name}: given twice (shard ${i}/${count})`
          : `${name}: shard ${i}/${count} again (already given as ${other})`,
      );
      continue;
    }
    given.set(i, name);
    const expected = shardItems(total, file.shard);
    if (file.items.length !== expected.length || file.items.some((item, k) => item !== expected[k]))
      problems.push(`${name}: its items are not those of shard ${i}/${count} (the file was changed?)`);
  }
  const names = [...given].sort(([x], [y]) => x - y).map(([i, name]) => `${name} (${i}/${count})`);
  for (let i = 1; i <= count; i++) {
    if (given.has(i)) continue;
    const items = shardItems(total, { index: i, count });
    if (items.length === 0) continue; // more shards than items: an empty shard adds nothing
    const what = ranges(items, (item) => describeItem(a, item), 2);
    problems.push(`missing shard ${i}/${count} (${what}); given: ${names.join(', ')}`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const outcomes = new Array<ReplicationOutcome>(total);
  for (const { file } of shards) file.items.forEach((item, k) => (outcomes[item] = file.outcomes[k]));
  return { ok: true, outcomes, wallSeconds: shards.reduce((s, x) => s + (x.file.wallSeconds || 0), 0) };
}

function describeItem(f: ShardFile, item: number): string {
  if (!f.sweep) return `replication ${item}`;
  const point = Math.floor(item / f.replications);
  return `point ${point + 1} (${f.sweep.param} = ${f.sweep.values[point]}) replication ${item % f.replications}`;
}

function ranges(items: number[], describe: (i: number) => string, max = 5): string {
  const parts = items.slice(0, max).map(describe);
  return parts.join(', ') + (items.length > max ? `, … (${items.length - max} more)` : '');
}
