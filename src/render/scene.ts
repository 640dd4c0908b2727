/**
 * The Pixi v8 live view. Draws from SimulationMeta and Snapshots only, through SceneModel (the pure
 * mapping); this file only copies that state into Pixi objects and a few DOM elements.
 *
 * Performance: every agent is one Particle in one ParticleContainer sharing one texture, updated in
 * place (position, size and colour are dynamic properties) — one draw call for thousands of agents.
 * Dots are a second ParticleContainer of a fixed pool. The only Graphics redrawn per snapshot are the
 * queue bars. Site regions and text are DOM elements under and over a transparent canvas: large fills
 * and text are what a software renderer (a browser without GPU) is slowest at, and the browser's
 * compositor draws static boxes and text for free; they change only when the layout or a figure does.
 *
 * Pixi's ticker is never started: the stage is drawn with app.render() by a DrawLoop (draw-loop.ts),
 * every frame while the run plays and only on a change while it is paused, finished or out of sight.
 */
import { Application, Graphics, Particle, ParticleContainer, type Texture } from 'pixi.js';
import { formatClock } from '../sim/clock';
import {
  CHANNEL,
  SITE,
  SITE_CHANNEL,
  SnapshotView,
  type SimulationMeta,
  type Snapshot,
} from '../sim/snapshot';
import { DrawLoop, sameSnapshot } from './draw-loop';
import type { Rect } from './layout';
import { CHANNEL_COLOR, cssColor, LOCATION_COLOR, TEXT_DIM } from './palette';
import { holdingAt, MAX_DOTS, MAX_TRANSIT_DOTS, SceneModel } from './scene-model';

/** a 16 px texture scaled down keeps the rounded corners smooth at the largest cell size */
const TEX = 16;

function div(cls: string, parent: HTMLElement): HTMLDivElement {
  const d = document.createElement('div');
  d.className = cls;
  parent.appendChild(d);
  return d;
}

function place(el: HTMLElement, r: Rect): void {
  el.style.left = `${r.x}px`;
  el.style.top = `${r.y}px`;
  el.style.width = `${r.w}px`;
  el.style.height = `${r.h}px`;
}

/** Sets text only when it changed, so the browser does no layout work for unchanged labels. */
function setText(el: HTMLElement, s: string): void {
  if (el.textContent !== s) el.textContent = s;
}

interface SiteElements {
  region: HTMLDivElement;
  title: HTMLDivElement;
  info: HTMLDivElement;
  lanes: (HTMLDivElement | null)[];
  laneLabels: (HTMLDivElement | null)[];
}

export class LiveScene {
  private model: SceneModel | null = null;
  private snap: Snapshot | null = null;
  private agentsDirty = false;
  private readonly loop: DrawLoop;
  private readonly marks = new Graphics();
  private agents: ParticleContainer<Particle>;
  private readonly dots: ParticleContainer<Particle>;
  private readonly dotPool: Particle[] = [];
  private agentPool: Particle[] = [];
  private readonly under: HTMLDivElement;
  private readonly over: HTMLDivElement;
  private sites: SiteElements[] = [];
  private arrivalLabels: HTMLDivElement[] = [];
  private layoutKey = '';
  private readonly observer: ResizeObserver;

  private constructor(
    readonly app: Application,
    private readonly host: HTMLElement,
    private readonly square: Texture,
    disc: Texture,
  ) {
    this.under = document.createElement('div');
    this.under.className = 'scene-under';
    this.over = document.createElement('div');
    this.over.className = 'scene-over';
    host.prepend(this.under);
    host.append(this.over);
    this.agents = this.newAgentContainer();
    this.dots = new ParticleContainer<Particle>({
      texture: disc,
      dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
    });
    for (let i = 0; i < MAX_DOTS + 64 * MAX_TRANSIT_DOTS; i++) {
      const p = new Particle({
        texture: disc,
        anchorX: 0.5,
        anchorY: 0.5,
        scaleX: 0.4,
        scaleY: 0.4,
      });
      this.dotPool.push(p);
    }
    app.stage.addChild(this.marks, this.agents, this.dots);
    this.loop = new DrawLoop(host, () => this.frame());
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(host);
  }

  /** Creates the Pixi application inside `host` (its canvas fills the host and follows its size). */
  static async create(host: HTMLElement): Promise<LiveScene> {
    const app = new Application();
    await app.init({
      backgroundAlpha: 0, // the regions underneath are DOM (see the file comment)
      width: Math.max(1, host.clientWidth),
      height: Math.max(1, host.clientHeight),
      // no MSAA: the particles are axis-aligned squares and discs with soft texture edges already
      antialias: false,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      autoDensity: true,
      preference: 'webgl',
      autoStart: false, // drawn by a DrawLoop, on change only when paused (see the file comment)
    });
    app.canvas.setAttribute('aria-label', 'Live view of sites, agents and queues');
    app.canvas.setAttribute('role', 'img');
    host.appendChild(app.canvas);
    const square = app.renderer.generateTexture(new Graphics().roundRect(0, 0, TEX, TEX, 4).fill(0xffffff));
    const disc = app.renderer.generateTexture(
      new Graphics().circle(TEX / 2, TEX / 2, TEX / 2).fill(0xffffff),
    );
    return new LiveScene(app, host, square, disc);
  }

  private newAgentContainer(): ParticleContainer<Particle> {
    return new ParticleContainer<Particle>({
      texture: this.square,
      // all static: agents change only when a snapshot does, and copyAgents then calls update()
      dynamicProperties: { position: false, color: false, vertex: false, rotation: false, uvs: false },
    });
  }

  /** Starts drawing a new run (new scenario or reset). */
  setMeta(meta: SimulationMeta): void {
    this.model = new SceneModel(meta, this.app.screen.width, this.app.screen.height);
    this.snap = null;
    this.layoutKey = '';
    // fresh particle container: the old run may have had more agents
    const old = this.agents;
    this.agents = this.newAgentContainer();
    this.app.stage.addChildAt(this.agents, this.app.stage.getChildIndex(old));
    old.destroy();
    this.agentPool = [];
    this.marks.clear();
    this.buildElements(meta, this.model);
    this.loop.invalidate();
  }

  setSnapshot(snap: Snapshot, force = false): void {
    const model = this.model;
    if (!model || snap.nGroups !== model.meta.groups.length) return;
    // a paused run sends the same state again: nothing to upload or draw then
    if (!force && sameSnapshot(this.snap, snap)) return;
    model.update(snap, performance.now());
    this.snap = snap;
    this.agentsDirty = true;
    this.placeElements(model);
    this.drawSnapshot(model, snap);
    this.loop.invalidate();
  }

  /** The run plays (draw every frame) or not (draw on change only). */
  setPlaying(playing: boolean): void {
    this.loop.setPlaying(playing);
  }

  /** The view switch shows the floor or the map: a hidden floor draws nothing. */
  setShown(shown: boolean): void {
    this.loop.setShown(shown);
  }

  /** Frames per second drawn (for the page's status line); 0 while nothing changes. */
  get fps(): number {
    return this.loop.fps;
  }

  /** Frames drawn since the scene was made (the tests: a paused run draws none). */
  get frames(): number {
    return this.loop.frames;
  }

  destroy(): void {
    this.loop.destroy();
    this.observer.disconnect();
    this.under.remove();
    this.over.remove();
    this.app.destroy(true, { children: true });
  }

  // ---------------------------------------------------------------- drawing

  private resize(): void {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    if (w === this.app.screen.width && h === this.app.screen.height) return;
    this.app.renderer.resize(w, h);
    if (!this.model) return;
    this.model.resize(w, h);
    if (this.snap) this.setSnapshot(this.snap, true);
    else {
      this.placeElements(this.model);
      this.loop.invalidate();
    }
  }

  /** One frame: the particles brought up to date and the stage drawn; true while dots are travelling. */
  private frame(): boolean {
    const model = this.model;
    const snap = this.snap;
    if (model && snap) {
      if (this.agentsDirty) {
        this.copyAgents(model);
        this.agentsDirty = false;
      }
      this.copyDots(model, snap);
    }
    this.app.render();
    return model !== null && model.dots.count > 0;
  }

  private copyAgents(model: SceneModel): void {
    const pool = this.agentPool;
    while (pool.length < model.agentCount) {
      pool.push(new Particle({ texture: this.square, anchorX: 0.5, anchorY: 0.5 }));
    }
    // fewer seats than last time (a slider went down): drop the rest from the container, keep them
    const ps = this.agents.particleChildren;
    ps.length = 0;
    for (let a = 0; a < model.agentCount; a++) {
      const p = pool[a];
      p.x = model.agentX[a];
      p.y = model.agentY[a];
      p.scaleX = p.scaleY = model.agentSize[a] / TEX;
      p.tint = model.agentTint[a];
      ps.push(p);
    }
    this.agents.update();
  }

  private copyDots(model: SceneModel, snap: Snapshot): void {
    const now = performance.now();
    const field = model.dots;
    field.expire(now);
    let i = 0;
    for (let d = 0; d < field.count; d++) {
      if (field.born[d] > now) continue; // staggered dot not started yet
      const p = this.dotPool[i++];
      const at = field.at(d, now);
      p.x = at.x;
      p.y = at.y;
      p.tint = field.color[d];
      p.alpha = at.alpha;
    }
    model.transitDots(snap, now, (x, y, color) => {
      if (i >= this.dotPool.length) return;
      const p = this.dotPool[i++];
      p.x = x;
      p.y = y;
      p.tint = color;
      p.alpha = 0.75;
    });
    // Only the dots in use are children: a software renderer (no GPU) pays for every quad, even a
    // transparent one. Refilling the array is cheap; the pool keeps the Particle objects.
    const children = this.dots.particleChildren;
    if (children.length !== i) {
      children.length = 0;
      for (let k = 0; k < i; k++) children.push(this.dotPool[k]);
      this.dots.update();
    }
  }

  /** One DOM element per region, lane and label; positioned by placeElements. */
  private buildElements(meta: SimulationMeta, model: SceneModel): void {
    this.under.replaceChildren();
    this.over.replaceChildren();
    const arrivals = div('region arrivals', this.under);
    arrivals.dataset.role = 'arrivals';
    div('region-title', arrivals).textContent = 'arrivals';
    this.arrivalLabels = meta.channels.map((ch) => {
      const l = div('arrival-label', this.over);
      l.textContent = ch.kind;
      return l;
    });
    this.sites = meta.sites.map((site, s) => {
      const region = div('region', this.under);
      region.dataset.site = site.id;
      const title = div('region-title', region);
      const dot = document.createElement('span');
      dot.className = 'location-dot';
      dot.style.background = cssColor(LOCATION_COLOR[site.location] ?? TEXT_DIM);
      title.append(dot, site.name);
      const info = div('region-info', region);
      const lanes = model.shape.serves.map((row) => (row[s] ? div('lane', this.under) : null));
      const laneLabels = model.shape.serves.map((row) => (row[s] ? div('lane-label', this.over) : null));
      return { region, title, info, lanes, laneLabels };
    });
    this.placeElements(model);
  }

  /** Positions the DOM elements and the arrival marks; only when the layout changed. */
  private placeElements(model: SceneModel): void {
    const layout = model.layout;
    const key = `${layout.width}x${layout.height}:${model.capacity.join(',')}`;
    if (key === this.layoutKey) return;
    this.layoutKey = key;
    place(this.under.firstElementChild as HTMLElement, layout.arrivalsRect);
    layout.arrivals.forEach((p, c) => {
      const l = this.arrivalLabels[c];
      l.style.left = `${p.x - 12}px`;
      l.style.top = `${p.y}px`;
    });
    layout.sites.forEach((site, s) => {
      const el = this.sites[s];
      place(el.region, site.rect);
      el.info.hidden = site.rect.w < 150; // too small a region: keep the name only
      site.lanes.forEach((lane, c) => {
        const box = el.lanes[c];
        const label = el.laneLabels[c];
        if (lane && box) place(box, lane);
        if (lane && label) place(label, lane);
      });
    });
  }

  /** Per snapshot: queue bars, arrival marks, and the figures in the labels. */
  private drawSnapshot(model: SceneModel, snap: Snapshot): void {
    const view = new SnapshotView(snap);
    const meta = model.meta;
    const layout = model.layout;
    const g = this.marks.clear();
    layout.arrivals.forEach((p, c) => {
      g.circle(p.x, p.y, 6).fill(CHANNEL_COLOR[meta.channels[c].kind]);
      const held = holdingAt(snap, c);
      const later = view.channel(c, CHANNEL.afterHours); // (v3) turned away after hours, will retry
      setText(
        this.arrivalLabels[c],
        `${meta.channels[c].kind}${held > 0 ? ` · held ${held}` : ''}${later > 0 ? ` · ${later} retry after hours` : ''}`,
      );
    });
    layout.sites.forEach((site, s) => {
      const el = this.sites[s];
      const m = meta.sites[s];
      const open = view.site(s, SITE.open) > 0;
      el.region.classList.toggle('closed', !open);
      const clock = formatClock(view.site(s, SITE.localSecond));
      const logged = view.site(s, SITE.loggedIn);
      setText(el.info, `${m.location} · ${clock} local · ${open ? 'open' : 'closed'} · ${logged} agents`);
      site.lanes.forEach((lane, c) => {
        const label = el.laneLabels[c];
        if (!lane || !label) return;
        const waiting = view.siteChannel(s, c, SITE_CHANNEL.waiting);
        const transit = view.siteChannel(s, c, SITE_CHANNEL.inTransit);
        const called = view.siteChannel(s, c, SITE_CHANNEL.callbacks); // (v3) off the line
        // saturating bar: visible from one contact, never overflowing its lane; the number is exact
        if (waiting > 0) {
          const f = waiting / (waiting + 10);
          const w = Math.max(3, lane.w * f);
          const onLine = w * ((waiting - called) / waiting);
          const color = CHANNEL_COLOR[meta.channels[c].kind];
          g.rect(lane.x, lane.y, onLine, lane.h).fill({ color, alpha: 0.6 });
          // call-back customers keep their place but are not on the line: drawn hollow, after the callers
          if (called > 0)
            g.rect(lane.x + onLine, lane.y, w - onLine, lane.h).stroke({ color, width: 1, alpha: 0.9 });
        }
        setText(
          label,
          `${meta.channels[c].kind} ${waiting}${called > 0 ? ` (${called} call back)` : ''}${transit > 0 ? ` · ${transit}→` : ''}`,
        );
      });
    });
  }
}
