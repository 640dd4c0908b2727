/**
 * (v3) Customer classes within a channel (SPEC §2): a higher class is served first (then longest
 * waiting), without preemption. With Poisson arrivals, one exponential handle time and no abandonment
 * this is the non-preemptive priority M/M/c queue, whose class waits Cobham's formula gives:
 *   W_k = C(c, a) / (cμ) / ((1 − σ_{k−1})(1 − σ_k)),  σ_k = the load share of classes ≥ k's priority.
 * Here 5 agents at 80 % (a = 4 Erlangs), 30 % high: W_high ≈ 44 s, W_low ≈ 219 s (FIFO: 166 s each).
 */
import { describe, expect, it } from 'vitest';
import { erlangCAsa } from '../src/analytic/index';
import { CS, MAX_CLASSES, Simulation } from '../src/sim/engine';
import { replicationSeed } from '../src/sim/random';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';
import { oneSite } from './support/build';

const AGENTS = 5;
const AHT = 300;
const LOAD = 4;
const HIGH = 0.3;

function scenario(): Scenario {
  const s = oneSite(AGENTS, (LOAD / AHT) * 3600, 10, {
    classes: [
      { name: 'standard', share: 1 - HIGH, priority: 0 },
      { name: 'premium', share: HIGH, priority: 2 },
    ],
  });
  s.horizon = { days: 10, intervalMinutes: 60, warmUpDays: 1 };
  return s;
}

/** t(0.9995, 19): a 99.9 % interval over twenty replications. */
const T999 = 3.883;

describe('customer classes', () => {
  it("each class's ASA matches Cobham's non-preemptive priority M/M/c formula", () => {
    const asa: number[][] = [[], []];
    const share: number[] = [];
    for (let r = 0; r < 20; r++) {
      const sim = new Simulation(scenario(), { seed: replicationSeed('classes', r) });
      sim.runToEnd();
      const at = (k: number, f: CS) => sim.classStats[k * CS.COUNT + f]; // channel 0
      for (const k of [0, 1]) asa[k].push(at(k, CS.WaitSum) / at(k, CS.Handled));
      share.push(at(1, CS.Offered) / (at(0, CS.Offered) + at(1, CS.Offered)));
      // conservation per class, and nothing counted past the channel's classes
      for (const k of [0, 1])
        expect(at(k, CS.Handled) + at(k, CS.Abandoned)).toBeLessThanOrEqual(at(k, CS.Offered));
      expect(sim.classStats.slice(2 * CS.COUNT, MAX_CLASSES * CS.COUNT).every((x) => x === 0)).toBe(true);
    }
    const fifo = erlangCAsa({ agents: AGENTS, arrivalRatePerSecond: LOAD / AHT, meanHandleSeconds: AHT });
    const rho = LOAD / AGENTS;
    const base = fifo * (1 - rho); // C(c, a) / (cμ)
    const sigmaHigh = HIGH * rho;
    const expected = [base / ((1 - sigmaHigh) * (1 - rho)), base / (1 - sigmaHigh)]; // standard, premium
    for (const k of [1, 0]) {
      const n = asa[k].length;
      const mean = asa[k].reduce((a, x) => a + x, 0) / n;
      const sd = Math.sqrt(asa[k].reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
      const half = (T999 * sd) / Math.sqrt(n);
      expect(Math.abs(mean - expected[k]), `class ${k}: ${mean} ± ${half} vs ${expected[k]}`).toBeLessThan(
        half,
      );
      // narrow enough to tell priority from FIFO (premium 44 s, standard 219 s, FIFO 166 s)
      expect(half).toBeLessThan(Math.abs(fifo - expected[k]) / 2);
    }
    // the class draw follows the shares (±1 point over ~230,000 contacts: se ≈ 0.1 points)
    const m = share.reduce((a, x) => a + x, 0) / share.length;
    expect(Math.abs(m - HIGH)).toBeLessThan(0.01);
  });

  it('the result breaks the channel down per class: the classes add up to the channel, per replication', () => {
    const s = scenario();
    s.horizon = { days: 1, intervalMinutes: 60 };
    const voice = s.channels.voice!;
    voice.patience = { dist: 'exponential', mean: 120 };
    voice.classes![1].patience = null; // premium never abandons
    for (let r = 0; r < 3; r++) {
      const o = runReplication(s, { seed: 'classes', replication: r });
      const byClass = o.classes!.voice!;
      expect(Object.keys(byClass)).toEqual(['standard', 'premium']);
      for (const key of ['offered', 'handled', 'abandoned'] as const)
        expect(byClass.standard[key]! + byClass.premium[key]!).toBe(o.channels.voice![key]);
      expect(byClass.premium.abandoned).toBe(0);
      expect(byClass.standard.abandoned!).toBeGreaterThan(0);
    }
    // without classes the key is absent (old results unchanged)
    expect(runReplication(oneSite(5, 40), { seed: 'classes' }).classes).toBeUndefined();
  });

  it('validation names the field: shares must sum to 1', () => {
    const s = scenario();
    s.channels.voice!.classes![0].share = 0.5;
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/channels\.voice\.classes: shares must sum to 1/);
  });
});
