/**
 * A first-in first-out queue of (contact slot, generation) pairs in a growable ring buffer.
 *
 * Entries are never removed from the middle: a contact that is answered elsewhere or abandons stays
 * until it reaches the head, where the engine sees that its generation or state no longer match and
 * discards it (lazy deletion). The true number waiting is counted separately by the engine.
 */
export class RingQueue {
  private buf: Int32Array;
  private head = 0;
  private len = 0;

  /** capacity − 1; the capacity is a power of two, so a position wraps with a mask, not a division */
  private mask: number;

  constructor(capacity = 64) {
    if (!(capacity > 0 && (capacity & (capacity - 1)) === 0))
      throw new Error(`capacity must be a power of two, got ${capacity}`);
    this.buf = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.len;
  }

  push(id: number, gen: number): void {
    if (this.len === this.mask + 1) this.grow();
    const slot = ((this.head + this.len) & this.mask) * 2;
    this.buf[slot] = id;
    this.buf[slot + 1] = gen;
    this.len++;
  }

  headId(): number {
    return this.buf[this.head * 2];
  }

  headGen(): number {
    return this.buf[this.head * 2 + 1];
  }

  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.len--;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.len; i++) {
      const from = ((this.head + i) & this.mask) * 2;
      next[i * 2] = this.buf[from];
      next[i * 2 + 1] = this.buf[from + 1];
    }
    this.buf = next;
    this.mask = this.mask * 2 + 1;
    this.head = 0;
  }
}
