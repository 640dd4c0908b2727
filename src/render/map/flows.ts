/**
 * Contacts on the map as particles, derived from successive snapshots: the difference of cumulative
 * counters (routed, abandoned per site × channel; repeats per channel; escalated per site; overflow
 * per site pair) says what happened since the last frame, and each of those contacts becomes one
 * particle on a curved path. Pure and DOM-free (unit-tested in Node, test/map-flows.test.ts); the scene
 * copies positions into a pooled Pixi ParticleContainer.
 *
 * Fixed-size typed arrays, no allocation per frame: a particle is a quadratic Bézier curve (start,
 * control, end), a birth time, a life and a colour. Travel time grows with the delay on the way
 * (connect delay for live channels, hand-off delay for deferred ones) on a log scale, so a 10-minute
 * e-mail hand-off crawls next to an instant call without leaving the screen for minutes.
 */
import { isLiveChannel, type ChannelKind } from '../../sim/scenario';
import { FLOW, SITE_CHANNEL, SnapshotView, HEADER, type Snapshot } from '../../sim/snapshot';

export const MAX_PARTICLES = 6000;
/** Most particles one counter may spawn per snapshot (a jump of the clock would flood the pool). */
export const MAX_SPAWN_PER_KEY = 400;
export const BASE_TRAVEL_MS = 1400;
/** Simulated time between two snapshots beyond which the difference is a jump, not a flow to draw. */
export const MAX_FRAME_SIM_SECONDS = 1800;
export const MAX_TRAVEL_MS = 6000;
export const ABANDON_MS = 1400;
export const ARC_MS = 1800;

export const P_ROUTED = 0;
export const P_REPEAT = 1;
export const P_ABANDON = 2;
export const P_OVERFLOW = 3;
export const P_ESCALATE = 4;

export const FLOW_COLOR = {
  repeat: 0xfacc15,
  abandon: 0xef4444,
  overflow: 0xf8fafc,
  escalate: 0xc084fc,
} as const;

/** Travel time on screen for a contact that meets `delaySeconds` on its way (log scale, capped). */
export function travelMs(delaySeconds: number): number {
  const d = Math.max(0, delaySeconds);
  return Math.min(MAX_TRAVEL_MS, BASE_TRAVEL_MS + 900 * Math.log2(1 + d / 5));
}

/** how far a path between two x positions arcs above its chord, pixels */
function arcLift(x0: number, x1: number): number {
  return Math.min(160, Math.abs(x1 - x0) * 0.25 + 12);
}

export interface FlowGeometry {
  /** where the customers are, canvas pixels */
  client: { x: number; y: number };
  /** per site: the marker's centre */
  sites: { x: number; y: number }[];
  /** per site: the top of its queue stack (where abandoning contacts fade) */
  queueTop: { x: number; y: number }[];
}

export interface FlowSite {
  connectDelaySeconds: number;
  handoffDelaySeconds: number;
  /** site index escalations go to, or −1 */
  escalationTo: number;
}

export class FlowField {
  readonly x0 = new Float32Array(MAX_PARTICLES);
  readonly y0 = new Float32Array(MAX_PARTICLES);
  readonly cx = new Float32Array(MAX_PARTICLES);
  readonly cy = new Float32Array(MAX_PARTICLES);
  readonly x1 = new Float32Array(MAX_PARTICLES);
  readonly y1 = new Float32Array(MAX_PARTICLES);
  readonly born = new Float64Array(MAX_PARTICLES);
  readonly life = new Float32Array(MAX_PARTICLES);
  readonly color = new Uint32Array(MAX_PARTICLES);
  /** the colour as Pixi's particles pack it (blue-green-red), so a frame writes it without parsing */
  readonly bgr = new Uint32Array(MAX_PARTICLES);
  readonly kind = new Uint8Array(MAX_PARTICLES);
  count = 0;
  /** particles drawn per contact: 1, except in the render benchmark (bench/render.ts) */
  stress = 1;
  /** particles not shown because the pool was full */
  dropped = 0;
  /** per kind, particles spawned since the run started (for tests and the bench) */
  readonly spawned = new Float64Array(5);

  // the previous snapshot's counters, allocated once per run shape
  private prev = new Float64Array(0);
  private cur = new Float64Array(0);
  private prevNow = -1;
  private havePrev = false;
  private prevWall = 0;

  /** Forgets the previous snapshot (a new run, a reset). */
  reset(): void {
    this.count = 0;
    this.havePrev = false;
    this.prevNow = -1;
    this.spawned.fill(0);
  }

  spawn(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    lift: number,
    born: number,
    life: number,
    color: number,
    kind: number,
  ): boolean {
    if (this.count >= MAX_PARTICLES) {
      this.dropped++;
      return false;
    }
    const i = this.count++;
    this.x0[i] = x0;
    this.y0[i] = y0;
    this.x1[i] = x1;
    this.y1[i] = y1;
    // control point above the chord's middle: paths arc like flight routes
    this.cx[i] = (x0 + x1) / 2;
    this.cy[i] = (y0 + y1) / 2 - lift;
    this.born[i] = born;
    this.life[i] = life;
    this.color[i] = color;
    this.bgr[i] = ((color & 0xff) << 16) | (color & 0xff00) | ((color >> 16) & 0xff);
    this.kind[i] = kind;
    this.spawned[kind]++;
    return true;
  }

  /** Drops finished particles, keeping the live ones packed at the front. */
  expire(now: number): void {
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      if (now - this.born[i] >= this.life[i]) continue;
      if (i !== j) {
        this.x0[j] = this.x0[i];
        this.y0[j] = this.y0[i];
        this.cx[j] = this.cx[i];
        this.cy[j] = this.cy[i];
        this.x1[j] = this.x1[i];
        this.y1[j] = this.y1[i];
        this.born[j] = this.born[i];
        this.life[j] = this.life[i];
        this.color[j] = this.color[i];
        this.bgr[j] = this.bgr[i];
        this.kind[j] = this.kind[i];
      }
      j++;
    }
    this.count = j;
  }

  /**
   * Writes particle i's position and opacity at `now` into out[0..2]; false if it has not started.
   * (An out-array rather than a returned object: called thousands of times per frame.)
   */
  at(i: number, now: number, out: Float32Array): boolean {
    const t0 = (now - this.born[i]) / this.life[i];
    if (t0 < 0) return false;
    const t = t0 > 1 ? 1 : t0;
    const u = 1 - t;
    out[0] = u * u * this.x0[i] + 2 * u * t * this.cx[i] + t * t * this.x1[i];
    out[1] = u * u * this.y0[i] + 2 * u * t * this.cy[i] + t * t * this.y1[i];
    const k = this.kind[i];
    out[2] = k === P_ABANDON ? 1 - t : k === P_ROUTED || k === P_REPEAT ? 0.85 : 1;
    return true;
  }

  /**
   * Spawns the particles for what happened between the previous snapshot and this one, stamped at
   * wall time `now` (ms) and spread over the time since the previous snapshot so a burst is a stream.
   */
  update(
    snap: Snapshot,
    channels: readonly { kind: ChannelKind }[],
    sites: readonly FlowSite[],
    geo: FlowGeometry,
    channelColor: (c: number) => number,
    now: number,
  ): void {
    this.expire(now);
    const view = new SnapshotView(snap);
    const nS = snap.nSites;
    const nC = snap.nChannels;
    const size = 2 * nS * nC + nC + nS + nS * nS;
    if (this.cur.length !== size) {
      this.cur = new Float64Array(size);
      this.prev = new Float64Array(size);
      this.havePrev = false;
    }
    const cur = this.cur;
    let o = 0;
    for (let s = 0; s < nS; s++)
      for (let c = 0; c < nC; c++) {
        cur[o++] = view.siteChannel(s, c, SITE_CHANNEL.routed);
        cur[o++] = view.siteChannel(s, c, SITE_CHANNEL.abandoned);
      }
    for (let c = 0; c < nC; c++) cur[o++] = view.flow(FLOW.repeats, c);
    for (let s = 0; s < nS; s++) cur[o++] = view.flow(FLOW.escalated, s);
    for (let k = 0; k < nS * nS; k++) cur[o++] = view.overflow(Math.floor(k / nS), k % nS);

    const simNow = view.header(HEADER.now);
    // A clock that went backwards is a new run or a reset: count afresh. One that jumped (a Step, a
    // warm-up skipped) would pour hours of contacts out at once: only the flow at display rate is drawn.
    if (this.havePrev && simNow >= this.prevNow && simNow - this.prevNow <= MAX_FRAME_SIM_SECONDS) {
      const spread = Math.min(500, Math.max(0, now - this.prevWall));
      this.spawnDeltas(nS, nC, channels, sites, geo, channelColor, now, spread);
    }
    this.prev.set(cur);
    this.havePrev = true;
    this.prevNow = simNow;
    this.prevWall = now;
  }

  private spawnDeltas(
    nS: number,
    nC: number,
    channels: readonly { kind: ChannelKind }[],
    sites: readonly FlowSite[],
    geo: FlowGeometry,
    channelColor: (c: number) => number,
    now: number,
    spread: number,
  ): void {
    const { client } = geo;
    const repeatBase = 2 * nS * nC;
    // repeats are counted per channel only: they take their share of each site's routed contacts
    for (let c = 0; c < nC; c++) {
      const live = isLiveChannel(channels[c].kind);
      let routedAll = 0;
      for (let s = 0; s < nS; s++) routedAll += this.delta((s * nC + c) * 2);
      let repeats = this.delta(repeatBase + c);
      for (let s = 0; s < nS; s++) {
        const key = (s * nC + c) * 2;
        const to = geo.sites[s];
        const site = sites[s];
        const life = travelMs(live ? site.connectDelaySeconds : site.handoffDelaySeconds);
        const routed = this.delta(key);
        // of the routed contacts, the repeats' share is drawn in the repeat colour
        const asRepeat = routedAll > 0 ? Math.min(routed, Math.round((repeats * routed) / routedAll)) : 0;
        repeats -= asRepeat;
        routedAll -= routed;
        const h = arcLift(client.x, to.x);
        for (let k = 0; k < routed; k++) {
          const born = now + (spread * k) / routed;
          const rep = k < asRepeat;
          // a few pixels of scatter so a stream is not one line of dots
          const j = ((k * 7919) % 13) - 6;
          this.spawn(
            client.x,
            client.y + j * 0.5,
            to.x,
            to.y,
            h + j,
            born,
            life,
            rep ? FLOW_COLOR.repeat : channelColor(c),
            rep ? P_REPEAT : P_ROUTED,
          );
        }
        const left = this.delta(key + 1);
        const q = geo.queueTop[s];
        for (let k = 0; k < left; k++) {
          const born = now + (spread * k) / left;
          const dx = ((k % 5) - 2) * 3;
          this.spawn(
            q.x + dx,
            q.y,
            q.x + dx * 2,
            q.y + 26,
            -4,
            born,
            ABANDON_MS,
            FLOW_COLOR.abandon,
            P_ABANDON,
          );
        }
      }
    }
    const escBase = repeatBase + nC;
    for (let from = 0; from < nS; from++) {
      const to = sites[from].escalationTo;
      if (to < 0 || to >= nS) continue;
      this.arcs(
        this.delta(escBase + from),
        geo.sites[from],
        geo.sites[to],
        -40,
        now,
        spread,
        FLOW_COLOR.escalate,
        P_ESCALATE,
      );
    }
    const ovBase = escBase + nS;
    for (let from = 0; from < nS; from++)
      for (let to = 0; to < nS; to++) {
        if (from === to) continue;
        const a = geo.sites[from];
        const b = geo.sites[to];
        this.arcs(
          this.delta(ovBase + from * nS + to),
          a,
          b,
          arcLift(a.x, b.x) + 20,
          now,
          spread,
          FLOW_COLOR.overflow,
          P_OVERFLOW,
        );
      }
  }

  /** contacts to draw for counter k since the last snapshot (× stress, capped) */
  private delta(k: number): number {
    return Math.min(MAX_SPAWN_PER_KEY, Math.max(0, this.cur[k] - this.prev[k]) * this.stress);
  }

  private arcs(
    n: number,
    a: { x: number; y: number },
    b: { x: number; y: number },
    lift: number,
    now: number,
    spread: number,
    color: number,
    kind: number,
  ): void {
    for (let k = 0; k < n; k++)
      this.spawn(a.x, a.y, b.x, b.y, lift, now + (spread * k) / n, ARC_MS, color, kind);
  }
}
