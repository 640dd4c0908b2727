/**
 * A queue of (contact slot, generation) pairs ordered by a key (the contact's arrival time), in a
 * growable ring buffer: the head has the smallest key, and equal keys keep the order they came in.
 *
 * A push is an insertion from the tail: it moves the entries with a larger key one place back. Nearly
 * every push has the largest key so far (contacts join in the order they arrived), so that is O(1);
 * only contacts moved from another queue — rerouted when a site stops taking a channel, or arriving
 * after a hand-off — go further in, and they keep their place by arrival instead of going to the back.
 *
 * Entries are never removed from the middle: a contact that is answered elsewhere or abandons stays
 * until it reaches the head, where the engine sees that its generation or state no longer match and
 * discards it (lazy deletion). The true number waiting is counted separately by the engine.
 */
export class RingQueue {
  private buf: Int32Array;
  private keys: Float64Array;
  private head = 0;
  private len = 0;

  /** capacity − 1; the capacity is a power of two, so a position wraps with a mask, not a division */
  private mask: number;

  constructor(capacity = 64) {
    if (!(capacity > 0 && (capacity & (capacity - 1)) === 0))
      throw new Error(`capacity must be a power of two, got ${capacity}`);
    this.buf = new Int32Array(capacity * 2);
    this.keys = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.len;
  }

  /** Inserts after every entry whose key is ≤ key. */
  push(id: number, gen: number, key: number): void {
    if (this.len === this.mask + 1) this.grow();
    const at = (this.head + this.len) & this.mask;
    if (this.len > 0 && this.keys[(at - 1) & this.mask] > key) {
      this.insert(id, gen, key);
      return;
    }
    this.keys[at] = key;
    this.buf[at * 2] = id;
    this.buf[at * 2 + 1] = gen;
    this.len++;
  }

  /** The rare case, kept out of push so that push stays small: moves later entries one place back. */
  private insert(id: number, gen: number, key: number): void {
    const buf = this.buf;
    const keys = this.keys;
    const mask = this.mask;
    let at = (this.head + this.len) & mask;
    for (let i = this.len; i > 0; i--) {
      const prev = (at - 1) & mask;
      if (keys[prev] <= key) break;
      keys[at] = keys[prev];
      buf[at * 2] = buf[prev * 2];
      buf[at * 2 + 1] = buf[prev * 2 + 1];
      at = prev;
    }
    keys[at] = key;
    buf[at * 2] = id;
    buf[at * 2 + 1] = gen;
    this.len++;
  }

  headId(): number {
    return this.buf[this.head * 2];
  }

  headGen(): number {
    return this.buf[this.head * 2 + 1];
  }

  /** The i-th entry's slot from the head (0 = head); for inspection, not the hot path. */
  idAt(i: number): number {
    return this.buf[((this.head + i) & this.mask) * 2];
  }

  genAt(i: number): number {
    return this.buf[((this.head + i) & this.mask) * 2 + 1];
  }

  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.len--;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    const nextKeys = new Float64Array(this.keys.length * 2);
    for (let i = 0; i < this.len; i++) {
      const from = (this.head + i) & this.mask;
      next[i * 2] = this.buf[from * 2];
      next[i * 2 + 1] = this.buf[from * 2 + 1];
      nextKeys[i] = this.keys[from];
    }
    this.buf = next;
    this.keys = nextKeys;
    this.mask = this.mask * 2 + 1;
    this.head = 0;
  }
}
