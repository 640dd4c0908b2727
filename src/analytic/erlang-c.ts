/**
 * Erlang B and Erlang C (M/M/n, infinite patience, FCFS).
 *
 * Pure arithmetic: no Node or DOM APIs, so the same code runs in the browser, a worker and the CLI.
 *
 * Numerical stability: the textbook forms A^n/n! / Σ A^k/k! overflow long before 5,000 agents
 * (170! is already the largest factorial a double holds). Everything here goes through the Erlang B
 * recursion B(n) = A·B(n−1) / (n + A·B(n−1)), whose terms stay in [0, 1], and Erlang C is derived from
 * B without forming any large intermediate.
 *
 * Conventions: `load` is the offered load A in Erlangs (arrival rate × mean handle time); rates are per
 * second and times in seconds, like the rest of Shoreline.
 */

/** Throws unless `n` is a whole number ≥ 0; `what` names the argument in the message. */
export function assertAgents(n: number, what = 'agents'): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}: must be a whole number ≥ 0 (got ${n})`);
}

/** Throws unless `x` is finite and ≥ 0. */
export function assertNonNegative(x: number, what: string): void {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${what}: must be a finite number ≥ 0 (got ${x})`);
}

/** Throws unless `x` is finite and > 0. */
export function assertPositive(x: number, what: string): void {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`${what}: must be a finite number > 0 (got ${x})`);
}

/**
 * Erlang B blocking probability for `agents` servers and `load` Erlangs.
 * B(0) = 1; each step is a convex-ish update that cannot overflow, so this is exact to rounding for any
 * size. O(agents).
 */
export function erlangB(agents: number, load: number): number {
  assertAgents(agents);
  assertNonNegative(load, 'load');
  if (load === 0) return agents === 0 ? 1 : 0;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = stepErlangB(b, k, load);
  return b;
}

/** One step of the recursion: B(k) from B(k−1). Shared with the staffing search so it can carry B. */
function stepErlangB(bPrev: number, k: number, load: number): number {
  const ab = load * bPrev;
  return ab / (k + ab);
}

/**
 * Erlang C from Erlang B for the same (n, A): C = n·B / (n − A·(1 − B)).
 * Both terms of the denominator are moderate numbers when A < n, so there is no cancellation to speak of
 * (n − A + A·B > 0 and ≥ n − A).
 */
function erlangCFromB(agents: number, load: number, b: number): number {
  if (load >= agents) return 1;
  return (agents * b) / (agents - load * (1 - b));
}

/**
 * Erlang C: probability that an arriving contact has to wait (all agents busy), M/M/n.
 * With load ≥ agents the queue is unstable and every contact eventually waits, so this returns 1.
 */
export function erlangC(agents: number, load: number): number {
  assertAgents(agents);
  assertNonNegative(load, 'load');
  if (load >= agents) return 1;
  return erlangCFromB(agents, load, erlangB(agents, load));
}

export interface ErlangCInput {
  agents: number;
  arrivalRatePerSecond: number;
  meanHandleSeconds: number;
  withinSeconds: number;
}

function loadOf(arrivalRatePerSecond: number, meanHandleSeconds: number): number {
  assertNonNegative(arrivalRatePerSecond, 'arrivalRatePerSecond');
  assertPositive(meanHandleSeconds, 'meanHandleSeconds');
  return arrivalRatePerSecond * meanHandleSeconds;
}

/**
 * Erlang C service level: P(wait ≤ t) = 1 − C·exp(−(n − A)·t / AHT).
 * (The waiting time of a delayed contact is exponential with rate (n − A)/AHT = nμ − λ.)
 * Unstable (A ≥ n): the queue grows without bound, so in the long run no contact is answered in time: 0.
 */
export function erlangCServiceLevel(input: ErlangCInput): number {
  const { agents, meanHandleSeconds, withinSeconds } = input;
  assertAgents(agents);
  assertNonNegative(withinSeconds, 'withinSeconds');
  const load = loadOf(input.arrivalRatePerSecond, meanHandleSeconds);
  if (load === 0) return 1;
  if (load >= agents) return 0;
  const c = erlangC(agents, load);
  return 1 - c * Math.exp((-(agents - load) * withinSeconds) / meanHandleSeconds);
}

/**
 * Erlang C average speed of answer, seconds: E[W] = C·AHT / (n − A). Infinity when A ≥ n.
 * With infinite patience every contact is eventually answered, so this is both the mean wait of all
 * arrivals and of answered ones.
 */
export function erlangCAsa(input: Omit<ErlangCInput, 'withinSeconds'>): number {
  const { agents, meanHandleSeconds } = input;
  assertAgents(agents);
  const load = loadOf(input.arrivalRatePerSecond, meanHandleSeconds);
  if (load === 0) return 0;
  if (load >= agents) return Infinity;
  return (erlangC(agents, load) * meanHandleSeconds) / (agents - load);
}

export interface ServiceLevelTarget {
  arrivalRatePerSecond: number;
  meanHandleSeconds: number;
  /** 0–100, e.g. 80 for "80 % within withinSeconds" */
  targetPercent: number;
  withinSeconds: number;
  /** search limit; default 100,000 (the scenario format's total-agent limit) */
  maxAgents?: number;
}

/** Slack for comparing a computed service level with a target such as 80 % (0.8 is not exact in binary). */
const TARGET_SLACK = 1e-12;

/**
 * Smallest number of agents whose Erlang C service level meets the target.
 *
 * Searches upward from the first stable count (the smallest n > A; below that the service level is 0).
 * Erlang B is computed once for the starting n and then carried one step per candidate, so the whole
 * search is O(n) rather than O(n²) — at A ≈ 1,000 that is a few thousand flops.
 *
 * Returns 0 when there is no traffic, and Infinity when even `maxAgents` does not meet the target (e.g.
 * a 100 % target, which the formula only reaches asymptotically).
 */
export function agentsForServiceLevel(input: ServiceLevelTarget): number {
  const { meanHandleSeconds, targetPercent, withinSeconds } = input;
  const maxAgents = input.maxAgents ?? 100_000;
  assertNonNegative(withinSeconds, 'withinSeconds');
  assertAgents(maxAgents, 'maxAgents');
  if (!(targetPercent >= 0 && targetPercent <= 100)) {
    throw new RangeError(`targetPercent: must be between 0 and 100 (got ${targetPercent})`);
  }
  const load = loadOf(input.arrivalRatePerSecond, meanHandleSeconds);
  if (load === 0) return 0;
  const target = targetPercent / 100 - TARGET_SLACK;

  // n0 = smallest integer strictly above A (C = 1 at n = A, so A itself never qualifies).
  const n0 = Math.floor(load) + 1;
  if (n0 > maxAgents) return Infinity;
  let b = erlangB(n0, load);
  for (let n = n0; n <= maxAgents; n++) {
    if (n > n0) b = stepErlangB(b, n, load);
    const c = erlangCFromB(n, load, b);
    const sl = 1 - c * Math.exp((-(n - load) * withinSeconds) / meanHandleSeconds);
    if (sl >= target) return n;
  }
  return Infinity;
}
