/**
 * Benchmark case 6: how long a one-off command takes from outside, start-up included — the wall time
 * of whole processes, as a planner scripting a hundred runs waits for them:
 *   - `npm run sim -- scenarios/onshore-baseline.json --quiet` (npm, Node, the launcher, the CLI);
 *   - `node bin/shoreline.cjs scenarios/onshore-baseline.json --quiet` (Node, the launcher's check and
 *     the compiled CLI with V8's code cache: what `npx shoreline` runs);
 *   - `node <the compiled bundle> …` (the bundle alone, compiled without the code cache);
 *   - `node bin/shoreline.cjs --help` and the run with `--warm-up 0`, to split the time between
 *     loading and simulating (onshore-baseline's default warm-up is 6 days);
 *   - the same through tsx from the TypeScript sources, as `npm run sim` ran before, for the ratio;
 *   - `npm run env`, npm's own start-up, which `npm run sim` pays before Node starts the CLI;
 *   - inside a process (bench/cold-engine.ts): the simulation of that command cold, as every command
 *     runs it, against the same run once V8 has optimised the engine.
 * The commands are run in turn, `runs` rounds, so that a slow phase of a shared machine hits all alike;
 * each figure is the median of its runs.
 * Usage: npx tsx bench/startup.ts [runs]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliBundle } from '../src/cli/bundle.cjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENARIO = 'scenarios/onshore-baseline.json';

interface Command {
  label: string;
  command: string;
  args: string[];
  /** the environment without NODE_EXTRA_CA_CERTS (see NO_EXTRA_CA) */
  plainEnv?: boolean;
}

/**
 * Node reads the certificate bundle that NODE_EXTRA_CA_CERTS names as it starts, before any script
 * (node::crypto::UseExtraCaCerts): ~45 ms here, where the machine's environment sets it, in every Node
 * process, twice for `npm run sim` (npm, then the CLI). The CLI makes no TLS connection, so where it is
 * set the main commands are also timed without it, to tell the machine's share from the CLI's.
 */
const NO_EXTRA_CA = process.env.NODE_EXTRA_CA_CERTS !== undefined;

export async function startupBenchmark(runs = 5): Promise<string> {
  const compiled = await cliBundle(ROOT);
  const node = process.execPath;
  const npmSim = ['run', '--silent', 'sim', '--', SCENARIO, '--quiet'];
  const commands: Command[] = [
    { label: 'npm run sim', command: 'npm', args: npmSim },
    { label: 'node bin/shoreline.cjs', command: node, args: ['bin/shoreline.cjs', SCENARIO, '--quiet'] },
    { label: 'bundle', command: node, args: [compiled, SCENARIO, '--quiet'] },
    { label: '--help', command: node, args: ['bin/shoreline.cjs', '--help'] },
    {
      label: '--warm-up 0',
      command: node,
      args: ['bin/shoreline.cjs', SCENARIO, '--quiet', '--warm-up', '0'],
    },
    { label: 'node -e 0', command: node, args: ['-e', '0'] },
    { label: 'npm run env', command: 'npm', args: ['run', '--silent', 'env'] },
    { label: 'tsx', command: node, args: ['--import', 'tsx', 'src/cli/main.ts', SCENARIO, '--quiet'] },
  ];
  if (NO_EXTRA_CA)
    for (const label of ['npm run sim', 'node bin/shoreline.cjs', 'node -e 0'])
      commands.push({ ...commands.find((c) => c.label === label)!, plainEnv: true });
  const plainEnv = { ...process.env };
  delete plainEnv.NODE_EXTRA_CA_CERTS;

  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < runs; r++)
    commands.forEach(({ label, command, args, plainEnv: plain }, i) => {
      const t0 = performance.now();
      const out = spawnSync(command, args, {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: plain ? plainEnv : process.env,
      });
      times[i].push((performance.now() - t0) / 1000);
      if (out.status !== 0) throw new Error(`${label} failed: ${String(out.stderr)}`);
    });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const t = (label: string, plain = false) =>
    median(times[commands.findIndex((c) => c.label === label && (c.plainEnv ?? false) === plain)]).toFixed(2);

  const engine = Array.from({ length: runs }, () => {
    const line = execFileSync(node, ['--import', 'tsx', 'bench/cold-engine.ts'], { cwd: ROOT });
    return JSON.parse(String(line)) as { coldMs: number; warmMs: number; events: number };
  });
  const cold = median(engine.map((e) => e.coldMs)) / 1000;
  const warm = median(engine.map((e) => e.warmMs)) / 1000;
  return [
    `case 6  CLI start-up, ${SCENARIO} --quiet, median of ${runs} whole processes: ` +
      `npm run sim ${t('npm run sim')} s (target ≤ 0.55 s), node bin/shoreline.cjs ` +
      `${t('node bin/shoreline.cjs')} s (target ≤ 0.25 s); the bundle run directly ${t('bundle')} s; ` +
      `from the sources through tsx ${t('tsx')} s.`,
    `        Parts: node -e 0 ${t('node -e 0')} s, npm run env ${t('npm run env')} s, --help ` +
      `${t('--help')} s, --warm-up 0 ${t('--warm-up 0')} s.`,
    ...(NO_EXTRA_CA
      ? [
          `        Without NODE_EXTRA_CA_CERTS (set on this machine): node -e 0 ${t('node -e 0', true)} s, ` +
            `npm run sim ${t('npm run sim', true)} s, node bin/shoreline.cjs ${t('node bin/shoreline.cjs', true)} s.`,
        ]
      : []),
    `        The simulation inside the process (${engine[0].events.toLocaleString('en-US')} events): ` +
      `${cold.toFixed(3)} s cold, as a command runs it, ${warm.toFixed(3)} s once V8 has optimised the engine.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await startupBenchmark(Number(process.argv[2] ?? 5)));
}
