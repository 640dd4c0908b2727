/** Benchmark scenarios. Case 1 is the Erlang-A model that bench/simpy_erlang_a.py also runs. */
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../src/scenario/validate';
import type { Scenario } from '../src/sim/scenario';

export function erlangACase(hours = 24): Scenario {
  return {
    name: 'bench-erlang-a',
    horizon: { days: Math.max(1, Math.ceil(hours / 24)), intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 11_700 * 24,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 180 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'site',
        name: 'Site',
        location: 'onshore',
        groups: [{ id: 'agents', skills: ['voice'], agents: 1000 }],
        cost: { hourlyRate: 30 },
      },
    ],
  };
}

export function fullModelCase(days = 1): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('./full-model.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`bench/full-model.json: ${parsed.problems.join('; ')}`);
  return { ...parsed.scenario, horizon: { ...parsed.scenario.horizon, days } };
}

/**
 * Case 3's full model with Manila's (site "ph") first-contact resolution raised from 0.58 to `fcr`:
 * the second variant of the browser compare (case 11), which also changes the variant's pilot.
 */
export function withManilaFcr<
  S extends { name: string; sites: { id: string; firstContactResolution?: number }[] },
>(s: S, fcr = 0.75): S {
  return {
    ...s,
    name: `Manila FCR ${fcr}`,
    sites: s.sites.map((site) => (site.id === 'ph' ? { ...site, firstContactResolution: fcr } : site)),
  };
}
