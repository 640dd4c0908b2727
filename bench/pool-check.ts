/**
 * Issue 25: the seeded pool of pending returns against the true one. The pilot's intensity
 * (src/sim/pilot-measure.ts) is compared, per channel and kind and by when they fall due, with the
 * returns actually pending at the same moment of the day (the replications' start, settleSeconds
 * before a midnight) in long runs: RUNS independent runs of BURN days, then counted at MIDNIGHTS
 * such moments one day apart. Mean ± standard error over the runs; pilots of PILOTS seeds beside it.
 *   SCEN=offshore-voice,follow-the-sun RUNS=4 PILOTS=4 npx tsx bench/pool-check.ts
 */
import { readFileSync } from 'node:fs';
import { DAY } from '../src/sim/clock';
import { PEND_AFTER_HOURS_WAITING, Simulation } from '../src/sim/engine';
import type { Scenario } from '../src/sim/index';
import { measurePilot } from '../src/sim/pilot-measure';
import { SEEDED_KINDS, type PendingIntensity } from '../src/sim/pending-seed';

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

/** windows of due time after the start (hours) */
const WINDOWS: [number, number][] = [
  [0, 6],
  [6, 12],
  [12, 30],
];

/** per channel, per kind (3 seeded + waiting), per window: counts */
type Pool = number[][][];

function fromIntensity(p: PendingIntensity): Pool {
  return p.bins.map((kinds, c) => [
    ...kinds.map((b) =>
      WINDOWS.map(([a, z]) => {
        let s = 0;
        for (let i = 0; i < b.length; i++) {
          const h = ((i + 0.5) * p.binSeconds) / 3600;
          if (h >= a && h < z) s += b[i];
        }
        return s;
      }),
    ),
    [p.waiting[c], 0, 0],
  ]);
}

export function truePool(s: Scenario, seed: string, settle: number, burn: number, midnights: number): Pool {
  const sim = new Simulation(s, { days: 3, seed, deferWarmUp: true, warmUpDays: burn + midnights });
  const nC = sim.model.channels.length;
  const pool: Pool = Array.from({ length: nC }, () => Array.from({ length: 4 }, () => [0, 0, 0]));
  for (let k = midnights - 1; k >= 0; k--) {
    const at = -k * DAY - settle;
    sim.advanceTo(at);
    sim.forEachPendingReturn((c, kind, due) => {
      if (kind === PEND_AFTER_HOURS_WAITING) {
        pool[c][3][0] += 1 / midnights;
        return;
      }
      const h = (due - at) / 3600;
      const w = WINDOWS.findIndex(([a, z]) => h >= a && h < z);
      if (w >= 0) pool[c][SEEDED_KINDS.indexOf(kind as 0 | 1 | 2)][w] += 1 / midnights;
    });
  }
  return pool;
}

function stats(xs: Pool[]): { mean: Pool; se: Pool } {
  const n = xs.length;
  const mean = xs[0].map((k, c) =>
    k.map((w, j) => w.map((_, i) => xs.reduce((a, x) => a + x[c][j][i], 0) / n)),
  );
  const se = xs[0].map((k, c) =>
    k.map((w, j) =>
      w.map((_, i) => {
        const m = mean[c][j][i];
        return n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x[c][j][i] - m) ** 2, 0) / (n - 1) / n) : 0;
      }),
    ),
  );
  return { mean, se };
}

const KIND = ['repeat', 'redial', 'after-hours', 'waiting'];
if (process.argv[1]?.endsWith('pool-check.ts')) {
  const runs = Number(process.env.RUNS ?? 4);
  const pilots = Number(process.env.PILOTS ?? 4);
  for (const name of (process.env.SCEN ?? 'offshore-voice').split(',')) {
    const s = loadOneDay(name);
    const ps: PendingIntensity[] = [];
    for (let i = 0; i < pilots; i++) ps.push(measurePilot(s, i === 0 ? 'equivalence' : `p${i}`, 1));
    const settle = ps[0].settleSeconds;
    const truth: Pool[] = [];
    for (let i = 0; i < runs; i++)
      truth.push(
        truePool(s, `truth/${i}`, settle, Number(process.env.BURN ?? 10), Number(process.env.MIDNIGHTS ?? 8)),
      );
    const T = stats(truth);
    const P = stats(ps.map(fromIntensity));
    const P0 = fromIntensity(ps[0]);
    console.log(
      `${name} (settle ${settle / 3600} h): windows ${WINDOWS.map((w) => w.join('-') + 'h').join(', ')}`,
    );
    T.mean.forEach((kinds, c) =>
      kinds.forEach((w, j) => {
        if (w.every((x) => x < 0.5) && P.mean[c][j].every((x) => x < 0.5)) return;
        const f = (m: number[], e?: number[]) =>
          m.map((x, i) => x.toFixed(1) + (e ? '±' + e[i].toFixed(1) : '')).join(' ');
        console.log(
          `  ch${c} ${KIND[j].padEnd(11)} true ${f(w, T.se[c][j])} | pilots ${f(P.mean[c][j], P.se[c][j])} | 'equivalence' ${f(P0[c][j])}`,
        );
      }),
    );
  }
}
