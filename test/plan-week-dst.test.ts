/**
 * (v3) A dated week across a daylight-saving change is planned on each day's offsets and day length,
 * as the engine runs it (SPEC §1, §8). A New York client (UTC−5, then UTC−4 from 02:00 on Sunday
 * 2026-03-08) is served by a Manila site (UTC+8 all year): the client's 08:00 is Manila's 21:00 until
 * the change and 20:00 from then on. A plan on fixed offsets puts the days after the change an hour
 * late, leaving 08:00–09:00 New York time unstaffed; the change day has 23 hours (46 half-hours).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planWorkforce, type PlanOutcome } from '../src/plan/plan';
import { loadSolver } from '../src/plan/solver';
import { scenarioOnDay } from '../src/plan/day';
import { planVerifiedWeek, weekCsv, type VerifiedWeek } from '../src/plan/week-verify';
import { weekJson } from '../src/plan/week-report';
import { simulate } from '../src/sim/simulate';
import { erlangRequirement } from '../src/plan/requirement';
import type { Scenario } from '../src/sim';

const TARGETS = { voice: { serviceLevel: 0.8 } };
const RATE = 20;
/** 08:00–20:00 New York time, in half-hours */
const PROFILE = Array.from({ length: 48 }, (_, j) => (j >= 16 && j < 40 ? 1 : 0));

/** Seven days from Thursday 2026-03-05; a 24/7 Manila site with no shrinkage, overhead or repeats. */
function week(): Scenario {
  return {
    name: 'dst week',
    clientTimeZone: 'America/New_York',
    horizon: { days: 7, intervalMinutes: 30, startDate: '2026-03-05' },
    channels: {
      voice: {
        volumePerDay: 1200,
        profile: PROFILE,
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 180 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'manila',
        name: 'Manila',
        location: 'offshore',
        timeZone: 'Asia/Manila',
        shrinkage: 0,
        firstContactResolution: 1,
        groups: [{ id: 'voice', skills: ['voice'], agents: 10 }],
        cost: { hourlyRate: RATE, overheadRate: 0, telecomPerMinute: 0, perContactFee: 0 },
      },
    ],
  };
}

/** Agents logged in per result interval of a run with no contacts (labour = agents × rate × ½ h). */
function engineAgents(s: Scenario): number[] {
  const quiet = structuredClone(s);
  quiet.channels.voice!.volumePerDay = 0;
  const r = simulate(quiet, { seed: 'agents', replications: 1 });
  return r.intervals.map((iv) => Math.round((iv.total.cost.mean ?? 0) / (RATE * 0.5)));
}

describe('a dated week across the March change (New York client, Manila site)', () => {
  let w: VerifiedWeek;
  let oneDay: PlanOutcome;
  beforeAll(async () => {
    const highs = await loadSolver();
    const s = week();
    const evaluate = (x: Scenario) => Promise.resolve(simulate(x, { seed: 'dst', replications: 4 }));
    const day1 = { ...scenarioOnDay(s, 0), horizon: { ...s.horizon, days: 1 } };
    oneDay = await planWorkforce(day1, evaluate, highs, { targets: TARGETS, maxRounds: 1 });
    // the plan as first solved: no re-solving where the week's run misses (which could mend a misplaced day)
    w = await planVerifiedWeek(highs, s, oneDay, null, { targets: TARGETS, maxPlanRounds: 0 }, evaluate);
  }, 180_000);

  it('gives the 23-hour day 46 intervals, labelled as the engine labels them', () => {
    const counts = w.week.days.map((d) => d.starts.length);
    expect(counts).toEqual([48, 48, 48, 46, 48, 48, 48]);
    const day4 = w.week.days[3];
    expect(day4.date).toBe('2026-03-08');
    expect(day4.agents[0]).toHaveLength(46);
    // 01:30 EST is followed by 03:00 EDT: the hour the clocks skip has no interval
    expect(day4.starts.slice(3, 5)).toEqual(['2026-03-08T01:30-05:00', '2026-03-08T03:00-04:00']);
    // the engine's labels, interval for interval
    const r = simulate(w.scenario, { seed: 'labels', replications: 1 });
    expect(w.week.days.flatMap((d) => d.starts)).toEqual(r.intervals.map((iv) => iv.start));
    // the JSON and CSV carry each day's own intervals
    const json = weekJson(w.week, oneDay.requirement);
    expect(json.requirement.filter((e) => e.day === 4)).toHaveLength(46);
    expect(json.requirement).toHaveLength(6 * 48 + 46);
    const rows = weekCsv(w, oneDay.requirement).trim().split('\n').slice(1);
    expect(rows.filter((r) => r.startsWith('4,'))).toHaveLength(46);
    expect(rows.some((r) => r.includes(',2026-03-08T02:'))).toBe(false);
    // the verification names each interval by its place in its day (what the re-solving raises)
    for (const c of w.verification.intervals) expect(w.week.days[c.day - 1].starts[c.interval]).toBe(c.start);
  });

  it("staffs every interval as the plan says, on the engine's clock: the client's 08:00 on every day", () => {
    const agents = engineAgents(w.scenario);
    w.week.days.forEach((d, di) => {
      const first = d.frame!.first;
      d.starts.forEach((start, j) => {
        const engine = agents[first + j];
        expect(engine, `day ${d.day} ${start}`).toBe(w.scheduled[di][0][j]);
        if (d.agents[0][j] > 0)
          expect(engine, `day ${d.day} ${start}`).toBeGreaterThanOrEqual(d.agents[0][j]);
      });
      // 08:00 New York: 21:00 Manila before the change, 20:00 from the change day on
      const eight = d.starts.findIndex((s) => s.slice(11, 16) === '08:00');
      expect(d.agents[0][eight]).toBeGreaterThan(0);
      expect(agents[first + eight], `day ${d.day} 08:00`).toBeGreaterThan(0);
    });
  });

  it("the simulated labour per day is that day's planned shifts', and every day meets its targets", () => {
    expect(w.rounds).toEqual([{ round: 1, missed: 0, added: 0 }]);
    const r = simulate(w.scenario, { seed: 'labour', replications: 2 });
    for (const d of w.week.days) {
      const labour = r.intervals
        .filter((iv) => iv.day === d.day)
        .reduce((a, iv) => a + (iv.total.cost.mean ?? 0), 0);
      const planned = d.shifts[0].shifts.reduce((a, s) => a + s.agents * s.hours * RATE, 0);
      // agents finishing a call past their shift's end add well under 2 %
      expect(labour / planned, `day ${d.day}`).toBeGreaterThan(0.999);
      expect(labour / planned, `day ${d.day}`).toBeLessThan(1.02);
    }
    expect(w.verification.days.map((d) => d.checks)).toEqual([48, 48, 48, 46, 48, 48, 48]);
    for (const d of w.verification.days) expect(d.met, `day ${d.day} ${d.date}`).toBe(true);
  });
});

describe('the 25-hour day (New York, 1 November 2026)', () => {
  it('has 50 intervals in the requirement, 01:00 and 01:30 twice with their offsets, as the engine labels them', () => {
    const s = week();
    s.horizon = { days: 3, intervalMinutes: 30, startDate: '2026-10-31' };
    const day2 = erlangRequirement(s, TARGETS, undefined, 1);
    expect(day2.starts).toHaveLength(50);
    expect(day2.agents[0]).toHaveLength(50);
    expect(day2.starts.slice(2, 6)).toEqual([
      '2026-11-01T01:00-04:00',
      '2026-11-01T01:30-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T01:30-05:00',
    ]);
    const quiet = structuredClone(s);
    quiet.channels.voice!.volumePerDay = 0;
    const r = simulate(quiet, { seed: 'labels', replications: 1 });
    expect(day2.starts).toEqual(r.intervals.filter((iv) => iv.day === 2).map((iv) => iv.start));
    // the client's 08:00 opens interval 16 of a 24-hour day and interval 18 of the 25-hour one
    expect(erlangRequirement(s, TARGETS, undefined, 0).agents[0].findIndex((n) => n > 0)).toBe(16);
    expect(day2.agents[0].findIndex((n) => n > 0)).toBe(18);
  });
});
