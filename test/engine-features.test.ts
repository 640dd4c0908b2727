/**
 * Each model feature on a case whose answer can be reasoned out by hand. Common random numbers make
 * many of these comparisons sharp: two variants run with the same seed see the same customers.
 */
import { describe, expect, it } from 'vitest';
import {
  AGENT_LEAVING,
  encodeSnapshot,
  replicationOutcome,
  runReplication,
  simulate,
  Simulation,
  type ChannelSpec,
  type Scenario,
} from '../src/sim/index';
import { validateScenario } from '../src/scenario/validate';
import { oneSite, site, voice } from './support/build';

const H = 3600;

describe('connect delay', () => {
  it('a connect delay of D raises ASA by about D at light load', () => {
    const base = oneSite(50, 100, 2);
    const delayed: Scenario = { ...base, sites: [site('a', 50, { connectDelaySeconds: 8 })] };
    const a = runReplication(base, { seed: 'cd' }).channels.voice!;
    const b = runReplication(delayed, { seed: 'cd' }).channels.voice!;
    expect(a.asa!).toBeLessThan(0.5);
    expect(b.asa! - a.asa!).toBeGreaterThan(7.5);
    expect(b.asa! - a.asa!).toBeLessThan(8.5);
  });
});

describe('first-contact resolution', () => {
  it('FCR 0.7 gives about 1/0.7 contacts per resolution, and repeats are offered again', () => {
    const s: Scenario = {
      ...oneSite(40, 200, 10, { repeatDelay: { dist: 'fixed', value: 1800 } }),
      sites: [site('a', 40, { firstContactResolution: 0.7 })],
    };
    const r = simulate(s, { seed: 'fcr', replications: 10 });
    const v = r.channels.voice!;
    expect(Math.abs(v.contactsPerResolution.mean! - 1 / 0.7)).toBeLessThan(
      Math.max(0.02, 2 * v.contactsPerResolution.ci95!),
    );
    // Repeats are contacts: about 1/0.7 as many offered as fresh arrivals (200/h × 240 h).
    expect(v.offered.mean! / (200 * 240)).toBeGreaterThan(1.38);
    expect(v.offered.mean! / (200 * 240)).toBeLessThan(1.47);
    // Resolution time: first contacts resolve at once (~AHT), a repeat adds ~1,800 s per round.
    const expectedHours = (300 + (0.3 / 0.7) * (1800 + 300)) / H;
    expect(v.resolutionHours.mean!).toBeGreaterThan(expectedHours * 0.95);
    expect(v.resolutionHours.mean!).toBeLessThan(expectedHours * 1.05);
  });
});

describe('opening hours and time zones', () => {
  it('a site closed at night handles nothing at night, and with afterHours "hold" (v2) night arrivals wait for the morning', () => {
    // Site in UTC+1 open 08:00–20:00 local = 02:00–14:00 on the client's clock (UTC−5).
    const base = oneSite(20, 60, 2);
    const s: Scenario = {
      ...base,
      channels: { voice: { ...base.channels.voice!, afterHours: 'hold' } },
      clientUtcOffsetHours: -5,
      sites: [site('a', 20, { utcOffsetHours: 1, hours: { open: '08:00', close: '20:00' } })],
    };
    const sim = new Simulation(s, { seed: 'night' });
    sim.advanceTo(14 * H + 1800); // agents finish what they hold by then
    const handledAtClose = replicationOutcome(sim, false).channels.voice!.handled!;
    const snap = encodeSnapshot(sim);
    expect(snap.agentState.every((st) => st === 0)).toBe(true);
    sim.advanceTo(26 * H - 1); // just before 02:00 next day
    const night = replicationOutcome(sim, false).channels.voice!;
    expect(night.handled).toBe(handledAtClose);
    expect(night.backlog!).toBeGreaterThan(500); // ~12 h × 60/h waiting (no patience)
    sim.advanceTo(27 * H);
    // One hour after opening, 20 agents at 5 min a call have answered about 240 of them.
    expect(replicationOutcome(sim, false).channels.voice!.handled!).toBeGreaterThan(handledAtClose + 200);
  });

  it('hours that cross midnight: a site open 22:00–06:00 works only then', () => {
    const s: Scenario = {
      ...oneSite(10, 30, 1),
      sites: [site('a', 10, { hours: { open: '22:00', close: '06:00' } })],
    };
    const sim = new Simulation(s, { seed: 'x' });
    const busyAt = (h: number) => {
      sim.advanceTo(h * H);
      return encodeSnapshot(sim).agentState.some((st) => st !== 0);
    };
    expect(busyAt(1)).toBe(true);
    expect(busyAt(5.9)).toBe(true);
    expect(busyAt(7)).toBe(false);
    expect(busyAt(21.9)).toBe(false);
    expect(busyAt(23)).toBe(true);
  });
});

describe('shifts', () => {
  it('an agent whose shift ends mid-contact finishes it, then logs off', () => {
    // One agent 08:00–09:00, calls of exactly 50 min arriving all morning: the second call runs past 09:00.
    const profile = Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 20 ? 1 : 0));
    const s: Scenario = {
      ...oneSite(0, 0, 1, { volumePerDay: 40, profile, handleTime: { dist: 'fixed', value: 3000 } }),
      sites: [
        {
          ...site('a', 0),
          groups: [{ id: 'g', skills: ['voice'], shifts: [{ start: '08:00', end: '09:00', agents: 1 }] }],
        },
      ],
    };
    const sim = new Simulation(s, { seed: 'shift' });
    sim.advanceTo(9 * H);
    const handledAt9 = replicationOutcome(sim, false).channels.voice!.handled;
    sim.advanceTo(9 * H + 60);
    const snap = encodeSnapshot(sim);
    expect(Array.from(snap.agentState)).toEqual([AGENT_LEAVING]);
    const end = replicationOutcome(sim);
    expect(end.channels.voice!.handled).toBe(handledAt9); // nothing new after the shift
    // Paid for the shift plus the overrun, not the whole day.
    expect(end.total.paidHours!).toBeGreaterThan(1);
    expect(end.total.paidHours!).toBeLessThan(1 + 3000 / H);
  });
});

describe('chat concurrency', () => {
  it('concurrency 3 at low load serves with a third of the busy agent time', () => {
    const chat = (concurrency: number): Scenario => ({
      name: 'chat',
      channels: { chat: { ...voice(60), handleTime: { dist: 'exponential', mean: 600 }, concurrency } },
      sites: [site('a', 40, {}, ['chat'])],
    });
    const one = runReplication(chat(1), { seed: 'c' }).channels.chat!;
    const three = runReplication(chat(3), { seed: 'c' }).channels.chat!;
    expect(one.handled).toBe(three.handled);
    expect(three.occupancy! / one.occupancy!).toBeCloseTo(1 / 3, 2);
  });

  it('no agent ever holds more chats than the concurrency', () => {
    const s: Scenario = {
      name: 'chat',
      channels: { chat: { ...voice(400), handleTime: { dist: 'exponential', mean: 600 }, concurrency: 3 } },
      sites: [site('a', 20, {}, ['chat'])],
    };
    const sim = new Simulation(s, { seed: 'c3' });
    let maxLoad = 0;
    for (let t = 600; t < 86_400; t += 600) {
      sim.advanceTo(t);
      for (const l of encodeSnapshot(sim).agentLoad) maxLoad = Math.max(maxLoad, l);
    }
    expect(maxLoad).toBe(3);
  });
});

describe('cost', () => {
  it('matches a hand-computed case', () => {
    // 10 agents around the clock, shrinkage 25 %: paid hours = 10 × 24 / 0.75 = 320.
    // Labour = 320 × 30 × 1.2 = 11,520. Fixed 300 s calls: telecom 5 min × 0.02 each; fee 0.5 each.
    const s: Scenario = {
      ...oneSite(10, 60, 1, { handleTime: { dist: 'fixed', value: 300 } }),
      sites: [
        site('a', 10, {
          shrinkage: 0.25,
          cost: { hourlyRate: 30, overheadRate: 0.2, telecomPerMinute: 0.02, perContactFee: 0.5 },
        }),
      ],
    };
    const o = runReplication(s, { seed: 'cost' });
    const handled = o.total.handled!;
    expect(o.total.paidHours).toBeCloseTo(320, 9);
    expect(o.total.cost).toBeCloseTo(11_520 + handled * (5 * 0.02 + 0.5), 6);
    expect(o.sites.a.cost).toBeCloseTo(o.total.cost!, 9);
    expect(o.channels.voice!.cost).toBeCloseTo(o.total.cost!, 6);
    // Calls still in progress at the end are handled but not yet resolved.
    expect(o.total.resolved!).toBeLessThanOrEqual(handled);
    expect(o.total.costPerResolved).toBeCloseTo(o.total.cost! / o.total.resolved!, 9);
    // Interval costs add up to the total.
    const sum = o.intervals.reduce((a, i) => a + i.total.cost!, 0);
    expect(sum).toBeCloseTo(o.total.cost!, 6);
  });
});

describe('live changes', () => {
  it('a staffing change mid-run changes the outcome after that time only', () => {
    const s = oneSite(12, 110, 1);
    const a = new Simulation(s, { seed: 'live' });
    const b = new Simulation(s, { seed: 'live' });
    a.advanceTo(12 * H);
    b.advanceTo(12 * H);
    expect(replicationOutcome(b, false)).toEqual(replicationOutcome(a, false));
    b.setGroupAgents(0, 9);
    expect(encodeSnapshot(b).agentState.filter((st) => st !== 0).length).toBeLessThanOrEqual(12);
    b.advanceTo(12 * H + 1800);
    expect(encodeSnapshot(b).agentState.filter((st) => st !== 0).length).toBe(9);
    const ra = replicationOutcome(a);
    const rb = replicationOutcome(b);
    // Identical morning intervals, worse afternoon.
    expect(rb.intervals.slice(0, 23)).toEqual(ra.intervals.slice(0, 23));
    expect(rb.channels.voice!.serviceLevel!).toBeLessThan(ra.channels.voice!.serviceLevel! - 0.1);
    expect(rb.total.paidHours!).toBeCloseTo(12 * 12 + 12 * 9, 0);
  });

  it('a routing split change moves new contacts to the other site', () => {
    const s: Scenario = {
      ...oneSite(10, 60, 1),
      sites: [site('a', 10), site('b', 10)],
      routing: { voice: { split: { a: 1, b: 0 } } },
    };
    const sim = new Simulation(s, { seed: 'split' });
    sim.advanceTo(12 * H);
    expect(replicationOutcome(sim, false).sites.b.handled).toBe(0);
    sim.setSplit(0, [0, 1]);
    const atChange = replicationOutcome(sim, false).sites.a.handled!;
    sim.advanceTo(12 * H + 1800); // calls in progress at a finish
    const aHandled = replicationOutcome(sim, false).sites.a.handled!;
    expect(aHandled).toBe(atChange);
    const end = replicationOutcome(sim);
    expect(end.sites.b.handled!).toBeGreaterThan(600);
    expect(end.sites.a.handled).toBe(atChange);
  });
});

describe('routing', () => {
  it('splits arrivals by weight among open sites', () => {
    const s: Scenario = {
      ...oneSite(30, 200, 3),
      sites: [site('a', 30), site('b', 30)],
      routing: { voice: { split: { a: 0.3, b: 0.7 } } },
    };
    const o = runReplication(s, { seed: 'w' });
    const share = o.sites.a.handled! / o.total.handled!;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.32);
  });

  it('overflow: contacts waiting longer than overflowAfterSeconds go to any site with the skill', () => {
    const mk = (overflowAfterSeconds?: number): Scenario => ({
      ...oneSite(2, 60, 1),
      sites: [site('a', 2), site('b', 10)],
      routing: {
        voice: { split: { a: 1 }, ...(overflowAfterSeconds !== undefined ? { overflowAfterSeconds } : {}) },
      },
    });
    const none = runReplication(mk(), { seed: 'o' });
    const over = runReplication(mk(30), { seed: 'o' });
    expect(none.sites.b.handled).toBe(0);
    expect(over.sites.b.handled!).toBeGreaterThan(200);
    // b only ever answers contacts that have waited at least 30 s.
    expect(over.sites.b.asa!).toBeGreaterThanOrEqual(30);
    expect(over.sites.b.serviceLevel).toBe(0);
    expect(over.channels.voice!.asa!).toBeLessThan(none.channels.voice!.asa! / 5);
  });

  it('escalation passes a share of handled contacts to the target site as the same issue', () => {
    const s: Scenario = {
      ...oneSite(30, 100, 3),
      sites: [site('l1', 30, { escalation: { rate: 0.2, to: 'l2' } }), site('l2', 10)],
      routing: { voice: { split: { l1: 1 } } },
    };
    const o = runReplication(s, { seed: 'esc' });
    const ratio = o.sites.l2.handled! / o.sites.l1.handled!;
    expect(ratio).toBeGreaterThan(0.18);
    expect(ratio).toBeLessThan(0.22);
    // 80 % resolved at level 1 in one contact, 20 % at level 2 in two.
    expect(o.channels.voice!.contactsPerResolution!).toBeCloseTo(1.2, 1);
    expect(o.sites.l1.resolved! / o.sites.l1.handled!).toBeCloseTo(0.8, 1);
  });

  it('an escalation target without a channel the site answers is invalid; the engine still strands nothing', () => {
    const s: Scenario = {
      name: 'esc-skill',
      channels: {
        voice: voice(60),
        social: { volumePerDay: 1000, handleTime: { dist: 'exponential', mean: 240 } },
      },
      sites: [site('l1', 20, { escalation: { rate: 0.5, to: 'l2' } }, ['voice', 'social']), site('l2', 20)],
      routing: { voice: { split: { l1: 1 } }, social: { split: { l1: 1 } } },
    };
    const valid = validateScenario(s);
    expect(valid.ok ? [] : valid.problems).toEqual([
      'sites[0].escalation.to: site "l2" has no group with the skill "social", which this site answers (its escalations on that channel could never be answered)',
    ]);
    // Given to the engine anyway (a hand-built object), it escalates only what l2 can answer.
    const o = runReplication(s, { seed: 'esc-skill' });
    expect(o.channels.social!.contactsPerResolution).toBe(1);
    expect(o.channels.social!.backlog!).toBeLessThan(5);
    expect(o.channels.voice!.contactsPerResolution!).toBeCloseTo(1.5, 1);
  });

  it('a freed agent serves its highest-priority skill first', () => {
    const s: Scenario = {
      name: 'prio',
      channels: {
        voice: voice(40),
        email: { volumePerDay: 2400, handleTime: { dist: 'exponential', mean: 300 } },
      },
      sites: [site('a', 7, {}, ['voice', 'email'])],
    };
    const o = runReplication(s, { seed: 'p' }).channels;
    // 11.7 Erlangs offered to 7 agents: email piles up for hours, while calls wait only for the next
    // agent to finish (non-preemptive priority), well under one handle time.
    expect(o.voice!.asa!).toBeLessThan(150);
    expect(o.email!.asa!).toBeGreaterThan(3600);
  });
});

describe('patience', () => {
  it('a live channel without a patience field abandons with the documented default; only null never abandons', () => {
    // 60 calls an hour of 5 min to 4 agents: overloaded, so many wait long enough to give up.
    const mk = (patience?: ChannelSpec['patience']): Scenario => {
      const s = oneSite(4, 60, 1);
      const v: ChannelSpec = { ...s.channels.voice! };
      if (patience === undefined) delete v.patience;
      else v.patience = patience;
      return { ...s, channels: { voice: v } };
    };
    const absent = runReplication(mk(), { seed: 'pat' });
    const explicit = runReplication(mk({ dist: 'exponential', mean: 120 }), { seed: 'pat' });
    const never = runReplication(mk(null), { seed: 'pat' });
    expect(absent).toEqual(explicit);
    expect(absent.channels.voice!.abandonRate!).toBeGreaterThan(0.2);
    expect(never.channels.voice!.abandoned).toBe(0);
    // Chat: exponential with a mean of 240 s by default.
    const chat = (patience?: ChannelSpec['patience']): Scenario => ({
      name: 'chat',
      channels: {
        chat: {
          volumePerDay: 2400,
          handleTime: { dist: 'exponential', mean: 600 },
          ...(patience === undefined ? {} : { patience }),
        },
      },
      sites: [site('a', 3, {}, ['chat'])],
    });
    expect(runReplication(chat(), { seed: 'c' })).toEqual(
      runReplication(chat({ dist: 'exponential', mean: 240 }), { seed: 'c' }),
    );
    expect(runReplication(chat(), { seed: 'c' }).channels.chat!.abandoned!).toBeGreaterThan(100);
  });
});

describe('channels and sites', () => {
  it('deferred channels never abandon; they build a backlog when understaffed', () => {
    // Overloaded, it has no steady state: its backlog grows every day, so this is a launch day.
    const s: Scenario = {
      name: 'email',
      horizon: { warmUpDays: 0 },
      channels: { email: { volumePerDay: 3000, handleTime: { dist: 'exponential', mean: 360 } } },
      sites: [site('a', 10, {}, ['email'])],
    };
    const o = runReplication(s, { seed: 'e' }).channels.email!;
    expect(o.abandoned).toBe(0);
    // 3,000 × 6 min = 300 agent-hours offered, 240 available: ~600 left.
    expect(o.backlog!).toBeGreaterThan(350);
    expect(o.backlog!).toBeLessThan(850);
  });

  it('a hand-off delay delays deferred contacts by that much', () => {
    const s: Scenario = {
      name: 'handoff',
      channels: { email: { volumePerDay: 500, handleTime: { dist: 'exponential', mean: 300 } } },
      sites: [site('a', 20, { handoffDelaySeconds: 3600 }, ['email'])],
    };
    const o = runReplication(s, { seed: 'h' }).channels.email!;
    expect(o.asa!).toBeGreaterThanOrEqual(3600);
    expect(o.asa!).toBeLessThan(3601);
  });

  it('handleTimeFactor scales busy time', () => {
    const mk = (f: number): Scenario => ({
      ...oneSite(40, 100, 1),
      sites: [site('a', 40, { handleTimeFactor: f })],
    });
    const a = runReplication(mk(1), { seed: 'f' }).channels.voice!;
    const b = runReplication(mk(1.2), { seed: 'f' }).channels.voice!;
    expect(b.occupancy! / a.occupancy!).toBeCloseTo(1.2, 2);
  });

  it('arrivals follow the intraday profile', () => {
    const profile = Array.from({ length: 48 }, (_, i) => (i < 24 ? 1 : 3));
    const o = runReplication(oneSite(100, 400, 1, { profile }), { seed: 'prof' });
    const am = o.intervals.slice(0, 24).reduce((a, i) => a + i.total.offered!, 0);
    const pm = o.intervals.slice(24).reduce((a, i) => a + i.total.offered!, 0);
    expect(am + pm).toBe(o.total.offered);
    expect(pm / am).toBeGreaterThan(2.8);
    expect(pm / am).toBeLessThan(3.2);
    expect(o.total.offered! / 9600).toBeGreaterThan(0.97);
    expect(o.total.offered! / 9600).toBeLessThan(1.03);
  });
});
