/**
 * (v3) Days that differ: a dated forecast keeps each date's handle times (not their average over the
 * dates), the engine draws each day's contacts with that day's, and the plan's Erlang requirement of a
 * day uses that day's volume (`weekly` weight or `daily` entry) and handle times.
 */
import { describe, expect, it } from 'vitest';
import { importForecast } from '../src/plan/forecast';
import { erlangRequirement } from '../src/plan/requirement';
import { validateScenario } from '../src/scenario/validate';
import { runReplication } from '../src/sim/simulate';
import type { Scenario } from '../src/sim';

function scenario(): Scenario {
  return {
    name: 'days',
    horizon: { days: 1, intervalMinutes: 60, warmUpDays: 1 },
    channels: { voice: { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 300 } } },
    sites: [
      {
        id: 'a',
        name: 'A',
        location: 'onshore',
        groups: [{ id: 'g', skills: ['voice'], agents: 40 }],
        cost: { hourlyRate: 20 },
      },
    ],
  };
}

const HANDLE = [200, 400];

/** Two dates, 60 calls an hour all day; every row of date d gives handle time HANDLE[d]. */
function twoDates(): string {
  const rows = ['start,channel,volume,handleTime'];
  ['2027-03-01', '2027-03-02'].forEach((date, d) => {
    for (let h = 0; h < 24; h++) rows.push(`${date}T${String(h).padStart(2, '0')}:00,voice,60,${HANDLE[d]}`);
  });
  return rows.join('\n');
}

const TARGETS = { voice: { serviceLevel: 0.8 } };
const total = (rows: number[][]) => rows.flat().reduce((a, b) => a + b, 0);

describe('handle time per date', () => {
  const r = importForecast(twoDates(), scenario());
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const s = r.value.scenario;

  it("keeps each date's handle time per interval in its daily entry", () => {
    expect(validateScenario(s).ok).toBe(true);
    const daily = s.channels.voice!.daily!;
    expect(daily).toHaveLength(2);
    expect(daily[0].handleTimeProfile).toEqual(new Array(24).fill(200));
    expect(daily[1].handleTimeProfile).toEqual(new Array(24).fill(400));
  });

  it("draws each day's contacts with that day's mean handle time", () => {
    const sums = [0, 0];
    const counts = [0, 0];
    for (let rep = 0; rep < 2; rep++)
      runReplication(s, {
        seed: 'per-date',
        replication: rep,
        onFreshArrival: (_c, t, handle) => {
          const day = Math.floor(t / 86_400);
          if (day < 0 || day > 1) return;
          sums[day] += handle;
          counts[day]++;
        },
      });
    HANDLE.forEach((mean, d) => {
      // exponential: se of the mean = mean / √n (n ≈ 2,880: under 2 %); the average of the dates
      // (300 s) is 25 % off either, 10 standard errors or more
      expect(counts[d]).toBeGreaterThan(2500);
      expect(Math.abs(sums[d] / counts[d] - mean)).toBeLessThan((4 * mean) / Math.sqrt(counts[d]));
    });
  });

  it('plans each day at its own handle time', () => {
    const at = (mean: number) => {
      const one = scenario();
      one.channels.voice = { volumePerDay: 1440, handleTime: { dist: 'exponential', mean } };
      return erlangRequirement(one, TARGETS).agents;
    };
    expect(erlangRequirement(s, TARGETS, undefined, 0).agents).toEqual(at(200));
    expect(erlangRequirement(s, TARGETS, undefined, 1).agents).toEqual(at(400));
    // the same calls at twice the handle time (3.3 against 6.7 Erlangs an hour): 5 agents against 8
    expect(total(at(400))).toBeGreaterThan(1.5 * total(at(200)));
  });
});

describe('the requirement of a day of a weekly file', () => {
  // Monday 1.5×, Sunday 0.5× the mean day (weights normalised to mean 1)
  const weekly = (): Scenario => {
    const s = scenario();
    s.channels.voice!.volumePerDay = 2400;
    s.channels.voice!.weekly = [1.5, 1, 1, 1, 1, 1, 0.5];
    return s;
  };
  const flat = (volume: number): Scenario => {
    const s = scenario();
    s.channels.voice!.volumePerDay = volume;
    return s;
  };

  it("is Erlang's at the day's weighted volume (day 1 of an undated file is a Monday)", () => {
    const monday = erlangRequirement(weekly(), TARGETS);
    expect(monday.agents).toEqual(erlangRequirement(flat(3600), TARGETS).agents);
    const sunday = erlangRequirement(weekly(), TARGETS, undefined, 6);
    expect(sunday.agents).toEqual(erlangRequirement(flat(1200), TARGETS).agents);
    // three times the load (50 against 150 calls an hour, 5 and 15 Erlangs): Erlang's economy of
    // scale gives somewhat less than three times the agents, and far more than the same
    const ratio = total(monday.agents) / total(sunday.agents);
    expect(ratio).toBeGreaterThan(2.2);
    expect(ratio).toBeLessThan(3);
  });
});
