/**
 * The effective agents per interval: how many agents, always on the queue, would give the waits and
 * abandonment the log shows. The log's own agent count (names answering) overstates it when agents do
 * other work between calls (the bank's agents talked about half the time while half the callers
 * waited), so it is inferred from the queue's behaviour in two steps:
 *
 * 1. Erlang A, interval by interval: the (fractional) agent count whose steady-state abandon rate is
 *    the observed one, given the interval's arrival rate and handle time and the exponential-equivalent
 *    patience. Fractional counts interpolate linearly between whole ones. Bounded below by the agents
 *    the log shows busy (no fewer agents could have done that much talking).
 * 2. Simulation: Erlang A assumes steady state, exponential service and patience; the day is neither.
 *    The calibrated scenario is simulated (common random numbers across rounds) and each interval's
 *    count moved by its abandon-rate error divided by Erlang A's slope there, a damped Newton step,
 *    for a few rounds.
 *
 * The CI of an interval's count is the inversion at the ends of the observed abandon rate's CI
 * (its sampling error over days), shifted with the simulation's correction, and widened by the last
 * round's simulation noise (its abandon rate's CI over replications, through Erlang A's slope).
 */
import { erlangA } from '../analytic';

export interface IntervalLoad {
  /** calls per second arriving in the interval */
  rate: number;
  /** mean handle seconds in the interval */
  handle: number;
  /**
   * what the agents are calibrated to: the abandon rate, or — on a channel whose log shows no
   * abandons, where the abandon rate says nothing about the agents — the ASA (Erlang C)
   */
  metric: 'abandonRate' | 'asa';
  /** the observed figure and its 95 % half-width; null with no calls */
  observed: number | null;
  observedCi: number | null;
  /** calls behind the rate (answered + abandoned), all days */
  calls: number;
  /** agents the log shows on calls, on average */
  busy: number;
}

export interface AgentsEstimate {
  value: number;
  low: number;
  high: number;
}

/** The load's metric at a fractional agent count, under Erlang A (Erlang C without patience). */
export function erlangAMetric(
  n: number,
  load: IntervalLoad,
  patience: number,
  cache?: Map<number, number>,
): number {
  const at = (k: number): number => {
    const hit = cache?.get(k);
    if (hit !== undefined) return hit;
    const v = erlangA({
      agents: k,
      arrivalRatePerSecond: load.rate,
      meanHandleSeconds: load.handle,
      meanPatienceSeconds: patience,
      withinSeconds: 20,
    })[load.metric];
    cache?.set(k, v);
    return v;
  };
  const m = Math.max(1, n);
  const f = Math.floor(m);
  const w = m - f;
  if (w === 0) return at(f);
  const a = at(f);
  return a === Infinity ? Infinity : (1 - w) * a + w * at(f + 1);
}

/** The fractional agent count (≥ lower) whose Erlang A metric is `target` (both metrics fall with n). */
export function invertMetric(
  target: number,
  load: IntervalLoad,
  patience: number,
  lower: number,
  cache: Map<number, number>,
): number {
  let lo = Math.max(1, lower);
  if (erlangAMetric(lo, load, patience, cache) <= target) return lo;
  let hi = lo + 1;
  while (erlangAMetric(hi, load, patience, cache) > target) {
    hi *= 2;
    if (hi > 1e5) return hi;
  }
  for (let i = 0; i < 40 && hi - lo > 1e-3; i++) {
    const mid = (lo + hi) / 2;
    if (erlangAMetric(mid, load, patience, cache) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * What an interval's agents are calibrated to. The abandon rate aimed at is (abandons + ½) ÷ (calls
 * + 1): an interval with no abandons would otherwise ask for infinitely many agents.
 */
export function metricTarget(load: IntervalLoad): number | null {
  if (load.observed === null) return null;
  return load.metric === 'abandonRate'
    ? (load.observed * load.calls + 0.5) / (load.calls + 1)
    : load.observed;
}

/** Step 1: Erlang A inverted per interval, with the CI from the observed figure's. */
export function erlangAStaffing(
  loads: readonly IntervalLoad[],
  patience: number,
): { agents: AgentsEstimate[]; caches: Map<number, number>[] } {
  const caches = loads.map(() => new Map<number, number>());
  const agents = loads.map((load, i) => {
    const target = metricTarget(load);
    if (load.rate <= 0 || target === null) return { value: 0, low: 0, high: 0 };
    const half = load.observedCi ?? 0;
    const value = invertMetric(target, load, patience, load.busy, caches[i]);
    // a higher abandon rate or ASA ↔ fewer agents
    const worse = load.metric === 'abandonRate' ? Math.min(0.999, target + half) : target + half;
    const better =
      load.metric === 'abandonRate' ? Math.max(1e-4, target - half) : Math.max(0.01, target - half);
    const low = invertMetric(worse, load, patience, load.busy, caches[i]);
    const high = invertMetric(better, load, patience, load.busy, caches[i]);
    return { value, low, high };
  });
  return { agents, caches };
}

/**
 * The simulated metric per interval (abandon rate or ASA, as each load says) for given agents, with
 * its 95 % half-width over replications (the caller builds and runs the scenario).
 */
export type SimulateMetric = (agents: readonly number[]) => { mean: number | null; ci95: number | null }[];

/**
 * Step 2. `rounds` damped Newton steps on each interval's error (simulated − observed metric), the
 * slope from Erlang A. Returns the counts with their CIs.
 */
export function refineBySimulation(
  start: readonly AgentsEstimate[],
  loads: readonly IntervalLoad[],
  patience: number,
  caches: Map<number, number>[],
  simulateMetric: SimulateMetric,
  rounds = 4,
  damping = 0.8,
): AgentsEstimate[] {
  const agents = start.map((a) => ({ ...a }));
  // the simulation's own noise at the last round, in agents (the CI adds it to the log's)
  const simNoise = agents.map(() => 0);
  // the previous round's point per interval, for a secant slope from the simulation itself
  const previous: ({ n: number; sim: number } | null)[] = agents.map(() => null);
  for (let round = 0; round < rounds; round++) {
    const simulated = simulateMetric(agents.map((a) => a.value));
    let moved = 0;
    agents.forEach((a, i) => {
      const load = loads[i];
      const sim = simulated[i].mean;
      const target = metricTarget(load);
      if (a.value <= 0 || sim === null || target === null) return;
      const slope = slopeAt(a.value, load, patience, caches[i], previous[i], sim);
      previous[i] = { n: a.value, sim };
      if (!(slope < -1e-6)) return;
      simNoise[i] = (simulated[i].ci95 ?? 0) / -slope;
      const lower = Math.max(1, load.busy);
      const step = Math.max(-3, Math.min(3, (damping * (sim - target)) / -slope));
      const next = Math.max(lower, a.value + step);
      const shift = next - a.value;
      a.value = next;
      a.low = Math.max(lower, a.low + shift);
      a.high = Math.max(a.value, a.high + shift);
      moved += Math.abs(shift);
    });
    if (moved < 0.01 * agents.length) break;
  }
  return agents.map((a, i) => {
    const widen = (d: number) => Math.sqrt(d * d + simNoise[i] * simNoise[i]);
    return {
      value: a.value,
      low: Math.max(1, a.value - widen(a.value - a.low)),
      high: a.value + widen(a.high - a.value),
    };
  });
}

/**
 * d(metric)/d(agents) at n: the secant through the simulation's last two rounds when they moved the
 * count and it falls with agents (the simulation knows the day's transients, Erlang A does not), else
 * Erlang A's central difference, or its forward one where the count below is overloaded (Erlang C's
 * ASA is infinite at or below the offered load). NaN when none is finite.
 */
function slopeAt(
  n: number,
  load: IntervalLoad,
  patience: number,
  cache: Map<number, number>,
  previous: { n: number; sim: number } | null,
  sim: number,
): number {
  if (previous && Math.abs(previous.n - n) > 0.05) {
    const secant = (sim - previous.sim) / (n - previous.n);
    if (secant < 0 && Number.isFinite(secant)) return secant;
  }
  const up = erlangAMetric(n + 0.5, load, patience, cache);
  const down = erlangAMetric(Math.max(1, n - 0.5), load, patience, cache);
  if (Number.isFinite(down)) return up - down;
  const here = erlangAMetric(n, load, patience, cache);
  return Number.isFinite(here) ? 2 * (up - here) : NaN;
}
