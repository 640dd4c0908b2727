/**
 * A 4-ary min-heap of events over parallel typed arrays (half the depth of a binary heap, and a node's
 * children share a cache line). The event queue keeps its far-future events here (see event-queue.ts).
 *
 * An event is (time, seq, kind, id, gen): no object per event, so nothing is allocated. Ties in time are
 * broken by seq, the order in which the caller pushed the events, which keeps same-time events
 * first-in first-out and the run deterministic.
 */
import { grown } from './typed-array';

export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private id: Int32Array;
  private gen: Int32Array;
  private n = 0;

  // Fields of the event last removed by pop().
  topTime = 0;
  topSeq = 0;
  topKind = 0;
  topId = 0;
  topGen = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.id = new Int32Array(capacity);
    this.gen = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  push(time: number, s: number, kind: number, id: number, gen: number): void {
    if (this.n === this.time.length) this.grow();
    // Sift up: move parents down until the slot for the new event is found.
    let i = this.n++;
    const { time: T, seq: S, kind: K, id: I, gen: G } = this;
    while (i > 0) {
      const p = (i - 1) >> 2;
      if (T[p] < time || (T[p] === time && S[p] < s)) break;
      T[i] = T[p];
      S[i] = S[p];
      K[i] = K[p];
      I[i] = I[p];
      G[i] = G[p];
      i = p;
    }
    T[i] = time;
    S[i] = s;
    K[i] = kind;
    I[i] = id;
    G[i] = gen;
  }

  /** Calls fn for every event of `kind` in the heap (in no particular order). */
  forEachOfKind(kind: number, fn: (time: number, id: number, gen: number) => void): void {
    for (let i = 0; i < this.n; i++) if (this.kind[i] === kind) fn(this.time[i], this.id[i], this.gen[i]);
  }

  /** Removes the earliest event into topTime/topSeq/topKind/topId/topGen. The heap must not be empty. */
  pop(): void {
    const { time: T, seq: S, kind: K, id: I, gen: G } = this;
    this.topTime = T[0];
    this.topSeq = S[0];
    this.topKind = K[0];
    this.topId = I[0];
    this.topGen = G[0];
    const last = --this.n;
    if (last === 0) return;
    const t = T[last];
    const s = S[last];
    const k = K[last];
    const id = I[last];
    const g = G[last];
    // Sift down the former last element from the root, choosing the earliest of up to four children.
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let c = first;
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        if (T[j] < T[c] || (T[j] === T[c] && S[j] < S[c])) c = j;
      }
      if (t < T[c] || (t === T[c] && s < S[c])) break;
      T[i] = T[c];
      S[i] = S[c];
      K[i] = K[c];
      I[i] = I[c];
      G[i] = G[c];
      i = c;
    }
    T[i] = t;
    S[i] = s;
    K[i] = k;
    I[i] = id;
    G[i] = g;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = grown(this.time, cap);
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.id = grown(this.id, cap);
    this.gen = grown(this.gen, cap);
  }
}
