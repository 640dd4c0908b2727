/**
 * Part of benchmark case 6: how much of a one-off command's simulation is V8 learning the engine.
 * In a fresh process, the onshore baseline (default warm-up, one day, its follow-up) is run `runs`
 * times with different seeds; the first run is cold (interpreted, then optimised while it runs, as in
 * every CLI command), the last warm (optimised code throughout). Prints one JSON line:
 * { coldMs, warmMs, events }. Run by bench/startup.ts in its own process, as the CLI runs.
 * Usage: npx tsx bench/cold-engine.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText } from '../src/scenario/validate';
import { Simulation } from '../src/sim';

const SCENARIO = fileURLToPath(new URL('../scenarios/onshore-baseline.json', import.meta.url));

const parsed = parseScenarioText(readFileSync(SCENARIO, 'utf8'));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const runs = Math.max(2, Number(process.argv[2] ?? 5));
const ms: number[] = [];
let events = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const sim = new Simulation(parsed.scenario, { seed: String(r + 1) });
  sim.runToEnd();
  sim.followUp();
  ms.push(performance.now() - t0);
  events = sim.events;
}
console.log(JSON.stringify({ coldMs: ms[0], warmMs: ms[runs - 1], events }));
