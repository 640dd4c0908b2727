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
  LIMITS,
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
    // (v3) The follow-up runs two days of fresh load (SPEC §1): about twice v2's work per run.
  }, 600_000);

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
 *
 * Where the schema now rejects the original, the test asserts that rejection and the field it names,
 * then runs the engine at the limit the schema allows (checked valid), so the invariants are checked
 * on the nearest scenario a user can still write. None of them returns without running the engine.
 */
describe('counter-examples', () => {
  /** The schema rejects the scenario, naming exactly these fields (the part of each line before ": "). */
  function expectRejectedAt(scenario: Scenario, paths: string[]): void {
    const valid = validateScenario(scenario);
    expect(valid.ok ? [] : valid.problems.map((p) => p.slice(0, p.indexOf(': ')))).toEqual(paths);
  }

  /** The scenario is valid, and runs within the budget with sound outcomes. */
  function validAndSound(scenario: Scenario, seed: string, maxEvents = 200_000): ReplicationOutcome {
    const valid = validateScenario(scenario);
    expect(valid.ok ? [] : valid.problems).toEqual([]);
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
    // without maxEvents, as on the command line, it hangs). The schema now stops FCR below 0.01, and
    // the engine brings a repeat back a second later at the earliest.
    const profile = Array.from({ length: 48 }, (_, i) => (i === 14 ? 97.86985867849492 : i === 15 ? 1 : 0));
    const scenario = (firstContactResolution: number) =>
      oneSite(
        {
          chat: {
            volumePerDay: 1,
            profile,
            handleTime: { dist: 'uniform', min: 0, max: 0 },
            repeatDelay: { dist: 'uniform', min: 0, max: 0 },
          },
        },
        { firstContactResolution },
        ['chat'],
      );
    expectRejectedAt(scenario(5e-324), ['sites[0].firstContactResolution']);
    // At the limit an issue takes 100 contacts on average, each a second apart.
    // (seed '1': one issue that day since each day draws its own arrivals; '15147' had one before)
    const o = validAndSound(scenario(LIMITS.minFirstContactResolution), '1');
    expect(o.channels.chat!.issuesRaised).toBe(1);
    expect(o.channels.chat!.offered!).toBeGreaterThan(10);
  });

  it('a gamma distribution with a tiny cv draws finite values', () => {
    // Shrunk by fast-check (seed 20240611). cv² underflows to 0, so shape = 1/cv² = Infinity and
    // scale = mean/shape = 0; Marsaglia–Tsang returns Infinity, and Infinity × 0 = NaN handle time,
    // which makes every cost NaN. Any cv below about 1.5e-154 does this. Still valid: fixed in the engine.
    const scenario = oneSite(
      {
        voice: {
          volumePerDay: 1,
          handleTime: { dist: 'gamma', mean: 1, cv: 5e-324 },
          patience: null,
          afterHours: 'hold', // the call comes when no agent is on shift: kept waiting, as in v2
        },
      },
      { groups: [{ id: 'g0', skills: ['voice'], shifts: [{ start: '00:00', end: '00:45', agents: 1 }] }] },
    );
    const o = validAndSound(scenario, '758299');
    // the one call of day 1 came (and was not lost to NaN); a warm-up call still waiting at 00:00 is
    // offered on day 1 too
    expect(o.channels.voice!.issuesRaised).toBe(1);
    expect(o.channels.voice!.handled).toBeGreaterThan(0);
  });

  const voice = (extra: Partial<ChannelSpec> = {}): Scenario['channels'] => ({
    voice: { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 300 }, ...extra },
  });
  const fiveAgents = { groups: [{ id: 'g0', skills: ['voice'] as ChannelKind[], agents: 5 }] };

  it('a profile with one huge weight does not make arrivals at one instant forever', () => {
    // volume × 1e308 overflows to Infinity, so that interval's rate is Infinity and each arrival is
    // scheduled 0 s after the previous one.
    const profile = (w: number) => Array.from({ length: 48 }, (_, i) => (i === 3 ? w : 1));
    expectRejectedAt(oneSite(voice({ profile: profile(1e308) }), fiveAgents), ['channels.voice.profile[3]']);
    // At the largest weight allowed, nearly the whole day's volume comes in interval 3.
    const o = validAndSound(oneSite(voice({ profile: profile(LIMITS.maxWeight) }), fiveAgents), '1');
    expect(o.intervals[3].total.offered!).toBeGreaterThan(70);
    expect(o.total.offered!).toBeLessThan(150);
  });

  it('a profile whose weights sum past the largest double still gives arrivals', () => {
    // The sum overflows to Infinity, every rate is Infinity/Infinity = NaN, and no contact arrives.
    const profile = (w: number) => Array.from({ length: 48 }, (_, i) => (i < 2 ? w : 0));
    expectRejectedAt(oneSite(voice({ profile: profile(1e308) }), fiveAgents), [
      'channels.voice.profile[0]',
      'channels.voice.profile[1]',
    ]);
    const o = validAndSound(oneSite(voice({ profile: profile(LIMITS.maxWeight) }), fiveAgents), '1');
    expect(o.channels.voice!.offered).toBeGreaterThan(50);
    expect(o.intervals[0].total.offered! + o.intervals[1].total.offered!).toBe(o.channels.voice!.offered);
  });

  it('routing weights whose sum overflows still split the traffic', () => {
    // total = Infinity, so u × total = Infinity never falls below 0 and every contact goes to the last
    // open site.
    const base = oneSite(voice({ handleTime: { dist: 'exponential', mean: 60 } }), fiveAgents);
    const scenario = (w: number): Scenario => ({
      ...base,
      sites: [base.sites[0], { ...base.sites[0], id: 's1', name: 'Site 1' }],
      routing: { voice: { split: { s0: w, s1: w } } },
    });
    expectRejectedAt(scenario(1e308), ['routing.voice.split.s0', 'routing.voice.split.s1']);
    // The engine scales weights by the largest, so even the rejected ones split evenly…
    for (const w of [1e308, LIMITS.maxWeight]) {
      const o = runReplication(scenario(w), { seed: '1', days: 1 });
      expect(outcomeProblems(o)).toEqual([]);
      expect(o.sites.s0.handled).toBeGreaterThan(20);
      expect(o.sites.s1.handled).toBeGreaterThan(20);
    }
    // …and the largest allowed weight is valid.
    validAndSound(scenario(LIMITS.maxWeight), '1');
  });

  it.each([
    ['hourlyRate', (x: number) => ({ hourlyRate: x }), LIMITS.maxRate],
    ['overheadRate', (x: number) => ({ hourlyRate: 30, overheadRate: x }), LIMITS.maxOverheadRate],
    ['perContactFee', (x: number) => ({ hourlyRate: 30, perContactFee: x }), LIMITS.maxRate],
  ])('a huge %s does not make costs Infinity', (field, cost, limit) => {
    const scenario = (x: number) => oneSite(voice(), { cost: cost(x), ...fiveAgents });
    expectRejectedAt(scenario(1e308), [`sites[0].cost.${field}`]);
    const o = validAndSound(scenario(limit), '1');
    expect(Number.isFinite(o.total.cost)).toBe(true);
    expect(o.total.cost!).toBeGreaterThan(limit);
  });
});
