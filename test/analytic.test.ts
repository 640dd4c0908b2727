import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  agentsForServiceLevel,
  erlangA,
  erlangB,
  erlangC,
  erlangCAsa,
  erlangCServiceLevel,
  staffingEstimate,
  type ErlangAInput,
} from '../src/analytic';

// ─── Independent references ────────────────────────────────────────────────────────────────────────

/** a/b for BigInts as a double, to ~17 significant digits. */
function ratio(a: bigint, b: bigint): number {
  const scale = 10n ** 30n;
  return Number((a * scale) / b) / 1e30;
}

/**
 * Exact Erlang B and C for a rational load A = p/q, by direct factorial sums in BigInt.
 * Multiplying A^k/k! by q^n·n! gives the integers T_k = p^k·q^(n−k)·n!/k!.
 */
function exactErlang(n: number, p: number, q = 1): { b: number; c: number } {
  const N = BigInt(n);
  const P = BigInt(p);
  const Q = BigInt(q);
  const t: bigint[] = [];
  for (let k = 0; k <= n; k++) {
    let nFactOverKFact = 1n;
    for (let m = BigInt(k + 1); m <= N; m++) nFactOverKFact *= m;
    t.push(P ** BigInt(k) * Q ** BigInt(n - k) * nFactOverKFact);
  }
  const all = t.reduce((s, x) => s + x, 0n);
  const below = all - t[n];
  // C = T_n·n/(n − A) / (Σ_{k<n} T_k + T_n·n/(n − A)); multiply through by q(n − A) = nq − p.
  const nMinusA = N * Q - P;
  const c = nMinusA > 0n ? ratio(t[n] * N * Q, nMinusA * below + t[n] * N * Q) : 1;
  return { b: ratio(t[n], all), c };
}

/** Erlang B by log-sum-exp of k·ln A − ln k! (an independent route for large n). */
function logSpaceErlangB(n: number, a: number): number {
  const logs: number[] = [];
  let logFact = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logFact += Math.log(k);
    logs.push(k * Math.log(a) - logFact);
  }
  const max = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.exp(logs[n] - max) / sum;
}

/**
 * Seeded simulation of M/M/n+M, FCFS. Processing contacts in arrival order is exact for FCFS with
 * reneging: a contact's wait depends only on those ahead, so it is served at the earliest moment a
 * server frees after all earlier answered contacts have taken theirs — if that is within its patience —
 * and otherwise abandons at arrival + patience without occupying anyone.
 */
function simulate(
  input: ErlangAInput,
  contacts: number,
  seed: string,
): {
  pWait: number;
  abandonRate: number;
  asa: number;
  serviceLevel: number;
  occupancy: number;
} {
  const rng = seedrandom.alea(seed);
  const exp = (mean: number) => -mean * Math.log(1 - rng());
  const free = new Array<number>(input.agents).fill(0);
  const warmUp = Math.floor(contacts / 20);
  let now = 0;
  let waited = 0;
  let answered = 0;
  let abandoned = 0;
  let answeredWithin = 0;
  let abandonedAfter = 0;
  let answeredWait = 0;
  let busy = 0;
  let startTime = 0;
  for (let i = 0; i < contacts + warmUp; i++) {
    now += exp(1 / input.arrivalRatePerSecond);
    if (i === warmUp) startTime = now;
    const patience = exp(input.meanPatienceSeconds);
    const handle = exp(input.meanHandleSeconds);
    let s = 0;
    for (let k = 1; k < free.length; k++) if (free[k] < free[s]) s = k;
    const start = Math.max(now, free[s]);
    const wait = start - now;
    const served = wait <= patience;
    if (served) free[s] = start + handle;
    if (i < warmUp) continue;
    if (wait > 0) waited++;
    if (served) {
      answered++;
      answeredWait += wait;
      busy += handle;
      if (wait <= input.withinSeconds) answeredWithin++;
    } else {
      abandoned++;
      if (patience > input.withinSeconds) abandonedAfter++;
    }
  }
  const offered = answered + abandoned;
  return {
    pWait: waited / offered,
    abandonRate: abandoned / offered,
    asa: answeredWait / answered,
    serviceLevel: answeredWithin / (answered + abandonedAfter),
    occupancy: busy / ((now - startTime) * input.agents),
  };
}

// ─── Erlang B / C ──────────────────────────────────────────────────────────────────────────────────

describe('Erlang B and C', () => {
  it('matches published table values, checked against exact BigInt sums', () => {
    const ref10 = exactErlang(10, 10);
    expect(ref10.b).toBeCloseTo(0.2146, 4); // Erlang B table: 10 Erl on 10 trunks
    expect(erlangB(10, 10)).toBeCloseTo(ref10.b, 14);

    const ref11 = exactErlang(11, 10);
    const ref12 = exactErlang(12, 10);
    expect(ref11.c).toBeCloseTo(0.6821, 4);
    expect(ref12.c).toBeCloseTo(0.4494, 4);
    expect(erlangC(11, 10)).toBeCloseTo(ref11.c, 14);
    expect(erlangC(12, 10)).toBeCloseTo(ref12.c, 14);
  });

  it('agrees with exact sums for larger and fractional loads', () => {
    for (const [n, p, q] of [
      [100, 90, 1],
      [300, 561, 2], // A = 280.5
      [57, 203, 4], // A = 50.75
      [1, 1, 2],
    ]) {
      const ref = exactErlang(n, p, q);
      expect(erlangB(n, p / q) / ref.b).toBeCloseTo(1, 11);
      expect(erlangC(n, p / q) / ref.c).toBeCloseTo(1, 11);
    }
  });

  it('handles the edges: no traffic, zero agents, unstable load', () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(10, 0)).toBe(0);
    const unstable = { agents: 10, arrivalRatePerSecond: 12 / 300, meanHandleSeconds: 300 };
    expect(erlangCAsa(unstable)).toBe(Infinity);
    expect(erlangCServiceLevel({ ...unstable, withinSeconds: 20 })).toBe(0);
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow(RangeError);
  });

  it('service level and ASA follow the M/M/n waiting-time law', () => {
    // 100 calls per 30 minutes, 180 s AHT: A = 10 Erl (the classic worked example).
    const base = { arrivalRatePerSecond: 100 / 1800, meanHandleSeconds: 180 };
    for (const n of [11, 13, 14, 20]) {
      const c = exactErlang(n, 10).c;
      expect(erlangCServiceLevel({ ...base, agents: n, withinSeconds: 20 })).toBeCloseTo(
        1 - c * Math.exp((-(n - 10) * 20) / 180),
        12,
      );
      expect(erlangCAsa({ ...base, agents: n })).toBeCloseTo((c * 180) / (n - 10), 10);
      expect(erlangCServiceLevel({ ...base, agents: n, withinSeconds: 0 })).toBeCloseTo(1 - c, 12);
    }
  });

  it('agentsForServiceLevel returns the smallest count meeting the target (exact-sum check)', () => {
    const base = { arrivalRatePerSecond: 100 / 1800, meanHandleSeconds: 180 };
    const sl = (n: number) => 1 - exactErlang(n, 10).c * Math.exp((-(n - 10) * 20) / 180);
    let expected = 11;
    while (sl(expected) < 0.8) expected++;
    const n = agentsForServiceLevel({ ...base, targetPercent: 80, withinSeconds: 20 });
    expect(n).toBe(expected);
    expect(n).toBe(14); // the worked example's well-known answer
    expect(agentsForServiceLevel({ ...base, targetPercent: 80, withinSeconds: 20, maxAgents: 13 })).toBe(
      Infinity,
    );
    expect(
      agentsForServiceLevel({ ...base, arrivalRatePerSecond: 0, targetPercent: 80, withinSeconds: 20 }),
    ).toBe(0);
  });

  it('is stable at 5,000 agents and 4,900 Erlangs', () => {
    const b = erlangB(5000, 4900);
    const c = erlangC(5000, 4900);
    expect(Number.isFinite(b) && b > 0 && b < 1).toBe(true);
    expect(Number.isFinite(c) && c > 0 && c < 1).toBe(true);
    expect(b / logSpaceErlangB(5000, 4900)).toBeCloseTo(1, 9);
    expect(c).toBeGreaterThan(b); // C ≥ B always
    const asa = erlangCAsa({ agents: 5000, arrivalRatePerSecond: 4900 / 300, meanHandleSeconds: 300 });
    expect(Number.isFinite(asa) && asa > 0).toBe(true);
    // far from saturation B underflows gracefully instead of producing NaN
    expect(erlangB(5000, 100)).toBeGreaterThanOrEqual(0);
    expect(erlangC(5000, 100)).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(erlangC(5000, 100))).toBe(false);
  });

  it('staffing is monotone in load, minimal, and fast near 1,000 Erlangs', () => {
    let previous = 0;
    for (let load = 0.5; load <= 1200; load *= 1.15) {
      const input = { arrivalRatePerSecond: load / 300, meanHandleSeconds: 300, withinSeconds: 20 };
      const n = agentsForServiceLevel({ ...input, targetPercent: 80 });
      expect(n).toBeGreaterThanOrEqual(previous);
      expect(n).toBeGreaterThan(load);
      expect(erlangCServiceLevel({ ...input, agents: n })).toBeGreaterThanOrEqual(0.8 - 1e-12);
      if (n - 1 > load) expect(erlangCServiceLevel({ ...input, agents: n - 1 })).toBeLessThan(0.8);
      previous = n;
    }
  });
});

// ─── Erlang A ──────────────────────────────────────────────────────────────────────────────────────

describe('Erlang A', () => {
  const big = { agents: 1030, arrivalRatePerSecond: 1000 / 300, meanHandleSeconds: 300, withinSeconds: 20 };

  it('approaches Erlang C as patience grows (stable load)', () => {
    const c = erlangA({ ...big, meanPatienceSeconds: Infinity });
    expect(c.pWait).toBeCloseTo(erlangC(1030, 1000), 12);
    expect(c.serviceLevel).toBeCloseTo(erlangCServiceLevel(big), 12);
    expect(c.abandonRate).toBe(0);
    for (const patience of [1e8, 1e10]) {
      const a = erlangA({ ...big, meanPatienceSeconds: patience });
      expect(a.pWait).toBeCloseTo(c.pWait, 5);
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
      expect(a.asa / c.asa).toBeCloseTo(1, 4);
      expect(a.abandonRate).toBeLessThan(1e-6);
      expect(a.abandonRate).toBeGreaterThan(0);
      expect(a.occupancy).toBeCloseTo(1000 / 1030, 6);
    }
    // and on a small system, where the difference would show
    const small = { agents: 3, arrivalRatePerSecond: 2.4, meanHandleSeconds: 1, withinSeconds: 0.5 };
    const a = erlangA({ ...small, meanPatienceSeconds: 1e7 });
    expect(a.pWait).toBeCloseTo(exactErlang(3, 12, 5).c, 5);
    expect(a.serviceLevel).toBeCloseTo(erlangCServiceLevel(small), 5);
    expect(a.asa).toBeCloseTo(erlangCAsa(small), 4);
  });

  it('abandonment improves waits at the same staffing', () => {
    const c = erlangA({ ...big, meanPatienceSeconds: Infinity });
    const a = erlangA({ ...big, meanPatienceSeconds: 60 });
    expect(a.pWait).toBeLessThan(c.pWait);
    expect(a.asa).toBeLessThan(c.asa);
    expect(a.serviceLevel).toBeGreaterThan(c.serviceLevel);
    expect(a.abandonRate).toBeGreaterThan(0);
  });

  it('stays finite when overloaded and follows the fluid limit 1 − n/A', () => {
    for (const load of [1500, 2000, 4000]) {
      const r = erlangA({
        agents: 1000,
        arrivalRatePerSecond: load / 300,
        meanHandleSeconds: 300,
        meanPatienceSeconds: 120,
        withinSeconds: 20,
      });
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      expect(r.abandonRate).toBeCloseTo(1 - 1000 / load, 2);
      expect(r.pWait).toBeGreaterThan(0.999);
      expect(r.occupancy).toBeCloseTo(1, 3);
      // Fluid model: the head of the queue has waited w, and the share of arrivals still there,
      // e^{−θw}, is the share the agents can take, nμ/λ; so answered contacts wait w = ln(A/n)/θ.
      const fluidWait = Math.log(load / 1000) * 120;
      expect(r.asa / fluidWait).toBeCloseTo(1, 2);
    }
  });

  it('handles 5,000 agents at 4,900 Erlangs', () => {
    const r = erlangA({
      agents: 5000,
      arrivalRatePerSecond: 4900 / 300,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      withinSeconds: 20,
    });
    for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
    for (const v of [r.pWait, r.abandonRate, r.serviceLevel, r.occupancy]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(r.pWait).toBeLessThan(erlangC(5000, 4900));
  });

  it('has the right limits in the threshold: t = 0 gives P(no wait), t → ∞ gives 1', () => {
    const input = { agents: 4, arrivalRatePerSecond: 3, meanHandleSeconds: 1.5, meanPatienceSeconds: 2 };
    const at0 = erlangA({ ...input, withinSeconds: 0 });
    expect(at0.serviceLevel).toBeCloseTo(1 - at0.pWait, 12);
    expect(erlangA({ ...input, withinSeconds: 1000 }).serviceLevel).toBeCloseTo(1, 10);
    let previous = at0.serviceLevel;
    for (const t of [0.1, 0.5, 1, 2, 5]) {
      const sl = erlangA({ ...input, withinSeconds: t }).serviceLevel;
      expect(sl).toBeGreaterThan(previous);
      previous = sl;
    }
  });

  it('agrees with a seeded simulation of M/M/n+M', () => {
    const cases: ErlangAInput[] = [
      // critically loaded, noticeable abandonment
      {
        agents: 3,
        arrivalRatePerSecond: 1.5,
        meanHandleSeconds: 2,
        meanPatienceSeconds: 3,
        withinSeconds: 1,
      },
      // overloaded, impatient
      {
        agents: 2,
        arrivalRatePerSecond: 2,
        meanHandleSeconds: 1.5,
        meanPatienceSeconds: 1,
        withinSeconds: 0.5,
      },
      // lightly loaded, long threshold
      {
        agents: 5,
        arrivalRatePerSecond: 3,
        meanHandleSeconds: 1.2,
        meanPatienceSeconds: 4,
        withinSeconds: 2,
      },
    ];
    for (const [i, input] of cases.entries()) {
      const exact = erlangA(input);
      const sim = simulate(input, 400_000, `erlang-a-${i}`);
      expect(Math.abs(exact.pWait - sim.pWait)).toBeLessThan(0.01);
      expect(Math.abs(exact.abandonRate - sim.abandonRate)).toBeLessThan(0.006);
      expect(Math.abs(exact.serviceLevel - sim.serviceLevel)).toBeLessThan(0.01);
      expect(Math.abs(exact.occupancy - sim.occupancy)).toBeLessThan(0.01);
      expect(Math.abs(exact.asa / sim.asa - 1)).toBeLessThan(0.03);
    }
  });

  it('distinguishes answered-contact ASA from the mean wait of all arrivals', () => {
    // Little: E[wait of all arrivals] = E[queue]/λ = P(abandon)/θ. The ASA of answered contacts is
    // different (abandoners are the ones who waited long or were deep in the queue).
    const input = {
      agents: 2,
      arrivalRatePerSecond: 2,
      meanHandleSeconds: 1.5,
      meanPatienceSeconds: 1,
      withinSeconds: 0.5,
    };
    const r = erlangA(input);
    const allArrivals = r.abandonRate * input.meanPatienceSeconds;
    const sim = simulate(input, 200_000, 'asa-check');
    expect(Math.abs(r.asa - allArrivals) / r.asa).toBeGreaterThan(0.05);
    expect(Math.abs(sim.asa / r.asa - 1)).toBeLessThan(0.03);
  });

  it('stays finite near 1,000 agents with load close to capacity', () => {
    const input = {
      agents: 1000,
      arrivalRatePerSecond: 1000 / 300,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      withinSeconds: 20,
    };
    for (let i = 0; i < 10; i++) {
      const r = erlangA({ ...input, agents: 990 + i });
      expect(Number.isFinite(r.serviceLevel) && Number.isFinite(r.asa)).toBe(true);
    }
  });

  it('rejects bad input', () => {
    const ok = {
      agents: 2,
      arrivalRatePerSecond: 1,
      meanHandleSeconds: 1,
      meanPatienceSeconds: 1,
      withinSeconds: 1,
    };
    expect(() => erlangA({ ...ok, agents: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...ok, meanPatienceSeconds: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...ok, meanHandleSeconds: NaN })).toThrow(RangeError);
    expect(() => erlangA({ ...ok, withinSeconds: -1 })).toThrow(RangeError);
    expect(erlangA({ ...ok, arrivalRatePerSecond: 0 })).toEqual({
      pWait: 0,
      abandonRate: 0,
      asa: 0,
      serviceLevel: 1,
      occupancy: 0,
    });
  });
});

// ─── Staffing estimate ─────────────────────────────────────────────────────────────────────────────

describe('staffingEstimate', () => {
  it('without patience is Erlang C, and reports figures at that count', () => {
    const r = staffingEstimate({
      arrivalRatePerSecond: 100 / 1800,
      meanHandleSeconds: 180,
      target: { percent: 80, withinSeconds: 20 },
    });
    expect(r.agentsErlangC).toBe(14);
    expect(r.agentsErlangA).toBeNull();
    expect(r.agents).toBe(14);
    const base = { agents: 14, arrivalRatePerSecond: 100 / 1800, meanHandleSeconds: 180 };
    expect(r.serviceLevel).toBeCloseTo(erlangCServiceLevel({ ...base, withinSeconds: 20 }), 12);
    expect(r.asa).toBeCloseTo(erlangCAsa(base), 12);
    expect(r.abandonRate).toBe(0);
    expect(r.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('with patience finds the smallest Erlang A count, never above Erlang C', () => {
    const input = {
      arrivalRatePerSecond: 200 / 300,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 90,
      target: { percent: 80, withinSeconds: 20 },
    };
    const r = staffingEstimate(input);
    expect(r.agentsErlangA).not.toBeNull();
    const n = r.agentsErlangA as number;
    expect(n).toBeLessThanOrEqual(r.agentsErlangC);
    const at = (agents: number) =>
      erlangA({
        agents,
        arrivalRatePerSecond: input.arrivalRatePerSecond,
        meanHandleSeconds: 300,
        meanPatienceSeconds: 90,
        withinSeconds: 20,
      });
    expect(at(n).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(at(n - 1).serviceLevel).toBeLessThan(0.8);
    expect(r.serviceLevel).toBe(at(n).serviceLevel);
    expect(r.abandonRate).toBe(at(n).abandonRate);
  });

  it('treats chat concurrency as agents × concurrency servers', () => {
    const input = {
      arrivalRatePerSecond: 0.05,
      meanHandleSeconds: 600, // 30 Erlangs of chat sessions
      concurrency: 3,
      meanPatienceSeconds: 180,
      target: { percent: 80, withinSeconds: 60 },
    };
    const r = staffingEstimate(input);
    const slots = agentsForServiceLevel({
      arrivalRatePerSecond: 0.05,
      meanHandleSeconds: 600,
      targetPercent: 80,
      withinSeconds: 60,
    });
    expect(r.agentsErlangC).toBe(Math.ceil(slots / 3));
    const n = r.agentsErlangA as number;
    const at = (agents: number) =>
      erlangA({
        agents: agents * 3,
        arrivalRatePerSecond: 0.05,
        meanHandleSeconds: 600,
        meanPatienceSeconds: 180,
        withinSeconds: 60,
      });
    expect(at(n).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(at(n - 1).serviceLevel).toBeLessThan(0.8);
    expect(r.occupancy).toBeCloseTo(at(n).occupancy, 12);
    expect(r.occupancy).toBeLessThanOrEqual(1);
  });
});
