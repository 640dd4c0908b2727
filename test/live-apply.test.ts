/**
 * The worker's applyLive (src/worker/live-run.ts): the edited scenario is the only way into the run.
 * Agents and split change live — the run goes on and staffs exactly what the scenario schedules, a
 * group on shifts included (no scaling of the run's own) — and any other change restarts the run.
 */
import { describe, expect, it } from 'vitest';
import { withGroupAgents } from '../src/scenario/staffing';
import { localSecondOfDay } from '../src/sim/clock';
import { compileModel, scheduledAgents } from '../src/sim/model';
import type { Scenario } from '../src/sim/scenario';
import { LiveRun, type Scheduler } from '../src/worker/live-run';
import { twoSiteVoice } from './support/build';

const idle: Scheduler = { now: () => 0, later: () => null, cancel: () => {} };

function shifts(): Scenario {
  const s = twoSiteVoice();
  s.sites[0].groups[0] = {
    id: 'voice',
    skills: ['voice'],
    shifts: [
      { start: '00:00', end: '12:00', agents: 3 },
      { start: '08:00', end: '20:00', agents: 4 },
      { start: '10:00', end: '18:00', agents: 2 },
    ],
  };
  return s;
}

/** What `s` schedules for each group at `now`. */
function scheduled(s: Scenario, now: number): number[] {
  const m = compileModel(s);
  return m.groups.map((g) =>
    scheduledAgents(g, m.sites[g.site], localSecondOfDay(now, m.sites[g.site].offset)),
  );
}

describe('applyLive', () => {
  it('a shift group’s new counts go live exactly as the scenario schedules them, at every hour', () => {
    const run = new LiveRun(idle);
    const base = shifts();
    run.load(base, '1');
    run.step(9 * 3600);
    // 13 at the peak (10:00–12:00): a count whose scaled shifts do not all round the same way
    for (const n of [13, 5, 21]) {
      const r = withGroupAgents(run['scenario'] as Scenario, 'home/voice', n);
      if (!r.ok) throw new Error(r.problem);
      const before = run.status().now;
      expect(run.applyLive(r.scenario).applied).toBe('live');
      expect(run.status().now).toBe(before); // the run went on
      for (let h = 0; h < 6; h++) {
        const live = run.liveStaffing();
        expect(live.groups).toEqual(scheduled(r.scenario, live.now));
        run.step(2 * 3600);
      }
      run.load(base, '1'); // back to 09:00 for the next count
      run.step(9 * 3600);
    }
  });

  it('an edited shift (no slider) goes live as written, not as a scaled peak', () => {
    const run = new LiveRun(idle);
    const base = shifts();
    run.load(base, '1');
    run.step(1 * 3600); // 01:00: only the first shift is on
    const edited = structuredClone(base);
    edited.sites[0].groups[0].shifts![0].agents = 7; // the peak (10:00–12:00) becomes 13
    expect(run.applyLive(edited).applied).toBe('live');
    expect(run.liveStaffing().groups[0]).toBe(7);
  });

  it('the same scenario is nothing; anything but agents and split restarts; the split goes live', () => {
    const run = new LiveRun(idle);
    const base = shifts();
    run.load(base, '1');
    run.step(3600);
    expect(run.applyLive(structuredClone(base)).applied).toBe('none');
    const split = structuredClone(base);
    split.routing = { voice: { split: { home: 1, away: 3 } } };
    expect(run.applyLive(split).applied).toBe('live');
    const [home, away] = run.liveStaffing().splits[0];
    expect(away / home).toBeCloseTo(3, 12); // the engine keeps weights scaled to the largest
    const fcr = structuredClone(split);
    fcr.sites[0].firstContactResolution = 0.8;
    expect(run.applyLive(fcr).applied).toBe('restart');
    expect(run.status().now).toBe(0);
  });
});
