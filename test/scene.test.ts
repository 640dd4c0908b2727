/**
 * The live view's pure mapping (src/render/layout.ts, palette.ts, scene-model.ts): colours per agent
 * state, the site grid inside the canvas, agent cells stable between frames, dots from counter deltas.
 */
import { describe, expect, it } from 'vitest';
import {
  AGENT_BUSY,
  AGENT_IDLE,
  AGENT_LEAVING,
  AGENT_OFF,
  AGENT_WRAP,
  encodeSnapshot,
  GROUP,
  SITE,
  Simulation,
  simulationMeta,
  SnapshotView,
  type Scenario,
} from '../src/sim/index';
import { fitCell, layoutScene, siteGrid, slotCentre, type Rect } from '../src/render/layout';
import { agentTint, CHANNEL_COLOR, shade, STATE_COLOR } from '../src/render/palette';
import { layoutShape, MAX_DOTS, MAX_SPAWN_PER_KEY, SceneModel } from '../src/render/scene-model';

const inside = (r: Rect, o: Rect, eps = 1e-6) =>
  r.x >= o.x - eps && r.y >= o.y - eps && r.x + r.w <= o.x + o.w + eps && r.y + r.h <= o.y + o.h + eps;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function scenario(sites = 3, agents = 12): Scenario {
  return {
    name: 'scene',
    channels: {
      voice: { volumePerDay: 6000, handleTime: { dist: 'exponential', mean: 240 }, patience: null },
      chat: { volumePerDay: 3000, handleTime: { dist: 'exponential', mean: 500 }, concurrency: 3 },
    },
    sites: Array.from({ length: sites }, (_, i) => ({
      id: `s${i}`,
      name: `Site ${i}`,
      location: (['onshore', 'nearshore', 'offshore'] as const)[i % 3],
      utcOffsetHours: i === 1 ? 12 : 0,
      hours: i === 1 ? { open: '08:00', close: '18:00' } : ('24/7' as const),
      groups: [
        { id: 'v', skills: ['voice' as const], agents },
        { id: 'c', skills: ['chat' as const], agents: Math.ceil(agents / 2) },
      ],
      cost: { hourlyRate: 20 },
    })),
  };
}

describe('palette', () => {
  const channels = [
    { kind: 'voice' as const, concurrency: 1 },
    { kind: 'chat' as const, concurrency: 3 },
  ];

  it('gives each state its colour', () => {
    expect(agentTint(AGENT_OFF, 0, channels)).toBe(STATE_COLOR.off);
    expect(agentTint(AGENT_IDLE, 0, channels)).toBe(STATE_COLOR.idle);
    expect(agentTint(AGENT_WRAP, 1, channels)).toBe(STATE_COLOR.wrap);
    expect(agentTint(AGENT_LEAVING, 1, channels)).toBe(STATE_COLOR.leaving);
    expect(agentTint(AGENT_BUSY + 0, 1, channels)).toBe(CHANNEL_COLOR.voice);
    const all = new Set([
      STATE_COLOR.off,
      STATE_COLOR.idle,
      STATE_COLOR.wrap,
      STATE_COLOR.leaving,
      STATE_COLOR.abandoned,
      ...Object.values(CHANNEL_COLOR),
    ]);
    expect(all.size).toBe(9);
  });

  it('shows how many chats an agent holds by brightness', () => {
    const one = agentTint(AGENT_BUSY + 1, 1, channels);
    const two = agentTint(AGENT_BUSY + 1, 2, channels);
    const three = agentTint(AGENT_BUSY + 1, 3, channels);
    expect(three).toBe(CHANNEL_COLOR.chat);
    const brightness = (c: number) => ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
    expect(brightness(one)).toBeLessThan(brightness(two));
    expect(brightness(two)).toBeLessThan(brightness(three));
    expect(shade(0xffffff, 0.5)).toBe(0x808080);
  });
});

describe('layout', () => {
  it('places N sites inside the canvas without overlap', () => {
    for (const [w, h] of [
      [1000, 500],
      [600, 900],
      [1920, 1080],
      [320, 240],
    ]) {
      const area = { x: 120, y: 10, w: w - 130, h: h - 20 };
      for (let n = 1; n <= 12; n++) {
        const rects = siteGrid(n, area);
        expect(rects).toHaveLength(n);
        for (const r of rects) {
          expect(inside(r, area)).toBe(true);
          expect(r.w).toBeGreaterThan(0);
          expect(r.h).toBeGreaterThan(0);
        }
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) expect(overlap(rects[i], rects[j])).toBe(false);
      }
    }
    // a wide canvas puts three sites side by side, a tall one stacks them
    const wide = siteGrid(3, { x: 0, y: 0, w: 1800, h: 400 });
    expect(new Set(wide.map((r) => r.y)).size).toBe(1);
    const tall = siteGrid(3, { x: 0, y: 0, w: 400, h: 1800 });
    expect(new Set(tall.map((r) => r.x)).size).toBe(1);
  });

  it('fits every agent cell and lane inside its site region', () => {
    const meta = simulationMeta(new Simulation(scenario(4, 300)));
    const shape = layoutShape(meta);
    const capacity = meta.groups.map((g) => g.scheduledPeak);
    const layout = layoutScene(shape, capacity, 1200, 700);
    expect(layout.sites).toHaveLength(4);
    for (const site of layout.sites) {
      expect(inside(site.agents, site.rect)).toBe(true);
      for (const lane of site.lanes) if (lane) expect(inside(lane, site.rect)).toBe(true);
      for (const block of site.blocks) {
        for (const rank of [0, block.capacity - 1]) {
          const p = slotCentre(block, site.cell, rank);
          expect(p.x).toBeGreaterThanOrEqual(site.agents.x);
          expect(p.x).toBeLessThanOrEqual(site.agents.x + site.agents.w);
          expect(p.y).toBeGreaterThanOrEqual(site.agents.y);
          expect(p.y).toBeLessThanOrEqual(site.agents.y + site.agents.h);
        }
      }
    }
    // 1,800 agents still fit a 1200 × 700 canvas, at a readable size
    expect(layout.sites[0].cell).toBeGreaterThanOrEqual(4);
  });

  it('picks the largest cell that fits', () => {
    const area = { x: 0, y: 0, w: 100, h: 100 };
    expect(fitCell(area, [10])).toBe(22);
    const c = fitCell(area, [400]);
    expect(Math.floor(100 / c) ** 2).toBeGreaterThanOrEqual(400);
    expect(Math.floor(100 / (c + 0.5)) ** 2).toBeLessThan(400);
  });
});

describe('SceneModel', () => {
  it('keeps each agent in its cell from frame to frame', () => {
    const sim = new Simulation(scenario(), { seed: '3' });
    const meta = simulationMeta(sim);
    const model = new SceneModel(meta, 1000, 600);
    sim.advanceTo(9 * 3600);
    model.update(encodeSnapshot(sim), 0);
    const n1 = model.poolCount;
    const x1 = model.agentX.slice(0, n1);
    const y1 = model.agentY.slice(0, n1);
    sim.advanceTo(9.5 * 3600);
    model.update(encodeSnapshot(sim), 16);
    expect(model.poolCount).toBeGreaterThanOrEqual(n1);
    expect(model.agentX.slice(0, n1)).toEqual(x1);
    expect(model.agentY.slice(0, n1)).toEqual(y1);
    // distinct cells
    const cells = new Set<string>();
    for (let a = 0; a < model.agentCount; a++) cells.add(`${model.agentX[a]},${model.agentY[a]}`);
    expect(cells.size).toBe(model.agentCount);
  });

  it('colours agents from their snapshot state and shows empty seats at a closed site', () => {
    const sim = new Simulation(scenario(), { seed: '3' });
    const meta = simulationMeta(sim);
    const model = new SceneModel(meta, 1000, 600);
    // site 1 keeps 08:00–18:00 at UTC+12: open at client midnight (12:00 local), closed from 06:00
    sim.advanceTo(7 * 3600);
    expect(new SnapshotView(encodeSnapshot(sim)).site(1, SITE.open)).toBe(0);
    const snap = encodeSnapshot(sim);
    model.update(snap, 0);
    const channels = meta.channels;
    for (let a = 0; a < model.poolCount; a++) {
      expect(model.agentTint[a]).toBe(agentTint(snap.agentState[a], snap.agentLoad[a], channels));
    }
    const view = new SnapshotView(snap);
    let seats = 0;
    for (let g = 0; g < meta.groups.length; g++) {
      let inPool = 0;
      for (let a = 0; a < snap.agentGroup.length; a++) if (snap.agentGroup[a] === g) inPool++;
      seats += Math.max(0, Math.max(view.group(g, GROUP.target), meta.groups[g].scheduledPeak) - inPool);
    }
    expect(model.agentCount - model.poolCount).toBe(seats);
    for (let a = model.poolCount; a < model.agentCount; a++) expect(model.agentTint[a]).toBe(STATE_COLOR.off);
  });

  it('follows a resize and stays inside the canvas', () => {
    const sim = new Simulation(scenario(5, 200), { seed: '3' });
    const model = new SceneModel(simulationMeta(sim), 1400, 800);
    sim.advanceTo(10 * 3600);
    const snap = encodeSnapshot(sim);
    model.update(snap, 0);
    for (const [w, h] of [
      [700, 500],
      [1920, 1000],
    ]) {
      model.resize(w, h);
      model.update(snap, 0);
      for (let a = 0; a < model.agentCount; a++) {
        expect(model.agentX[a]).toBeGreaterThan(0);
        expect(model.agentX[a]).toBeLessThan(w);
        expect(model.agentY[a]).toBeGreaterThan(0);
        expect(model.agentY[a]).toBeLessThan(h);
      }
    }
  });

  it('grows a group’s block when the slider adds agents', () => {
    const sim = new Simulation(scenario(1, 10), { seed: '1' });
    const model = new SceneModel(simulationMeta(sim), 1000, 600);
    sim.advanceTo(3600);
    model.update(encodeSnapshot(sim), 0);
    expect(model.capacity[0]).toBe(10);
    sim.setGroupAgents(0, 40);
    sim.advanceTo(3700);
    model.update(encodeSnapshot(sim), 16);
    expect(model.capacity[0]).toBeGreaterThanOrEqual(40);
    const cells = new Set<string>();
    for (let a = 0; a < model.agentCount; a++) cells.add(`${model.agentX[a]},${model.agentY[a]}`);
    expect(cells.size).toBe(model.agentCount);
  });

  it('spawns travelling dots from routed deltas, capped', () => {
    const sim = new Simulation(scenario(2, 30), { seed: '5' });
    const model = new SceneModel(simulationMeta(sim), 1000, 600);
    sim.advanceTo(3600);
    model.update(encodeSnapshot(sim), 0);
    expect(model.dots.count).toBe(0); // the first frame has no previous counts: nothing to animate
    sim.advanceTo(3660);
    model.update(encodeSnapshot(sim), 10);
    const pairs = 2 * 2;
    expect(model.dots.count).toBeGreaterThan(0);
    expect(model.dots.count).toBeLessThanOrEqual(pairs * MAX_SPAWN_PER_KEY * 2);
    // a dot starts at its channel's arrival point and ends in a lane
    const d = model.dots.at(0, model.dots.born[0]);
    const starts = model.layout.arrivals.map((p) => `${p.x},${p.y}`);
    expect(starts).toContain(`${d.x},${d.y}`);
    // many busy frames never exceed the cap
    for (let k = 0; k < 200; k++) {
      sim.advanceTo(3660 + (k + 1) * 600);
      model.update(encodeSnapshot(sim), 20 + k);
    }
    expect(model.dots.count).toBeLessThanOrEqual(MAX_DOTS);
    // dots expire after their lifetime
    model.dots.expire(1e9);
    expect(model.dots.count).toBe(0);
  });

  it('spawns nothing when the clock goes back (a reset)', () => {
    const sim = new Simulation(scenario(2, 30), { seed: '5' });
    const model = new SceneModel(simulationMeta(sim), 1000, 600);
    sim.advanceTo(7200);
    model.update(encodeSnapshot(sim), 0);
    const fresh = new Simulation(scenario(2, 30), { seed: '6' });
    fresh.advanceTo(60);
    model.update(encodeSnapshot(fresh), 10);
    expect(model.dots.count).toBe(0);
  });
});
