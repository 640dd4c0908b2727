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
 * - the transparent Pixi canvas: per-site rings and queue stacks (one Graphics, redrawn per snapshot)
 *   and the contacts (one ParticleContainer over a pool of MAX_PARTICLES Particles made up front);
 * - DOM labels: one focusable button per site (name, local clock, open/closed, agents, queue), which
 *   shows the site's figures so far on hover or focus, and the customers' label.
 * Large fills and text stay out of WebGL for the reason the floor gives: a software renderer pays for
 * them every frame, the browser's compositor does not.
 */
import { Application, Graphics, Particle, ParticleContainer, type Texture } from 'pixi.js';
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
import { fmtInt, fmtMoney, fmtPercent, fmtSeconds } from '../../ui/format';
import { CHANNEL_COLOR, cssColor, LOCATION_COLOR, STATE_COLOR, TEXT_DIM } from '../palette';
import { FLOW_COLOR, FlowField, MAX_PARTICLES, type FlowGeometry } from './flows';
import { fitMap, MAP_DAY_OF_YEAR, project, utcSecondsOf, type MapFrame } from './geo';
import { NightMask } from './night-mask';
import type { MapPlaces } from './places';
import { stackCells } from './stack';
import { drawWorld } from './world';

/** The night is redrawn when the simulated clock has moved this far (8 times per simulated hour). */
export const NIGHT_STEP_SECONDS = 450;
const RING_R = 13;
const RING_W = 5;
const STACK_CELL = 3;
const DOT = 8;
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
  private readonly marks = new Graphics();
  private readonly particles: ParticleContainer<Particle>;
  private readonly pool: Particle[] = [];
  private readonly out = new Float32Array(3);
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

  private constructor(
    readonly app: Application,
    readonly root: HTMLElement,
    private readonly world: HTMLCanvasElement,
    private readonly night: HTMLCanvasElement,
    private readonly over: HTMLElement,
    disc: Texture,
  ) {
    this.frameGeo = fitMap(Math.max(1, root.clientWidth), Math.max(1, root.clientHeight));
    this.maskImage = new ImageData(this.mask.pixels, this.mask.width, this.mask.height);
    this.particles = new ParticleContainer<Particle>({
      texture: disc,
      dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
    });
    for (let i = 0; i < MAX_PARTICLES; i++)
      this.pool.push(
        new Particle({ texture: disc, anchorX: 0.5, anchorY: 0.5, scaleX: 0.5, scaleY: 0.5, alpha: 0 }),
      );
    app.stage.addChild(this.marks, this.particles);
    app.ticker.add(() => this.frame());
    this.clientLabel = el('div', 'map-client', over);
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(root);
    this.resize(true);
  }

  /** Creates the map inside `host`: a layer covering it, with its own Pixi application. */
  static async create(host: HTMLElement): Promise<MapScene> {
    const root = document.createElement('div');
    root.className = 'map-view';
    root.dataset.testid = 'map-view';
    host.appendChild(root);
    const world = el('canvas', 'map-world', root);
    world.setAttribute('aria-hidden', 'true');
    // the night mask's pixels, never in the page: it is drawn, stretched, into `world`
    const night = document.createElement('canvas');
    const app = new Application();
    await app.init({
      backgroundAlpha: 0,
      width: Math.max(1, root.clientWidth),
      height: Math.max(1, root.clientHeight),
      antialias: false,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      autoDensity: true,
      preference: 'webgl',
    });
    app.canvas.classList.add('map-flows');
    app.canvas.setAttribute('role', 'img');
    app.canvas.setAttribute(
      'aria-label',
      'World map of the run: sites at their cities, contacts travelling from the customers, night shaded',
    );
    root.appendChild(app.canvas);
    const over = el('div', 'map-over', root);
    MapScene.buildKey(root);
    const disc = app.renderer.generateTexture(
      new Graphics().circle(DOT / 2, DOT / 2, DOT / 2).fill(0xffffff),
    );
    return new MapScene(app, root, world, night, over, disc);
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

  setSnapshot(snap: Snapshot): void {
    const meta = this.meta;
    const places = this.places;
    if (!meta || !places || snap.nSites !== meta.sites.length || snap.nGroups !== meta.groups.length) return;
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
    this.flows.update(
      snap,
      meta.channels,
      places.sites,
      this.geo,
      (c) => CHANNEL_COLOR[meta.channels[c].kind],
      performance.now(),
    );
  }

  /** The run's figures so far (LiveOutcome.outcome), for the sites' hover/focus cards. */
  setOutcome(outcome: ReplicationOutcome): void {
    this.outcome = outcome;
    this.labels.forEach((_, s) => this.updateTip(s));
  }

  /** Shows or hides the map; a hidden map stops its ticker (the floor is drawing then). */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.root.hidden = !shown;
    if (shown) {
      this.app.ticker.start();
      this.resize(true);
    } else this.app.ticker.stop();
  }

  get fps(): number {
    return this.app.ticker.FPS;
  }

  /** Draws each contact as `k` particles: the render benchmark's way to reach 5,000 in flight. */
  setParticleStress(k: number): void {
    this.flows.stress = Math.max(1, Math.floor(k));
  }

  /** particles on screen now (for the tests and the bench) */
  get inFlight(): number {
    return this.inFlightNow;
  }

  destroy(): void {
    this.observer.disconnect();
    this.app.destroy(true, { children: true });
    this.root.remove();
  }

  // ---------------------------------------------------------------- layout

  private resize(force = false): void {
    if (!this.shown) return;
    const w = Math.max(1, this.root.clientWidth);
    const h = Math.max(1, this.root.clientHeight);
    if (!force && w === this.app.screen.width && h === this.app.screen.height) return;
    this.app.renderer.resize(w, h);
    this.frameGeo = fitMap(w, h);
    drawWorld(this.land, this.frameGeo, w, h, Math.min(2, window.devicePixelRatio || 1));
    this.composeWorld();
    this.maskAt = Number.NaN; // the land was redrawn without the night: redraw it at the next snapshot
    this.placeAll();
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
    this.mask.update(MAP_DAY_OF_YEAR, utcSeconds / 3600);
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
    const r = this.land.width / Math.max(1, this.app.screen.width);
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

  /** Rings (agents by state), queue stacks and the customers' region. */
  private drawMarks(view: SnapshotView): void {
    const meta = this.meta!;
    const nC = meta.channels.length;
    const k = nC + 3;
    const g = this.marks.clear();
    const c = this.geo.client;
    g.circle(c.x, c.y, 20).fill({ color: 0x38bdf8, alpha: 0.12 });
    g.circle(c.x, c.y, 20).stroke({ color: 0x38bdf8, alpha: 0.6, width: 1.5 });
    g.circle(c.x, c.y, 4).fill(0x38bdf8);
    for (let s = 0; s < meta.sites.length; s++) {
      const p = this.geo.sites[s];
      if (!p) continue;
      const base = s * k;
      let total = 0;
      for (let i = 0; i < k; i++) total += this.stateCounts[base + i];
      g.circle(p.x, p.y, RING_R + RING_W / 2 + 1).fill({ color: 0x0b1220, alpha: 0.85 });
      if (total === 0) {
        g.circle(p.x, p.y, RING_R).stroke({ color: STATE_COLOR.off, width: RING_W });
      } else {
        let a0 = -Math.PI / 2;
        for (let i = 0; i < k; i++) {
          const n = this.stateCounts[base + i];
          if (n <= 0) continue;
          const a1 = a0 + (2 * Math.PI * n) / total;
          g.moveTo(p.x + RING_R * Math.cos(a0), p.y + RING_R * Math.sin(a0))
            .arc(p.x, p.y, RING_R, a0, a1)
            .stroke({ color: this.stateColor(i, nC), width: RING_W });
          a0 = a1;
        }
      }
      const open = view.site(s, SITE.open) > 0;
      g.circle(p.x, p.y, 3).fill(open ? 0xe5e7eb : 0x475569);
      // queue stack: channels' waiting contacts stacked upwards from the queue's foot
      const q = this.geo.queueTop[s];
      let waiting = 0;
      for (let ch = 0; ch < nC; ch++) waiting += view.siteChannel(s, ch, SITE_CHANNEL.waiting);
      const cells = stackCells(waiting);
      let y = q.y + 10;
      let drawn = 0;
      for (let ch = 0; ch < nC && waiting > 0; ch++) {
        const w = view.siteChannel(s, ch, SITE_CHANNEL.waiting);
        const mine = ch === nC - 1 ? cells - drawn : Math.round((cells * w) / waiting);
        for (let i = 0; i < mine; i++) {
          g.rect(q.x - 4, y - STACK_CELL, 8, STACK_CELL - 1).fill(CHANNEL_COLOR[meta.channels[ch].kind]);
          y -= STACK_CELL;
        }
        drawn += mine;
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

  private frame(): void {
    const now = performance.now();
    const f = this.flows;
    f.expire(now);
    const out = this.out;
    const n = f.count;
    const pool = this.pool;
    let i = 0;
    for (let d = 0; d < n; d++) {
      if (!f.at(d, now, out)) continue; // not started yet (a burst is spread over the frame)
      const p = pool[i++];
      p.x = out[0];
      p.y = out[1];
      // packed ABGR written directly: the tint/alpha setters parse a colour per call
      p.color = f.bgr[d] + (((out[2] * 255) | 0) << 24);
    }
    // The children are the particles in flight plus a margin, changed only when the flight outgrows
    // them or shrinks to half: update() re-uploads every particle's static data, so not per frame.
    // The margin's particles are made transparent (a quad each, cheap at 4 px).
    const children = this.particles.particleChildren;
    const want = children.length;
    if (i > want || i < want / 2 - 64) {
      const size = Math.min(pool.length, Math.ceil(i * 1.25) + 64);
      children.length = 0;
      for (let k = 0; k < size; k++) children.push(pool[k]);
      this.particles.update();
    }
    // those drawn last frame and not now: transparent (the rest of the margin already is)
    for (let k = i; k < this.inFlightNow; k++) pool[k].color = 0;
    this.inFlightNow = i;
  }
}
