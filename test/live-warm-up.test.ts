/**
 * (v2) The live run opens after the model's warm-up (SPEC §1): at 00:00 of day 1, with yesterday's
 * backlog, and says how many days it ran (meta.warmUpDays).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/sim';
import { LiveRun, type Scheduler } from '../src/worker/live-run';

/** Nothing runs by itself: these tests only step the run. */
const still: Scheduler = { now: () => 0, later: () => 0, cancel: () => undefined };

/** E-mail answered 08:00–18:00: what arrives in the evening waits overnight. FCR 0.8, repeats after 4 h. */
function officeEmail(warmUpDays?: number): Scenario {
  return {
    name: 'office-email',
    horizon: { days: 1, intervalMinutes: 30, ...(warmUpDays !== undefined ? { warmUpDays } : {}) },
    channels: {
      email: {
        volumePerDay: 600,
        handleTime: { dist: 'exponential', mean: 300 },
        repeatDelay: { dist: 'exponential', mean: 4 * 3600 },
      },
    },
    sites: [
      {
        id: 'office',
        name: 'Office',
        location: 'onshore',
        hours: { open: '08:00', close: '18:00' },
        firstContactResolution: 0.8,
        groups: [{ id: 'mail', skills: ['email'], agents: 6 }],
        cost: { hourlyRate: 30 },
      },
    ],
  };
}

describe('live run after the warm-up', () => {
  it("opens at 00:00 of day 1 with yesterday's backlog, counted as offered in the first interval", () => {
    const run = new LiveRun(still);
    const meta = run.load(officeEmail(), '1');
    expect(meta.warmUpDays).toBe(2);
    expect(run.status().now).toBe(0);
    const { outcome } = run.outcome();
    const email = outcome.channels.email!;
    // Six hours of evening e-mail at 25 an hour and more, waiting for the office to open.
    expect(email.backlog!).toBeGreaterThan(100);
    expect(email.offered).toBe(email.backlog);
    expect(email.handled).toBe(0);
    expect(outcome.intervals[0].channels.email!.offered).toBe(email.backlog);
    expect(outcome.total.cost).toBe(0);
  });

  it('started empty (warmUpDays 0) it opens with nothing waiting', () => {
    const run = new LiveRun(still);
    expect(run.load(officeEmail(0), '1').warmUpDays).toBe(0);
    expect(run.outcome().outcome.channels.email!.backlog).toBe(0);
  });

  it('reset applies the live changes from the start of the warm-up', () => {
    const run = new LiveRun(still);
    run.load(officeEmail(), '1');
    const normal = run.outcome().outcome.channels.email!.backlog!;
    run.setStaffing(0, 2); // a third of the staff cannot keep up: the backlog carries over
    run.reset('1');
    expect(run.status().now).toBe(0);
    expect(run.outcome().outcome.channels.email!.backlog!).toBeGreaterThan(normal + 200);
  });

  it('a warm-up over the event budget stops the run with the budget error, as the run would', () => {
    const run = new LiveRun(still);
    run.setMaxEvents(1000);
    const meta = run.load(officeEmail(), '1');
    expect(meta.warmUpDays).toBe(2);
    expect(run.status().error).toMatch(/stopped after 1,000 events/);
    expect(run.status().playing).toBe(false);
  });
});
