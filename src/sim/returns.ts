/**
 * How customers come back when they were not served (SPEC v3 §2; DOMAIN.md, "Customer behaviour when
 * not served"), compiled per channel, with the draws that decide it. The engine (engine.ts) asks
 * these rules at four moments:
 * - a repeat of an unresolved contact falls due after its delay in customer hours (customer-time.ts);
 * - after hours: a live contact that finds no site open for its channel is turned away, and retries
 *   at the next opening plus a delay with probability `retry` (else its issue is given up);
 * - redial: a contact that abandons in the queue comes back with a probability after a delay — the
 *   retrial queue of the literature (Aguir, Karaesmen, Akşin & Chauvet 2004), Arena Contact Center's
 *   "contact backs";
 * - queued call back (virtual hold): offered after a wait threshold, accepted with a probability; the
 *   agent reaches the customer with a probability.
 *
 * Each kind of return draws from its own seeded stream per channel, so turning one on does not shift
 * the draws of another, nor any fresh arrival's (common random numbers). A decision and its delay are
 * both drawn every time, whatever the decision, so one variant's choice does not shift the next
 * customer's draws in another.
 */
import { afterCustomerDelay, customerClock, type CustomerClock } from './customer-time';
import { compileDistribution, sample, type CompiledDist } from './distribution';
import { createStream, type Uniform } from './random';
import { DEFAULTS, type ChannelKind, type ChannelSpec } from './scenario';

export interface ReturnRules {
  /** repeats' clock: null = wall clock ("clock", or a flat profile) */
  customerClock: CustomerClock | null;
  /** null = "hold" (v2: wait in a queue nobody serves), and for deferred channels */
  afterHours: { retry: number; delay: CompiledDist } | null;
  redial: { probability: number; delay: CompiledDist };
  /** null = no call backs */
  callback: { offerAfter: number; acceptance: number; reach: number } | null;
}

export interface ReturnStreams {
  afterHours: Uniform;
  redial: Uniform;
  callback: Uniform;
}

export function compileReturns(
  spec: ChannelSpec,
  live: boolean,
  rate: Float64Array,
  intervalSeconds: number,
): ReturnRules {
  const timing = spec.repeatTiming ?? DEFAULTS.repeatTiming;
  const ah = spec.afterHours ?? DEFAULTS.afterHours;
  const rd = spec.redial ?? DEFAULTS.redial;
  const cb = spec.callback;
  return {
    customerClock: timing === 'customer-hours' ? customerClock(rate, intervalSeconds) : null,
    afterHours:
      live && ah !== 'hold'
        ? { retry: ah.retry, delay: compileDistribution(ah.delay ?? DEFAULTS.afterHours.delay) }
        : null,
    redial: { probability: rd.probability, delay: compileDistribution(rd.delay ?? DEFAULTS.redial.delay) },
    callback:
      live && cb
        ? {
            offerAfter: cb.offerAfterSeconds,
            acceptance: cb.acceptance,
            reach: cb.reach ?? DEFAULTS.callbackReach,
          }
        : null,
  };
}

export function returnStreams(seed: string, kind: ChannelKind): ReturnStreams {
  return {
    afterHours: createStream(seed, `${kind}/after-hours`),
    redial: createStream(seed, `${kind}/redial`),
    callback: createStream(seed, `${kind}/callback`),
  };
}

/** When an unresolved contact's repeat is due: `delay` after t, in customer hours or on the clock. */
export function repeatDueAt(r: ReturnRules, t: number, delay: number): number {
  return afterCustomerDelay(r.customerClock, t, delay);
}

/**
 * After hours: the delay after the next opening at which the customer tries again, or −1 if the
 * customer gives up (both drawn, see the file's comment).
 */
export function afterHoursRetry(r: ReturnRules, st: ReturnStreams): number {
  const ah = r.afterHours!;
  const again = st.afterHours() < ah.retry;
  const delay = sample(ah.delay, st.afterHours);
  return again ? delay : -1;
}

/** Redial after abandoning: the delay, or −1 if the customer gives up. */
export function redialDelay(r: ReturnRules, st: ReturnStreams): number {
  const rd = r.redial;
  if (rd.probability <= 0) return -1;
  const again = st.redial() < rd.probability;
  const delay = sample(rd.delay, st.redial);
  return again ? delay : -1;
}

/** Whether a customer offered a call back accepts it. */
export function acceptsCallback(r: ReturnRules, st: ReturnStreams): boolean {
  return st.callback() < r.callback!.acceptance;
}

/** Whether the agent's call back reaches the customer. */
export function reachesCustomer(r: ReturnRules, st: ReturnStreams): boolean {
  return st.callback() < r.callback!.reach;
}
