/**
 * The figures behind the default warm-up (README "Steady state") and scenarios/README.md.
 *
 *   npx tsx scripts/warm-up-figures.ts convergence [reps]   days to steady state, from an empty start
 *   npx tsx scripts/warm-up-figures.ts kpis [reps]          bundled scenarios: default warm-up vs empty
 *
 * convergence: each bundled scenario runs 14 days from empty; for each day, the offered contacts and
 * the service level of its channels against their steady values (the mean of days 11–14), next to the
 * default warm-up and the day the rule predicts. Markdown on stdout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, type Scenario, type SimulationResult } from '../src/sim';
import { compileModel } from '../src/sim/model';

const DIR = join(import.meta.dirname, '..', 'scenarios');
const [mode = 'convergence', repsText = '4'] = process.argv.slice(2);
const reps = Number(repsText);

function bundled(): [string, Scenario][] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Scenario]);
}

const withHorizon = (s: Scenario, days: number, warmUpDays?: number): Scenario => {
  const horizon = { ...s.horizon, days };
  if (warmUpDays === undefined) delete horizon.warmUpDays;
  else horizon.warmUpDays = warmUpDays;
  return { ...s, horizon };
};

/** Offered contacts and service level of day d (1-based) of a run, over all channels. */
function day(r: SimulationResult, d: number): { offered: number; sl: number } {
  const per = r.intervals.length / r.days;
  let offered = 0;
  for (const iv of r.intervals.slice((d - 1) * per, d * per)) offered += iv.total.offered.mean ?? 0;
  let within = 0;
  let weight = 0;
  for (const iv of r.intervals.slice((d - 1) * per, d * per)) {
    const sl = iv.total.serviceLevel.mean;
    const h = iv.total.handled.mean ?? 0;
    if (sl !== null) {
      within += sl * h;
      weight += h;
    }
  }
  return { offered, sl: weight > 0 ? within / weight : NaN };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;

if (mode === 'convergence') {
  const DAYS = 14;
  console.log(
    '| scenario | default warm-up | offered, % short of steady on day 1, 2, … 10 | first day within 1 % |',
  );
  console.log('|---|---|---|---|');
  for (const [name, s] of bundled()) {
    const r = simulate(withHorizon(s, DAYS, 0), { seed: 'convergence', replications: reps });
    const days = Array.from({ length: DAYS }, (_, i) => day(r, i + 1));
    const steady = days.slice(10).reduce((a, x) => a + x.offered, 0) / (DAYS - 10);
    const short = days.map((x) => 1 - x.offered / steady);
    const first = short.findIndex((x, i) => short.slice(i, 10).every((y) => y < 0.01)) + 1;
    console.log(
      `| ${name} | ${compileModel(s).warmUpDays} | ${short
        .slice(0, 10)
        .map(pct)
        .join(' · ')} | day ${first} (after ${first - 1} days) |`,
    );
  }
} else if (mode === 'kpis') {
  console.log(
    '| scenario | warm-up (days) | offered/day, empty → warm | voice/chat SL, empty → warm | contacts per resolution, empty → warm | cost per resolved, empty → warm |',
  );
  console.log('|---|---|---|---|---|---|');
  const f = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));
  for (const [name, s] of bundled()) {
    const empty = simulate(withHorizon(s, 1, 0), { seed: 'kpis', replications: reps });
    const warm = simulate(withHorizon(s, 1), { seed: 'kpis', replications: reps });
    const live = (['voice', 'chat'] as const).filter((k) => s.channels[k]);
    const sl = (r: SimulationResult) =>
      live.length ? live.map((k) => pct(r.channels[k]!.serviceLevel.mean ?? NaN)).join(' / ') : '–';
    console.log(
      `| ${name} | ${warm.warmUpDays} | ${f(empty.total.offered.mean, 0)} → ${f(warm.total.offered.mean, 0)} | ${sl(empty)} → ${sl(warm)} | ${f(empty.total.contactsPerResolution.mean, 2)} → ${f(warm.total.contactsPerResolution.mean, 2)} | ${f(empty.total.costPerResolved.mean, 2)} → ${f(warm.total.costPerResolved.mean, 2)} |`,
    );
  }
} else {
  console.error(`unknown mode ${mode}: convergence or kpis`);
  process.exit(2);
}
