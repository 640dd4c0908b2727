/**
 * Issue 25: the default start's cost on case 3's full model counted in events, which the machine's
 * load does not change: the pilot's events, a replication's from the pilot and with `--warm-up 0`, and
 * the ratio 30 replications on 1 and 2 threads come to, the pilot run serially first (as the pools do).
 *   npx tsx bench/pilot-events.ts [replications sampled, default 6]
 */
import { runReplication } from '../src/sim/index';
import { pilotIntensity } from '../src/sim/warm-up-pilot';
import { fullModelCase } from './cases';

const sampled = Number(process.argv[2] ?? 6);
const s = fullModelCase(1);
const p = pilotIntensity(s, 'bench-start');
let w0 = 0;
let d = 0;
for (let r = 0; r < sampled; r++) {
  w0 += runReplication(s, { seed: 'bench-start', replication: r, warmUpDays: 0 }).events / sampled;
  d += runReplication(s, { seed: 'bench-start', replication: r, pilot: p }).events / sampled;
}
console.log(
  `pilot ${p.events} events (${p.warmUpDays} days simulated, settling ${p.settleSeconds / 3600} h); ` +
    `per replication: --warm-up 0 ${Math.round(w0)}, default ${Math.round(d)} (${(d / w0).toFixed(3)}×)`,
);
for (const threads of [1, 2])
  console.log(
    `30 replications on ${threads} thread${threads > 1 ? 's' : ''}: default / --warm-up 0 by events ` +
      `${((p.events! + (30 * d) / threads) / ((30 * w0) / threads)).toFixed(3)}×`,
  );
