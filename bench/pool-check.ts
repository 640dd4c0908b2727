/**
 * Issue 25: the seeded pool of pending returns against the true one. The pilot's intensity
 * (src/sim/pilot-measure.ts) is compared, per channel and kind and by when they fall due, with the
 * returns actually pending at the same moment of the day (the replications' start, settleSeconds
 * before a midnight) in long runs: RUNS independent runs of BURN days, then counted at MIDNIGHTS
 * such moments one day apart. Mean ± standard error over the runs; pilots of PILOTS seeds beside it.
 * DAYS: the horizon the pilot is measured for (it seeds returns due up to DAYS days after 00:00);
 * WINDOWS: the due-time windows in hours, as edges (default 0,6,12,30). The shared part (both pools,
 * their statistics) is test/support/pending-pool.ts, also used by test/pilot-pool.test.ts.
 *   SCEN=offshore-voice,follow-the-sun RUNS=4 PILOTS=4 npx tsx bench/pool-check.ts
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/sim/index';
import { measurePilot } from '../src/sim/pilot-measure';
import type { PendingIntensity } from '../src/sim/pending-seed';
import {
  POOL_KINDS,
  pendingPool,
  poolOfIntensity,
  poolStats,
  seededByWindow,
  type Pool,
  type Windows,
} from '../test/support/pending-pool';

export function loadOneDay(name: string): Scenario {
  if (name === 'long-tail') {
    const s = loadOneDay('offshore-voice');
    for (const ch of Object.values(s.channels)) ch.repeatDelay = { dist: 'lognormal', mean: 86_400, cv: 2 };
    return s;
  }
  const s = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Scenario;
  const one = { ...s, horizon: { ...s.horizon, days: 1 } };
  delete one.horizon.warmUpDays;
  return structuredClone(one);
}

const edges = (process.env.WINDOWS ?? '0,6,12,30').split(',').map(Number);
/** windows of due time after the start (hours) */
const WINDOWS: Windows = edges.slice(1).map((z, i) => [edges[i], z]);

const f = (m: number[], e?: number[]) =>
  m.map((x, i) => x.toFixed(1) + (e ? '±' + e[i].toFixed(1) : '')).join(' ');
/** relative SD of the pilots, per window (%) */
const rel = (m: number[], se: number[], n: number) =>
  m.map((x, i) => ((100 * se[i] * Math.sqrt(n)) / x).toFixed(2) + '%').join(' ');

if (process.argv[1]?.endsWith('pool-check.ts')) {
  const runs = Number(process.env.RUNS ?? 4);
  const pilots = Number(process.env.PILOTS ?? 4);
  const days = Number(process.env.DAYS ?? 1);
  for (const name of (process.env.SCEN ?? 'offshore-voice').split(',')) {
    const s = loadOneDay(name);
    const ps: PendingIntensity[] = [];
    for (let i = 0; i < pilots; i++) ps.push(measurePilot(s, i === 0 ? 'equivalence' : `p${i}`, days));
    const settle = ps[0].settleSeconds;
    const truth: Pool[] = [];
    for (let i = 0; i < runs; i++)
      truth.push(
        pendingPool(s, `truth/${i}`, {
          settle,
          burn: Number(process.env.BURN ?? 10),
          midnights: Number(process.env.MIDNIGHTS ?? 8),
          windows: WINDOWS,
        }),
      );
    const T = poolStats(truth);
    const P = poolStats(ps.map((p) => poolOfIntensity(p, WINDOWS)));
    const P0 = poolOfIntensity(ps[0], WINDOWS);
    console.log(
      `${name} (settle ${settle / 3600} h): windows ${WINDOWS.map((w) => w.join('-') + 'h').join(', ')}`,
    );
    // per channel, the seeded kinds together by window, and their total (the guard's bands)
    const seeded = (xs: Pool[]) =>
      poolStats(
        xs.map((x) =>
          x.map((_, c) => {
            const w = seededByWindow(x, c);
            return [[...w, w.reduce((a, v) => a + v, 0)]];
          }),
        ),
      );
    const TS = seeded(truth);
    const PS = seeded(ps.map((p) => poolOfIntensity(p, WINDOWS)));
    TS.mean.forEach((k, c) =>
      console.log(
        `  ch${c} seeded+total true ${f(k[0], TS.se[c][0])} | pilots ${f(PS.mean[c][0], PS.se[c][0])} (SD ${rel(PS.mean[c][0], PS.se[c][0], pilots)})`,
      ),
    );
    T.mean.forEach((kinds, c) =>
      kinds.forEach((w, j) => {
        if (w.every((x) => x < 0.5) && P.mean[c][j].every((x) => x < 0.5)) return;
        console.log(
          `  ch${c} ${POOL_KINDS[j].padEnd(11)} true ${f(w, T.se[c][j])} | pilots ${f(P.mean[c][j], P.se[c][j])} (SD ${rel(P.mean[c][j], P.se[c][j], pilots)}) | 'equivalence' ${f(P0[c][j])}`,
        );
      }),
    );
  }
}
