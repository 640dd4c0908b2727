/** The engine's building blocks: distributions, the wait histogram, Student-t, the ring queue. */
import { describe, expect, it } from 'vitest';
import { compileDistribution, sample } from '../src/sim/distribution';
import { HISTOGRAM_BINS, histogramQuantile, waitBin } from '../src/sim/histogram';
import { createStream } from '../src/sim/random';
import { estimate, tQuantile975 } from '../src/sim/aggregate';
import { RingQueue } from '../src/sim/ring-queue';
import { exponential, standardNormal } from '../src/sim/ziggurat';
import type { Distribution } from '../src/sim/scenario';

function moments(d: Distribution, n = 200_000) {
  const c = compileDistribution(d);
  const u = createStream('moments', JSON.stringify(d));
  let s = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample(c, u);
    s += x;
    s2 += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = s / n;
  return { mean, cv: Math.sqrt(s2 / n - mean * mean) / mean, min, max };
}

describe('distributions (SPEC §5)', () => {
  it.each([
    [{ dist: 'exponential', mean: 180 }, 180, 1],
    [{ dist: 'lognormal', mean: 300, cv: 0.8 }, 300, 0.8],
    [{ dist: 'gamma', mean: 300, cv: 0.5 }, 300, 0.5],
    [{ dist: 'gamma', mean: 50, cv: 2 }, 50, 2],
  ] as [Distribution, number, number][])('%j has its mean and cv', (d, mean, cv) => {
    const m = moments(d);
    expect(m.mean / mean).toBeGreaterThan(0.98);
    expect(m.mean / mean).toBeLessThan(1.02);
    expect(m.cv / cv).toBeGreaterThan(0.95);
    expect(m.cv / cv).toBeLessThan(1.05);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('fixed, uniform and empirical', () => {
    expect(moments({ dist: 'fixed', value: 10 }, 100)).toMatchObject({ mean: 10, min: 10, max: 10 });
    const u = moments({ dist: 'uniform', min: 5, max: 15 });
    expect(u.mean).toBeCloseTo(10, 1);
    expect(u.min).toBeGreaterThanOrEqual(5);
    expect(u.max).toBeLessThan(15);
    const e = moments({ dist: 'empirical', values: [1, 2, 3, 10] });
    expect(e.mean).toBeCloseTo(4, 1);
    expect(e.min).toBe(1);
    expect(e.max).toBe(10);
  });

  it('ziggurat exponential and normal match their tails, including past the base strip', () => {
    const n = 1_000_000;
    const u = createStream('ziggurat', 'tails');
    // P(X > t) = e^−t; 7.7 is past the exponential ziggurat's tail start R ≈ 7.697.
    const et = [0.05, 0.5, 1, 3, 6, 7.7];
    const ec = et.map(() => 0);
    // P(|Z| > t), from tables; 3.5 is past the normal ziggurat's R ≈ 3.443.
    const nt: [number, number][] = [
      [0.25, 0.8025873],
      [1, 0.3173105],
      [2, 0.0455003],
      [3.5, 0.000465258],
    ];
    const nc = nt.map(() => 0);
    let negative = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = exponential(u);
      if (x < min) min = x;
      for (let k = 0; k < et.length; k++) if (x > et[k]) ec[k]++;
      const z = standardNormal(u);
      if (z < 0) negative++;
      for (let k = 0; k < nt.length; k++) if (Math.abs(z) > nt[k][0]) nc[k]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    const within = (count: number, p: number) =>
      expect(Math.abs(count / n - p), `${count / n} vs ${p}`).toBeLessThan(
        4.5 * Math.sqrt((p * (1 - p)) / n),
      );
    et.forEach((t, k) => within(ec[k], Math.exp(-t)));
    nt.forEach(([, p], k) => within(nc[k], p));
    within(negative, 0.5);
  });

  it('streams are reproducible and independent by purpose', () => {
    const a = createStream('s', 'voice/arrival');
    const b = createStream('s', 'voice/arrival');
    const c = createStream('s', 'voice/handle');
    const xa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xa);
    expect([c(), c(), c()]).not.toEqual(xa);
  });
});

describe('ring queue', () => {
  it('is first-in first-out across wrap-around and growth', () => {
    const r = new RingQueue(2);
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7; i++, next++) r.push(next, next * 2, next);
      for (let i = 0; i < 5; i++) {
        expect(r.headGen()).toBe(r.headId() * 2);
        out.push(r.headId());
        r.shift();
      }
    }
    while (r.length) {
      out.push(r.headId());
      r.shift();
    }
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('keeps entries ordered by key (ties in the order they came), across wrap-around and growth', () => {
    // A contact rerouted from another queue comes with an earlier key than some already waiting.
    const r = new RingQueue(4);
    const keyOf = new Map<number, number>();
    let id = 0;
    const add = (key: number) => {
      keyOf.set(id, key);
      r.push(id, id + 1000, key);
      id++;
    };
    const taken: number[] = [];
    const take = (n: number) => {
      for (let i = 0; i < n && r.length > 0; i++) {
        expect(r.headGen()).toBe(r.headId() + 1000);
        taken.push(r.headId());
        r.shift();
      }
    };
    for (let round = 0; round < 40; round++) {
      const t = round * 10;
      add(t + 5);
      add(t + 9);
      add(t + 1); // earlier than both
      add(t + 9); // a tie: after the first 9
      add(t + 7);
      take(3);
    }
    take(Infinity);
    expect(taken.length).toBe(id);
    // Each take removes the smallest key waiting then; among equal keys, the earlier push first.
    const waiting: number[] = [];
    const expected: number[] = [];
    let next = 0;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 5; i++) waiting.push(next++);
      waiting.sort((x, y) => keyOf.get(x)! - keyOf.get(y)! || x - y);
      expected.push(...waiting.splice(0, 3));
    }
    waiting.sort((x, y) => keyOf.get(x)! - keyOf.get(y)! || x - y);
    expected.push(...waiting);
    expect(taken).toEqual(expected);
  });

  it('wraps with a mask, so its capacity must be a power of two', () => {
    expect(() => new RingQueue(3)).toThrow(/power of two/);
  });
});

describe('wait histogram', () => {
  it('gives quantiles within 1 % (or 0.1 s) in constant memory', () => {
    const bins = new Float64Array(HISTOGRAM_BINS);
    const values: number[] = [];
    const u = createStream('hist', 'x');
    for (let i = 0; i < 50_000; i++) {
      const w = -60 * Math.log(1 - u());
      values.push(w);
      bins[waitBin(w)]++;
    }
    values.sort((a, b) => a - b);
    const exact = values[Math.ceil(0.9 * values.length) - 1];
    const est = histogramQuantile(bins, 0, 0.9)!;
    expect(Math.abs(est - exact)).toBeLessThan(Math.max(0.1, 0.01 * exact));
    expect(HISTOGRAM_BINS).toBeLessThan(2000);
  });

  it('bins a wait at floor(ln(1 + w / 0.1) / ln 1.01), below 256 s (table) and above (search)', () => {
    let previous = 0;
    // every millisecond to 300 s (sixteenths, whole seconds and 256 s itself included), plus an offset
    for (let i = 0; i <= 300_000; i++) {
      const w = i / 1000 + (i % 3) * 1e-7;
      const b = waitBin(w);
      const exact = Math.log1p(w / 0.1) / Math.log(1.01);
      // away from an edge the bin is the formula's; at one, rounding may put it either side
      if (Math.abs(exact - Math.round(exact)) > 1e-9) expect(b).toBe(Math.floor(exact));
      expect(b).toBeGreaterThanOrEqual(previous);
      previous = b;
    }
  });

  it('is empty → null; all zero waits → 0', () => {
    const bins = new Float64Array(HISTOGRAM_BINS);
    expect(histogramQuantile(bins, 0, 0.9)).toBeNull();
    bins[waitBin(0)] = 10;
    expect(histogramQuantile(bins, 0, 0.9)).toBe(0);
  });
});

describe('replication estimates', () => {
  it('Student-t 95 % half-width', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
    // values 1..5: mean 3, sd √2.5, half-width 2.776 × √2.5 / √5
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.ci95).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(estimate([7])).toEqual({ mean: 7, ci95: null });
    expect(estimate([0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2])).toEqual({ mean: 0.1 + 0.2, ci95: 0 });
    expect(estimate([null, null])).toEqual({ mean: null, ci95: null });
    expect(estimate([null, 2, 4])).toEqual({ mean: 3, ci95: expect.any(Number) });
  });
});
