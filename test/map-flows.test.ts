/**
 * The map's flows: the snapshot's new FLOW counters (repeats, escalations, overflow between sites)
 * agree with the engine's own statistics (its arrivals, issues raised, escalations and contacts
 * handled, routed, abandoned and waiting per site), and the particle field turns counter differences between
 * two snapshots into exactly that many particles, slower where the delay on the way is longer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  encodeSnapshot,
  FLOW,
  SITE_CHANNEL,
  Simulation,
  SnapshotView,
  type Scenario,
} from '../src/sim/index';
import { M } from '../src/sim/engine';
import {
  FlowField,
  MAX_PARTICLES,
  P_ABANDON,
  P_ESCALATE,
  P_OVERFLOW,
  P_REPEAT,
  P_ROUTED,
  travelMs,
  type FlowGeometry,
} from '../src/render/map/flows';
import { mapPlaces } from '../src/render/map/places';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), 'utf8')) as Scenario;

function geometry(nS: number): FlowGeometry {
  return {
    client: { x: 100, y: 200 },
    sites: Array.from({ length: nS }, (_, s) => ({ x: 300 + 200 * s, y: 150 + 20 * s })),
    queueTop: Array.from({ length: nS }, (_, s) => ({ x: 310 + 200 * s, y: 140 })),
  };
}

describe('snapshot FLOW counters', () => {
  it('count escalations per site as the engine does, and repeats once the first ones come back', () => {
    const s = load('tiered-escalation');
    const sim = new Simulation(s, { seed: '3' });
    sim.advanceTo(sim.model.horizon);
    const view = new SnapshotView(encodeSnapshot(sim));
    // Denver (tier 2) gets no split of its own: every contact routed there is an escalation from Manila
    expect(view.flow(FLOW.escalated, 0)).toBeGreaterThan(0);
    expect(view.flow(FLOW.escalated, 1)).toBe(0);
    expect(view.siteChannel(1, 0, SITE_CHANNEL.routed)).toBe(view.flow(FLOW.escalated, 0));
    let repeats = 0;
    for (let c = 0; c < sim.model.channels.length; c++) repeats += view.flow(FLOW.repeats, c);
    expect(repeats).toBeGreaterThan(0); // first-contact resolution 58 %: customers come back
  });

  it('count contacts answered at another site than the one they waited at', () => {
    const s = load('nearshore-blend');
    const sim = new Simulation(s, { seed: '1' });
    sim.advanceTo(sim.model.horizon);
    const view = new SnapshotView(encodeSnapshot(sim));
    const nS = sim.model.sites.length;
    let overflow = 0;
    for (let a = 0; a < nS; a++) {
      expect(view.overflow(a, a)).toBe(0);
      for (let b = 0; b < nS; b++) overflow += view.overflow(a, b);
    }
    expect(overflow).toBeGreaterThan(0); // overflowAfterSeconds 30 / 45 on a busy day
    // no more overflowed than were ever routed
    let routed = 0;
    for (let a = 0; a < nS; a++)
      for (let c = 0; c < sim.model.channels.length; c++)
        routed += view.siteChannel(a, c, SITE_CHANNEL.routed);
    expect(overflow).toBeLessThan(routed);
  });
});

/**
 * The counters against the engine's own statistics, on runs started empty (warm-up 0) so that every
 * counter covers the same span.
 */
describe("snapshot FLOW counters agree with the engine's counts", () => {
  const total = (sim: Simulation, m: M, c: number, s: number) => sim.stats[sim.statIndex(c, s) + m];

  it('repeats: every contact is fresh, a repeat or an escalation (tiered-escalation)', () => {
    const s = load('tiered-escalation');
    s.horizon = { ...s.horizon, warmUpDays: 0 };
    // (v3) no redials and no after-hours turn-aways, whose retries would be contacts of a fourth kind:
    // this checks the repeat counter, so every offered contact is fresh, a repeat or an escalation
    for (const [kind, ch] of Object.entries(s.channels)) {
      delete ch!.redial;
      if (kind === 'voice' || kind === 'chat') ch!.afterHours = 'hold';
    }
    const sim = new Simulation(s, { seed: '3' });
    sim.advanceTo(sim.model.horizon);
    const view = new SnapshotView(encodeSnapshot(sim));
    const nS = sim.model.sites.length;
    let escalatedAll = 0;
    for (let c = 0; c < sim.model.channels.length; c++) {
      let escalated = 0;
      for (let site = 0; site < nS; site++) escalated += total(sim, M.Escalated, c, site);
      escalatedAll += escalated;
      const repeats = view.channel(c, CHANNEL.arrivals) - sim.issuesRaised[c] - escalated;
      expect(repeats).toBeGreaterThan(100);
      expect(view.flow(FLOW.repeats, c)).toBe(repeats);
    }
    let flowEscalated = 0;
    for (let site = 0; site < nS; site++) flowEscalated += view.flow(FLOW.escalated, site);
    expect(flowEscalated).toBe(escalatedAll);
    expect(escalatedAll).toBeGreaterThan(0);
  });

  it('overflow: what a site answered = what was routed to it, less what left or still waits, plus what came in', () => {
    // nearshore-blend with every site open around the clock on flat staffing: no queue is rerouted at
    // a closing, so a site's contacts are answered there, overflow to another site, abandon or wait
    const s = load('nearshore-blend');
    s.horizon = { ...s.horizon, warmUpDays: 0 };
    for (const site of s.sites) {
      site.hours = '24/7';
      for (const g of site.groups) {
        g.agents = Math.round(Math.max(g.agents ?? 0, ...(g.shifts ?? []).map((x) => x.agents)) * 0.45);
        delete g.shifts;
      }
    }
    const sim = new Simulation(s, { seed: '1' });
    sim.advanceTo(sim.model.horizon);
    const view = new SnapshotView(encodeSnapshot(sim));
    const nS = sim.model.sites.length;
    const nC = sim.model.channels.length;
    let overflowAll = 0;
    for (let b = 0; b < nS; b++) {
      let handled = 0;
      let routed = 0;
      let leftOrWaits = 0;
      for (let c = 0; c < nC; c++) {
        handled += total(sim, M.Handled, c, b);
        routed += view.siteChannel(b, c, SITE_CHANNEL.routed);
        leftOrWaits +=
          view.siteChannel(b, c, SITE_CHANNEL.abandoned) +
          view.siteChannel(b, c, SITE_CHANNEL.waiting) +
          view.siteChannel(b, c, SITE_CHANNEL.inTransit);
      }
      let into = 0;
      let out = 0;
      for (let a = 0; a < nS; a++) {
        if (a === b) continue;
        into += view.overflow(a, b);
        out += view.overflow(b, a);
      }
      overflowAll += into;
      expect(handled, `site ${b}`).toBe(routed - leftOrWaits - out + into);
    }
    expect(overflowAll).toBeGreaterThan(100);
  });
});

describe('FlowField', () => {
  it('turns the counter differences of two snapshots into as many particles', () => {
    const s = load('nearshore-blend');
    const sim = new Simulation(s, { seed: '1' });
    const places = mapPlaces(s);
    const meta = sim.model.channels.map((c) => ({ kind: c.kind }));
    const field = new FlowField();
    const geo = geometry(sim.model.sites.length);
    sim.advanceTo(10 * 3600);
    const a = encodeSnapshot(sim);
    field.update(a, meta, places.sites, geo, () => 0x3b82f6, 0);
    expect(field.count).toBe(0); // the first snapshot has nothing to compare with
    sim.advanceTo(10 * 3600 + 60);
    const b = encodeSnapshot(sim);
    field.update(b, meta, places.sites, geo, () => 0x3b82f6, 100);
    const va = new SnapshotView(a);
    const vb = new SnapshotView(b);
    let routed = 0;
    let abandoned = 0;
    let overflow = 0;
    for (let i = 0; i < a.nSites; i++) {
      for (let c = 0; c < a.nChannels; c++) {
        routed += vb.siteChannel(i, c, SITE_CHANNEL.routed) - va.siteChannel(i, c, SITE_CHANNEL.routed);
        abandoned +=
          vb.siteChannel(i, c, SITE_CHANNEL.abandoned) - va.siteChannel(i, c, SITE_CHANNEL.abandoned);
      }
      for (let j = 0; j < a.nSites; j++) overflow += vb.overflow(i, j) - va.overflow(i, j);
    }
    expect(routed).toBeGreaterThan(0);
    expect(field.spawned[P_ROUTED] + field.spawned[P_REPEAT]).toBe(routed);
    expect(field.spawned[P_ABANDON]).toBe(abandoned);
    expect(field.spawned[P_OVERFLOW]).toBe(overflow);
    expect(field.spawned[P_ESCALATE]).toBe(0);
    expect(field.count).toBeLessThanOrEqual(MAX_PARTICLES);

    // a routed particle starts at the customers and ends at its site
    const out = new Float32Array(3);
    const i = Array.from(field.kind.subarray(0, field.count)).indexOf(P_ROUTED);
    expect(field.at(i, field.born[i], out)).toBe(true);
    expect(out[0]).toBeCloseTo(100, 3);
    field.at(i, field.born[i] + field.life[i] - 1e-6, out);
    const ends = geo.sites.map((p) => Math.hypot(p.x - out[0], p.y - out[1]));
    expect(Math.min(...ends)).toBeLessThan(0.01);
    // all gone once their lives are over; a clock that goes back starts afresh
    field.expire(1e9);
    expect(field.count).toBe(0);
    field.update(a, meta, places.sites, geo, () => 0, 1e9 + 1);
    expect(field.count).toBe(0);
  });

  it('draws escalations as arcs to the tier they go to', () => {
    const s = load('tiered-escalation');
    const sim = new Simulation(s, { seed: '2' });
    const places = mapPlaces(s);
    expect(places.sites.some((p) => p.escalationTo >= 0)).toBe(true);
    const meta = sim.model.channels.map((c) => ({ kind: c.kind }));
    const field = new FlowField();
    const geo = geometry(sim.model.sites.length);
    sim.advanceTo(11 * 3600);
    field.update(encodeSnapshot(sim), meta, places.sites, geo, () => 0, 0);
    sim.advanceTo(11 * 3600 + 1500);
    field.update(encodeSnapshot(sim), meta, places.sites, geo, () => 0, 10);
    expect(field.spawned[P_ESCALATE]).toBeGreaterThan(0);
  });

  it('travels slower where the delay on the way is longer, within readable bounds', () => {
    expect(travelMs(0)).toBeLessThan(travelMs(2));
    expect(travelMs(2)).toBeLessThan(travelMs(600));
    expect(travelMs(600)).toBeLessThanOrEqual(6000);
    expect(travelMs(86_400)).toBe(6000);
  });
});

describe('FlowField after a jump of the clock', () => {
  it('draws nothing for a Step of hours, and flows again at display rate', () => {
    const s = load('nearshore-blend');
    const sim = new Simulation(s, { seed: '1' });
    const places = mapPlaces(s);
    const meta = sim.model.channels.map((c) => ({ kind: c.kind }));
    const field = new FlowField();
    const geo = geometry(sim.model.sites.length);
    sim.advanceTo(6 * 3600);
    field.update(encodeSnapshot(sim), meta, places.sites, geo, () => 0, 0);
    sim.advanceTo(12 * 3600);
    field.update(encodeSnapshot(sim), meta, places.sites, geo, () => 0, 10);
    expect(field.count).toBe(0);
    sim.advanceTo(12 * 3600 + 120);
    field.update(encodeSnapshot(sim), meta, places.sites, geo, () => 0, 20);
    expect(field.count).toBeGreaterThan(0);
  });
});
