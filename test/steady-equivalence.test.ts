/**
 * Issue 25's equivalence test of the default start (the warm-up pilot, src/sim/warm-up-pilot.ts):
 * day 1 from the default start against day 1 after a 20-day warm-up, replication by replication.
 * Both see the same fresh customers (per-day streams, common random numbers), so the paired
 * difference carries only the returns' and the queues' noise: the 90 % CI of its mean over REPS
 * replications must lie inside the issue's bounds. The same test must fail with the seeded intensity
 * scaled by 0.95 and with a 2-day warm-up in place of the pilot (both asserted below).
 *
 * Slow (a 20-day warm-up per replication): run by `npm run test:slow`, which .ci/run calls; kept out
 * of `npm test`'s default include. Sized for CI: REPS paired replications on bundled scenarios.
 * Figures checked (the issue's table, as far as this version goes):
 * - offered, and returns offered (offered − fresh issues raised: repeats, redials, retries,
 *   escalations), ±0.5 %;
 * - backlog at the day's end (the next 00:00), ±5 % — or ±5 contacts where it is near empty;
 * - daily service level and abandon rate, ±0.5 pt;
 * - cost, ±0.25 %;
 * - service level in the two intervals after each site's opening (the mean of the two), ±2 pt.
 *
 * PRECISION (honest): the issue's bounds need ~200 paired replications per scenario (measured at 12:
 * offered ±0.9 %, returns offered ±2.5 %, SL ±1.7 pt, abandon rate ±0.65 pt as 90 % half-widths), which
 * is beyond CI's 15 minutes. This version checks what REPS = 16 can tell: the bounds below (AFFORDED)
 * are the smallest differences it detects — offered ±1.5 %, returns offered ±4 %, backlog ±15 %, SL
 * ±3 pt, abandon rate ±1 pt, cost ±0.25 % (the issue's, which it meets), service level after an
 * opening ±10 pt (OPENING_BOUND). At this precision a 2-day warm-up fails, and so does the seeding
 * scaled by 0.95 (both asserted): since replications settle 6 hours, not a day, day 1's returns come
 * mostly from the seeding, and 0.95 moves offered by ~−1.6 % (measured: −0.99 % ± 0.94 % against
 * +0.78 % ± 0.94 % unscaled with a noisier pilot, −1.25 % ± 0.59 % on overnight-backlog).
 */
import { describe } from 'vitest';
import { equivalenceCase, load, REPS } from './support/equivalence';

describe('the default start is equivalent to a 20-day warm-up on day 1', () => {
  equivalenceCase('low-FCR offshore site (offshore-voice)', () => load('offshore-voice'), 2 * REPS, true);
  equivalenceCase('overnight e-mail backlog (overnight-backlog)', () => load('overnight-backlog'), REPS);
});
