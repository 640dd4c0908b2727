/**
 * Benchmark case 6: how long a one-off command takes from outside, start-up included — the wall time
 * of whole processes, as a planner scripting a hundred runs waits for them:
 *   - `npm run sim -- scenarios/onshore-baseline.json --quiet` (npm, Node, the launcher, the CLI);
 *   - `node bin/shoreline.cjs scenarios/onshore-baseline.json --quiet` (Node, the launcher's check and
 *     the compiled CLI with V8's code cache: what `npx shoreline` runs);
 *   - `node <the compiled bundle> …` (the bundle alone, compiled without the code cache);
 *   - `node bin/shoreline.cjs --help` and the run with `--warm-up 0`, to split the time between
 *     loading and simulating (onshore-baseline's default warm-up is 6 days);
 *   - the same through tsx from the TypeScript sources, as `npm run sim` ran before, for the ratio.
 * The three are run in turn, `runs` rounds, so that a slow phase of a shared machine hits all alike;
 * each figure is the median of its runs.
 * Usage: npx tsx bench/startup.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliBundle } from '../src/cli/bundle.cjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENARIO = 'scenarios/onshore-baseline.json';

export async function startupBenchmark(runs = 5): Promise<string> {
  const compiled = await cliBundle(ROOT);
  const commands: [label: string, command: string, args: string[]][] = [
    ['npm run sim', 'npm', ['run', '--silent', 'sim', '--', SCENARIO, '--quiet']],
    ['node bin/shoreline.cjs', process.execPath, ['bin/shoreline.cjs', SCENARIO, '--quiet']],
    ['node <compiled bundle>', process.execPath, [compiled, SCENARIO, '--quiet']],
    ['--help', process.execPath, ['bin/shoreline.cjs', '--help']],
    ['--warm-up 0', process.execPath, ['bin/shoreline.cjs', SCENARIO, '--quiet', '--warm-up', '0']],
    ['node -e 0', process.execPath, ['-e', '0']],
    [
      'node --import tsx src/cli/main.ts',
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', SCENARIO, '--quiet'],
    ],
  ];
  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < runs; r++)
    commands.forEach(([label, command, args], i) => {
      const t0 = performance.now();
      const out = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      times[i].push((performance.now() - t0) / 1000);
      if (out.status !== 0) throw new Error(`${label} failed: ${String(out.stderr)}`);
    });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [npm, node, bundle, help, noWarmUp, bare, tsx] = times.map(median);
  return (
    `case 6  CLI start-up, ${SCENARIO} --quiet, median of ${runs} whole processes: ` +
    `npm run sim ${npm.toFixed(2)} s (target ≤ 0.55 s), node bin/shoreline.cjs ${node.toFixed(2)} s ` +
    `(target ≤ 0.25 s); the bundle run directly ${bundle.toFixed(2)} s; from the sources through tsx ` +
    `${tsx.toFixed(2)} s. Parts: node -e 0 ${bare.toFixed(2)} s, --help ${help.toFixed(2)} s, ` +
    `--warm-up 0 ${noWarmUp.toFixed(2)} s`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await startupBenchmark(Number(process.argv[2] ?? 5)));
}
