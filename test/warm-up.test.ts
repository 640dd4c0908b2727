/**
 * The worker threads' JIT primer (src/node/warm-up.ts): it must leave the job's scenario alone, and
 * its small overloaded copy must actually take the rare paths it is there for.
 */
import { describe, expect, it, vi } from 'vitest';
import { fullModelCase } from '../bench/cases';
import { PRIMER_SECONDS, primerScenario, warmUp } from '../src/node/warm-up';
import { AgentState } from '../src/sim/agents';
import { M, Simulation } from '../src/sim/engine';
import { EventQueue } from '../src/sim/event-queue';

describe('JIT primer', () => {
  const scenario = fullModelCase(1);

  it('does not change the scenario it is given', () => {
    const before = structuredClone(scenario);
    warmUp(scenario);
    expect(scenario).toEqual(before);
  });

  it('runs one day at most, whatever the horizon', () => {
    const year = { ...scenario, horizon: { ...scenario.horizon, days: 366 } };
    expect(primerScenario(year).horizon?.days).toBe(1);
    expect(year.horizon.days).toBe(366);
  });

  it('waits, abandons, overflows and escalates within its simulated hour', () => {
    // overflow is the engine's own step; count its calls
    const overflow = vi.spyOn(Simulation.prototype as unknown as { overflow: () => void }, 'overflow');
    const sim = new Simulation(primerScenario(scenario), { seed: 'warm-up' });
    sim.advanceTo(PRIMER_SECONDS);
    expect(overflow).toHaveBeenCalled();
    overflow.mockRestore();
    const total = (m: M) => {
      let sum = 0;
      for (let i = m; i < sim.stats.length; i += M.COUNT) sum += sim.stats[i];
      return sum;
    };
    expect(total(M.Abandoned)).toBeGreaterThan(0);
    expect(total(M.WaitSum)).toBeGreaterThan(0);
    expect(total(M.Escalated)).toBeGreaterThan(0);
    // small, as src/node/warm-up.ts promises: under a thousand events (~750 measured; a primer twice
    // the volume takes ~1,500 and fails this)
    expect(sim.events).toBeGreaterThan(0);
    expect(sim.events).toBeLessThan(1_000);
  });

  it('closes and reopens sites, and grows the engine storage, within its simulated hour', () => {
    type Steps = Record<'rerouteQueue' | 'releaseHeld' | 'growContacts', () => void>;
    const proto = Simulation.prototype as unknown as Steps;
    const spies = (['rerouteQueue', 'releaseHeld', 'growContacts'] as const).map((k) => vi.spyOn(proto, k));
    const grow = vi.spyOn(EventQueue.prototype as unknown as { grow: () => void }, 'grow');
    const sim = new Simulation(primerScenario(scenario), { seed: 'warm-up' });
    const leftBusy = () =>
      sim.agents.state.some((st, a) => st === AgentState.Leaving && sim.agents.used[a] > 0);
    let leaving = false;
    for (let t = 60; t <= PRIMER_SECONDS; t += 60) {
      sim.advanceTo(t);
      leaving ||= leftBusy();
    }
    const [reroute, release, growContacts] = spies;
    expect(reroute).toHaveBeenCalled(); // a closing site's queue goes elsewhere
    expect(release).toHaveBeenCalled(); // held contacts go out when a site opens
    expect(leaving).toBe(true); // agents finish their contacts after closing time
    expect(growContacts.mock.calls.length).toBeGreaterThan(1); // once in the constructor, then growth
    expect(grow).toHaveBeenCalled();
    for (const s of [...spies, grow]) s.mockRestore();
  });
});
