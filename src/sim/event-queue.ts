/**
 * The future-event list: a calendar queue (a timing wheel of short sorted lists) for the near future,
 * a ring of hour-long unsorted lists for the next days, and a heap for anything further.
 *
 * Why not just a heap: in a contact center nearly every event is due within minutes of being
 * scheduled (end of talk, patience, overflow, hand-off), and several thousand are pending at once, so a
 * heap spends ~log₄(n) cache-missing steps on every push and pop — measured at 40 % of a replication of
 * the full benchmark model. Here time is cut into buckets of `bucketSeconds`; `buckets` consecutive
 * buckets (the window, starting at the bucket of the last event popped) each hold a linked list kept
 * sorted, so a push is a short walk (usually an append) and a pop takes a list head.
 *
 * Events beyond the window (a customer's repeat contact hours later, the next shift change) wait in
 * segments of half a window each: segment g holds the events of buckets [g·half, (g+1)·half) as an
 * unsorted list, in a ring of SEGMENTS lists. A segment moves into the wheel as a whole once the window
 * covers all of it, so every event in the wheel is due before every event still in a segment, and the
 * wheel's first event is the queue's. This replaced a heap for these events: with a long warm-up a
 * replication of the full model keeps ~50,000 repeats pending, and the heap's pop cost a tenth of the
 * run (bench/RESULTS.md). Events more than SEGMENTS half-windows ahead (days) go to an EventHeap and
 * join the wheel when their segment's turn comes.
 *
 * With buckets sized so a bucket holds a few events (see calendarFor), all operations are O(1) on
 * average.
 *
 * An event is (time, kind, id, gen): no object per event, so the hot loop allocates nothing. Ties in
 * time are broken by insertion order (seq), which keeps same-time events first-in first-out and the
 * run deterministic — the order is exactly a heap's. Cancellation is lazy: an event names a contact
 * slot and that slot's generation; the engine ignores an event whose generation no longer matches.
 */
import { EventHeap } from './event-heap';
import { grown } from './typed-array';

export interface CalendarShape {
  /** width of a bucket in seconds */
  bucketSeconds: number;
  /** number of buckets in the wheel (a power of two) */
  buckets: number;
}

const NONE = -1;
/** Segments in the ring (a power of two): with the usual two-hour window, 64 hours ahead. */
const SEGMENTS = 64;

export class EventQueue {
  // Event nodes: parallel arrays, linked into bucket lists by `next`; free nodes form a list too.
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private id: Int32Array;
  private gen: Int32Array;
  private next: Int32Array;
  private freeNode = NONE;
  private allocated = 0;

  // The wheel: bucket b (an absolute bucket number) lives at slot b & mask while base ≤ b < base +
  // buckets. A slot's list head is ends[2·slot] and its tail ends[2·slot + 1] (one cache line for both).
  private readonly ends: Int32Array;
  private readonly mask: number;
  private readonly nBuckets: number;
  private readonly perSecond: number;
  /** bucket of the last event popped: no event can be due before it */
  private base = 0;
  /** scan position: every bucket in [base, cur) is empty */
  private cur = 0;
  private inWheel = 0;

  // The segments: segment g (an absolute number) lives in slot g & (SEGMENTS − 1) while
  // moved < g ≤ moved + SEGMENTS; its list is linked by `next`, unsorted.
  private readonly segHead = new Int32Array(SEGMENTS).fill(NONE);
  /** log2 of a segment's width in buckets (half the window) */
  private readonly segShift: number;
  /** the last segment moved into the wheel: every event of a segment ≤ moved is in the wheel */
  private moved: number;
  private inSegments = 0;
  /** events further ahead than the ring */
  private readonly far = new EventHeap(64);
  /** earliest time outside the wheel, when farMinKnown (kept by pushes, recomputed after a move) */
  private farMin = Infinity;
  private farMinKnown = true;
  private nextSeq = 0;

  // Fields of the event last removed by pop().
  topTime = 0;
  topKind = 0;
  topId = 0;
  topGen = 0;

  /** `start`: no event is due before this time (a warm-up starts the clock below 0) */
  constructor(shape: CalendarShape = { bucketSeconds: 1, buckets: 4096 }, capacity = 1024, start = 0) {
    const n = shape.buckets;
    if (!(n > 0 && (n & (n - 1)) === 0)) throw new Error(`buckets must be a power of two, got ${n}`);
    if (!(shape.bucketSeconds > 0))
      throw new Error(`bucketSeconds must be positive, got ${shape.bucketSeconds}`);
    this.nBuckets = n;
    this.mask = n - 1;
    this.perSecond = 1 / shape.bucketSeconds;
    this.base = this.cur = Math.floor(start * this.perSecond);
    this.segShift = Math.max(0, 31 - Math.clz32(n) - 1); // log2(n) − 1 (n is a power of two)
    this.moved = this.lastCovered();
    this.ends = new Int32Array(2 * n).fill(NONE);
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.id = new Int32Array(capacity);
    this.gen = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  get size(): number {
    return this.inWheel + this.inSegments + this.far.size;
  }

  /** Time of the earliest event, or Infinity if there is none. */
  peekTime(): number {
    if (this.inWheel === 0) return this.earliestOutside();
    return this.time[this.ends[this.scan()]];
  }

  push(time: number, kind: number, id: number, gen: number): void {
    const s = this.nextSeq++;
    const b = this.bucketOf(time);
    const g = b >> this.segShift;
    if (g <= this.moved) {
      this.insert(b, time, s, kind, id, gen);
      return;
    }
    if (time < this.farMin) this.farMin = time; // still the minimum when it was known
    if (g - this.moved > SEGMENTS) {
      this.far.push(time, s, kind, id, gen);
      return;
    }
    const node = this.node(time, s, kind, id, gen);
    const slot = g & (SEGMENTS - 1);
    this.next[node] = this.segHead[slot];
    this.segHead[slot] = node;
    this.inSegments++;
  }

  /** Removes the earliest event into topTime/topKind/topId/topGen. The queue must not be empty. */
  pop(): void {
    if (this.inWheel === 0) {
      // Nothing in the window: move it on to the earliest event outside it.
      this.base = this.cur = this.bucketOf(this.earliestOutside());
      this.migrate();
      // a bug here would make scan() run forever: fail instead (a rare path, so the check is free)
      if (this.inWheel === 0) throw new Error('event queue: no event reached the wheel');
    }
    const h = this.scan();
    const node = this.ends[h];
    this.topTime = this.time[node];
    this.topKind = this.kind[node];
    this.topId = this.id[node];
    this.topGen = this.gen[node];
    const after = this.next[node];
    this.ends[h] = after;
    if (after === NONE) this.ends[h + 1] = NONE;
    this.next[node] = this.freeNode;
    this.freeNode = node;
    this.inWheel--;
    if (this.cur > this.base) {
      this.base = this.cur;
      this.migrate();
    }
  }

  /**
   * Calls fn for every event of `kind` still queued (in no particular order; lazily cancelled ones
   * included). Not for the hot path: the warm-up pilot reads the pending repeats with it.
   */
  forEachOfKind(kind: number, fn: (time: number, id: number, gen: number) => void): void {
    const visit = (head: number) => {
      for (let n = head; n !== NONE; n = this.next[n])
        if (this.kind[n] === kind) fn(this.time[n], this.id[n], this.gen[n]);
    };
    for (let slot = 0; slot < this.nBuckets; slot++) visit(this.ends[2 * slot]);
    for (let g = 0; g < SEGMENTS; g++) visit(this.segHead[g]);
    this.far.forEachOfKind(kind, fn);
  }

  /** Absolute bucket of a time; never before the window (an event is not due before the last one). */
  private bucketOf(time: number): number {
    const b = Math.floor(time * this.perSecond);
    return b > this.base ? b : this.base;
  }

  /** Moves `cur` to the first non-empty bucket (the wheel must not be empty); returns its head's index in `ends`. */
  private scan(): number {
    const ends = this.ends;
    const mask = this.mask;
    let c = this.cur;
    while (ends[(c & mask) << 1] === NONE) c++;
    this.cur = c;
    return (c & mask) << 1;
  }

  /** The last segment the window covers whole: segments up to it belong in the wheel. */
  private lastCovered(): number {
    return ((this.base + this.nBuckets) >> this.segShift) - 1;
  }

  /** Segments (and far-heap events) that the window now covers whole move into the wheel. */
  private migrate(): void {
    const last = this.lastCovered();
    if (last <= this.moved) return;
    // the ring holds segments moved + 1 … moved + SEGMENTS only
    const to = Math.min(last, this.moved + SEGMENTS);
    for (let g = this.moved + 1; g <= to && this.inSegments > 0; g++) {
      const slot = g & (SEGMENTS - 1);
      let node = this.segHead[slot];
      this.segHead[slot] = NONE;
      while (node !== NONE) {
        const after = this.next[node];
        this.inSegments--;
        this.link(node, this.bucketOf(this.time[node]));
        node = after;
      }
    }
    this.moved = last;
    const far = this.far;
    while (far.size > 0 && this.bucketOf(far.peekTime()) >> this.segShift <= last) {
      far.pop();
      this.insert(this.bucketOf(far.topTime), far.topTime, far.topSeq, far.topKind, far.topId, far.topGen);
    }
    this.farMinKnown = false;
  }

  /** Earliest time of an event outside the wheel (Infinity when there is none). */
  private earliestOutside(): number {
    if (this.farMinKnown) return this.farMin;
    let min = this.far.size > 0 ? this.far.peekTime() : Infinity;
    if (this.inSegments > 0) {
      // the first non-empty segment holds the earliest (the segments are in time order)
      for (let g = this.moved + 1; g <= this.moved + SEGMENTS; g++) {
        let node = this.segHead[g & (SEGMENTS - 1)];
        if (node === NONE) continue;
        for (; node !== NONE; node = this.next[node]) if (this.time[node] < min) min = this.time[node];
        break;
      }
    }
    this.farMin = min;
    this.farMinKnown = true;
    return min;
  }

  /** A node holding the event (from the free list, or a new one). */
  private node(t: number, s: number, kind: number, id: number, gen: number): number {
    let node = this.freeNode;
    if (node === NONE) {
      if (this.allocated === this.time.length) this.grow();
      node = this.allocated++;
    } else {
      this.freeNode = this.next[node];
    }
    this.time[node] = t;
    this.seq[node] = s;
    this.kind[node] = kind;
    this.id[node] = id;
    this.gen[node] = gen;
    return node;
  }

  /** Inserts into bucket b's list, keeping it sorted by (time, seq). */
  private insert(b: number, t: number, s: number, kind: number, id: number, gen: number): void {
    this.link(this.node(t, s, kind, id, gen), b);
  }

  /** Links a filled node into bucket b's list, keeping it sorted by (time, seq). */
  private link(node: number, b: number): void {
    const T = this.time;
    const S = this.seq;
    const next = this.next;
    const t = T[node];
    const s = S[node];
    this.inWheel++;
    if (b < this.cur) this.cur = b;
    const ends = this.ends;
    const at = (b & this.mask) << 1;
    const h = ends[at];
    if (h === NONE) {
      next[node] = NONE;
      ends[at] = ends[at + 1] = node;
      return;
    }
    const last = ends[at + 1];
    if (T[last] < t || (T[last] === t && S[last] < s)) {
      // The common case: later than everything in the bucket.
      next[node] = NONE;
      next[last] = node;
      ends[at + 1] = node;
      return;
    }
    if (t < T[h] || (t === T[h] && s < S[h])) {
      next[node] = h;
      ends[at] = node;
      return;
    }
    let p = h;
    for (let q = next[p]; T[q] < t || (T[q] === t && S[q] < s); q = next[q]) p = q;
    next[node] = next[p];
    next[p] = node;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = grown(this.time, cap);
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.id = grown(this.id, cap);
    this.gen = grown(this.gen, cap);
    this.next = grown(this.next, cap);
  }
}

/** Most events fall due within this many seconds of being scheduled (talk, patience, overflow). */
const NEAR_SECONDS = 2 * 3600;

/**
 * A wheel for a model whose contacts arrive at up to `peakPerSecond`: about one contact's events per
 * bucket, and a window of at least two hours (so only repeats and shift changes go to the heap).
 * Measured on the full benchmark model, pop+push cost is flat for buckets from 0.2 s to 5 s wide, so
 * this needs to be right only within an order of magnitude.
 */
export function calendarFor(peakPerSecond: number, horizonSeconds: number): CalendarShape {
  const wanted = peakPerSecond > 0 ? NEAR_SECONDS * peakPerSecond : 0;
  let buckets = 4096;
  while (buckets < wanted && buckets < 1 << 17) buckets *= 2;
  let bucketSeconds = NEAR_SECONDS / buckets;
  if (peakPerSecond > 0) bucketSeconds = Math.max(bucketSeconds, 1 / peakPerSecond);
  // Bucket numbers of the events popped (all before the horizon) stay well inside 32-bit integers.
  bucketSeconds = Math.max(bucketSeconds, horizonSeconds / 0x40000000);
  return { bucketSeconds, buckets };
}
