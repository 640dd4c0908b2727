/**
 * The live view's state, computed from SimulationMeta and Snapshots only (never the engine's model):
 * where each agent sits and its colour, and the dots that show contacts travelling and abandoning.
 * Pure and DOM-free, so it is unit-tested in Node; scene.ts copies these arrays into Pixi particles.
 */
import {
  CHANNEL,
  GROUP,
  HEADER,
  SITE_CHANNEL,
  SnapshotView,
  type SimulationMeta,
  type Snapshot,
} from '../sim/snapshot';
import { agentTint, CHANNEL_COLOR, STATE_COLOR } from './palette';
import { laneEntry, layoutScene, slotCentre, type LayoutShape, type Point, type SceneLayout } from './layout';
import { metaServes } from '../sim/serving';

/** Most dots alive at once (travelling + abandoning), so a burst at high speed cannot flood the GPU. */
export const MAX_DOTS = 600;
/** Most dots spawned per site × channel per snapshot; larger deltas are shown as this many. */
export const MAX_SPAWN_PER_KEY = 6;
/** Most dots shown waiting in hand-off per site × channel. */
export const MAX_TRANSIT_DOTS = 12;
export const TRAVEL_MS = 700;
export const ABANDON_MS = 900;

export const DOT_TRAVEL = 0;
export const DOT_ABANDON = 1;

/** Which sites serve which channels, from the groups' skills. */
export function layoutShape(meta: SimulationMeta): LayoutShape {
  const serves = meta.channels.map((ch) => meta.sites.map((_, s) => metaServes(meta, s, ch.kind)));
  return { channels: meta.channels, sites: meta.sites, serves };
}

/** Dots with a start, an end and a lifetime, in fixed-size arrays (no allocation per frame). */
export class DotField {
  readonly x0 = new Float32Array(MAX_DOTS);
  readonly y0 = new Float32Array(MAX_DOTS);
  readonly x1 = new Float32Array(MAX_DOTS);
  readonly y1 = new Float32Array(MAX_DOTS);
  readonly born = new Float64Array(MAX_DOTS);
  readonly life = new Float32Array(MAX_DOTS);
  readonly color = new Uint32Array(MAX_DOTS);
  readonly kind = new Uint8Array(MAX_DOTS);
  /** number of live dots (the first `count` slots) */
  count = 0;

  /** Adds a dot; returns false (drops it) when the field is full. */
  spawn(from: Point, to: Point, now: number, life: number, color: number, kind: number): boolean {
    if (this.count >= MAX_DOTS) return false;
    const i = this.count++;
    this.x0[i] = from.x;
    this.y0[i] = from.y;
    this.x1[i] = to.x;
    this.y1[i] = to.y;
    this.born[i] = now;
    this.life[i] = life;
    this.color[i] = color;
    this.kind[i] = kind;
    return true;
  }

  /** Drops dots whose time is over, keeping the live ones packed at the front. */
  expire(now: number): void {
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      if (now - this.born[i] >= this.life[i]) continue;
      if (i !== j) {
        this.x0[j] = this.x0[i];
        this.y0[j] = this.y0[i];
        this.x1[j] = this.x1[i];
        this.y1[j] = this.y1[i];
        this.born[j] = this.born[i];
        this.life[j] = this.life[i];
        this.color[j] = this.color[i];
        this.kind[j] = this.kind[i];
      }
      j++;
    }
    this.count = j;
  }

  /** Position and opacity of dot i at time `now` (eased travel; abandoning dots fade out). */
  at(i: number, now: number): { x: number; y: number; alpha: number } {
    const t = Math.min(1, Math.max(0, (now - this.born[i]) / this.life[i]));
    const e = t * (2 - t); // ease-out: dots slow down as they reach the queue
    return {
      x: this.x0[i] + (this.x1[i] - this.x0[i]) * e,
      y: this.y0[i] + (this.y1[i] - this.y0[i]) * e,
      alpha: this.kind[i] === DOT_ABANDON ? 1 - t : 1,
    };
  }
}

export class SceneModel {
  readonly shape: LayoutShape;
  layout: SceneLayout;
  /** cells reserved per group; grows by a quarter when a group outgrows it (then the layout changes) */
  readonly capacity: number[];
  /** per agent, from the latest snapshot */
  agentX = new Float32Array(0);
  agentY = new Float32Array(0);
  agentTint = new Uint32Array(0);
  agentSize = new Float32Array(0);
  /** entries in the arrays: the pool's agents first, then empty seats */
  agentCount = 0;
  poolCount = 0;
  readonly dots = new DotField();
  /** dots that could not be shown because MAX_DOTS were alive */
  droppedDots = 0;
  private prevRouted: Float64Array | null = null;
  private prevAbandoned: Float64Array | null = null;
  private prevNow = -1;
  private width: number;
  private height: number;

  constructor(
    readonly meta: SimulationMeta,
    width: number,
    height: number,
  ) {
    this.shape = layoutShape(meta);
    this.capacity = meta.groups.map((g) => Math.max(1, g.scheduledPeak));
    this.width = width;
    this.height = height;
    this.layout = layoutScene(this.shape, this.capacity, width, height);
  }

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.layout = layoutScene(this.shape, this.capacity, width, height);
  }

  /**
   * Reads a snapshot: agent positions and tints, and dots for what happened since the previous one
   * (arrivals routed to a site, abandonments), stamped at real time `now` (ms).
   */
  update(snap: Snapshot, now: number): void {
    this.placeAgents(snap);
    this.spawnDots(snap, now);
  }

  private placeAgents(snap: Snapshot): void {
    const n = snap.agentState.length;
    const nG = this.meta.groups.length;
    const view = new SnapshotView(snap);
    // Agents never disappear from the engine's pool (logged-off ones are reused), and new ones are
    // appended, so an agent's rank within its group — hence its cell — is the same in every frame.
    const counts = new Int32Array(nG);
    for (let a = 0; a < n; a++) counts[snap.agentGroup[a]]++;
    // Empty seats: up to the scenario's peak or the live target, so a closed site or a raised slider
    // shows the desks to be filled rather than nothing.
    const seats = new Int32Array(nG);
    let total = n;
    let grown = false;
    for (let g = 0; g < nG; g++) {
      const need = Math.max(counts[g], view.group(g, GROUP.target), this.meta.groups[g].scheduledPeak);
      seats[g] = need - counts[g];
      total += seats[g];
      if (need > this.capacity[g]) {
        this.capacity[g] = Math.ceil(need * 1.25);
        grown = true;
      }
    }
    if (grown) this.layout = layoutScene(this.shape, this.capacity, this.width, this.height);

    if (this.agentX.length < total) {
      const cap = Math.max(total, this.agentX.length * 2, 64);
      this.agentX = new Float32Array(cap);
      this.agentY = new Float32Array(cap);
      this.agentTint = new Uint32Array(cap);
      this.agentSize = new Float32Array(cap);
    }
    const blockOf: { site: number; block: number }[] = [];
    this.layout.sites.forEach((site, s) =>
      site.blocks.forEach((b, i) => (blockOf[b.group] = { site: s, block: i })),
    );
    const rank = new Int32Array(nG);
    const channels = this.meta.channels;
    const put = (i: number, g: number, tint: number) => {
      const where = blockOf[g];
      const site = this.layout.sites[where.site];
      const p = slotCentre(site.blocks[where.block], site.cell, rank[g]++);
      this.agentX[i] = p.x;
      this.agentY[i] = p.y;
      this.agentSize[i] = Math.max(1.5, site.cell * 0.78);
      this.agentTint[i] = tint;
    };
    for (let a = 0; a < n; a++) {
      put(a, snap.agentGroup[a], agentTint(snap.agentState[a], snap.agentLoad[a], channels));
    }
    let i = n;
    for (let g = 0; g < nG; g++) for (let k = 0; k < seats[g]; k++) put(i++, g, STATE_COLOR.off);
    this.agentCount = total;
    this.poolCount = n;
  }

  private spawnDots(snap: Snapshot, now: number): void {
    this.dots.expire(now);
    const view = new SnapshotView(snap);
    const nS = snap.nSites;
    const nC = snap.nChannels;
    const simNow = view.header(HEADER.now);
    const routed = new Float64Array(nS * nC);
    const abandoned = new Float64Array(nS * nC);
    for (let s = 0; s < nS; s++) {
      for (let c = 0; c < nC; c++) {
        routed[s * nC + c] = view.siteChannel(s, c, SITE_CHANNEL.routed);
        abandoned[s * nC + c] = view.siteChannel(s, c, SITE_CHANNEL.abandoned);
      }
    }
    // A clock that went backwards means a new run or a reset: start counting afresh.
    const fresh = this.prevRouted === null || simNow < this.prevNow;
    if (!fresh) {
      for (let s = 0; s < nS; s++) {
        for (let c = 0; c < nC; c++) {
          const key = s * nC + c;
          const lane = this.layout.sites[s].lanes[c];
          if (!lane) continue;
          const entry = laneEntry(lane);
          const color = CHANNEL_COLOR[this.meta.channels[c].kind];
          const arrive = Math.min(MAX_SPAWN_PER_KEY, routed[key] - this.prevRouted![key]);
          for (let k = 0; k < arrive; k++) {
            // stagger within the burst so simultaneous arrivals do not draw as one dot
            const jitter = { x: entry.x, y: entry.y + ((k % 3) - 1) * 3 };
            const start = now + (k * TRAVEL_MS) / (arrive * 3);
            if (!this.dots.spawn(this.layout.arrivals[c], jitter, start, TRAVEL_MS, color, DOT_TRAVEL))
              this.droppedDots++;
          }
          const left = Math.min(MAX_SPAWN_PER_KEY, abandoned[key] - this.prevAbandoned![key]);
          for (let k = 0; k < left; k++) {
            const from = { x: lane.x + lane.w - 4, y: lane.y + lane.h / 2 };
            const to = { x: from.x + 6 + k * 4, y: from.y + 28 };
            if (!this.dots.spawn(from, to, now, ABANDON_MS, STATE_COLOR.abandoned, DOT_ABANDON))
              this.droppedDots++;
          }
        }
      }
    }
    this.prevRouted = routed;
    this.prevAbandoned = abandoned;
    this.prevNow = simNow;
  }

  /**
   * Contacts in hand-off (routed to a site, not yet in its queue) as dots parked along the path from
   * the arrivals point to the site, drifting slowly towards it. Up to MAX_TRANSIT_DOTS per pair.
   */
  transitDots(snap: Snapshot, now: number, out: (x: number, y: number, color: number) => void): void {
    const view = new SnapshotView(snap);
    for (let s = 0; s < snap.nSites; s++) {
      for (let c = 0; c < snap.nChannels; c++) {
        const lane = this.layout.sites[s].lanes[c];
        const n = Math.min(MAX_TRANSIT_DOTS, view.siteChannel(s, c, SITE_CHANNEL.inTransit));
        if (!lane || n <= 0) continue;
        const from = this.layout.arrivals[c];
        const to = laneEntry(lane);
        const color = CHANNEL_COLOR[this.meta.channels[c].kind];
        const phase = (now / 4000) % 1;
        for (let i = 0; i < n; i++) {
          const t = 0.15 + 0.7 * (((i + phase) / n) % 1);
          out(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, color);
        }
      }
    }
  }
}

/** Contacts held per channel because no site was open for them (shown at the arrivals point). */
export function holdingAt(snap: Snapshot, c: number): number {
  return new SnapshotView(snap).channel(c, CHANNEL.holding);
}
