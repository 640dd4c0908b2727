/**
 * The future-event list against a reference: whatever the calendar's shape, events come out in
 * (time, push order) order — the order a sorted list gives — including events that go to the segments
 * and the far heap,
 * pushes behind a peek that scanned ahead, and jumps across empty stretches of the wheel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../src/sim/event-heap';
import { calendarFor, EventQueue, type CalendarShape } from '../src/sim/event-queue';

type Op = { push: number } | { pop: true } | { peek: true };

/** Runs ops against the queue and a sorted-array reference; returns the two pop sequences. */
function replay(shape: CalendarShape, ops: Op[], start = 0) {
  const q = new EventQueue(shape, 2, start);
  const ref: { t: number; seq: number }[] = [];
  const got: [number, number][] = [];
  const want: [number, number][] = [];
  let now = start;
  let seq = 0;
  for (const op of ops) {
    if ('push' in op) {
      const t = now + op.push; // never before the last event popped, as in the engine
      q.push(t, seq % 7, seq, 0);
      ref.push({ t, seq: seq++ });
    } else if ('peek' in op) {
      expect(q.peekTime()).toBe(ref.length ? Math.min(...ref.map((e) => e.t)) : Infinity);
    } else if (ref.length > 0) {
      ref.sort((a, b) => a.t - b.t || a.seq - b.seq);
      const e = ref.shift()!;
      want.push([e.t, e.seq]);
      q.pop();
      got.push([q.topTime, q.topId]);
      expect(q.topKind).toBe(q.topId % 7);
      now = q.topTime;
    }
    expect(q.size).toBe(ref.length);
  }
  while (ref.length > 0) {
    ref.sort((a, b) => a.t - b.t || a.seq - b.seq);
    const e = ref.shift()!;
    want.push([e.t, e.seq]);
    q.pop();
    got.push([q.topTime, q.topId]);
  }
  return { got, want };
}

const delay = fc.oneof(
  fc.constant(0), // same-time events: first in, first out
  fc.integer({ min: 0, max: 40 }).map((x) => x / 4), // ties on bucket edges
  fc.double({ min: 0, max: 50, noNaN: true }),
  fc.double({ min: 0, max: 600, noNaN: true }), // beyond small wheels: the segments
  fc.double({ min: 0, max: 5_000, noNaN: true }), // beyond the segments of small wheels: the far heap
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: delay.map((push) => ({ push })) },
  { weight: 3, arbitrary: fc.constant({ pop: true as const }) },
  { weight: 1, arbitrary: fc.constant({ peek: true as const }) },
);
const shape = fc.record({
  bucketSeconds: fc.constantFrom(0.25, 1, 3, 100),
  buckets: fc.constantFrom(1, 2, 8, 64, 4096),
});

describe('event queue', () => {
  it('pops in (time, push order) for any calendar shape and any schedule', () => {
    // a warm-up starts the clock below 0 (negative bucket and segment numbers)
    const start = fc.constantFrom(0, -86_400 * 3 - 0.3);
    fc.assert(
      fc.property(shape, fc.array(op, { maxLength: 300, size: 'max' }), start, (s, ops, t0) => {
        const { got, want } = replay(s, ops, t0);
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a peek that scanned ahead does not hide an earlier push', () => {
    const q = new EventQueue({ bucketSeconds: 1, buckets: 16 });
    q.push(10, 0, 1, 0);
    q.pop(); // now = 10
    q.push(14.5, 0, 2, 0);
    expect(q.peekTime()).toBe(14.5); // the scan has moved to bucket 14
    q.push(11, 0, 3, 0); // then something due sooner arrives
    q.pop();
    expect(q.topId).toBe(3);
    q.pop();
    expect(q.topId).toBe(2);
    expect(q.size).toBe(0);
  });

  it('jumps over long empty stretches to the far heap and back', () => {
    const q = new EventQueue({ bucketSeconds: 1, buckets: 4 });
    q.push(1e6, 0, 1, 0);
    q.push(2e6, 0, 2, 0);
    q.push(1e6 + 2, 0, 3, 0);
    q.pop();
    expect([q.topTime, q.topId]).toEqual([1e6, 1]);
    q.push(1e6 + 1, 0, 4, 0);
    const order: number[] = [];
    while (q.size > 0) {
      q.pop();
      order.push(q.topId);
    }
    expect(order).toEqual([4, 3, 2]);
  });

  it('a jump over the whole ring moves its last segment too', () => {
    // two buckets of 1 s: segments of one bucket
    const q = new EventQueue({ bucketSeconds: 1, buckets: 2 });
    q.push(1, 0, 1, 0);
    q.pop(); // the wheel covers buckets 1 and 2, the ring segments 3 … 66
    q.push(66.5, 0, 2, 0); // the ring's last segment
    q.push(500, 0, 3, 0); // beyond the ring: the far heap
    const order: number[] = [];
    while (q.size > 0) {
      q.pop();
      order.push(q.topId);
    }
    expect(order).toEqual([2, 3]);
  });

  it('rejects a wheel that is not a power of two', () => {
    expect(() => new EventQueue({ bucketSeconds: 1, buckets: 12 })).toThrow(/power of two/);
    expect(() => new EventQueue({ bucketSeconds: 0, buckets: 16 })).toThrow(/bucketSeconds/);
  });

  it('is sized from the peak arrival rate: a few events per bucket, a window of hours', () => {
    for (const peak of [0, 0.001, 0.5, 5, 50, 5_000]) {
      const { bucketSeconds, buckets } = calendarFor(peak, 366 * 86_400);
      expect(buckets & (buckets - 1)).toBe(0);
      expect(bucketSeconds * buckets).toBeGreaterThanOrEqual(2 * 3600);
      if (peak > 0 && peak <= 10) expect(bucketSeconds * peak).toBeCloseTo(1, 6);
      expect((366 * 86_400) / bucketSeconds).toBeLessThanOrEqual(2 ** 30);
    }
  });
});

describe('event heap', () => {
  it('pops in (time, seq) order across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500, size: 'max' }), (times) => {
        const h = new EventHeap(2);
        times.forEach((t, i) => h.push(t, i, 0, i, 0));
        const got: number[] = [];
        while (h.size > 0) {
          h.pop();
          expect(h.topSeq).toBe(h.topId);
          got.push(h.topId);
        }
        const want = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(got).toEqual(want.map((x) => x[1]));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
