/**
 * The pool of returns pending at a replication's start (issue 25): as the warm-up pilot seeds it
 * (src/sim/pilot-measure.ts) and as long-warm-up runs actually carry it, per channel, per kind and by
 * when they fall due. Shared by bench/pool-check.ts (the instrument, bench/RESULTS.md) and
 * test/pilot-pool.test.ts (the fast guard).
 */
import { DAY } from '../../src/sim/clock';
import { PEND_AFTER_HOURS_WAITING, Simulation } from '../../src/sim/engine';
import type { Scenario } from '../../src/sim/index';
import { SEEDED_KINDS, type PendingIntensity } from '../../src/sim/pending-seed';

/** windows of due time after the start, in hours: [from, to) */
export type Windows = [number, number][];

/** pool[channel][kind][window]: kinds 0–2 are SEEDED_KINDS, 3 the customers waiting after hours (window 0) */
export type Pool = number[][][];

/** Names of a Pool's kinds, in order. */
export const POOL_KINDS = ['repeat', 'redial', 'after-hours', 'waiting'];

/** The pilot's expected pool: its intensity summed over the bins whose middle falls in each window. */
export function poolOfIntensity(p: PendingIntensity, windows: Windows): Pool {
  return p.bins.map((kinds, c) => [
    ...kinds.map((b) =>
      windows.map(([a, z]) => {
        let s = 0;
        for (let i = 0; i < b.length; i++) {
          const h = ((i + 0.5) * p.binSeconds) / 3600;
          if (h >= a && h < z) s += b[i];
        }
        return s;
      }),
    ),
    [p.waiting[c], ...windows.slice(1).map(() => 0)],
  ]);
}

/**
 * The pool actually pending `settle` seconds before a midnight in one long run of `scenario` and
 * `seed`: `burn` days from empty, then the mean over `midnights` such moments one day apart (the last
 * one before day 1). The run's horizon is `days` (a run of more days seeds returns due later).
 */
export function pendingPool(
  s: Scenario,
  seed: string,
  o: { settle: number; burn: number; midnights: number; windows: Windows; days?: number },
): Pool {
  const { settle, midnights, windows } = o;
  const sim = new Simulation(s, {
    days: o.days ?? 3,
    seed,
    deferWarmUp: true,
    warmUpDays: o.burn + midnights,
  });
  const nC = sim.model.channels.length;
  const pool: Pool = Array.from({ length: nC }, () => POOL_KINDS.map(() => windows.map(() => 0)));
  for (let k = midnights - 1; k >= 0; k--) {
    const at = -k * DAY - settle;
    sim.advanceTo(at);
    sim.forEachPendingReturn((c, kind, due) => {
      if (kind === PEND_AFTER_HOURS_WAITING) {
        pool[c][3][0] += 1 / midnights;
        return;
      }
      const h = (due - at) / 3600;
      const w = windows.findIndex(([a, z]) => h >= a && h < z);
      if (w >= 0) pool[c][SEEDED_KINDS.indexOf(kind as 0 | 1 | 2)][w] += 1 / midnights;
    });
  }
  return pool;
}

/** Mean and standard error (of the mean) of pools, entry by entry. */
export function poolStats(xs: Pool[]): { mean: Pool; se: Pool } {
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

/** A channel's returns due at a known time (the seeded kinds), summed over kinds, per window. */
export function seededByWindow(pool: Pool, c: number): number[] {
  return pool[c][0].map((_, w) => SEEDED_KINDS.reduce((a, _k, j) => a + pool[c][j][w], 0));
}
