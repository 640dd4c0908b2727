/**
 * A JIT primer for a fresh worker thread.
 *
 * Why: a thread's first replications run while V8 is still learning the engine. It optimises the hot
 * functions early in the simulated day, then throws that code away and compiles it again each time a
 * path it has not seen yet is taken — the first overflow, abandonment, escalation or repeat — which in
 * a full-size day comes hours (of simulated time) in, some of it only in the second replication.
 * One simulated hour of a small, overloaded copy of the job's own scenario (a twentieth of the volume,
 * a fiftieth of the agents, no daily profile, every site closing for ten minutes) takes those paths in
 * under a thousand events, before anything is optimised: waits, abandonment, overflow, escalation,
 * agents logging off mid-contact, queues rerouted or held and released, storage growing. Measured on
 * benchmark case 3 from a cold start (2 threads, 30 replications, alternating runs): ~20 ms spent per
 * thread, the batch ~4 % sooner; with the closing sites, no V8 deoptimisation is left after the
 * primer (`node --trace-deopt`), and the batch another ~4 % sooner. A larger primer costs what it saves.
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
  // (and no model warm-up: the primer's hour starts empty, like a launch day)
  small.horizon = { ...small.horizon, days: 1, warmUpDays: 0 };
  for (const ch of Object.values(small.channels)) {
    if (!ch) continue;
    ch.volumePerDay *= VOLUME_SHARE;
    delete ch.profile;
  }
  const fewer = (n: number) => Math.max(1, Math.round(n * AGENT_SHARE));
  small.sites.forEach((site, i) => {
    // Each site closes for ten minutes late in the primer's hour, the sites a few minutes apart:
    // agents log off mid-contact, queues are rerouted or held, and sites open again — the staffing
    // paths a real day takes only at its opening and closing times.
    site.utcOffsetHours = small.clientUtcOffsetHours ?? 0;
    const closeAt = 35 + ((5 * i) % 15);
    site.hours = { open: `00:${closeAt + 10}`, close: `00:${closeAt}` };
    for (const g of site.groups) {
      const peak = g.shifts ? Math.max(0, ...g.shifts.map((s) => s.agents)) : (g.agents ?? 0);
      g.agents = fewer(peak);
      delete g.shifts;
    }
  });
  return small;
}
