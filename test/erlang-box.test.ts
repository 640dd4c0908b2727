/**
 * The Erlang box's offered-rate meter (src/ui/live/erlang-box.ts): contacts per second over the last
 * 30 simulated minutes from the cumulative arrivals, the forecast (null) until 5 minutes are in, and a
 * fresh start when the counters fall (the warm-up's end) or the clock goes back (a new run).
 */
import { describe, expect, it } from 'vitest';
import { rateMeter } from '../src/ui/live/erlang-box';

describe('offered-rate meter', () => {
  it('null until 5 minutes are measured, then arrivals ÷ seconds over the last 30 minutes', () => {
    const m = rateMeter(1);
    expect(m(0, [0])).toEqual([null]);
    expect(m(200, [20])).toEqual([null]);
    expect(m(600, [60])[0]).toBeCloseTo(0.1, 9); // 60 in 600 s
    // 2 h at 0.1/s, then 30 min at 0.5/s: the window forgets the older rate
    let t = 600;
    let n = 60;
    for (; t < 7200; t += 60) m(t, [(n += 6)]);
    let last: (number | null)[] = [];
    for (let k = 0; k < 40; k++, t += 60) last = m(t, [(n += 30)]);
    expect(last[0]).toBeCloseTo(0.5, 3); // 40 min at 0.5/s: the window holds none of the 0.1/s
  });

  it('starts again when the counters fall or the clock goes back, without failing', () => {
    const m = rateMeter(2);
    m(1000, [100, 10]);
    m(2000, [200, 20]);
    expect(m(2000, [0, 0])).toEqual([null, null]); // the warm-up's end zeroed them, same clock
    expect(m(500, [5, 1])).toEqual([null, null]); // a new run
    const [a, b] = m(1100, [65, 7]);
    expect(a).toBeCloseTo(0.1, 9);
    expect(b).toBeCloseTo(0.01, 9);
  });
});
