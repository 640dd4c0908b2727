/**
 * Busy time and cost on cases with fixed handle and wrap-up times, where the expected figure follows
 * exactly from the counts: wrap-up holds the agent and is busy time; telecom is charged on voice talk
 * minutes × handleTimeFactor only; every handled contact pays the site's fee, repeats and escalations
 * included; a site's labour is shared among the channels its blended groups answer by busy time.
 */
import { describe, expect, it } from 'vitest';
import { runReplication, type ChannelSpec, type Scenario } from '../src/sim';
import { site, voice } from './support/build';

const fixed = (value: number) => ({ dist: 'fixed' as const, value });
/** Arrivals only until `hours` into the day (30-minute intervals), so every contact is done by the end. */
const until = (hours: number) => Array.from({ length: 48 }, (_, i) => (i < hours * 2 ? 1 : 0));

describe('wrap-up', () => {
  it('holds the agent: one agent with 300 s talk + 100 s wrap answers one call every 400 s', () => {
    // 30 calls an hour for one agent: the queue never empties, so from the first call on the agent
    // answers one every 400 s (not every 300 s), 216 in the day, and is busy all the time.
    const s: Scenario = {
      name: 'wrap-holds',
      channels: { voice: voice(30, { handleTime: fixed(300), wrapUp: fixed(100) }) },
      sites: [site('a', 1)],
    };
    const o = runReplication(s, { seed: 'w' });
    expect(o.channels.voice!.handled).toBe(216);
    expect(o.channels.voice!.occupancy!).toBeGreaterThan(0.995);
  });

  it('counts as busy time: occupancy = handled × (talk + wrap) ÷ available time', () => {
    const s: Scenario = {
      name: 'wrap-busy',
      channels: { voice: voice(60, { handleTime: fixed(300), wrapUp: fixed(100), profile: until(22) }) },
      sites: [site('a', 20)],
    };
    const v = runReplication(s, { seed: 'wb' }).channels.voice!;
    expect(v.backlog).toBe(0);
    expect(v.occupancy!).toBeCloseTo((v.handled! * 400) / (20 * 86_400), 12);
  });
});

describe('telecom', () => {
  it('is charged on voice talk minutes × handleTimeFactor only: not wrap-up, not chat or email', () => {
    const s: Scenario = {
      name: 'telecom',
      channels: {
        voice: voice(40, { handleTime: fixed(300), wrapUp: fixed(60) }),
        chat: { volumePerDay: 600, handleTime: fixed(600), concurrency: 2, patience: null },
        email: { volumePerDay: 300, handleTime: fixed(300) },
      },
      sites: [
        {
          ...site('a', 0),
          groups: [
            { id: 'voice', skills: ['voice'], agents: 20 },
            { id: 'chat', skills: ['chat'], agents: 10 },
            { id: 'email', skills: ['email'], agents: 5 },
          ],
          handleTimeFactor: 1.5,
          cost: { hourlyRate: 0, telecomPerMinute: 0.05 },
        },
      ],
    };
    const o = runReplication(s, { seed: 't' });
    const talkMinutes = (o.channels.voice!.handled! * 300 * 1.5) / 60;
    expect(o.channels.chat!.handled!).toBeGreaterThan(400);
    expect(o.channels.email!.handled!).toBeGreaterThan(200);
    expect(o.total.cost!).toBeCloseTo(talkMinutes * 0.05, 9);
    expect(o.channels.voice!.cost!).toBeCloseTo(talkMinutes * 0.05, 9);
    expect(o.channels.chat!.cost).toBe(0);
    expect(o.channels.email!.cost).toBe(0);
    expect(o.intervals.reduce((a, i) => a + i.total.cost!, 0)).toBeCloseTo(o.total.cost!, 9);
  });
});

describe('per-contact fees', () => {
  it('are paid on every handled contact, repeats and escalations included', () => {
    // l1: fee 0.5, FCR 0.6, escalates 20 % to l2 (fee 2). No labour, no telecom: cost is fees only.
    const channel: ChannelSpec = voice(60, { handleTime: fixed(240), repeatDelay: fixed(600) });
    const mk = (followUps: boolean): Scenario => ({
      name: 'fees',
      channels: { voice: channel },
      sites: [
        site('l1', 30, {
          cost: { hourlyRate: 0, perContactFee: 0.5 },
          ...(followUps
            ? { firstContactResolution: 0.6, escalation: { rate: 0.2, to: 'l2' } }
            : { firstContactResolution: 1 }),
        }),
        site('l2', 10, { cost: { hourlyRate: 0, perContactFee: 2 } }),
      ],
      routing: { voice: { split: { l1: 1 } } },
    });
    // The same customers arrive in both runs (common random numbers): fresh = the plain run's count.
    const fresh = runReplication(mk(false), { seed: 'f' }).channels.voice!.offered!;
    const o = runReplication(mk(true), { seed: 'f' });
    const l1 = o.sites.l1.handled!;
    const l2 = o.sites.l2.handled!;
    expect(l1).toBeGreaterThan(fresh * 1.2); // repeats come back to l1
    expect(l2).toBeGreaterThan(fresh * 0.15); // escalations reach l2
    expect(o.sites.l1.cost!).toBeCloseTo(l1 * 0.5, 9);
    expect(o.sites.l2.cost!).toBeCloseTo(l2 * 2, 9);
    expect(o.total.cost!).toBeCloseTo(l1 * 0.5 + l2 * 2, 9);
  });
});

describe('labour of blended groups', () => {
  it("is shared among the site's channels by busy time, and evenly when the site was never busy", () => {
    // Site a: 10 agents answering voice (300 s) and email (600 s), shrinkage 25 %, 30/h + 20 % overhead:
    // labour = 10 × 24 / 0.75 × 30 × 1.2 = 11,520. Site b: 2 blended agents that get no contact
    // (split 0): labour 2 × 24 × 30 = 1,440, half to each channel.
    const s: Scenario = {
      name: 'blended',
      channels: {
        voice: voice(40, { handleTime: fixed(300), profile: until(20) }),
        email: { volumePerDay: 12 * 24, handleTime: fixed(600), profile: until(20) },
      },
      sites: [
        site('a', 10, { shrinkage: 0.25, cost: { hourlyRate: 30, overheadRate: 0.2 } }, ['voice', 'email']),
        site('b', 2, {}, ['voice', 'email']),
      ],
      routing: { voice: { split: { a: 1, b: 0 } }, email: { split: { a: 1, b: 0 } } },
    };
    const o = runReplication(s, { seed: 'blend' });
    const v = o.channels.voice!;
    const e = o.channels.email!;
    expect(v.backlog! + e.backlog!).toBe(0);
    expect(o.sites.b.handled).toBe(0);
    const busyVoice = v.handled! * 300;
    const busyEmail = e.handled! * 600;
    // Nothing is still in progress at the end: busy time is exactly handled × handle time.
    expect(o.sites.a.occupancy!).toBeCloseTo((busyVoice + busyEmail) / (10 * 86_400), 12);
    const labourA = 11_520;
    const labourB = 1_440;
    expect(o.sites.a.cost!).toBeCloseTo(labourA, 9);
    expect(o.sites.b.cost!).toBeCloseTo(labourB, 9);
    expect(v.cost!).toBeCloseTo((labourA * busyVoice) / (busyVoice + busyEmail) + labourB / 2, 9);
    expect(e.cost!).toBeCloseTo((labourA * busyEmail) / (busyVoice + busyEmail) + labourB / 2, 9);
    expect(v.cost! + e.cost!).toBeCloseTo(o.total.cost!, 9);
  });
});
