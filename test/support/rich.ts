/** A scenario that uses every model feature at once, for conservation and determinism tests. */
import type { Scenario } from '../../src/sim/scenario';

export function richScenario(days = 2): Scenario {
  const peaky = Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 40 ? 3 : 1));
  return {
    name: 'rich',
    clientUtcOffsetHours: -5,
    horizon: { days, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 3000,
        profile: peaky,
        handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 },
        wrapUp: { dist: 'gamma', mean: 40, cv: 0.5 },
        patience: { dist: 'exponential', mean: 120 },
        repeatDelay: { dist: 'uniform', min: 600, max: 7200 },
      },
      chat: {
        volumePerDay: 1500,
        handleTime: { dist: 'gamma', mean: 600, cv: 0.6 },
        patience: { dist: 'fixed', value: 240 },
        concurrency: 3,
      },
      email: {
        volumePerDay: 800,
        handleTime: { dist: 'empirical', values: [180, 240, 300, 420, 600] },
        target: { percent: 90, withinSeconds: 4 * 3600 },
      },
      social: { volumePerDay: 300, handleTime: { dist: 'exponential', mean: 240 } },
    },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        utcOffsetHours: -5,
        hours: { open: '08:00', close: '20:00' },
        groups: [
          {
            id: 'voice',
            skills: ['voice'],
            shifts: [
              { start: '08:00', end: '14:00', agents: 8 },
              { start: '12:00', end: '20:00', agents: 8 },
            ],
          },
          // social too: Manila escalates to this site, so it must answer every channel Manila does
          { id: 'l2', skills: ['voice', 'email', 'social'], agents: 3 },
        ],
        shrinkage: 0.3,
        cost: { hourlyRate: 35, overheadRate: 0.2, telecomPerMinute: 0.01, perContactFee: 0 },
        firstContactResolution: 0.8,
      },
      {
        id: 'mx',
        name: 'Nearshore',
        location: 'nearshore',
        utcOffsetHours: -6,
        hours: '24/7',
        groups: [
          { id: 'chat', skills: ['chat'], agents: 6 },
          { id: 'blend', skills: ['voice', 'social'], agents: 4 },
        ],
        shrinkage: 0.25,
        cost: { hourlyRate: 22, overheadRate: 0.1, telecomPerMinute: 0.02, perContactFee: 0.1 },
        handleTimeFactor: 1.08,
        firstContactResolution: 0.7,
        connectDelaySeconds: 1.5,
      },
      {
        id: 'mnl',
        name: 'Manila',
        location: 'offshore',
        utcOffsetHours: 8,
        hours: { open: '20:00', close: '08:00' },
        groups: [{ id: 'all', skills: ['voice', 'email', 'social'], agents: 6 }],
        shrinkage: 0.25,
        cost: { hourlyRate: 12, overheadRate: 0.15, telecomPerMinute: 0.03, perContactFee: 0.2 },
        handleTimeFactor: 1.2,
        firstContactResolution: 0.6,
        escalation: { rate: 0.1, to: 'home' },
        connectDelaySeconds: 3,
        handoffDelaySeconds: 900,
      },
    ],
    routing: {
      voice: { split: { home: 0.4, mx: 0.3, mnl: 0.3 }, overflowAfterSeconds: 45 },
      chat: { split: { mx: 1 } },
      email: { split: { home: 0.5, mnl: 0.5 }, overflowAfterSeconds: 7200 },
      social: { split: { mx: 0.5, mnl: 0.5 } },
    },
  };
}
