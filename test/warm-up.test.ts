/**
 * The worker threads' JIT primer (src/node/warm-up.ts): it must leave the job's scenario alone, and
 * its small overloaded copy must actually take the rare paths it is there for.
 */
import { describe, expect, it, vi } from 'vitest';
import { fullModelCase } from '../bench/cases';
import { PRIMER_SECONDS, primerScenario, warmUp } from '../src/node/warm-up';
import { M, Simulation } from '../src/sim/engine';

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
    expect(sim.events).toBeLessThan(100_000); // small: a few hundred events
  });
});
