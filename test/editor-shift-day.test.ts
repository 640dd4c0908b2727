/**
 * (issue 29) A week's plan applied gives each group its shifts with the `day` they run on; the editor
 * shows that day in the shift's name and keeps it when the shift's start, end or agents are edited
 * (the fields set their own path only), and when another shift is removed.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/sim/scenario';
import { shiftName } from '../src/ui/editor/groups';
import { fieldContext } from '../src/ui/editor/panel';
import { validateScenario } from '../src/scenario/validate';

const week: Scenario = {
  name: 'week',
  horizon: { days: 2, intervalMinutes: 30 },
  channels: { voice: { volumePerDay: 500, handleTime: { dist: 'exponential', mean: 300 } } },
  sites: [
    {
      id: 'dallas',
      name: 'Dallas',
      location: 'onshore',
      utcOffsetHours: -6,
      hours: { open: '08:00', close: '20:00' },
      cost: { hourlyRate: 28 },
      groups: [
        {
          id: 'voice',
          skills: ['voice'],
          shifts: [
            { start: '08:00', end: '16:00', agents: 9, day: 1 },
            { start: '08:00', end: '16:00', agents: 5, day: 2 },
            { start: '12:00', end: '20:00', agents: 3 },
          ],
        },
      ],
    },
  ],
};

/** The scenario after one field's change, as the editor panel makes it. */
function edited(path: (string | number)[], value: unknown): Scenario {
  let out: Scenario | null = null;
  fieldContext(
    () => week,
    (next) => (out = next),
  ).set(path, value);
  return out!;
}

describe('the editor keeps a shift’s day', () => {
  it('names the day of a shift on one day only', () => {
    expect(shiftName(1, week.sites[0].groups[0].shifts![1])).toBe('Shift 2 (day 2)');
    expect(shiftName(2, week.sites[0].groups[0].shifts![2])).toBe('Shift 3');
  });

  it('keeps the day when start, end or agents are edited', () => {
    const p = ['sites', 0, 'groups', 0, 'shifts', 1];
    for (const [field, value] of [
      ['start', '09:00'],
      ['end', '17:00'],
      ['agents', 7],
    ] as const) {
      const s = edited([...p, field], value);
      expect(s.sites[0].groups[0].shifts![1]).toEqual({
        ...week.sites[0].groups[0].shifts![1],
        [field]: value,
      });
      expect(s.sites[0].groups[0].shifts!.map((x) => x.day)).toEqual([1, 2, undefined]);
      expect(validateScenario(s).ok).toBe(true);
    }
  });
});
