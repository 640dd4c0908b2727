/**
 * Snapshots as the live view reads them, and LiveRun (the worker's run loop) driven by a fake clock.
 */
import { describe, expect, it } from 'vitest';
import {
  AGENT_BUSY,
  AGENT_IDLE,
  AGENT_OFF,
  CHANNEL,
  encodeSnapshot,
  GROUP,
  HEADER,
  SITE,
  SITE_CHANNEL,
  Simulation,
  SnapshotView,
  snapshotBuffers,
  type Scenario,
  type Snapshot,
} from '../src/sim/index';
import { LiveRun, SLICE_MS, type Scheduler } from '../src/worker/live-run';

/** Two sites, a blended voice/email group, chat with concurrency 3, a hand-off delay for email. */
function smallScenario(): Scenario {
  return {
    name: 'small',
    horizon: { days: 1, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 4800,
        handleTime: { dist: 'exponential', mean: 240 },
        wrapUp: { dist: 'fixed', value: 30 },
        patience: { dist: 'exponential', mean: 90 },
      },
      chat: { volumePerDay: 2400, handleTime: { dist: 'exponential', mean: 600 }, concurrency: 3 },
      email: { volumePerDay: 1200, handleTime: { dist: 'exponential', mean: 300 } },
    },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        groups: [
          { id: 'voice', skills: ['voice'], agents: 10 },
          { id: 'blend', skills: ['voice', 'email'], agents: 4 },
        ],
        cost: { hourlyRate: 30 },
      },
      {
        id: 'far',
        name: 'Far',
        location: 'offshore',
        utcOffsetHours: 8,
        hours: { open: '06:00', close: '22:00' },
        groups: [{ id: 'chat', skills: ['chat', 'email'], agents: 8 }],
        cost: { hourlyRate: 9 },
        handoffDelaySeconds: 600,
      },
    ],
    routing: { email: { split: { home: 1, far: 1 } } },
  };
}

function countStates(snap: Snapshot, group: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let a = 0; a < snap.agentState.length; a++) {
    if (snap.agentGroup[a] !== group) continue;
    out.set(snap.agentState[a], (out.get(snap.agentState[a]) ?? 0) + 1);
  }
  return out;
}

describe('encodeSnapshot', () => {
  const sim = new Simulation(smallScenario(), { seed: '7' });
  sim.advanceTo(11 * 3600);
  const snap = encodeSnapshot(sim);
  const view = new SnapshotView(snap);

  it('has the documented shape', () => {
    expect(snap.nSites).toBe(2);
    expect(snap.nGroups).toBe(3);
    expect(snap.nChannels).toBe(3);
    expect(snap.data.length).toBe(
      HEADER.size +
        2 * SITE.size +
        3 * GROUP.size +
        2 * 3 * SITE_CHANNEL.size +
        3 * CHANNEL.size +
        (3 + 2 + 2 * 2),
    );
    expect(view.header(HEADER.now)).toBe(11 * 3600);
    expect(view.header(HEADER.horizon)).toBe(86_400);
    // advanceTo(t) runs the events before t: the interval ending exactly at t closes on the next step
    expect(view.header(HEADER.intervalsClosed)).toBe(21);
    expect(snap.agentState.length).toBe(snap.agentGroup.length);
    expect(snap.agentLoad.length).toBe(snap.agentGroup.length);
  });

  it('agent states add up to each group’s counts', () => {
    for (let g = 0; g < snap.nGroups; g++) {
      const states = countStates(snap, g);
      let on = 0;
      for (const [state, n] of states) if (state !== AGENT_OFF) on += n;
      expect(on).toBe(view.group(g, GROUP.loggedIn));
      expect(states.get(AGENT_IDLE) ?? 0).toBe(view.group(g, GROUP.idle));
      expect(view.group(g, GROUP.staffed)).toBeLessThanOrEqual(view.group(g, GROUP.loggedIn));
    }
    // a site's logged-in agents are its groups'
    expect(view.site(0, SITE.loggedIn)).toBe(view.group(0, GROUP.loggedIn) + view.group(1, GROUP.loggedIn));
    expect(view.site(1, SITE.loggedIn)).toBe(view.group(2, GROUP.loggedIn));
    // flat groups at an open site are at their scenario staffing
    expect(view.group(0, GROUP.target)).toBe(10);
    expect(view.group(2, GROUP.target)).toBe(8);
  });

  it('loads match states: idle holds nothing, busy holds at most its concurrency', () => {
    const concurrency = [1, 3, 1];
    let sawChat = false;
    for (let a = 0; a < snap.agentState.length; a++) {
      const st = snap.agentState[a];
      if (st === AGENT_IDLE || st === AGENT_OFF) expect(snap.agentLoad[a]).toBe(0);
      if (st >= AGENT_BUSY) {
        const c = st - AGENT_BUSY;
        expect(snap.agentLoad[a]).toBeGreaterThanOrEqual(1);
        expect(snap.agentLoad[a]).toBeLessThanOrEqual(concurrency[c]);
        if (c === 1) sawChat = true;
      }
    }
    expect(sawChat).toBe(true);
  });

  it('queue lengths and counters match the engine', () => {
    for (let s = 0; s < 2; s++) {
      for (let c = 0; c < 3; c++) {
        const key = s * 3 + c;
        expect(view.siteChannel(s, c, SITE_CHANNEL.waiting)).toBe(sim.waitingAt[key]);
        expect(view.siteChannel(s, c, SITE_CHANNEL.inTransit)).toBe(sim.inTransit[key]);
        expect(view.siteChannel(s, c, SITE_CHANNEL.routed)).toBe(sim.routedCount[key]);
        expect(view.siteChannel(s, c, SITE_CHANNEL.abandoned)).toBe(sim.abandonCount[key]);
      }
    }
    let routed = 0;
    for (let s = 0; s < 2; s++) routed += view.siteChannel(s, 0, SITE_CHANNEL.routed);
    expect(routed).toBeGreaterThan(0);
    expect(view.channel(0, CHANNEL.arrivals)).toBe(sim.arrivals[0]);
  });

  it('hands its buffers over for transfer', () => {
    const fresh = encodeSnapshot(sim);
    const buffers = snapshotBuffers(fresh);
    expect(buffers).toHaveLength(4);
    expect(new Set(buffers).size).toBe(4);
    expect(buffers).toContain(fresh.data.buffer);
    expect(buffers).toContain(fresh.agentState.buffer);
    const copy = structuredClone(fresh, { transfer: buffers });
    // transferred: the sender's arrays are detached, the receiver's hold the values
    expect(fresh.data.length).toBe(0);
    expect(copy.data[HEADER.now]).toBe(11 * 3600);
    expect(Array.from(copy.agentGroup)).toEqual(Array.from(snap.agentGroup));
  });
});

/** A hand-cranked clock: `run(ms)` moves time and fires what is due, in order. */
class FakeScheduler implements Scheduler {
  time = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  /** extra milliseconds each now() call costs, to simulate work taking time */
  costPerCall = 0;

  now(): number {
    this.time += this.costPerCall;
    return this.time;
  }
  later(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.time + ms, fn, id });
    return id;
  }
  cancel(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  get pending(): number {
    return this.queue.length;
  }
  run(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = Math.max(this.time, end);
  }
}

describe('LiveRun', () => {
  it('step advances simulated time and the snapshot follows', () => {
    const run = new LiveRun(new FakeScheduler());
    const meta = run.load(smallScenario(), '1');
    expect(meta.name).toBe('small');
    expect(meta.groups.map((g) => g.id)).toEqual(['voice', 'blend', 'chat']);
    run.step(3600);
    const view = new SnapshotView(run.snapshot());
    expect(view.header(HEADER.now)).toBe(3600);
    expect(run.status().now).toBe(3600);
    expect(run.outcome().intervalsClosed).toBe(1);
    run.step(1);
    expect(run.outcome().intervalsClosed).toBe(2);
  });

  it('setStaffing changes the agents in the snapshot', () => {
    const run = new LiveRun(new FakeScheduler());
    run.load(smallScenario(), '1');
    run.step(9 * 3600);
    const before = new SnapshotView(run.snapshot());
    expect(before.group(0, GROUP.loggedIn)).toBe(10);
    run.setStaffing(0, 25);
    run.step(60);
    const snap = run.snapshot();
    const after = new SnapshotView(snap);
    expect(after.group(0, GROUP.target)).toBe(25);
    expect(after.group(0, GROUP.loggedIn)).toBe(25);
    let on = 0;
    for (let a = 0; a < snap.agentState.length; a++) {
      if (snap.agentGroup[a] === 0 && snap.agentState[a] !== AGENT_OFF) on++;
    }
    expect(on).toBe(25);
    // going down: agents with work finish it first, so staffed drops at once, logged-in soon after
    run.setStaffing(0, 3);
    expect(new SnapshotView(run.snapshot()).group(0, GROUP.staffed)).toBe(3);
  });

  it('setSplit moves new arrivals', () => {
    const run = new LiveRun(new FakeScheduler());
    run.load(smallScenario(), '1');
    run.step(9 * 3600);
    const routed = () => {
      const v = new SnapshotView(run.snapshot());
      return [v.siteChannel(0, 2, SITE_CHANNEL.routed), v.siteChannel(1, 2, SITE_CHANNEL.routed)];
    };
    const [home0, far0] = routed();
    run.setSplit(2, [0, 1]); // all email to "far"
    run.step(2 * 3600);
    const [home1, far1] = routed();
    expect(home1).toBe(home0);
    expect(far1).toBeGreaterThan(far0);
  });

  it('plays by wall-clock time × speed under an injected scheduler', () => {
    const clock = new FakeScheduler();
    const run = new LiveRun(clock);
    run.load(smallScenario(), '1');
    run.setSpeed(60);
    run.play();
    expect(run.status().playing).toBe(true);
    clock.run(1000);
    // one real second at ×60 is a simulated minute (to within a tick)
    expect(run.status().now).toBeGreaterThan(50);
    expect(run.status().now).toBeLessThanOrEqual(60);
    clock.run(10_000);
    expect(run.status().now).toBeGreaterThan(590);
    expect(run.status().now).toBeLessThanOrEqual(660);
    run.pause();
    const t = run.status().now;
    clock.run(5000);
    expect(run.status().now).toBe(t);
    expect(clock.pending).toBe(0);
  });

  it('at max speed works in slices and finishes the run', () => {
    const clock = new FakeScheduler();
    clock.costPerCall = 1; // every look at the clock costs a millisecond: slices end after ~SLICE_MS calls
    const run = new LiveRun(clock);
    run.load(smallScenario(), '1');
    run.setSpeed(Infinity);
    run.play();
    clock.run(0);
    const afterOne = run.status().now;
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThanOrEqual((SLICE_MS + 1) * 60); // at most one chunk per clock look
    clock.run(1_000_000);
    const st = run.status();
    expect(st.done).toBe(true);
    expect(st.playing).toBe(false);
    expect(st.now).toBe(st.horizon);
    expect(run.outcome().outcome.total.offered).toBeGreaterThan(7000);
  });

  it('reset restarts from zero with the new seed and keeps live staffing', () => {
    const run = new LiveRun(new FakeScheduler());
    run.load(smallScenario(), '1');
    run.setStaffing(0, 20);
    run.step(10 * 3600);
    run.reset('2');
    expect(run.status().now).toBe(0);
    expect(run.status().seed).toBe('2');
    run.step(10 * 3600);
    expect(new SnapshotView(run.snapshot()).group(0, GROUP.target)).toBe(20);
  });

  it('keeps the current run when a new scenario cannot be built', () => {
    const run = new LiveRun(new FakeScheduler());
    run.load(smallScenario(), '1');
    run.step(600);
    expect(() => run.load(null as unknown as Scenario, '1')).toThrow();
    expect(run.status().name).toBe('small');
    expect(run.status().now).toBe(600);
  });

  it('same seed, same run', () => {
    const a = new LiveRun(new FakeScheduler());
    const b = new LiveRun(new FakeScheduler());
    a.load(smallScenario(), '42');
    b.load(smallScenario(), '42');
    a.step(5 * 3600);
    b.step(3600);
    b.step(4 * 3600);
    expect(Array.from(a.snapshot().data)).toEqual(Array.from(b.snapshot().data));
  });
});
