/** Small scenario builders for engine tests: one site, one channel, exponential times by default. */
import type { ChannelSpec, Scenario, SiteSpec } from '../../src/sim/scenario';

export function site(
  id: string,
  agents: number,
  extra: Partial<SiteSpec> = {},
  skills = ['voice'],
): SiteSpec {
  return {
    id,
    name: id,
    location: 'onshore',
    groups: [{ id: 'g', skills: skills as SiteSpec['groups'][0]['skills'], agents }],
    cost: { hourlyRate: 30 },
    ...extra,
  };
}

export function voice(perHour: number, extra: Partial<ChannelSpec> = {}): ChannelSpec {
  return {
    volumePerDay: perHour * 24,
    handleTime: { dist: 'exponential', mean: 300 },
    patience: null,
    target: { percent: 80, withinSeconds: 20 },
    ...extra,
  };
}

/** One site answering voice; `days` long. */
export function oneSite(
  agents: number,
  perHour: number,
  days = 1,
  channel: Partial<ChannelSpec> = {},
): Scenario {
  return {
    name: 'test',
    horizon: { days, intervalMinutes: 30 },
    channels: { voice: voice(perHour, channel) },
    sites: [site('a', agents)],
  };
}

/** Two small voice sites (onshore 2 agents, offshore 1), split 60/40: quick to simulate. */
export function twoSiteVoice(): Scenario {
  return {
    name: 'small',
    horizon: { days: 1, intervalMinutes: 60 },
    channels: {
      voice: {
        volumePerDay: 480,
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 120 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        groups: [{ id: 'voice', skills: ['voice'], agents: 2 }],
        cost: { hourlyRate: 30 },
      },
      {
        id: 'away',
        name: 'Away',
        location: 'offshore',
        groups: [{ id: 'voice', skills: ['voice'], agents: 1 }],
        cost: { hourlyRate: 12 },
      },
    ],
    routing: { voice: { split: { home: 0.6, away: 0.4 } } },
  };
}
