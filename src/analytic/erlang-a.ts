/**
 * Erlang A (Palm's M/M/n+M): Poisson arrivals λ, n agents with exponential handle times (rate μ = 1/AHT),
 * FCFS queue, and each waiting contact abandons after an exponential patience (rate θ = 1/mean patience).
 *
 * Pure arithmetic: no Node or DOM APIs.
 *
 * ─── The model, as a birth–death chain on k = contacts in the system ────────────────────────────────
 *   birth rate λ;  death rate min(k, n)·μ + max(k − n, 0)·θ.
 *   Stationary: π_k ∝ A^k/k! for k ≤ n (A = λ/μ), and π_{n+j} = π_n · Π_{i=1..j} λ/(nμ + iθ).
 *
 * Stability: with θ > 0 the chain is always positive recurrent (the abandonment rate grows with the
 * queue), so overloads (A > n) give finite answers. θ = 0 (infinite patience) is Erlang C, which we
 * delegate to erlang-c.ts.
 *
 * ─── Numerics ─────────────────────────────────────────────────────────────────────────────────────
 * - The k ≤ n block is never summed term by term: relative to π_n its mass is exactly 1/B(n, A)
 *   (Erlang B, computed by its stable recursion), so Σ_{k≤n} π_k / π_n = 1/B.
 * - The queue block is built in log space, log w_j = Σ log(λ/(nμ + iθ)), and normalised relative to its
 *   largest term, so an overload whose queue peaks at e^{+700} does not overflow.
 * - The ratios λ/(nμ + iθ) strictly decrease in i, so once past the peak the tail beyond j is bounded by
 *   the geometric series w_j·q/(1 − q) with q the next ratio; we stop when that is < 1e-17 of the peak.
 *
 * ─── What an arriving contact experiences (PASTA: arrivals see the stationary π) ────────────────────
 * An arrival that finds k ≥ n in the system joins the queue at position j = k − n + 1 (j − 1 ahead).
 * Only the contacts ahead of it matter (FCFS), so from position i it:
 *   - moves up (or, from i = 1, is answered) at rate nμ + (i − 1)θ  (a service completion, or one of the
 *     i − 1 ahead abandoning), and
 *   - abandons itself at rate θ.
 * So it leaves position i at total rate r_i = nμ + iθ, after an Exp(r_i) sojourn that is independent of
 * which way it leaves (a standard CTMC fact). Hence, given position j:
 *   P(answered | j)        = Π_{i=1..j} r_{i−1}/r_i = nμ / r_j                 (telescoping)
 *   P(abandons at pos. i | j) = [Π_{m=i+1..j} r_{m−1}/r_m] · θ/r_i = θ / r_j   (the same for every i!)
 *   If answered, its wait is S_{1..j} = Σ_{i=1..j} Exp(r_i) (independent of having been answered).
 *   If it abandons at position i, its wait is S_{i..j} = Σ_{m=i..j} Exp(r_m).
 * Therefore
 *   E[wait · 1{answered} | j]          = (nμ/r_j) · Σ_{i=1..j} 1/r_i
 *   P(answered, wait ≤ t | j)          = (nμ/r_j) · P(S_{1..j} ≤ t)
 *   P(abandoned, wait > t | j)         = (θ/r_j)  · Σ_{i=1..j} P(S_{i..j} > t).
 * Let X be the pure-death chain on {0, 1, …} that leaves i at rate r_i. Started from X_0 = j,
 *   S_{i..j} > t  ⟺  X_t ≥ i,   so   P(S_{1..j} ≤ t) = P_j(X_t = 0)  and  Σ_i P(S_{i..j} > t) = E_j[X_t].
 * Both are e^{Qt}·g for g = 1{0} and g = identity, which we compute for all j at once by uniformisation
 * (a Poisson-weighted sum of powers of a stochastic bidiagonal matrix: all terms are non-negative, so no
 * cancellation — unlike the closed-form hypoexponential alternating sums, which blow up for large j).
 *
 * Checks (also asserted in test/analytic.test.ts against a seeded simulation):
 *   Σ_j p_j·jθ/r_j = θ·E[queue]/λ (by the balance equations λπ_{n+j−1} = r_j π_{n+j}), i.e. P(abandon);
 *   at t = 0 the service level is P(no wait), and as t → ∞ it tends to 1.
 */
import { assertAgents, assertNonNegative, assertPositive, erlangB, erlangC, erlangCAsa } from './erlang-c';

export interface ErlangAInput {
  /** number of servers (whole number ≥ 1) */
  agents: number;
  arrivalRatePerSecond: number;
  meanHandleSeconds: number;
  /** mean of the exponential patience; Infinity = never abandons (then this is Erlang C) */
  meanPatienceSeconds: number;
  /** service-level threshold t */
  withinSeconds: number;
}

export interface ErlangAResult {
  /** P(an arrival finds all agents busy) */
  pWait: number;
  /** abandoned ÷ offered (= abandoned ÷ (handled + abandoned) in steady state) */
  abandonRate: number;
  /** mean wait of answered contacts, seconds */
  asa: number;
  /** answered within t ÷ (answered + abandoned after t), the simulation's definition (SPEC §6) */
  serviceLevel: number;
  /** carried load ÷ agents = λ(1 − P(abandon))·AHT / n */
  occupancy: number;
}

/**
 * Guard against pathological inputs (e.g. a heavy overload with patience of years, whose queue peaks
 * around (λ − nμ)/θ contacts): beyond this many queue states we refuse rather than allocate gigabytes.
 */
export const MAX_QUEUE_STATES = 2_000_000;

/** Relative size below which queue states are dropped (vs. the largest state probability). */
const TRUNCATION = 1e-17;

interface QueueDistribution {
  /** P(k < n): arrivals answered at once */
  pNoWait: number;
  /** queue[j] = π_{n+j}, j = 0..J (j contacts waiting); empty if the queue has negligible mass */
  queue: Float64Array;
}

/** Stationary distribution of the queue block; see the header for the method. */
function stationaryQueue(n: number, lambda: number, nmu: number, theta: number): QueueDistribution {
  const b = erlangB(n, lambda / (nmu / n));
  if (b === 0) return { pNoWait: 1, queue: new Float64Array(0) };

  // log w_j for j = 0.. with w_0 = 1 (π_n itself).
  const logs: number[] = [0];
  let logw = 0;
  let peak = 0;
  for (let j = 1; ; j++) {
    const ratio = lambda / (nmu + j * theta);
    logw += Math.log(ratio);
    logs.push(logw);
    if (logw > peak) peak = logw;
    if (ratio < 1) {
      const q = lambda / (nmu + (j + 1) * theta);
      if (Math.exp(logw - peak) * (q / (1 - q)) < TRUNCATION) break;
    }
    if (j >= MAX_QUEUE_STATES) {
      throw new RangeError(
        `erlangA: the queue would need more than ${MAX_QUEUE_STATES} states (patience too long for this ` +
          `overload); use a shorter meanPatienceSeconds or Erlang C`,
      );
    }
  }

  // Mass of k ≤ n relative to π_n is 1/B; relative to the peak term it is e^{−peak}/B.
  const lossMass = Math.exp(-peak - Math.log(b));
  if (!Number.isFinite(lossMass)) return { pNoWait: 1, queue: new Float64Array(0) };
  let z = lossMass;
  const queue = new Float64Array(logs.length);
  for (let j = 0; j < logs.length; j++) {
    queue[j] = Math.exp(logs[j] - peak);
    if (j > 0) z += queue[j]; // j = 0 (k = n) is already inside lossMass
  }
  for (let j = 0; j < queue.length; j++) queue[j] /= z;
  // e^{−peak}(1/B − 1) = lossMass·(1 − B): the k < n mass, without subtracting nearly equal numbers.
  return { pNoWait: (lossMass * (1 - b)) / z, queue };
}

/**
 * P(answered with 0 < wait ≤ t) and P(abandoned with wait > t), per arrival, from the queue block.
 * Position j = 1..P is reached by an arrival that finds queue[j − 1] (i.e. k = n + j − 1).
 */
function thresholdParts(
  queue: Float64Array,
  nmu: number,
  theta: number,
  t: number,
): { answeredWithin: number; abandonedAfter: number } {
  const positions = queue.length;
  if (positions === 0) return { answeredWithin: 0, abandonedAfter: 0 };
  const rate = new Float64Array(positions + 1);
  const c1 = new Float64Array(positions + 1); // p_j · P(answered | j)
  const c2 = new Float64Array(positions + 1); // p_j · P(abandon at any one position | j)
  for (let j = 1; j <= positions; j++) {
    rate[j] = nmu + j * theta;
    c1[j] = (queue[j - 1] * nmu) / rate[j];
    c2[j] = (queue[j - 1] * theta) / rate[j];
  }
  // u1 = P_j(X_t = 0) and u2 = E_j[X_t], as t grows through the uniformised chain's steps.
  const u1 = new Float64Array(positions + 1);
  const u2 = new Float64Array(positions + 1);
  u1[0] = 1;
  for (let j = 1; j <= positions; j++) u2[j] = j;
  const dot = (c: Float64Array, u: Float64Array): number => {
    let s = 0;
    for (let j = 1; j <= positions; j++) s += c[j] * u[j];
    return s;
  };
  if (t === 0) return { answeredWithin: 0, abandonedAfter: dot(c2, u2) };

  // Uniformisation: e^{Qt} = Σ_k Poisson(Λt; k)·P^k with P = I + Q/Λ, Λ = the largest rate.
  const bigLambda = rate[positions];
  const x = bigLambda * t;
  const logX = Math.log(x);
  const step = new Float64Array(positions + 1);
  for (let j = 1; j <= positions; j++) step[j] = rate[j] / bigLambda;

  let logFactorial = 0;
  let cumulative = 0;
  let d1 = 0;
  let d2 = 0;
  for (let k = 0; ; k++) {
    if (k > 0) logFactorial += Math.log(k);
    // Poisson weights in log space: e^{−Λt} underflows for Λt > 745, the weights near the mode do not.
    const w = Math.exp(-x + k * logX - logFactorial);
    if (w > 0) {
      d1 += w * dot(c1, u1);
      d2 += w * dot(c2, u2);
      cumulative += w;
    }
    // Right tail of the Poisson beyond k (k > Λt): bounded by a geometric series with ratio Λt/(k+1).
    if (k > x) {
      const r = x / (k + 1);
      if ((w * r) / (1 - r) < TRUNCATION) break;
    }
    // Every start has (numerically) reached 0: later powers are all the same vector, so the remaining
    // Poisson mass multiplies the current values. u1 is decreasing in j, so checking the top suffices.
    if (1 - u1[positions] < 1e-15) {
      const rest = Math.max(0, 1 - cumulative);
      d1 += rest * dot(c1, u1);
      d2 += rest * dot(c2, u2);
      break;
    }
    // One step of P: from j, move to j − 1 with probability r_j/Λ. Top-down so u[j − 1] is still old.
    for (let j = positions; j >= 1; j--) {
      const a = step[j];
      u1[j] += a * (u1[j - 1] - u1[j]);
      u2[j] += a * (u2[j - 1] - u2[j]);
    }
  }
  return { answeredWithin: d1, abandonedAfter: d2 };
}

/**
 * Erlang A figures for one staffing level. See the header for the derivations.
 * Cost: O(n) for Erlang B, O(J) for the queue block, O(J·K) for the service level, where J is the number
 * of queue states that matter and K ≈ Λt + a few √(Λt) uniformisation steps — about a millisecond at
 * n = 1,000.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const {
    agents,
    arrivalRatePerSecond: lambda,
    meanHandleSeconds,
    meanPatienceSeconds,
    withinSeconds,
  } = input;
  assertAgents(agents);
  if (agents < 1) throw new RangeError(`agents: must be at least 1 (got ${agents})`);
  assertNonNegative(lambda, 'arrivalRatePerSecond');
  assertPositive(meanHandleSeconds, 'meanHandleSeconds');
  assertNonNegative(withinSeconds, 'withinSeconds');
  if (!(meanPatienceSeconds > 0)) {
    throw new RangeError(`meanPatienceSeconds: must be > 0 or Infinity (got ${meanPatienceSeconds})`);
  }
  const load = lambda * meanHandleSeconds;
  if (lambda === 0) return { pWait: 0, abandonRate: 0, asa: 0, serviceLevel: 1, occupancy: 0 };

  if (meanPatienceSeconds === Infinity) {
    // Erlang C; when unstable the queue grows forever: everyone waits, nobody in time, agents saturated.
    const c = { agents, arrivalRatePerSecond: lambda, meanHandleSeconds };
    const stable = load < agents;
    const pWait = erlangC(agents, load);
    return {
      pWait,
      abandonRate: 0,
      asa: erlangCAsa(c),
      serviceLevel: stable ? 1 - pWait * Math.exp((-(agents - load) * withinSeconds) / meanHandleSeconds) : 0,
      occupancy: stable ? load / agents : 1,
    };
  }

  const nmu = agents / meanHandleSeconds;
  const theta = 1 / meanPatienceSeconds;
  const { pNoWait, queue } = stationaryQueue(agents, lambda, nmu, theta);

  let pWait = 0;
  let meanQueue = 0;
  // E[wait·1{answered}] = Σ_j p_j (nμ/r_j) H_j with H_j = Σ_{i≤j} 1/r_i, p_j = queue[j − 1].
  let answeredWaitSum = 0;
  let h = 0;
  for (let j = 0; j < queue.length; j++) {
    pWait += queue[j];
    meanQueue += j * queue[j];
    const r = nmu + (j + 1) * theta;
    h += 1 / r;
    answeredWaitSum += ((queue[j] * nmu) / r) * h;
  }
  // Rate balance: abandonments per second θ·E[Q] over arrivals per second λ.
  const abandonRate = Math.min(1, (theta * meanQueue) / lambda);
  const answered = 1 - abandonRate;
  const { answeredWithin, abandonedAfter } = thresholdParts(queue, nmu, theta, withinSeconds);
  return {
    pWait: Math.min(1, pWait),
    abandonRate,
    asa: answeredWaitSum / answered,
    serviceLevel: Math.min(1, (pNoWait + answeredWithin) / (answered + abandonedAfter)),
    occupancy: (load * answered) / agents,
  };
}
