/**
 * The engine against queueing theory. With Poisson arrivals, exponential handle times and no
 * abandonment, one site and one channel is an M/M/n queue, whose service level and ASA Erlang C gives
 * exactly; with exponential patience it is M/M/n+M (Erlang A).
 *
 * Tolerances come from the runs themselves: the 95 % Student-t half-width the engine reports, scaled
 * to a 99.9 % interval (so that this file's dozen comparisons fail by chance well under 2 % of the
 * time for an arbitrary seed; the seeds are fixed, so a run is reproducible). Each replication starts
 * empty; the horizons are long enough that this start-up bias is small against that interval for the
 * waits, and occupancy is corrected for it (see expectedOccupancy).
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangCAsa, erlangCServiceLevel } from '../src/analytic/index';
import { simulate, type Estimate } from '../src/sim/index';
import { oneSite } from './support/build';

/** t(0.9995, df) / t(0.975, df): widens a reported 95 % half-width to a 99.9 % one. */
const WIDEN: Record<number, number> = { 9: 4.781 / 2.262, 19: 3.883 / 2.093 };

function expectWithin(est: Estimate, expected: number, reps: number): void {
  expect(est.mean).not.toBeNull();
  expect(est.ci95).not.toBeNull();
  const tol = est.ci95! * WIDEN[reps - 1];
  expect(
    Math.abs(est.mean! - expected),
    `simulated ${est.mean} ± ${tol.toFixed(4)} vs theory ${expected}`,
  ).toBeLessThanOrEqual(tol);
}

const AHT = 300;

/**
 * Long-run occupancy less the start-up deficit over `days` from an empty start. Busy agents start at 0
 * and rise like an infinite-server queue, a(1 − e^(−t/AHT)) with a the offered load, until they reach
 * the long-run busy count b = n·occupancy; the busy agent-seconds missing against b are
 * b·AHT + (b − a)·t* with t* = −AHT·ln(1 − b/a) (a·AHT when b = a). For 975 Erlangs on 1,000 agents over
 * one day this is 0.35 % of the occupancy, more than the 99.9 % interval of ten replications.
 */
function expectedOccupancy(occupancy: number, offered: number, agents: number, days: number): number {
  const b = agents * occupancy;
  const deficit = b >= offered ? offered * AHT : b * AHT - (b - offered) * AHT * Math.log(1 - b / offered);
  return occupancy - deficit / (agents * days * 86_400);
}

describe('engine vs Erlang C (no abandonment)', () => {
  const cases = [
    { name: '1 agent at light load (30 %)', agents: 1, load: 0.3, days: 20, reps: 20 },
    { name: '10 agents at 80 %', agents: 10, load: 8, days: 3, reps: 20 },
    { name: '100 agents at 90 %', agents: 100, load: 90, days: 1, reps: 20 },
    { name: '1,000 agents at 95 %', agents: 1000, load: 950, days: 1, reps: 10 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rate = c.load / AHT;
      const r = simulate(oneSite(c.agents, rate * 3600, c.days), {
        seed: `erlang-c-${c.agents}`,
        replications: c.reps,
      });
      const v = r.channels.voice!;
      const input = {
        agents: c.agents,
        arrivalRatePerSecond: rate,
        meanHandleSeconds: AHT,
        withinSeconds: 20,
      };
      expectWithin(v.serviceLevel, erlangCServiceLevel(input), c.reps);
      expectWithin(v.asa, erlangCAsa(input), c.reps);
      // Occupancy is the offered load per agent.
      expectWithin(v.occupancy, expectedOccupancy(c.load / c.agents, c.load, c.agents, c.days), c.reps);
      expect(v.abandoned.mean).toBe(0);
    });
  }
});

describe('engine vs Erlang A (exponential patience)', () => {
  const cases = [
    { name: '10 agents at 90 %, patience 120 s', agents: 10, load: 9, patience: 120, days: 3, reps: 20 },
    {
      name: 'overloaded: 10 agents, 12 Erlangs, patience 180 s',
      agents: 10,
      load: 12,
      patience: 180,
      days: 3,
      reps: 20,
    },
    {
      name: '1,000 agents, 975 Erlangs, patience 180 s',
      agents: 1000,
      load: 975,
      patience: 180,
      days: 1,
      reps: 10,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rate = c.load / AHT;
      const scenario = oneSite(c.agents, rate * 3600, c.days, {
        patience: { dist: 'exponential', mean: c.patience },
      });
      const r = simulate(scenario, { seed: `erlang-a-${c.agents}-${c.load}`, replications: c.reps });
      const v = r.channels.voice!;
      const theory = erlangA({
        agents: c.agents,
        arrivalRatePerSecond: rate,
        meanHandleSeconds: AHT,
        meanPatienceSeconds: c.patience,
        withinSeconds: 20,
      });
      expectWithin(v.abandonRate, theory.abandonRate, c.reps);
      expectWithin(v.serviceLevel, theory.serviceLevel, c.reps);
      expectWithin(v.asa, theory.asa, c.reps);
      expectWithin(v.occupancy, expectedOccupancy(theory.occupancy, c.load, c.agents, c.days), c.reps);
    });
  }
});
