/**
 * Bench case 10 (issue 29): a weekly plan against a one-day plan of the same scenario, side by side in
 * one run. The scenario is scenarios/follow-the-sun.json (3 sites, voice and email) with a US retail
 * week on both channels (`weekly`, Monday 1.25× to Sunday 0.75×) and one simulated day. Each round
 * runs the commands in-process, exactly as `sim plan` runs them (solver load, worker pool, simulation
 * rounds, HiGHS, verification), rotating their order so that the shared machine's swings in load fall
 * on each alike:
 *   day   `plan` on the file;
 *   day 1 `plan` on its day 1 alone (Monday's weight applied, no `weekly`): the same plan as on the
 *         file, now that plain `plan` starts its Erlang figure from day 1's weighted volume (it used
 *         to start from the unweighted volumePerDay and could need an extra simulation round);
 *   week  `plan --roster 5x8` (day 1's simulated plan, then every day's requirement and shifts, the
 *         roster's integer program, and the week verified by one simulation of its seven days with
 *         their own shifts, a verdict per day).
 * The week's other days are planned by Erlang plus day 1's simulated correction, not simulated one by
 * one (src/plan/week.ts); their check is the one week-long simulation (src/plan/week-verify.ts).
 * Target: ≤ 10×.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planCommand } from '../src/cli/plan';
import type { CliIO } from '../src/cli/io';
import { scenarioOnDay } from '../src/plan/week';
import { parseScenarioText } from '../src/scenario/validate';

const WEEK = [1.25, 1.1, 1.05, 1.0, 0.95, 0.9, 0.75];
const TARGETS = 'voice:sl=0.8,ab=0.05;email:sl=0.9';
const ROUNDS = 3;

const quiet: CliIO = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false, env: {} };

async function timed(argv: string[]): Promise<number> {
  const t0 = performance.now();
  const status = await planCommand(argv, quiet);
  if (status !== 0) throw new Error(`sim plan ${argv.join(' ')} exited ${status}`);
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const list = (xs: number[], unit = '') => xs.map((x) => x.toFixed(2) + unit).join(', ');

export async function weekPlanBenchmark(): Promise<string> {
  const raw = JSON.parse(
    readFileSync(new URL('../scenarios/follow-the-sun.json', import.meta.url), 'utf8'),
  ) as { horizon: { days: number }; channels: Record<string, { weekly?: number[] }> };
  for (const c of Object.values(raw.channels)) c.weekly = WEEK;
  raw.horizon.days = 1; // one simulated day, as the weekly plan simulates day 1 (the bundled file two)
  const parsed = parseScenarioText(JSON.stringify(raw));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-week-bench-'));
  try {
    const file = join(dir, 'week.json');
    const dayOne = join(dir, 'day-1.json');
    writeFileSync(file, JSON.stringify(raw));
    writeFileSync(dayOne, JSON.stringify(scenarioOnDay(parsed.scenario, 0)));
    const common = ['--targets', TARGETS, '--seed', 'bench'];
    const runs = [
      [file, ...common],
      [dayOne, ...common],
      [file, ...common, '--roster', '5x8'],
    ];
    const times: number[][] = [[], [], []];
    for (let i = 0; i < ROUNDS; i++)
      for (let k = 0; k < runs.length; k++) {
        const which = (i + k) % runs.length;
        times[which].push(await timed(runs[which]));
      }
    const [day, day1, week] = times;
    const vsDay = week.map((w, i) => w / day[i]);
    const vsDay1 = week.map((w, i) => w / day1[i]);
    return (
      `case 10 plan follow-the-sun with weekly weights (3 sites, voice + email, 1 simulated day), ` +
      `${ROUNDS} rounds in rotating order: day ${median(day).toFixed(2)} s (${list(day)}), ` +
      `day 1 alone ${median(day1).toFixed(2)} s (${list(day1)}), ` +
      `week --roster 5x8 ${median(week).toFixed(2)} s (${list(week)}); ` +
      `week/day ${median(vsDay).toFixed(2)}× (${list(vsDay, '×')}), ` +
      `week/day 1 ${median(vsDay1).toFixed(2)}× (${list(vsDay1, '×')}), medians of per-round ratios (target ≤ 10×)`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
