/**
 * Benchmark case 7: memory of writing long results. The compiled CLI runs the onshore baseline
 * (30-minute intervals) for 1 and 366 days with --json (and, separately, --json and --csv), each in
 * its own process; the extra peak resident set of the long run is compared with its output's size.
 * Target: ≤ 1.5× the files' size beyond the 1-day run.
 * Usage: npx tsx bench/output-memory.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundle } from '../src/cli/bundle.cjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));

/** Peak RSS (bytes) and output size (bytes) of one run of `cli`. */
export function measureOutput(cli: string, days: number, csv: boolean): { rss: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-output-'));
  try {
    const files = [join(dir, 'r.json'), ...(csv ? [join(dir, 'r.csv')] : [])];
    const args = ['scenarios/onshore-baseline.json', '--days', String(days), '--threads', '1', '--quiet'];
    args.push('--json', files[0], ...(csv ? ['--csv', files[1]] : []));
    const r = spawnSync(process.execPath, ['--import', PRELOAD, cli, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const m = /maxRSS (\d+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`output memory run failed: ${r.stderr}`);
    return { rss: Number(m[1]) * 1024, bytes: files.reduce((a, f) => a + statSync(f).size, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function outputMemoryBenchmark(cli?: string): Promise<string> {
  const entry = cli ?? (await cliBundle(ROOT));
  const mib = (b: number) => (b / 2 ** 20).toFixed(1);
  const parts = [false, true].map((csv) => {
    const one = measureOutput(entry, 1, csv);
    const long = measureOutput(entry, 366, csv);
    const extra = long.rss - one.rss;
    return (
      `${csv ? '--json and --csv' : '--json'} ${mib(long.bytes)} MiB: peak RSS ${mib(long.rss)} vs ${mib(one.rss)} MiB, ` +
      `${mib(extra)} MiB more = ${(extra / long.bytes).toFixed(2)}× the output`
    );
  });
  return `case 7  output memory, onshore baseline 366 days vs 1 day in 30-minute intervals: ${parts.join('; ')} (target ≤ 1.5×)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await outputMemoryBenchmark(process.argv[2]));
}
