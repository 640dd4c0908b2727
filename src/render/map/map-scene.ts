/**
 * The map view: the live run drawn on a world map (issue 18). Like the floor view (../scene.ts) it is
 * built from SimulationMeta and Snapshots only, plus the places of ./places.ts; it never reads the
 * engine's model. This module and everything it imports (d3-geo, topojson, the land data) load only
 * when the map is first shown (src/ui/live/view-switch.ts).
 *
 * Layers, bottom to top:
 * - a 2D canvas with ocean and land (world.ts, drawn once per size into an off-page canvas) and the
 *   night over it (night-mask.ts: 180 × 66 pixels, stretched), composed again only when the simulated
 *   clock has moved NIGHT_STEP_SECONDS (eight times per simulated hour);
 * - a transparent 2D canvas with the per-site rings and queue stacks, redrawn only when a snapshot
 *   changes them;
 * - a transparent 2D canvas with the contacts, drawn by the CPU into one pooled pixel buffer each
 *   animation frame while the run plays, and while it is paused only until the contacts on their way
 *   have landed (../draw-loop.ts; raster.ts says why not WebGL: without a GPU it was the map's
 *   bottleneck);
 * - DOM labels: one focusable button per site (name, local clock, open/closed, agents, queue), which
 *   shows the site's figures so far on hover or focus, and the customers' label.
 * The map has no WebGL canvas at all: with software GL, every WebGL canvas on screen is read back on
 * the main thread each frame, however little it draws.
 */
import { formatClock } from '../../sim/clock';
import type { ReplicationOutcome } from '../../sim/result';
import {
  AGENT_BUSY,
  AGENT_IDLE,
  AGENT_LEAVING,
  AGENT_OFF,
  AGENT_WRAP,
  HEADER,
  SITE,
  SITE_CHANNEL,
  SnapshotView,
  type SimulationMeta,
  type Snapshot,
} from '../../sim/snapshot';
import { fmtInt, fmtMoney, fmtPercent, fmtSeconds } from '../../format/figures';
import { DrawLoop, sameSnapshot } from '../draw-loop';
import { CHANNEL_COLOR, cssColor, LOCATION_COLOR, STATE_COLOR, TEXT_DIM } from '../palette';
import { FLOW_COLOR, FlowField, type FlowGeometry } from './flows';
import { fitMap, MAP_DAY_OF_YEAR, project, utcSecondsOf, type MapFrame } from './geo';
import { NightMask } from './night-mask';
import type { MapPlaces } from './places';
import { ParticleRaster } from './raster';
import { stackCells } from './stack';
import { drawWorld } from './world';

/** The night is redrawn when the simulated clock has moved this far (8 times per simulated hour). */
export const NIGHT_STEP_SECONDS = 450;
const RING_R = 13;
const RING_W = 5;
const STACK_CELL = 3;
/** how often labels are placed again as their text changes width */
const LABEL_REPLACE_MS = 2000;

interface SiteLabel {
  button: HTMLButtonElement;
  name: HTMLSpanElement;
  line: HTMLSpanElement;
  tip: HTMLSpanElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  parent: HTMLElement,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  parent.appendChild(e);
  return e;
}

/** Sets key[i] to v; true if it changed. */
function setKey(key: Float64Array, i: number, v: number): boolean {
  if (key[i] === v) return false;
  key[i] = v;
  return true;
}

/** CSS colours of the marks, made once each */
const CSS_COLORS = new Map<number, string>();
function css(c: number): string {
  let s = CSS_COLORS.get(c);
  if (s === undefined) CSS_COLORS.set(c, (s = cssColor(c)));
  return s;
}

function setText(e: HTMLElement, s: string): void {
  if (e.textContent !== s) e.textContent = s;
}

export class MapScene {
  private meta: SimulationMeta | null = null;
  private places: MapPlaces | null = null;
  private snap: Snapshot | null = null;
  private outcome: ReplicationOutcome | null = null;
  private frameGeo: MapFrame;
  private readonly geo: FlowGeometry = { client: { x: 0, y: 0 }, sites: [], queueTop: [] };
  private readonly flows = new FlowField();
  private readonly mask = new NightMask();
  private readonly maskImage: ImageData;
  private maskAt = Number.NaN;
  private raster = new ParticleRaster(1, 1);
  private image: ImageData;
  private readonly flowCtx: CanvasRenderingContext2D | null;
  private readonly marksCtx: CanvasRenderingContext2D | null;
  /** what the marks were last drawn from (state counts, open flags, queue cells): redrawn on change */
  private marksKey = new Float64Array(0);
  private marksDrawn = false;
  private readonly out = new Float32Array(3);
  /** CSS size of the view, as last laid out */
  private width = 0;
  private height = 0;
  private ratio = 1;
  private readonly loop: DrawLoop;
  /** ocean and land for the current size, drawn once; `world` is this plus the night */
  private readonly land = document.createElement('canvas');
  private labels: SiteLabel[] = [];
  private readonly clientLabel: HTMLDivElement;
  /** per site × (channels + idle, wrap, leaving): agents by state, reused every snapshot */
  private stateCounts = new Float64Array(0);
  private readonly observer: ResizeObserver;
  private shown = true;
  /** labels to re-place once their text is set (their width depends on it) */
  private labelsDirty = true;
  private labelsPlacedAt = 0;
  private inFlightNow = 0;
  /** a channel's colour, for the flows (made once, not per snapshot) */
  private readonly channelColor = (c: number): number =>
    this.meta ? CHANNEL_COLOR[this.meta.channels[c].kind] : 0xffffff;

  private constructor(
    readonly root: HTMLElement,
    private readonly world: HTMLCanvasElement,
    private readonly night: HTMLCanvasElement,
    private readonly marksCanvas: HTMLCanvasElement,
    private readonly flowCanvas: HTMLCanvasElement,
    private readonly over: HTMLElement,
  ) {
    this.frameGeo = fitMap(Math.max(1, root.clientWidth), Math.max(1, root.clientHeight));
    this.maskImage = new ImageData(this.mask.pixels, this.mask.width, this.mask.height);
    this.image = new ImageData(this.raster.bytes, 1, 1);
    this.flowCtx = flowCanvas.getContext('2d');
    this.marksCtx = marksCanvas.getContext('2d');
    this.clientLabel = el('div', 'map-client', over);
    this.loop = new DrawLoop(root, (now) => this.frame(now));
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(root);
    this.resize(true);
  }

  /** Creates the map inside `host`: a layer covering it. */
  static async create(host: HTMLElement): Promise<MapScene> {
    const root = document.createElement('div');
    root.className = 'map-view';
    root.dataset.testid = 'map-view';
    host.appendChild(root);
    const world = el('canvas', 'map-world', root);
    world.setAttribute('aria-hidden', 'true');
    // the night mask's pixels, never in the page: it is drawn, stretched, into `world`
    const night = document.createElement('canvas');
    const marks = el('canvas', 'map-marks', root);
    marks.setAttribute('aria-hidden', 'true');
    const flows = el('canvas', 'map-flows', root);
    for (const c of [marks, flows]) {
      c.style.left = '0';
      c.style.top = '0';
    }
    flows.setAttribute('role', 'img');
    flows.setAttribute(
      'aria-label',
      'World map of the run: sites at their cities, contacts travelling from the customers, night shaded',
    );
    const over = el('div', 'map-over', root);
    MapScene.buildKey(root);
    return new MapScene(root, world, night, marks, flows, over);
  }

  /** What the map's colours mean, in a corner (the page's legend below speaks for the floor). */
  private static buildKey(root: HTMLElement): void {
    const key = el('ul', 'map-key', root);
    key.setAttribute('aria-label', 'Map legend');
    const item = (color: number, text: string) => {
      const li = el('li', '', key);
      const sw = el('span', 'swatch round', li);
      sw.style.background = cssColor(color);
      li.append(text);
    };
    item(0x38bdf8, 'customers');
    item(CHANNEL_COLOR.voice, 'contact (channel colour)');
    item(FLOW_COLOR.repeat, 'repeat');
    item(FLOW_COLOR.overflow, 'overflow');
    item(FLOW_COLOR.escalate, 'escalation');
    item(FLOW_COLOR.abandon, 'abandoned');
    el('li', 'note', key).textContent = 'ring: agents by state · bars: queue';
  }

  setMeta(meta: SimulationMeta, places: MapPlaces): void {
    this.meta = meta;
    this.places = places;
    this.snap = null;
    this.flows.reset();
    this.maskAt = Number.NaN;
    this.stateCounts = new Float64Array(meta.sites.length * (meta.channels.length + 3));
    for (const l of this.labels) l.button.remove();
    this.labels = meta.sites.map((site, s) => this.buildLabel(site, s));
    const p = places.client;
    const offset = places.clientUtcOffsetHours;
    this.clientLabel.textContent = `customers${p.city ? ` · ${p.city}` : ''} (UTC${offset >= 0 ? '+' : '−'}${Math.abs(offset)})`;
    this.placeAll();
  }

  /** Draws a snapshot; the same state again is left alone unless `force` (after a resize). */
  setSnapshot(snap: Snapshot, force = false): void {
    const meta = this.meta;
    const places = this.places;
    if (!meta || !places || snap.nSites !== meta.sites.length || snap.nGroups !== meta.groups.length) return;
    if (!force && sameSnapshot(this.snap, snap)) return; // a paused run sends the same state again
    this.snap = snap;
    const view = new SnapshotView(snap);
    const utc = utcSecondsOf(view.header(HEADER.now), places.clientUtcOffsetHours);
    if (!(Math.abs(utc - this.maskAt) < NIGHT_STEP_SECONDS)) this.drawNight(utc);
    this.countStates(snap);
    this.drawMarks(view);
    this.updateLabels(view);
    // labels widen as their figures grow: placed again now and then (it reads layout, so not per frame)
    const wall = performance.now();
    if (this.labelsDirty || wall - this.labelsPlacedAt > LABEL_REPLACE_MS) {
      this.labelsDirty = false;
      this.labelsPlacedAt = wall;
      this.placeLabels();
    }
    this.flows.update(snap, meta.channels, places.sites, this.geo, this.channelColor, performance.now());
    this.loop.invalidate();
  }

  /** The run's figures so far (LiveOutcome.outcome), for the sites' hover/focus cards. */
  setOutcome(outcome: ReplicationOutcome): void {
    this.outcome = outcome;
    this.labels.forEach((_, s) => this.updateTip(s));
  }

  /** Shows or hides the map; a hidden map draws no frames (the floor is drawing then). */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.root.hidden = !shown;
    if (shown) this.resize(true);
    this.loop.setShown(shown);
  }

  /** The run plays (contacts drawn every frame) or not (drawn on change only). */
  setPlaying(playing: boolean): void {
    this.loop.setPlaying(playing);
  }

  /** frames per second drawn (smoothed), for the page's status line; 0 while nothing changes */
  get fps(): number {
    return this.loop.fps;
  }

  /** Draws each contact as `k` particles: the render benchmark's way to reach 5,000 in flight. */
  setParticleStress(k: number): void {
    this.flows.stress = Math.max(1, Math.floor(k));
  }

  /** frames drawn since the map was made (tests: a hidden map draws none) */
  get frames(): number {
    return this.loop.frames;
  }

  /** particles on screen now (for the tests and the bench) */
  get inFlight(): number {
    return this.inFlightNow;
  }

  destroy(): void {
    this.observer.disconnect();
    this.loop.destroy();
    this.root.remove();
  }

  // ---------------------------------------------------------------- layout

  private resize(force = false): void {
    if (!this.shown) return;
    const w = Math.max(1, this.root.clientWidth);
    const h = Math.max(1, this.root.clientHeight);
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    if (!force && w === this.width && h === this.height && ratio === this.ratio) return;
    this.width = w;
    this.height = h;
    this.ratio = ratio;
    // the contacts at one pixel per CSS pixel (4-pixel dots: a finer buffer would cost 4× per frame)
    this.raster = new ParticleRaster(w, h);
    this.image = new ImageData(this.raster.bytes, w, h);
    this.flowCanvas.width = w;
    this.flowCanvas.height = h;
    this.flowCanvas.style.width = `${w}px`;
    this.flowCanvas.style.height = `${h}px`;
    this.marksCanvas.width = Math.round(w * ratio);
    this.marksCanvas.height = Math.round(h * ratio);
    this.marksCanvas.style.width = `${w}px`;
    this.marksCanvas.style.height = `${h}px`;
    this.marksDrawn = false;
    this.frameGeo = fitMap(w, h);
    drawWorld(this.land, this.frameGeo, w, h, ratio);
    this.composeWorld();
    this.maskAt = Number.NaN; // the land was redrawn without the night: redraw it at the next snapshot
    this.placeAll();
    // the night and the contacts' canvas were cleared by the new size
    if (this.snap) this.setSnapshot(this.snap, true);
    this.loop.invalidate();
  }

  private placeAll(): void {
    const places = this.places;
    if (!places) return;
    const f = this.frameGeo;
    this.geo.client = project(f, places.client.lat, places.client.lon);
    this.geo.sites = places.sites.map((p) => project(f, p.lat, p.lon));
    this.geo.queueTop = this.geo.sites.map((p) => ({ x: p.x + RING_R + 8, y: p.y - 4 }));
    // where each site's ring is, for tests and tools (labels sit beside it, not on it)
    this.labels.forEach(
      (l, s) => (l.button.dataset.at = `${this.geo.sites[s].x.toFixed(1)},${this.geo.sites[s].y.toFixed(1)}`),
    );
    this.clientLabel.style.left = `${this.geo.client.x}px`;
    this.clientLabel.style.top = `${this.geo.client.y - 22}px`;
    this.placeLabels();
    this.labelsDirty = true; // again once the first snapshot has filled their text
    this.marksDrawn = false;
    if (this.snap) this.drawMarks(new SnapshotView(this.snap));
  }

  /**
   * Each site's label beside its ring, on the side with more room, moved down past any label already
   * placed that it would cover (sites of one region sit close on a world map). Reads the labels' sizes,
   * so it runs on layout changes only, never per frame.
   */
  private placeLabels(): void {
    const f = this.frameGeo;
    const placed: { x: number; y: number; w: number; h: number }[] = [];
    const order = this.labels.map((_, s) => s).sort((a, b) => this.geo.sites[a].y - this.geo.sites[b].y);
    for (const s of order) {
      const l = this.labels[s];
      const p = this.geo.sites[s];
      const w = l.button.offsetWidth || 160;
      const h = l.button.offsetHeight || 30;
      const right = p.x + 22 + w < f.x + f.w;
      const x = right ? p.x + 22 : p.x - 22 - w;
      let y = p.y - h / 2;
      for (let moved = true, guard = 0; moved && guard < 20; guard++) {
        moved = false;
        for (const b of placed)
          if (x < b.x + b.w && b.x < x + w && y < b.y + b.h && b.y < y + h) {
            y = b.y + b.h + 2;
            moved = true;
          }
      }
      placed.push({ x, y, w, h });
      l.button.style.left = `${x}px`;
      l.button.style.top = `${y}px`;
    }
  }

  private buildLabel(site: SimulationMeta['sites'][number], s: number): SiteLabel {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-site';
    button.dataset.site = site.id;
    this.over.appendChild(button);
    const name = el('span', 'map-site-name', button);
    const dot = document.createElement('span');
    dot.className = 'location-dot';
    dot.style.background = cssColor(LOCATION_COLOR[site.location] ?? TEXT_DIM);
    name.append(dot, site.name);
    const line = el('span', 'map-site-line', button);
    const tip = el('span', 'map-site-tip', button);
    tip.id = `map-tip-${s}`;
    tip.setAttribute('role', 'tooltip');
    button.setAttribute('aria-describedby', tip.id);
    button.setAttribute('aria-expanded', 'false');
    // click pins the card (touch screens have no hover); hover and focus show it through CSS
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
    });
    return { button, name, line, tip };
  }

  // ---------------------------------------------------------------- per snapshot

  private drawNight(utcSeconds: number): void {
    this.maskAt = utcSeconds;
    // (v3) the sun of the simulated date: day 1's day of the year, hours past it advancing the date
    this.mask.update(this.places?.startDayOfYear ?? MAP_DAY_OF_YEAR, utcSeconds / 3600);
    if (this.night.width !== this.mask.width) {
      this.night.width = this.mask.width;
      this.night.height = this.mask.height;
    }
    this.night.getContext('2d')?.putImageData(this.maskImage, 0, 0);
    this.composeWorld();
  }

  /**
   * The visible background: the land (drawn once per size) with the night stretched over the map.
   * One layer under the Pixi canvas rather than two: with software compositing, every layer under a
   * canvas that changes each frame is blended again each frame, and a stretched one is filtered again.
   */
  private composeWorld(): void {
    const ctx = this.world.getContext('2d');
    if (!ctx) return;
    if (this.world.width !== this.land.width || this.world.height !== this.land.height) {
      this.world.width = this.land.width;
      this.world.height = this.land.height;
      this.world.style.width = this.land.style.width;
      this.world.style.height = this.land.style.height;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.land, 0, 0);
    if (Number.isNaN(this.maskAt)) return;
    const r = this.land.width / Math.max(1, this.width);
    const f = this.frameGeo;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low'; // bilinear: the mask is soft already, and this runs on the main thread
    ctx.drawImage(this.night, f.x * r, f.y * r, f.w * r, f.h * r);
  }

  private countStates(snap: Snapshot): void {
    const meta = this.meta!;
    const k = meta.channels.length + 3;
    const counts = this.stateCounts;
    counts.fill(0);
    const groups = meta.groups;
    for (let a = 0; a < snap.agentState.length; a++) {
      const st = snap.agentState[a];
      if (st === AGENT_OFF) continue;
      const base = groups[snap.agentGroup[a]].site * k;
      if (st >= AGENT_BUSY) counts[base + Math.min(st - AGENT_BUSY, k - 4)]++;
      else if (st === AGENT_IDLE) counts[base + k - 3]++;
      else if (st === AGENT_WRAP) counts[base + k - 2]++;
      else if (st === AGENT_LEAVING) counts[base + k - 1]++;
    }
  }

  private stateColor(i: number, nC: number): number {
    const meta = this.meta!;
    if (i < nC) return CHANNEL_COLOR[meta.channels[i].kind];
    return i === nC ? STATE_COLOR.idle : i === nC + 1 ? STATE_COLOR.wrap : STATE_COLOR.leaving;
  }

  /**
   * Rings (agents by state), queue stacks and the customers' region, into the marks canvas: only when
   * what they show has changed since they were last drawn (or the layout has).
   */
  private drawMarks(view: SnapshotView): void {
    const meta = this.meta!;
    const nC = meta.channels.length;
    const k = nC + 3;
    const nS = meta.sites.length;
    const per = k + 1 + nC;
    if (this.marksKey.length !== nS * per) {
      this.marksKey = new Float64Array(nS * per);
      this.marksDrawn = false;
    }
    // what the marks show: state counts, open, queue cells per channel
    const key = this.marksKey;
    let changed = !this.marksDrawn;
    for (let s = 0; s < nS; s++) {
      const o = s * per;
      for (let i = 0; i < k; i++) changed = setKey(key, o + i, this.stateCounts[s * k + i]) || changed;
      changed = setKey(key, o + k, view.site(s, SITE.open) > 0 ? 1 : 0) || changed;
      let waiting = 0;
      for (let ch = 0; ch < nC; ch++) waiting += view.siteChannel(s, ch, SITE_CHANNEL.waiting);
      const cells = stackCells(waiting);
      let drawn = 0;
      for (let ch = 0; ch < nC; ch++) {
        const w = view.siteChannel(s, ch, SITE_CHANNEL.waiting);
        const mine = waiting <= 0 ? 0 : ch === nC - 1 ? cells - drawn : Math.round((cells * w) / waiting);
        drawn += mine;
        changed = setKey(key, o + k + 1 + ch, mine) || changed;
      }
    }
    const g = this.marksCtx;
    if (!changed || !g) return;
    this.marksDrawn = true;
    const TAU = 2 * Math.PI;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.marksCanvas.width, this.marksCanvas.height);
    g.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    const c = this.geo.client;
    g.beginPath();
    g.arc(c.x, c.y, 20, 0, TAU);
    g.fillStyle = 'rgba(56, 189, 248, 0.12)';
    g.fill();
    g.strokeStyle = 'rgba(56, 189, 248, 0.6)';
    g.lineWidth = 1.5;
    g.stroke();
    g.beginPath();
    g.arc(c.x, c.y, 4, 0, TAU);
    g.fillStyle = css(0x38bdf8);
    g.fill();
    g.lineWidth = RING_W;
    for (let s = 0; s < nS; s++) {
      const p = this.geo.sites[s];
      if (!p) continue;
      const o = s * per;
      let total = 0;
      for (let i = 0; i < k; i++) total += key[o + i];
      g.beginPath();
      g.arc(p.x, p.y, RING_R + RING_W / 2 + 1, 0, TAU);
      g.fillStyle = 'rgba(11, 18, 32, 0.85)';
      g.fill();
      if (total === 0) {
        g.beginPath();
        g.arc(p.x, p.y, RING_R, 0, TAU);
        g.strokeStyle = css(STATE_COLOR.off);
        g.stroke();
      } else {
        let a0 = -Math.PI / 2;
        for (let i = 0; i < k; i++) {
          const n = key[o + i];
          if (n <= 0) continue;
          const a1 = a0 + (TAU * n) / total;
          g.beginPath();
          g.arc(p.x, p.y, RING_R, a0, a1);
          g.strokeStyle = css(this.stateColor(i, nC));
          g.stroke();
          a0 = a1;
        }
      }
      g.beginPath();
      g.arc(p.x, p.y, 3, 0, TAU);
      g.fillStyle = css(key[o + k] > 0 ? 0xe5e7eb : 0x475569);
      g.fill();
      // queue stack: channels' waiting contacts stacked upwards from the queue's foot
      const q = this.geo.queueTop[s];
      let y = q.y + 10;
      for (let ch = 0; ch < nC; ch++) {
        const mine = key[o + k + 1 + ch];
        if (mine <= 0) continue;
        g.fillStyle = css(CHANNEL_COLOR[meta.channels[ch].kind]);
        for (let i = 0; i < mine; i++) {
          g.fillRect(q.x - 4, y - STACK_CELL, 8, STACK_CELL - 1);
          y -= STACK_CELL;
        }
      }
    }
  }

  private updateLabels(view: SnapshotView): void {
    const meta = this.meta!;
    const k = meta.channels.length + 3;
    this.labels.forEach((l, s) => {
      const open = view.site(s, SITE.open) > 0;
      let agents = 0;
      for (let i = 0; i < k; i++) agents += this.stateCounts[s * k + i];
      let waiting = 0;
      for (let c = 0; c < meta.channels.length; c++) waiting += view.siteChannel(s, c, SITE_CHANNEL.waiting);
      l.button.classList.toggle('closed', !open);
      setText(
        l.line,
        `${formatClock(view.site(s, SITE.localSecond))} · ${open ? 'open' : 'closed'} · ${fmtInt(agents)} agents · queue ${fmtInt(waiting)}`,
      );
    });
  }

  private updateTip(s: number): void {
    const meta = this.meta;
    const l = this.labels[s];
    if (!meta || !l) return;
    const o = this.outcome?.sites[meta.sites[s].id];
    setText(
      l.tip,
      o
        ? `So far: service level ${fmtPercent(o.serviceLevel)} · ASA ${fmtSeconds(o.asa)}\n` +
            `occupancy ${fmtPercent(o.occupancy)} · cost ${fmtMoney(o.cost)}`
        : 'So far: no figures yet',
    );
  }

  // ---------------------------------------------------------------- per frame

  /** Moves the contacts: each one in flight drawn at its place on its path now; true while any is. */
  private frame(now: number): boolean {
    const f = this.flows;
    f.expire(now);
    const out = this.out;
    const n = f.count;
    const r = this.raster;
    r.begin();
    let i = 0;
    for (let d = 0; d < n; d++) {
      if (!f.at(d, now, out)) continue; // not started yet (a burst is spread over the frame)
      // integers only across the call (see ParticleRaster.dot)
      r.dot((out[0] + 0.5) | 0, (out[1] + 0.5) | 0, f.bgr[d], (out[2] * 255 + 0.5) | 0);
      i++;
    }
    this.inFlightNow = i;
    const dirty = r.end();
    if (dirty.w > 0) this.flowCtx?.putImageData(this.image, 0, 0, dirty.x, dirty.y, dirty.w, dirty.h);
    return f.count > 0;
  }
}
