/**
 * Agents, one by one, in typed arrays.
 *
 * Agents are individuals (not counts) because an agent's own load matters: a chat agent holding two of
 * three chats can take one more chat but not a call, and an agent whose shift ends mid-contact finishes
 * it before logging off. Each group keeps four index sets so the engine finds work for an agent, and an
 * agent for work, in O(1):
 *   idle     – logged in, no contact
 *   busy     – logged in, at least one contact, staying
 *   partial  – subset of busy with room left (only for groups with concurrent channels)
 *   leaving  – shift over or site closed, finishing its last contacts; takes no new work
 * Logged-off agents sit on a per-group stack for reuse, so staffing can go up and down all day without
 * allocating.
 */
import { UNITS } from './model';
import { grown } from './typed-array';

export const enum AgentState {
  Off = 0,
  Active = 1,
  Leaving = 2,
}

class IndexSet {
  items: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(4, capacity));
  }
  add(a: number, pos: Int32Array): void {
    if (this.n === this.items.length) {
      const next = new Int32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    pos[a] = this.n;
    this.items[this.n++] = a;
  }
  remove(a: number, pos: Int32Array): void {
    const i = pos[a];
    const last = this.items[--this.n];
    this.items[i] = last;
    pos[last] = i;
    pos[a] = -1;
  }
}

class GroupAgents {
  idle: IndexSet;
  busy: IndexSet;
  partial: IndexSet;
  leaving: IndexSet;
  off: IndexSet;
  constructor(capacity: number) {
    this.idle = new IndexSet(capacity);
    this.busy = new IndexSet(capacity);
    this.partial = new IndexSet(capacity);
    this.leaving = new IndexSet(capacity);
    this.off = new IndexSet(capacity);
  }
}

export class AgentPool {
  /** number of agents ever created */
  count = 0;
  group: Int32Array;
  used: Int32Array;
  state: Uint8Array;
  /** channel index of the agent's latest contact (for display) */
  lastChannel: Int8Array;
  private idlePos: Int32Array;
  private busyPos: Int32Array;
  private partialPos: Int32Array;
  private leavingPos: Int32Array;
  private offPos: Int32Array;
  private groups: GroupAgents[];

  constructor(groupCapacities: number[]) {
    const cap = Math.max(
      16,
      groupCapacities.reduce((a, b) => a + b, 0),
    );
    this.group = new Int32Array(cap);
    this.used = new Int32Array(cap);
    this.state = new Uint8Array(cap);
    this.lastChannel = new Int8Array(cap).fill(-1);
    this.idlePos = new Int32Array(cap).fill(-1);
    this.busyPos = new Int32Array(cap).fill(-1);
    this.partialPos = new Int32Array(cap).fill(-1);
    this.leavingPos = new Int32Array(cap).fill(-1);
    this.offPos = new Int32Array(cap).fill(-1);
    this.groups = groupCapacities.map((c) => new GroupAgents(c));
  }

  /** Agents logged in (including those finishing before logging off): paid, available time. */
  loggedIn(g: number): number {
    const s = this.groups[g];
    return s.idle.n + s.busy.n + s.leaving.n;
  }

  /** Agents staying logged in (the staffing level). */
  staffed(g: number): number {
    const s = this.groups[g];
    return s.idle.n + s.busy.n;
  }

  idleCount(g: number): number {
    return this.groups[g].idle.n;
  }

  /**
   * An agent of group g with room for a contact of `units`, or −1. Concurrent contacts go to an agent
   * that already holds some (packing), which keeps whole agents free for calls in blended groups.
   */
  find(g: number, units: number): number {
    const s = this.groups[g];
    if (units < UNITS) {
      const p = s.partial;
      for (let i = 0; i < p.n; i++) {
        const a = p.items[i];
        if (this.used[a] + units <= UNITS) return a;
      }
    }
    return s.idle.n > 0 ? s.idle.items[s.idle.n - 1] : -1;
  }

  occupy(a: number, units: number, channel: number): void {
    const s = this.groups[this.group[a]];
    const before = this.used[a];
    const after = before + units;
    this.used[a] = after;
    this.lastChannel[a] = channel;
    if (before === 0) {
      s.idle.remove(a, this.idlePos);
      s.busy.add(a, this.busyPos);
      if (after < UNITS) s.partial.add(a, this.partialPos);
    } else if (after >= UNITS && this.partialPos[a] >= 0) {
      s.partial.remove(a, this.partialPos);
    }
  }

  /** Frees `units`; returns true if the agent logged off (it was leaving and is now empty). */
  release(a: number, units: number): boolean {
    const s = this.groups[this.group[a]];
    const after = this.used[a] - units;
    this.used[a] = after;
    if (this.state[a] === AgentState.Leaving) {
      if (after > 0) return false;
      s.leaving.remove(a, this.leavingPos);
      this.state[a] = AgentState.Off;
      s.off.add(a, this.offPos);
      return true;
    }
    if (after === 0) {
      s.busy.remove(a, this.busyPos);
      if (this.partialPos[a] >= 0) s.partial.remove(a, this.partialPos);
      s.idle.add(a, this.idlePos);
    } else if (this.partialPos[a] < 0) {
      s.partial.add(a, this.partialPos);
    }
    return false;
  }

  /**
   * Brings group g to `target` staying agents. New or returning agents are written to `out` (the
   * engine offers them work); the count written is returned. Reductions log idle agents off first,
   * then mark busy ones as leaving: they finish what they hold and log off then.
   */
  setTarget(g: number, target: number, out: { buf: Int32Array }): number {
    const s = this.groups[g];
    let current = s.idle.n + s.busy.n;
    let added = 0;
    while (current < target) {
      let a: number;
      if (s.leaving.n > 0) {
        // Cancel a pending log-off before logging anyone new in.
        a = s.leaving.items[s.leaving.n - 1];
        s.leaving.remove(a, this.leavingPos);
        this.state[a] = AgentState.Active;
        s.busy.add(a, this.busyPos);
        if (this.used[a] < UNITS) s.partial.add(a, this.partialPos);
      } else {
        if (s.off.n > 0) {
          a = s.off.items[s.off.n - 1];
          s.off.remove(a, this.offPos);
        } else {
          a = this.create(g);
        }
        this.state[a] = AgentState.Active;
        this.used[a] = 0;
        s.idle.add(a, this.idlePos);
      }
      if (added === out.buf.length) {
        const next = new Int32Array(out.buf.length * 2);
        next.set(out.buf);
        out.buf = next;
      }
      out.buf[added++] = a;
      current++;
    }
    while (current > target && s.idle.n > 0) {
      const a = s.idle.items[s.idle.n - 1];
      s.idle.remove(a, this.idlePos);
      this.state[a] = AgentState.Off;
      s.off.add(a, this.offPos);
      current--;
    }
    while (current > target) {
      // Busy agents are asked to leave last-in first: they finish what they hold, then log off.
      const a = s.busy.items[s.busy.n - 1];
      s.busy.remove(a, this.busyPos);
      if (this.partialPos[a] >= 0) s.partial.remove(a, this.partialPos);
      this.state[a] = AgentState.Leaving;
      s.leaving.add(a, this.leavingPos);
      current--;
    }
    return added;
  }

  private create(g: number): number {
    if (this.count === this.group.length) this.grow();
    const a = this.count++;
    this.group[a] = g;
    return a;
  }

  private grow(): void {
    const cap = this.group.length * 2;
    this.group = grown(this.group, cap);
    this.used = grown(this.used, cap);
    this.state = grown(this.state, cap);
    this.lastChannel = grown(this.lastChannel, cap, -1);
    this.idlePos = grown(this.idlePos, cap, -1);
    this.busyPos = grown(this.busyPos, cap, -1);
    this.partialPos = grown(this.partialPos, cap, -1);
    this.leavingPos = grown(this.leavingPos, cap, -1);
    this.offPos = grown(this.offPos, cap, -1);
  }
}
