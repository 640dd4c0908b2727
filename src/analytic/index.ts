/**
 * Analytic queueing formulas (Erlang B, C and A) and a staffing estimate built on them.
 *
 * These are steady-state answers for one interval with a constant arrival rate: they are the quick
 * cross-check for the simulator, not a replacement for it (no shifts, shrinkage, routing, repeats,
 * multi-skill priorities or non-exponential distributions).
 */
import { erlangA, type ErlangAResult } from './erlang-a';
import { agentsForServiceLevel, assertAgents, assertNonNegative, assertPositive } from './erlang-c';

export {
  erlangB,
  erlangC,
  erlangCServiceLevel,
  erlangCAsa,
  agentsForServiceLevel,
  type ErlangCInput,
  type ServiceLevelTarget,
} from './erlang-c';
export { erlangA, MAX_QUEUE_STATES, type ErlangAInput, type ErlangAResult } from './erlang-a';

export interface StaffingInput {
  arrivalRatePerSecond: number;
  /** mean handle time of one contact, seconds (for chat: elapsed session time at the given concurrency) */
  meanHandleSeconds: number;
  /** contacts one agent works at once (default 1) */
  concurrency?: number;
  /** mean of an exponential patience, seconds; null/undefined = never abandons */
  meanPatienceSeconds?: number | null;
  target: { percent: number; withinSeconds: number };
  /** search limit on agents; default 100,000 */
  maxAgents?: number;
}

export interface StaffingEstimate {
  /** smallest agent count meeting the target under Erlang C (Infinity if none up to maxAgents) */
  agentsErlangC: number;
  /** the same under Erlang A; null when no patience was given */
  agentsErlangA: number | null;
  /** the figures below are at this agent count: agentsErlangA if given, else agentsErlangC (capped at maxAgents) */
  agents: number;
  serviceLevel: number;
  asa: number;
  abandonRate: number;
  /** busy contact slots ÷ available slots (agents × concurrency) */
  occupancy: number;
}

/** Slack for comparing a computed service level with a target such as 80 % (0.8 is not exact in binary). */
const TARGET_SLACK = 1e-12;

/**
 * Staffing for one channel and one interval.
 *
 * Assumptions (document them wherever the figure is shown):
 * - Poisson arrivals at a constant rate; exponential handle times (a lognormal
 *   AHT with the same mean gives somewhat different waits); FCFS; agents always
 *   logged in (apply shrinkage to the answer yourself: scheduled = agents / (1 − shrinkage)).
 * - Concurrency N is modelled as N·agents independent servers, each contact keeping one slot for its
 *   whole (elapsed) handle time. That ignores the slow-down agents show when juggling chats, so give the
 *   elapsed handle time observed at that concurrency.
 * - Patience is exponential with the given mean (Erlang A); the service level is the simulation's
 *   definition: answered within t ÷ (answered + abandoned after t).
 * - Erlang A's agent count is found by bisection between 0 and the Erlang C count (or beyond, if that is
 *   not enough), which relies on the service level increasing with the number of agents — true for these
 *   birth–death models.
 */
export function staffingEstimate(input: StaffingInput): StaffingEstimate {
  const { arrivalRatePerSecond, meanHandleSeconds, target } = input;
  const concurrency = input.concurrency ?? 1;
  const maxAgents = input.maxAgents ?? 100_000;
  const patience = input.meanPatienceSeconds ?? Infinity;
  assertNonNegative(arrivalRatePerSecond, 'arrivalRatePerSecond');
  assertPositive(meanHandleSeconds, 'meanHandleSeconds');
  assertAgents(maxAgents, 'maxAgents');
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency: must be a whole number ≥ 1 (got ${concurrency})`);
  }

  // Erlang C on slots, then the fewest agents providing that many slots.
  const slotsC = agentsForServiceLevel({
    arrivalRatePerSecond,
    meanHandleSeconds,
    targetPercent: target.percent,
    withinSeconds: target.withinSeconds,
    maxAgents: maxAgents * concurrency,
  });
  const agentsErlangC = Math.ceil(slotsC / concurrency);

  const at = (agents: number): ErlangAResult =>
    erlangA({
      agents: agents * concurrency,
      arrivalRatePerSecond,
      meanHandleSeconds,
      meanPatienceSeconds: patience,
      withinSeconds: target.withinSeconds,
    });

  let agentsErlangA: number | null = null;
  if (patience !== Infinity) agentsErlangA = arrivalRatePerSecond === 0 ? 0 : searchErlangA();
  const agents = Math.min(agentsErlangA ?? agentsErlangC, maxAgents);
  const figures =
    agents === 0
      ? { serviceLevel: 1, asa: 0, abandonRate: 0, occupancy: 0 } // no traffic (or none needed)
      : at(agents);
  return {
    agentsErlangC,
    agentsErlangA,
    agents,
    serviceLevel: figures.serviceLevel,
    asa: figures.asa,
    abandonRate: figures.abandonRate,
    occupancy: figures.occupancy,
  };

  function meets(agents: number): boolean {
    return agents >= 1 && at(agents).serviceLevel >= target.percent / 100 - TARGET_SLACK;
  }

  /** Smallest agent count meeting the target under Erlang A; Infinity if none up to maxAgents. */
  function searchErlangA(): number {
    // Upper bracket: start from Erlang C's answer (usually already enough, as abandonment shortens
    // waits), doubling if it is not.
    let hi = Number.isFinite(agentsErlangC) ? Math.max(1, agentsErlangC) : 1;
    while (!meets(hi)) {
      if (hi >= maxAgents) return Infinity;
      hi = Math.min(maxAgents, hi * 2);
    }
    let lo = 0; // invariant: lo fails (0 agents answer nobody), hi meets
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (meets(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}
