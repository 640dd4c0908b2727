/**
 * (v3) handleTimeProfile (SPEC §2, issue 30): a contact's handle time is drawn at arrival from
 * handleTime scaled to the mean of its arrival interval. With a flat arrival rate and two levels of
 * AHT (200 s from 00:00 to 12:00, 400 s after), each half of the day is, away from the switches, a
 * stationary M/M/n queue whose ASA, service level and occupancy Erlang C gives (4 and 8 Erlangs on 10
 * agents). One AHT all day (6 Erlangs) would give an ASA of ~8 s in the busy half instead of ~80 s.
 */
import { describe, expect, it } from 'vitest';
import { erlangCAsa, erlangCServiceLevel } from '../src/analytic/index';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';
import { oneSite } from './support/build';

const AGENTS = 10;
const RATE = 8 / 400; // per second: 4 Erlangs at 200 s, 8 at 400 s
const PROFILE = Array.from({ length: 24 }, (_, h) => (h < 12 ? 200 : 400));

function scenario(): Scenario {
  const s = oneSite(AGENTS, RATE * 3600, 6, {
    handleTimeProfile: PROFILE,
    wrapUp: { dist: 'fixed', value: 0 },
  });
  s.horizon = { days: 6, intervalMinutes: 60, warmUpDays: 1 };
  return s;
}

/** t(0.9995, 19): a 99.9 % interval over twenty replications. */
const T999 = 3.883;

function meanAndHalfWidth(xs: number[]): { mean: number; half: number } {
  const n = xs.length;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { mean, half: (T999 * sd) / Math.sqrt(n) };
}

describe('handleTimeProfile', () => {
  it('draws each contact with the mean of its arrival interval, keeping the shape (exponential: cv 1)', () => {
    const sums = [0, 0];
    const squares = [0, 0];
    const counts = [0, 0];
    runReplication(scenario(), {
      seed: 'aht',
      onFreshArrival: (_c, t, handle) => {
        const half = ((t % 86_400) + 86_400) % 86_400 < 43_200 ? 0 : 1;
        sums[half] += handle;
        squares[half] += handle * handle;
        counts[half]++;
      },
    });
    for (const [half, mean] of [
      [0, 200],
      [1, 400],
    ]) {
      const n = counts[half];
      const m = sums[half] / n;
      // exponential: se of the mean = mean/√n (≈ 3 s at 400 s here), so a 4 % error fails
      expect(Math.abs(m - mean)).toBeLessThan((4 * mean) / Math.sqrt(n));
      const cv = Math.sqrt(squares[half] / n - m * m) / m;
      expect(Math.abs(cv - 1)).toBeLessThan(0.05);
    }
  });

  it('each stationary stretch matches Erlang C for its own AHT (ASA, service level, occupancy)', () => {
    const stretches = [
      { aht: 200, hours: [4, 12] },
      { aht: 400, hours: [16, 24] },
    ];
    const per = stretches.map(() => ({ asa: [] as number[], sl: [] as number[], occ: [] as number[] }));
    for (let r = 0; r < 20; r++) {
      const o = runReplication(scenario(), { seed: 'aht', replication: r });
      stretches.forEach((st, i) => {
        let asa = 0;
        let sl = 0;
        let occ = 0;
        let n = 0;
        o.intervals.forEach((iv, k) => {
          const h = k % 24;
          if (h < st.hours[0] || h >= st.hours[1]) return;
          const v = iv.channels.voice!;
          asa += v.asa!;
          sl += v.serviceLevel!;
          occ += v.occupancy!;
          n++;
        });
        per[i].asa.push(asa / n);
        per[i].sl.push(sl / n);
        per[i].occ.push(occ / n);
      });
    }
    stretches.forEach((st, i) => {
      const input = {
        agents: AGENTS,
        arrivalRatePerSecond: RATE,
        meanHandleSeconds: st.aht,
        withinSeconds: 20,
      };
      const asa = meanAndHalfWidth(per[i].asa);
      const sl = meanAndHalfWidth(per[i].sl);
      const occ = meanAndHalfWidth(per[i].occ);
      const label = `AHT ${st.aht}`;
      expect(Math.abs(asa.mean - erlangCAsa(input)), `${label} ASA ${asa.mean} ± ${asa.half}`).toBeLessThan(
        asa.half + 0.5,
      );
      expect(Math.abs(sl.mean - erlangCServiceLevel(input)), `${label} SL`).toBeLessThan(sl.half + 0.005);
      expect(Math.abs(occ.mean - (RATE * st.aht) / AGENTS), `${label} occupancy`).toBeLessThan(
        occ.half + 0.005,
      );
    });
    // the busy half's interval is narrow enough to tell 8 Erlangs from one AHT's 6 (ASA ≈ 82 s vs 8 s)
    expect(meanAndHalfWidth(per[1].asa).half).toBeLessThan(30);
  });

  it('validation: one mean per interval, named', () => {
    const s = scenario();
    s.channels.voice!.handleTimeProfile = [300, 300];
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/channels\.voice\.handleTimeProfile.*24 means/);
    s.channels.voice!.handleTimeProfile = PROFILE.map((x, i) => (i === 3 ? -1 : x));
    const neg = validateScenario(s);
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.problems.join('\n')).toContain('channels.voice.handleTimeProfile[3]');
  });
});
