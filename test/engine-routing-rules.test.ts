/**
 * The routing rules the README's model section states, each on a case built so that its answer is
 * known exactly or by a wide margin: rerouted contacts keep their place by arrival time, a deferred
 * contact pays one hand-off delay and is never answered during it, escalations wait for their tier,
 * and a site's queue moves to the sites still open at its closing time.
 */
import { describe, expect, it } from 'vitest';
import { replicationOutcome, runReplication, Simulation, type ChannelSpec, type Scenario } from '../src/sim';
import { site, voice } from './support/build';

const H = 3600;

function email(perHour: number, extra: Partial<ChannelSpec> = {}): ChannelSpec {
  return { volumePerDay: perHour * 24, handleTime: { dist: 'fixed', value: 300 }, ...extra };
}

/** Contacts waiting in site s's queue / in transit to it, for channel c. */
const waiting = (sim: Simulation, s: number, c = 0) => sim.waitingAt[s * sim.model.channels.length + c];
const inTransit = (sim: Simulation, s: number, c = 0) => sim.inTransit[s * sim.model.channels.length + c];

describe('rerouting when a site stops taking a channel', () => {
  it("joins the new site's queue in arrival order, ahead of later contacts already there", () => {
    // a (1 agent, 40 calls/h of 5 min) builds a queue from midnight. At 03:30 b (1 agent) starts
    // taking 3/4 of the calls and builds a short queue of its own; at 04:00 a's agent is taken away
    // and a's queue (hours old) moves to b. In arrival order, b then serves a's old calls first: in
    // the next hour it answers none of the calls that arrived 03:30–04:00 (interval 7).
    const s: Scenario = {
      name: 'reroute-order',
      horizon: { days: 1, intervalMinutes: 30 },
      channels: { voice: voice(40, { handleTime: { dist: 'fixed', value: 300 } }) },
      sites: [site('a', 1), site('b', 1)],
      routing: { voice: { split: { a: 1, b: 0 } } },
    };
    const sim = new Simulation(s, { seed: 'order' });
    sim.advanceTo(3.5 * H);
    sim.setSplit(0, [1, 3]);
    sim.advanceTo(4 * H);
    const bQueue = waiting(sim, 1);
    const aQueue = waiting(sim, 0);
    expect(bQueue).toBeGreaterThan(3); // b's own recent calls wait…
    expect(aQueue).toBeGreaterThan(50); // …behind a's hours-old ones, once these move
    const before = replicationOutcome(sim, false).intervals;
    sim.setGroupAgents(0, 0);
    expect(waiting(sim, 0)).toBe(0);
    expect(waiting(sim, 1)).toBe(aQueue + bQueue);
    sim.advanceTo(5 * H);
    const after = replicationOutcome(sim, false).intervals;
    const handledIn = (iv: typeof before, k: number) => iv[k].channels.voice!.handled!;
    expect(handledIn(after, 7)).toBe(handledIn(before, 7));
    // b answered about 12 calls in that hour, all from the oldest intervals.
    let older = 0;
    for (let k = 0; k < 7; k++) older += handledIn(after, k) - handledIn(before, k);
    expect(older).toBeGreaterThanOrEqual(11);
  });

  it('a rerouted deferred contact that already waited in a queue does not pay a hand-off delay again', () => {
    // Email to a (1 agent, overloaded, closes at 06:00) and b (100 agents, idle), both with a 600 s
    // hand-off. At closing, a's queue goes straight into b's queue, where idle agents answer it at once.
    const s: Scenario = {
      name: 'reroute-handoff',
      channels: { email: email(40) },
      sites: [
        site('a', 1, { hours: { open: '00:00', close: '06:00' }, handoffDelaySeconds: 600 }, ['email']),
        site('b', 100, { handoffDelaySeconds: 600 }, ['email']),
      ],
      routing: { email: { split: { a: 1, b: 1 } } },
    };
    const sim = new Simulation(s, { seed: 'handoff-once' });
    sim.advanceTo(6 * H - 1);
    const queued = waiting(sim, 0);
    expect(queued).toBeGreaterThan(20);
    const handledB = replicationOutcome(sim, false).sites.b.handled!;
    const transitB = inTransit(sim, 1);
    sim.advanceTo(6 * H + 1);
    expect(waiting(sim, 0)).toBe(0);
    expect(replicationOutcome(sim, false).sites.b.handled! - handledB).toBeGreaterThanOrEqual(queued);
    expect(inTransit(sim, 1)).toBeLessThanOrEqual(transitB + 1);
  });

  it('a deferred contact whose site closed during its hand-off goes straight to the new queue', () => {
    // a and b both have idle agents and a 600 s hand-off, so every email waits exactly 600 s, except
    // one in transit to a when a closes at 06:00 if it paid b's hand-off again (1,200 s).
    const s: Scenario = {
      name: 'transit-reroute',
      channels: { email: email(60) },
      sites: [
        site('a', 20, { hours: { open: '00:00', close: '06:00' }, handoffDelaySeconds: 600 }, ['email']),
        site('b', 20, { handoffDelaySeconds: 600 }, ['email']),
      ],
      routing: { email: { split: { a: 1, b: 1 } } },
    };
    const sim = new Simulation(s, { seed: 'transit' });
    sim.advanceTo(6 * H);
    expect(inTransit(sim, 0)).toBeGreaterThan(0); // in transit to a as it closes
    sim.runToEnd();
    const o = replicationOutcome(sim);
    expect(o.channels.email!.asa!).toBeCloseTo(600, 9);
    expect(o.channels.email!.waitP90!).toBeLessThan(610);
  });
});

describe('hand-off delay and overflow', () => {
  const mk = (agentsAtA: number): Scenario => ({
    name: 'handoff-overflow',
    channels: { email: email(20) },
    sites: [site('a', agentsAtA, { handoffDelaySeconds: 3600 }, ['email']), site('b', 50, {}, ['email'])],
    routing: { email: { split: { a: 1, b: 0 }, overflowAfterSeconds: 60 } },
  });

  it('a contact in its hand-off delay is not answered before the delay ends, not even by overflow', () => {
    // a has idle agents for every email once it arrives; b must not take them during the hour in transit.
    const o = runReplication(mk(50), { seed: 'ho' });
    expect(o.sites.b.handled).toBe(0);
    expect(o.sites.a.asa!).toBeCloseTo(3600, 9);
  });

  it('an overflow that fell due during the hand-off happens as soon as the contact arrives', () => {
    // a's one agent is usually busy when an email arrives; its overflow fell due in transit, so b
    // (idle) answers it on arrival: every email waits exactly the hour.
    const o = runReplication(mk(1), { seed: 'ho' });
    expect(o.sites.b.handled!).toBeGreaterThan(200);
    expect(o.sites.b.asa!).toBeCloseTo(3600, 9);
    expect(o.channels.email!.asa!).toBeCloseTo(3600, 9);
  });
});

describe('held contacts', () => {
  it('one that overflowed while held is not answered during the hand-off that follows its release', () => {
    // Until a opens at 02:00 no site takes email (b has split 0), so emails are held and overflow
    // after 60 s to b's one agent, who works through them one at a time. At 02:00 the rest go to a,
    // an hour away: b must not take them from the overflow queue while they are in transit, so it
    // answers nothing from 02:00 until the first of them arrive at 03:00.
    const s: Scenario = {
      name: 'held-overflow',
      horizon: { days: 1, warmUpDays: 0 }, // the story starts empty at 00:00
      channels: { email: email(60, { handleTime: { dist: 'fixed', value: 600 } }) },
      sites: [
        site('a', 50, { hours: { open: '02:00', close: '24:00' }, handoffDelaySeconds: 3600 }, ['email']),
        site('b', 1, {}, ['email']),
      ],
      routing: { email: { split: { a: 1, b: 0 }, overflowAfterSeconds: 60 } },
    };
    const sim = new Simulation(s, { seed: 'held' });
    sim.advanceTo(2 * H + 1);
    const atOpen = replicationOutcome(sim, false).sites.b.handled!;
    expect(atOpen).toBeGreaterThan(5);
    expect(inTransit(sim, 0)).toBeGreaterThan(80); // the held ones, on their way to a
    sim.advanceTo(3 * H - 1);
    expect(replicationOutcome(sim, false).sites.b.handled).toBe(atOpen);
  });
});

describe('escalations', () => {
  it('never overflow: they wait for their tier even when other agents are idle', () => {
    // l1 (40 agents, mostly idle) escalates half its calls to l2 (1 agent, overloaded). With overflow
    // after 10 s, l1's idle agents would take them; instead they queue at l2.
    const s: Scenario = {
      name: 'esc-overflow',
      channels: { voice: voice(60, { handleTime: { dist: 'fixed', value: 300 } }) },
      sites: [site('l1', 40, { escalation: { rate: 0.5, to: 'l2' } }), site('l2', 1)],
      routing: { voice: { split: { l1: 1 }, overflowAfterSeconds: 10 } },
    };
    const o = runReplication(s, { seed: 'eo' });
    expect(o.sites.l1.occupancy!).toBeLessThan(0.3);
    expect(o.sites.l2.backlog!).toBeGreaterThan(300);
    // Every escalation is offered at l2 (answered, or still waiting there).
    expect(o.sites.l2.offered! / o.sites.l1.handled!).toBeGreaterThan(0.45);
    expect(o.sites.l2.offered! / o.sites.l1.handled!).toBeLessThan(0.55);
  });
});

describe('closing time', () => {
  it("a closing site's queue moves to the sites still open, and later calls go there only", () => {
    // a (1 agent, overloaded) closes at 06:00 local; b (150 agents) answers its queue at once.
    const s: Scenario = {
      name: 'closing',
      horizon: { days: 1, intervalMinutes: 30 },
      channels: { voice: voice(40, { handleTime: { dist: 'fixed', value: 300 } }) },
      sites: [site('a', 1, { hours: { open: '00:00', close: '06:00' } }), site('b', 150)],
      routing: { voice: { split: { a: 3, b: 1 } } },
    };
    const sim = new Simulation(s, { seed: 'close' });
    sim.advanceTo(6 * H - 1);
    const queued = waiting(sim, 0);
    expect(queued).toBeGreaterThan(30);
    const atClose = replicationOutcome(sim, false);
    sim.advanceTo(6 * H + 1);
    expect(waiting(sim, 0)).toBe(0);
    const justAfter = replicationOutcome(sim, false);
    expect(justAfter.sites.b.handled! - atClose.sites.b.handled!).toBeGreaterThanOrEqual(queued);
    // a's agent finishes the call it holds (at most 300 s), then a answers nothing more.
    sim.advanceTo(6 * H + 300);
    const aHandled = replicationOutcome(sim, false).sites.a.handled!;
    expect(aHandled).toBe(atClose.sites.a.handled);
    const end = replicationOutcome(sim);
    expect(end.sites.a.handled).toBe(aHandled);
    expect(end.sites.a.backlog).toBe(0);
    expect(end.channels.voice!.backlog!).toBeLessThan(3);
  });
});
