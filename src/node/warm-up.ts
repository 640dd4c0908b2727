/**
 * A JIT primer for a fresh worker thread.
 *
 * Why: a thread's first replications run while V8 is still learning the engine. It optimises the hot
 * functions early in the simulated day, then throws that code away and compiles it again each time a
 * path it has not seen yet is taken — the first overflow, abandonment, escalation or repeat — which in
 * a full-size day comes hours (of simulated time) in, some of it only in the second replication.
 * One simulated hour of a small, overloaded copy of the job's own scenario (a twentieth of the volume,
 * a fiftieth of the agents, no daily profile) takes those paths in under a thousand events, before
 * anything is optimised. Measured on benchmark case 3 from a cold start (2 threads, 30 replications,
 * alternating runs): ~20 ms spent per thread, the batch ~4 % sooner. A larger primer costs what it saves.
 */
import { Simulation, type Scenario } from '../sim';

const VOLUME_SHARE = 1 / 20;
const AGENT_SHARE = 1 / 50;
export const PRIMER_SECONDS = 3600;

/** Runs the primer; the scenario itself is not touched. */
export function warmUp(scenario: Scenario): void {
  try {
    new Simulation(primerScenario(scenario), { seed: 'warm-up', maxEvents: 100_000 }).advanceTo(
      PRIMER_SECONDS,
    );
  } catch {
    // only a primer: whatever stops it, the job itself runs (and reports) as usual
  }
}

/** The small, overloaded copy of a scenario that the primer runs. */
export function primerScenario(scenario: Scenario): Scenario {
  const small = structuredClone(scenario);
  // one day is enough for one hour, and keeps a long horizon's interval tables out of the primer
  small.horizon = { ...small.horizon, days: 1 };
  for (const ch of Object.values(small.channels)) {
    if (!ch) continue;
    ch.volumePerDay *= VOLUME_SHARE;
    delete ch.profile;
  }
  const fewer = (n: number) => Math.max(1, Math.round(n * AGENT_SHARE));
  for (const site of small.sites) {
    for (const g of site.groups) {
      if (g.agents !== undefined) g.agents = fewer(g.agents);
      if (g.shifts) g.shifts = g.shifts.map((s) => ({ ...s, agents: fewer(s.agents) }));
    }
  }
  return small;
}
