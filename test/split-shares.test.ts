/**
 * Splits in percent (src/ui/state/split-shares.ts): always whole percents summing to 100; moving one
 * site rebalances the others in their ratio; "move N points" touches only the two sites named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, movePoints, rebalance, toPercent } from '../src/ui/state/split-shares';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('split in percent', () => {
  it('weights become whole percents summing to 100 (largest remainder)', () => {
    expect(toPercent([0.25, 0.75])).toEqual([25, 75]);
    expect(toPercent([1, 1, 1])).toEqual([34, 33, 33]);
    expect(toPercent([0, 0])).toEqual([0, 0]);
    expect(apportion([1, 3], 10)).toEqual([3, 7]); // 2.5 → 3 (tie to the lower index), 7.5 → 7
  });

  it('the far right is 100 %: the untouched site drops to 0 (the issue-27 bug showed 80 %)', () => {
    // Columbus 25, Manila 75; Manila dragged to 100
    expect(rebalance([25, 75], 1, 100, [0, 1])).toEqual([0, 100]);
    expect(rebalance([25, 75], 1, 90, [0, 1])).toEqual([10, 90]);
  });

  it('the untouched sites keep their ratio; a site at 0 is settable', () => {
    // 3 sites 20/30/50: site 2 to 0 → 20:30 of 100 = 40/60
    expect(rebalance([20, 30, 50], 2, 0, [0, 1, 2])).toEqual([40, 60, 0]);
    // a new site at 0 set to 20: the others give 80 in their 25:75 ratio
    expect(rebalance([25, 75, 0], 2, 20, [0, 1, 2])).toEqual([20, 60, 20]);
    // from a site at 100 down: the others had 0, they share equally
    expect(rebalance([0, 100, 0], 1, 40, [0, 1, 2])).toEqual([30, 40, 30]);
    // a site that does not serve the channel stays 0
    expect(rebalance([50, 0, 50], 0, 70, [0, 2])).toEqual([70, 0, 30]);
  });

  it('during a drag the base ratio holds, so rounding does not creep', () => {
    const base = [10, 30, 60];
    let now = base;
    for (const v of [5, 3, 7, 2, 9, 1, 6]) now = rebalance(now, 2, v, [0, 1, 2], base);
    now = rebalance(now, 2, 60, [0, 1, 2], base);
    expect(now).toEqual(base);
  });

  it('any move keeps whole percents summing to 100 and the set value exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (weights, pick, value) => {
          const shares = toPercent(weights.some((w) => w > 0) ? weights : weights.map(() => 1));
          const active = shares.map((_, i) => i);
          const i = pick % shares.length;
          const out = rebalance(shares, i, value, active);
          expect(sum(out)).toBe(100);
          expect(out[i]).toBe(value);
          for (const x of out) expect(Number.isInteger(x) && x >= 0).toBe(true);
        },
      ),
    );
  });

  it('"move N points from A to B": only A and B change, never below 0', () => {
    expect(movePoints([20, 30, 50], 2, 0, 25)).toEqual([45, 30, 25]);
    expect(movePoints([20, 30, 50], 0, 1, 40)).toEqual([0, 50, 50]);
    expect(movePoints([20, 30, 50], 1, 1, 10)).toEqual([20, 30, 50]);
  });
});
