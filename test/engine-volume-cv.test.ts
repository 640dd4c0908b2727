/**
 * (v3) volumeCv (SPEC §2): each day's volume is multiplied by one gamma draw with mean 1 and cv volumeCv,
 * the same for every interval of that day. A day's fresh count is then Poisson with a gamma-distributed
 * mean (negative binomial): mean μ, variance μ + cv²μ², and its two halves covary by cv²·μ_am·μ_pm — zero
 * if the multiplier were drawn per interval. The draws are common random numbers: a variant that changes
 * nothing but the warm-up or the staffing sees the same customers.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim/scenario';
import { validateScenario } from '../src/scenario/validate';
import { oneSite } from './support/build';

const DAY = 86_400;
const PER_DAY = 200;
const CV = 0.3;

/** Fresh arrivals per measured day (and per half-day) of one replication. */
function dailyCounts(s: Scenario, replication: number, days: number, warmUpDays = 0) {
  const am = new Float64Array(days);
  const pm = new Float64Array(days);
  runReplication(s, {
    seed: 'volume-cv',
    replication,
    days,
    warmUpDays,
    onFreshArrival: (_c, t) => {
      if (t < 0) return;
      const d = Math.floor(t / DAY);
      if ((t - d * DAY) / DAY < 0.5) am[d]++;
      else pm[d]++;
    },
  });
  return { am, pm };
}

function moments(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / (n - 1), m4: m4 / n };
}

describe('volumeCv', () => {
  // 20 replications × 100 days: 2000 independent days (each day has its own draw)
  const scenario = oneSite(4, PER_DAY / 24, 1, { volumeCv: CV });
  const am: number[] = [];
  const pm: number[] = [];
  for (let r = 0; r < 20; r++) {
    const c = dailyCounts(scenario, r, 100);
    am.push(...c.am);
    pm.push(...c.pm);
  }
  const total = am.map((x, i) => x + pm[i]);

  it('daily offered has mean μ and variance μ + cv²μ² (negative binomial), within 4 standard errors', () => {
    const { n, mean, variance, m4 } = moments(total);
    const expectedVar = PER_DAY + CV * CV * PER_DAY * PER_DAY; // 3800
    expect(Math.abs(mean - PER_DAY)).toBeLessThan(4 * Math.sqrt(expectedVar / n));
    // se of the sample variance from the sample's own fourth moment: ≈ 140 here, so a variance 15 %
    // off (a cv ~7 % off, or Poisson's 200 without the day draw) fails
    const se = Math.sqrt((m4 - variance * variance) / n);
    expect(se).toBeLessThan(0.05 * expectedVar);
    expect(Math.abs(variance - expectedVar)).toBeLessThan(4 * se);
  });

  it('one draw per day, the same for every interval: the two halves of a day covary by cv²·μ_am·μ_pm', () => {
    const n = am.length;
    const ma = am.reduce((a, x) => a + x, 0) / n;
    const mp = pm.reduce((a, x) => a + x, 0) / n;
    let cov = 0;
    let va = 0;
    let vp = 0;
    for (let i = 0; i < n; i++) {
      cov += (am[i] - ma) * (pm[i] - mp);
      va += (am[i] - ma) ** 2;
      vp += (pm[i] - mp) ** 2;
    }
    cov /= n - 1;
    const expected = CV * CV * (PER_DAY / 2) ** 2; // 900; a draw per interval would give 0
    // se of a sample covariance ≈ √((Var_a·Var_b + Cov²)/n) for near-normal halves: ≈ 25 here
    const se = Math.sqrt(((va / (n - 1)) * (vp / (n - 1)) + cov * cov) / n);
    expect(Math.abs(cov - expected)).toBeLessThan(4 * se);
  });

  it('cv 0 is Poisson: variance μ', () => {
    const counts: number[] = [];
    for (let r = 0; r < 10; r++) {
      const c = dailyCounts(oneSite(4, PER_DAY / 24, 1, { volumeCv: 0 }), r, 100);
      counts.push(...c.am.map((x, i) => x + c.pm[i]));
    }
    const { n, variance } = moments(counts);
    // se of a Poisson sample variance ≈ μ·√(2/n) ≈ 9
    expect(Math.abs(variance - PER_DAY)).toBeLessThan(4 * PER_DAY * Math.sqrt(2 / n));
  });

  it('common random numbers: the day draws do not depend on the warm-up or the staffing', () => {
    const ref = dailyCounts(scenario, 3, 5);
    for (const w of [1, 4]) expect(dailyCounts(scenario, 3, 5, w)).toEqual(ref);
    expect(dailyCounts(oneSite(9, PER_DAY / 24, 1, { volumeCv: CV }), 3, 5)).toEqual(ref);
    expect(dailyCounts(scenario, 4, 5)).not.toEqual(ref);
  });

  it('validation names the field', () => {
    for (const bad of [-0.1, 3, 'x']) {
      const r = validateScenario({
        ...oneSite(4, 10),
        channels: { voice: { ...oneSite(4, 10).channels.voice!, volumeCv: bad } },
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.join('\n')).toContain('channels.voice.volumeCv');
    }
  });
});
