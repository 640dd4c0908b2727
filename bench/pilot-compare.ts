/**
 * Issue 25: the fixed-point pilot (src/sim/pilot-measure.ts) against the former long one
 * (bench/pilot-long.ts, 2× the default warm-up), counted at the same moment (the replications' start):
 * per channel and kind, the returns pending due within the replication's horizon / within its first
 * 6 hours, those waiting after hours, and the backlog growth; and each pilot's time.
 *   SCEN=offshore-voice,follow-the-sun[,full] SEED=x npx tsx bench/pilot-compare.ts
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/sim/index';
import { measurePilot } from '../src/sim/pilot-measure';
import { measureLongPilot } from './pilot-long';
import { fullModelCase } from './cases';
function load(name: string): Scenario {
  const s = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Scenario;
  const one = { ...s, horizon: { ...s.horizon, days: 1 } };
  delete one.horizon.warmUpDays;
  return one;
}
const names = (
  process.env.SCEN ?? 'offshore-voice,overnight-backlog,follow-the-sun,peak-day-surge,digital-first'
).split(',');
for (const n of names) {
  const s = n === 'full' ? fullModelCase(1) : load(n);
  let t = performance.now();
  const F = measurePilot(s, process.env.SEED ?? 'x', 1);
  const tf = performance.now() - t;
  t = performance.now();
  const L = measureLongPilot(s, process.env.SEED ?? 'x', {}, F.settleSeconds);
  const tl = performance.now() - t;
  const nb = F.bins[0][0].length;
  const sum = (b: Float64Array, a = 0, z = b.length) => b.slice(a, z).reduce((x, y) => x + y, 0);
  const row = (p: typeof L, nb = p.bins[0][0].length) =>
    p.bins
      .map((k) => k.map((b) => `${sum(b, 0, nb).toFixed(0)}/${sum(b, 0, 12).toFixed(0)}`).join(','))
      .join(' ') +
    ' w ' +
    Array.from(p.waiting)
      .map((x) => x.toFixed(0))
      .join(',') +
    ' g ' +
    Array.from(p.backlogGrowthPerDay)
      .map((x) => x.toFixed(0))
      .join(',');
  console.log(`${n} long ${(tl / 1000).toFixed(1)}s: ${row(L, nb)}`);
  console.log(
    `${n} new  ${(tf / 1000).toFixed(1)}s ${F.warmUpDays}d settle ${F.settleSeconds / 3600}h: ${row(F)}`,
  );
}
