/**
 * Issue 30: how long `sim calibrate` takes on the bundled fortnight (../shared/data, or SHORELINE_DATA).
 * The whole command as a process (median of N), then its parts inside one process: reading and
 * parsing the log, the estimators with Erlang A alone, and the simulations (refinement and fit).
 *
 *   npx tsx bench/calibrate.ts [N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrate } from '../src/calibrate/calibrate';
import { parseBankLog } from '../src/calibrate/parse-bank';

const root = join(import.meta.dirname, '..');
const log = join(
  process.env.SHORELINE_DATA ?? join(root, '..', 'shared', 'data'),
  'anonymous-bank-1999-02-01-to-14.tsv',
);
const n = Number(process.argv[2] ?? 5);
const out = mkdtempSync(join(tmpdir(), 'bench-calibrate-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const whole: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  execFileSync(process.execPath, [
    join(root, 'bin', 'shoreline.cjs'),
    'calibrate',
    log,
    '--format',
    'anonymous-bank',
    '--out',
    join(out, 'c.json'),
    '--fit',
    join(out, 'f.json'),
  ]);
  whole.push((performance.now() - t) / 1000);
}

const parts = { parse: [] as number[], estimators: [] as number[], full: [] as number[] };
for (let i = 0; i < n; i++) {
  let t = performance.now();
  const parsed = parseBankLog(readFileSync(log, 'utf8'));
  parts.parse.push((performance.now() - t) / 1000);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  t = performance.now();
  calibrate(parsed.records, parsed.dropped, { refineRounds: 0, fitReplications: 2 });
  parts.estimators.push((performance.now() - t) / 1000);
  t = performance.now();
  calibrate(parsed.records, parsed.dropped);
  parts.full.push((performance.now() - t) / 1000);
}
const f = (x: number) => x.toFixed(2);
console.log(`calibrate, the bundled fortnight (17,456 rows), median of ${n}:`);
console.log(
  `  whole command (node bin/shoreline.cjs calibrate … --out … --fit …): ${f(median(whole))} s  [${whole.map(f).join(', ')}]`,
);
console.log(
  `  in one process: read + parse ${f(median(parts.parse))} s; estimators + Erlang A (no refinement, 2-rep fit) ${f(median(parts.estimators))} s; calibrate in full (4 rounds × 24 reps + 40-rep fit) ${f(median(parts.full))} s`,
);
