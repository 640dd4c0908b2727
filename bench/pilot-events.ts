/**
 * Issue 25: the default start's cost on case 3's full model counted in events, which the machine's
 * load does not change: the pilot's events, a replication's from the pilot and with `--warm-up 0`, and
 * the ratio 30 replications on 1 and 2 threads come to, the pilot run serially first (as the pools do).
 * Then the browser compare of case 11: the full model and the same with Manila's FCR at 0.75, 10
 * replications each, one pilot per variant (the browser pool's workers measure them side by side):
 * the total work of the default start against warm-up 0.
 *   npx tsx bench/pilot-events.ts [replications sampled, default 6]
 */
import { runReplication, type Scenario } from '../src/sim/index';
import { pilotIntensity } from '../src/sim/warm-up-pilot';
import { fullModelCase, withManilaFcr } from './cases';

const sampled = Number(process.argv[2] ?? 6);

/** A scenario's pilot events, and a replication's mean events from the pilot and with warm-up 0. */
function events(s: Scenario) {
  const p = pilotIntensity(s, 'bench-start');
  let w0 = 0;
  let d = 0;
  for (let r = 0; r < sampled; r++) {
    w0 += runReplication(s, { seed: 'bench-start', replication: r, warmUpDays: 0 }).events / sampled;
    d += runReplication(s, { seed: 'bench-start', replication: r, pilot: p }).events / sampled;
  }
  return { p, w0, d };
}

const s = fullModelCase(1);
const { p, w0, d } = events(s);
console.log(
  `pilot ${p.events} events (${p.warmUpDays} days simulated, settling ${p.settleSeconds / 3600} h); ` +
    `per replication: --warm-up 0 ${Math.round(w0)}, default ${Math.round(d)} (${(d / w0).toFixed(3)}×)`,
);
for (const threads of [1, 2])
  console.log(
    `30 replications on ${threads} thread${threads > 1 ? 's' : ''}: default / --warm-up 0 by events ` +
      `${((p.events! + (30 * d) / threads) / ((30 * w0) / threads)).toFixed(3)}×`,
  );
const v = events(withManilaFcr(s));
console.log(
  `browser compare (case 11), 2 variants × 10 replications: Manila FCR 0.75's pilot ${v.p.events} events, ` +
    `per replication ${Math.round(v.w0)} / ${Math.round(v.d)}; default / warm-up 0 by events ` +
    `${((p.events! + v.p.events! + 10 * (d + v.d)) / (10 * (w0 + v.w0))).toFixed(3)}×`,
);
