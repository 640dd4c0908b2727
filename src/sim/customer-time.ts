/**
 * The customer-hours clock (SPEC v3 §2, `repeatTiming: "customer-hours"`): a channel's own arrival
 * time. τ(t) = ∫ rate ÷ mean rate: it runs fast at the channel's peak, stands still while nobody
 * contacts (a profile weight of zero), and gains exactly one day per day. A repeat delay d elapses in
 * it — the repeat is due at τ⁻¹(τ(t) + d) — so repeats come back in proportion to the profile, during
 * the hours the channel's customers contact, and never while its profile is zero. For a flat profile
 * τ(t) = t, and "customer-hours" agrees with "clock".
 *
 * The profile is periodic by day in client time, as the fresh arrivals are (engine.ts, nextArrivalTime),
 * so τ is defined for the warm-up's negative times too. Plain data and pure functions, no allocation:
 * the engine calls them once per repeat.
 */
import { DAY } from './clock';

export interface CustomerClock {
  intervalSeconds: number;
  /** τ at the start of each interval of the day, minus the day; length intervals + 1, the last = DAY */
  cum: Float64Array;
  /** customer seconds per clock second in each interval (rate ÷ mean rate) */
  speed: Float64Array;
}

/**
 * The clock of a channel whose arrivals per second in each interval of the day are `rate`; null when
 * it would equal the wall clock (a flat profile) or mean nothing (no arrivals at all).
 */
export function customerClock(rate: Float64Array, intervalSeconds: number): CustomerClock | null {
  const n = rate.length;
  let sum = 0;
  let flat = true;
  for (let i = 0; i < n; i++) {
    sum += rate[i];
    if (rate[i] !== rate[0]) flat = false;
  }
  if (flat || !(sum > 0)) return null;
  const mean = sum / n;
  const speed = new Float64Array(n);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    speed[i] = rate[i] / mean;
    cum[i + 1] = cum[i] + speed[i] * intervalSeconds;
  }
  cum[n] = DAY; // exact, whatever the rounding of the sum
  return { intervalSeconds, cum, speed };
}

/** τ(t): customer seconds at clock time t. */
export function customerTime(k: CustomerClock, t: number): number {
  const day = Math.floor(t / DAY);
  const r = t - day * DAY;
  const n = k.speed.length;
  let i = Math.floor(r / k.intervalSeconds);
  if (i >= n) i = n - 1;
  return day * DAY + k.cum[i] + k.speed[i] * (r - i * k.intervalSeconds);
}

/** τ⁻¹: the earliest clock time at which customer time reaches tau. */
export function clockTime(k: CustomerClock, tau: number): number {
  let day = Math.floor(tau / DAY);
  let r = tau - day * DAY;
  const n = k.speed.length;
  for (;;) {
    for (let i = 0; i < n; i++) {
      if (k.speed[i] > 0 && k.cum[i + 1] > r) {
        const into = r > k.cum[i] ? (r - k.cum[i]) / k.speed[i] : 0;
        return day * DAY + i * k.intervalSeconds + into;
      }
    }
    // r rounds to the day's end: the first interval with arrivals of the next day.
    day++;
    r = 0;
  }
}

/** The clock time `delay` customer seconds after t (wall-clock seconds without a customer clock). */
export function afterCustomerDelay(k: CustomerClock | null, t: number, delay: number): number {
  if (k === null) return t + delay;
  return clockTime(k, customerTime(k, t) + delay);
}
