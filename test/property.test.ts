/**
 * Property tests: a thousand generated valid scenarios (test/support/arbitraries.ts), each run for one
 * day, must simulate without an exception and give outcomes that are finite, conserved and in range,
 * and the same again for the same seed.
 *
 * The fast-check seed is fixed so a CI failure reproduces; set SHORELINE_PROPERTY_SEED to explore
 * others. A counter-example found here is shrunk by fast-check and kept below as a named test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/validate';
import {
  runReplication,
  type ChannelKind,
  type ChannelSpec,
  type ReplicationOutcome,
  type Scenario,
  type SiteSpec,
} from '../src/sim';
import { scenarioArb } from './support/arbitraries';
import { outcomeProblems } from './support/invariants';

const SEED = Number(process.env.SHORELINE_PROPERTY_SEED ?? 20_240_611);
const NUM_RUNS = Number(process.env.SHORELINE_PROPERTY_RUNS ?? 1000);
/**
 * Far above what a generated one-day scenario needs with its warm-up (0–2 days, see arbitraries.ts)
 * and follow-up: one with FCR 0.01 and a 10 s repeat delay needs 1.4 million. A run that gets here is
 * a runaway loop.
 */
const MAX_EVENTS = 4_000_000;
function check(scenario: Scenario, seed = 'p'): void {
  const valid = validateScenario(JSON.parse(JSON.stringify(scenario)));
  expect(valid.ok ? [] : valid.problems, 'generated scenario must be valid').toEqual([]);
  const a = runReplication(scenario, { seed, days: 1, maxEvents: MAX_EVENTS });
  expect(outcomeProblems(a)).toEqual([]);
  const b = runReplication(scenario, { seed, days: 1, maxEvents: MAX_EVENTS });
  expect(b).toEqual(a);
}

describe('generated scenarios', () => {
  it(`simulate with conserved, finite, in-range, reproducible outcomes (${NUM_RUNS} runs, seed ${SEED})`, () => {
    let runs = 0;
    fc.assert(
      fc.property(scenarioArb(2), fc.integer({ min: 0, max: 1_000_000 }), (scenario, s) => {
        runs++;
        check(scenario, String(s));
      }),
      { numRuns: NUM_RUNS, seed: SEED },
    );
    expect(runs).toBeGreaterThanOrEqual(NUM_RUNS);
  });

  it('the generator covers every feature', () => {
    const sample = fc.sample(scenarioArb(2), { numRuns: 300, seed: SEED });
    const seen = new Set<string>();
    for (const s of sample) {
      for (const [k, c] of Object.entries(s.channels)) {
        seen.add(`channel:${k}`);
        seen.add(`handle:${c.handleTime.dist}`);
        if (c.patience === null) seen.add('patience:null');
        else if (c.patience) seen.add(`patience:${c.patience.dist}`);
        if (c.wrapUp) seen.add(`wrap:${c.wrapUp.dist}`);
        if (c.repeatDelay) seen.add(`repeat:${c.repeatDelay.dist}`);
        if (c.profile) seen.add(`profile:${c.profile.length}`);
        if ((c.concurrency ?? 1) > 1) seen.add('concurrency');
        if (c.priority !== undefined) seen.add('priority');
        if (c.target) seen.add('target');
      }
      seen.add(`sites:${s.sites.length}`);
      for (const site of s.sites) {
        if (site.hours === '24/7') seen.add('hours:24/7');
        else if (site.hours) seen.add(site.hours.close < site.hours.open ? 'hours:overnight' : 'hours:day');
        for (const g of site.groups) {
          if (g.shifts) {
            seen.add('shifts');
            if (g.shifts.some((sh) => sh.end < sh.start)) seen.add('shift:overnight');
          } else seen.add('flat');
          if (g.skills.length > 1) seen.add('multi-skill');
        }
        if (site.escalation) seen.add('escalation');
        if (site.connectDelaySeconds) seen.add('connect');
        if (site.handoffDelaySeconds) seen.add('handoff');
        if (site.firstContactResolution !== undefined) seen.add('fcr');
        if (site.handleTimeFactor !== undefined) seen.add('htf');
        if (site.shrinkage) seen.add('shrinkage');
      }
      for (const r of Object.values(s.routing ?? {})) {
        if (Object.values(r.split).includes(0)) seen.add('split:zero');
        if (r.overflowAfterSeconds !== undefined) seen.add('overflow');
      }
    }
    const expected = [
      ...['voice', 'chat', 'email', 'social'].map((k) => `channel:${k}`),
      ...['exponential', 'lognormal', 'gamma', 'fixed', 'uniform', 'empirical'].flatMap((d) => [
        `handle:${d}`,
        `patience:${d}`,
        `wrap:${d}`,
        `repeat:${d}`,
      ]),
      ...['patience:null', 'profile:24', 'profile:48', 'profile:96', 'concurrency', 'priority', 'target'],
      ...['sites:1', 'sites:2', 'sites:3', 'hours:24/7', 'hours:overnight', 'hours:day'],
      ...['shifts', 'shift:overnight', 'flat', 'multi-skill', 'escalation', 'connect', 'handoff'],
      ...['fcr', 'htf', 'shrinkage', 'split:zero', 'overflow'],
    ];
    expect(expected.filter((f) => !seen.has(f))).toEqual([]);
  });
});

/**
 * Counter-examples: scenarios that once passed the schema and broke an invariant. The first two were
 * found and shrunk by the property above (repeats looping at one instant; gamma with cv² underflowing
 * to 0); the others by probing numbers the schema left unbounded (profile and split weights, costs,
 * control bytes in JSON errors). Fixed in the engine and the schema; each stays as a regression test.
 */
describe('counter-examples', () => {
  /** The scenario must be rejected by the schema, or run within the budget with sound outcomes. */
  function rejectedOrSound(scenario: Scenario, seed: string, maxEvents = 200_000): ReplicationOutcome | null {
    const valid = validateScenario(scenario);
    if (!valid.ok) return null;
    const o = runReplication(scenario, { seed, days: 1, maxEvents });
    expect(outcomeProblems(o)).toEqual([]);
    return o;
  }

  const oneSite = (
    channels: Scenario['channels'],
    site: Partial<SiteSpec> = {},
    skills: ChannelKind[] = ['voice'],
  ): Scenario => ({
    name: 'generated',
    horizon: { days: 1 },
    channels,
    sites: [
      {
        id: 's0',
        name: 'Site 0',
        location: 'onshore',
        groups: [{ id: 'g0', skills, agents: 1 }],
        cost: { hourlyRate: 0 },
        ...site,
      },
    ],
  });

  it('a tiny first-contact resolution with zero handle time and zero repeat delay does not loop at one instant', () => {
    // Shrunk by fast-check (seed 20240611). Every repeat comes back at the same instant and is
    // resolved with probability 5e-324, so the run never leaves that instant (SimulationBudgetError;
    // without maxEvents, as on the command line, it hangs).
    const profile = Array.from({ length: 48 }, (_, i) => (i === 14 ? 97.86985867849492 : i === 15 ? 1 : 0));
    const scenario = oneSite(
      {
        chat: {
          volumePerDay: 1,
          profile,
          handleTime: { dist: 'uniform', min: 0, max: 0 },
          repeatDelay: { dist: 'uniform', min: 0, max: 0 },
        },
      },
      { firstContactResolution: 5e-324 },
      ['chat'],
    );
    rejectedOrSound(scenario, '15147');
  });

  it('a gamma distribution with a tiny cv draws finite values', () => {
    // Shrunk by fast-check (seed 20240611). cv² underflows to 0, so shape = 1/cv² = Infinity and
    // scale = mean/shape = 0; Marsaglia–Tsang returns Infinity, and Infinity × 0 = NaN handle time,
    // which makes every cost NaN. Any cv below about 1.5e-154 does this.
    const scenario = oneSite(
      { voice: { volumePerDay: 1, handleTime: { dist: 'gamma', mean: 1, cv: 5e-324 } } },
      { groups: [{ id: 'g0', skills: ['voice'], shifts: [{ start: '00:00', end: '00:45', agents: 1 }] }] },
    );
    rejectedOrSound(scenario, '758299');
  });

  const voice = (extra: Partial<ChannelSpec> = {}): Scenario['channels'] => ({
    voice: { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 300 }, ...extra },
  });

  it('a profile with one huge weight does not make arrivals at one instant forever', () => {
    // volume × 1e308 overflows to Infinity, so that interval's rate is Infinity and each arrival is
    // scheduled 0 s after the previous one.
    const profile = Array.from({ length: 48 }, (_, i) => (i === 3 ? 1e308 : 1));
    rejectedOrSound(
      oneSite(voice({ profile }), { groups: [{ id: 'g0', skills: ['voice'], agents: 5 }] }),
      '1',
    );
  });

  it('a profile whose weights sum past the largest double still gives arrivals', () => {
    // The sum overflows to Infinity, every rate is Infinity/Infinity = NaN, and no contact arrives.
    const profile = Array.from({ length: 48 }, (_, i) => (i < 2 ? 1e308 : 0));
    const o = rejectedOrSound(
      oneSite(voice({ profile }), { groups: [{ id: 'g0', skills: ['voice'], agents: 5 }] }),
      '1',
    );
    if (o) expect(o.channels.voice!.offered).toBeGreaterThan(50);
  });

  it('routing weights whose sum overflows still split the traffic', () => {
    // total = Infinity, so u × total = Infinity never falls below 0 and every contact goes to the last
    // open site.
    const base = oneSite(voice({ handleTime: { dist: 'exponential', mean: 60 } }), {
      groups: [{ id: 'g0', skills: ['voice'], agents: 5 }],
    });
    const scenario: Scenario = {
      ...base,
      sites: [base.sites[0], { ...base.sites[0], id: 's1', name: 'Site 1' }],
      routing: { voice: { split: { s0: 1e308, s1: 1e308 } } },
    };
    const o = rejectedOrSound(scenario, '1');
    if (o) {
      expect(o.sites.s0.handled).toBeGreaterThan(20);
      expect(o.sites.s1.handled).toBeGreaterThan(20);
    }
  });

  it.each([
    ['hourlyRate', { hourlyRate: 1e308 }],
    ['overheadRate', { hourlyRate: 30, overheadRate: 1e308 }],
    ['perContactFee', { hourlyRate: 30, perContactFee: 1e308 }],
  ])('a huge %s does not make costs Infinity', (_, cost) => {
    rejectedOrSound(oneSite(voice(), { cost, groups: [{ id: 'g0', skills: ['voice'], agents: 5 }] }), '1');
  });
});
