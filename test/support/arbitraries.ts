/**
 * fast-check arbitraries for valid scenarios (SPEC §0–5), covering every feature the schema allows:
 * 1–4 channels with every distribution kind, profiles, concurrency, priorities and targets; 1–3 sites
 * in any time zone with 24/7 or windowed hours (also across midnight), flat or shift staffing (also
 * across midnight), shrinkage, costs, handle-time factors, first-contact resolution, escalation,
 * connect and hand-off delays; routing splits with zero weights and overflow.
 *
 * The arbitraries draw a loose "raw" shape and `buildScenario` repairs the cross-field rules (every
 * channel answered by some group, routing only to sites with the skill, escalation to another site),
 * so that shrinking stays effective. Tests assert `validateScenario` on every generated scenario, so
 * the generator and the schema cannot drift apart unnoticed.
 *
 * Volumes are small (at most 750 per channel and day, so ≤ 3,000 in all) so a thousand runs stay fast.
 */
import fc from 'fast-check';
import {
  CHANNEL_KINDS,
  LOCATIONS,
  type ChannelKind,
  type ChannelSpec,
  type Distribution,
  type GroupSpec,
  type OpeningHours,
  type RoutingSpec,
  type Scenario,
  type Shift,
  type SiteSpec,
  LIMITS,
} from '../../src/sim/scenario';

const MAX_VOLUME_PER_CHANNEL = 750;
const MAX_SITES = 3;
/** the schema's lower bound (LIMITS.minFirstContactResolution) */
export const MIN_FCR = LIMITS.minFirstContactResolution;

/** A finite double in [min, max] (fast-check biases towards the bounds and small values). */
export function num(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Seconds ≥ 0 up to `max`, with the exact bounds and whole numbers likely. */
function seconds(max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.floor(max) }), num(0, max));
}

/** Seconds > 0 up to `max`. */
function positiveSeconds(max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 1, max: Math.floor(max) }), num(Number.MIN_VALUE, max));
}

/** Every distribution kind of SPEC §5, with means up to `scale` seconds. */
export function distribution(scale: number): fc.Arbitrary<Distribution> {
  // cv below ~1.5e-154 squares to 0 and gives a gamma shape of Infinity (NaN draws): see the
  // counter-examples in test/property.test.ts. Excluded here until the engine handles it.
  const gammaCv = num(0, 10);
  return fc.oneof(
    fc.record({ dist: fc.constant('exponential' as const), mean: positiveSeconds(scale) }),
    fc.record({ dist: fc.constant('lognormal' as const), mean: positiveSeconds(scale), cv: num(0, 10) }),
    fc.record({ dist: fc.constant('gamma' as const), mean: positiveSeconds(scale), cv: gammaCv }),
    fc.record({ dist: fc.constant('fixed' as const), value: seconds(scale) }),
    fc
      .tuple(seconds(scale), seconds(scale))
      .map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.record({
      dist: fc.constant('empirical' as const),
      values: fc.array(seconds(scale), { minLength: 1, maxLength: 6 }),
    }),
  );
}

/** "HH:MM" from 00:00 to 24:00, on the quarter hour or on any minute. */
export const timeOfDay: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
    fc.integer({ min: 0, max: 1440 }),
  )
  .map(
    (minutes) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
  );

/** Two different times: [start, end]; end < start crosses midnight. */
const window: fc.Arbitrary<[string, string]> = fc.tuple(timeOfDay, timeOfDay).filter(([a, b]) => a !== b);

const openingHours: fc.Arbitrary<OpeningHours> = fc.oneof(
  fc.constant('24/7' as const),
  window.map(([open, close]) => ({ open, close })),
);

const shift: fc.Arbitrary<Shift> = fc
  .tuple(window, fc.integer({ min: 0, max: 30 }))
  .map(([[start, end], agents]) => ({ start, end, agents }));

interface RawGroup {
  skills: ChannelKind[];
  staffing: { agents: number } | { shifts: Shift[] };
}

const rawGroup: fc.Arbitrary<RawGroup> = fc.record({
  skills: fc.subarray([...CHANNEL_KINDS]),
  staffing: fc.oneof(
    fc.record({ agents: fc.integer({ min: 0, max: 30 }) }),
    fc.record({ shifts: fc.array(shift, { minLength: 1, maxLength: 3 }) }),
  ),
});

interface RawSite {
  location: (typeof LOCATIONS)[number];
  utcOffsetHours: number | undefined;
  hours: OpeningHours | undefined;
  groups: RawGroup[];
  shrinkage: number | undefined;
  cost: SiteSpec['cost'];
  handleTimeFactor: number | undefined;
  firstContactResolution: number | undefined;
  /** rate and how many sites further on (mod the site count) the escalation goes */
  escalation: { rate: number; step: number } | undefined;
  connectDelaySeconds: number | undefined;
  handoffDelaySeconds: number | undefined;
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const utcOffset = fc.oneof(
  fc.integer({ min: -12, max: 14 }),
  fc.integer({ min: -24, max: 28 }).map((h) => h / 2),
  num(-12, 14),
);

const rawSite: fc.Arbitrary<RawSite> = fc.record({
  location: fc.constantFrom(...LOCATIONS),
  utcOffsetHours: opt(utcOffset),
  hours: opt(openingHours),
  groups: fc.array(rawGroup, { minLength: 1, maxLength: 3 }),
  shrinkage: opt(num(0, 0.6)),
  cost: fc.record(
    {
      hourlyRate: num(0, 100),
      overheadRate: num(0, 1),
      telecomPerMinute: num(0, 0.1),
      perContactFee: num(0, 3),
    },
    { requiredKeys: ['hourlyRate'] },
  ),
  handleTimeFactor: opt(num(Number.MIN_VALUE, 10)),
  // Not below 0.01: with a zero repeat delay and zero handle time a tinier FCR loops at one instant
  // (see "counter-examples" in test/property.test.ts).
  firstContactResolution: opt(num(MIN_FCR, 1)),
  escalation: opt(fc.record({ rate: num(0, 0.9), step: fc.integer({ min: 1, max: MAX_SITES - 1 }) })),
  connectDelaySeconds: opt(fc.oneof(seconds(120), seconds(86_400))),
  handoffDelaySeconds: opt(fc.oneof(seconds(3600), seconds(86_400))),
});

interface RawChannel {
  volumePerDay: number;
  /** 96 weights (the most a profile can need); cut to the interval count */
  profile: number[] | undefined;
  handleTime: Distribution;
  wrapUp: Distribution | undefined;
  /** null = never abandons */
  patience: Distribution | null | undefined;
  concurrency: number | undefined;
  target: { percent: number; withinSeconds: number } | undefined;
  repeatDelay: Distribution | undefined;
  priority: number | undefined;
}

const profileWeight = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }), num(0, 100));

function rawChannel(kind: ChannelKind): fc.Arbitrary<RawChannel> {
  const live = kind === 'voice' || kind === 'chat';
  return fc.record({
    volumePerDay: fc.oneof(
      fc.integer({ min: 0, max: MAX_VOLUME_PER_CHANNEL }),
      num(0, MAX_VOLUME_PER_CHANNEL),
    ),
    profile: opt(fc.array(profileWeight, { minLength: 96, maxLength: 96 })),
    handleTime: distribution(kind === 'email' ? 1800 : 900),
    wrapUp: opt(distribution(120)),
    patience: fc
      .option(distribution(live ? 600 : 86_400), { nil: undefined, freq: 3 })
      .chain((p) => (p === undefined ? fc.constantFrom(undefined, null) : fc.constant(p))),
    concurrency: opt(kind === 'chat' ? fc.integer({ min: 1, max: 4 }) : fc.constant(1)),
    target: opt(
      fc.record({
        percent: fc.oneof(fc.integer({ min: 0, max: 100 }), num(0, 100)),
        withinSeconds: positiveSeconds(live ? 300 : 86_400),
      }),
    ),
    repeatDelay: opt(fc.oneof(distribution(3600), distribution(86_400))),
    priority: opt(fc.integer({ min: -5, max: 10 })),
  });
}

interface RawRoute {
  /** per site index: absent, or a weight (0 allowed) */
  weights: (number | undefined)[];
  overflowAfterSeconds: number | undefined;
}

const rawRoute: fc.Arbitrary<RawRoute> = fc.record({
  weights: fc.array(opt(fc.oneof(fc.constant(0), fc.constant(1), num(0, 10))), {
    minLength: MAX_SITES,
    maxLength: MAX_SITES,
  }),
  overflowAfterSeconds: opt(fc.oneof(seconds(120), seconds(7200))),
});

export interface RawScenario {
  clientUtcOffsetHours: number | undefined;
  intervalMinutes: 15 | 30 | 60 | undefined;
  days: number;
  /** small, so a thousand runs stay quick: the default (up to 60 days) is exercised elsewhere */
  warmUpDays: number;
  channels: Partial<Record<ChannelKind, RawChannel>>;
  sites: RawSite[];
  routing: Partial<Record<ChannelKind, RawRoute>>;
}

export function rawScenario(maxDays = 2): fc.Arbitrary<RawScenario> {
  return fc.record({
    clientUtcOffsetHours: opt(utcOffset),
    intervalMinutes: opt(fc.constantFrom(15 as const, 30 as const, 60 as const)),
    days: fc.integer({ min: 1, max: maxDays }),
    warmUpDays: fc.integer({ min: 0, max: 2 }),
    channels: fc.record(
      {
        voice: rawChannel('voice'),
        chat: rawChannel('chat'),
        email: rawChannel('email'),
        social: rawChannel('social'),
      },
      { requiredKeys: [] },
    ),
    sites: fc.array(rawSite, { minLength: 1, maxLength: MAX_SITES }),
    routing: fc.record(
      { voice: rawRoute, chat: rawRoute, email: rawRoute, social: rawRoute },
      { requiredKeys: [] },
    ),
  });
}

/** Sets only the defined values, so optional fields stay absent rather than `undefined`. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Repairs a raw draw into a scenario that satisfies the schema's cross-field rules. */
export function buildScenario(raw: RawScenario): Scenario {
  const intervalMinutes = raw.intervalMinutes ?? 30;
  const perDay = 1440 / intervalMinutes;

  let kinds = CHANNEL_KINDS.filter((k) => raw.channels[k] !== undefined);
  const rawChannels = { ...raw.channels };
  if (kinds.length === 0) {
    // At least one channel: a plain voice channel.
    rawChannels.voice = {
      volumePerDay: 100,
      profile: undefined,
      handleTime: { dist: 'exponential', mean: 300 },
      wrapUp: undefined,
      patience: undefined,
      concurrency: undefined,
      target: undefined,
      repeatDelay: undefined,
      priority: undefined,
    };
    kinds = ['voice'];
  }

  const channels: Scenario['channels'] = {};
  for (const k of kinds) {
    const c = rawChannels[k]!;
    let profile: number[] | undefined;
    if (c.profile) {
      profile = c.profile.slice(0, perDay);
      if (!profile.some((w) => w > 0)) profile[0] = 1;
    }
    const spec: ChannelSpec = defined({
      volumePerDay: c.volumePerDay,
      profile,
      handleTime: c.handleTime,
      wrapUp: c.wrapUp,
      patience: c.patience,
      concurrency: c.concurrency,
      target: c.target,
      repeatDelay: c.repeatDelay,
      priority: c.priority,
    });
    channels[k] = spec;
  }

  const n = raw.sites.length;
  const ids = raw.sites.map((_, i) => `s${i}`);
  const sites: SiteSpec[] = raw.sites.map((s, i) => {
    const groups: GroupSpec[] = s.groups.map((g, j) => {
      let skills = g.skills.filter((k) => kinds.includes(k));
      if (skills.length === 0) skills = [kinds[(i + j) % kinds.length]];
      return { id: `g${j}`, skills, ...g.staffing };
    });
    return defined({
      id: ids[i],
      name: `Site ${i}`,
      location: s.location,
      utcOffsetHours: s.utcOffsetHours,
      hours: s.hours,
      groups,
      shrinkage: s.shrinkage,
      cost: defined({ ...s.cost }),
      handleTimeFactor: s.handleTimeFactor,
      firstContactResolution: s.firstContactResolution,
      escalation:
        s.escalation && n > 1
          ? { rate: s.escalation.rate, to: ids[(i + 1 + ((s.escalation.step - 1) % (n - 1))) % n] }
          : undefined,
      connectDelaySeconds: s.connectDelaySeconds,
      handoffDelaySeconds: s.handoffDelaySeconds,
    });
  });

  // Every channel must be answered by some group.
  const hasSkill = (site: SiteSpec, k: ChannelKind) => site.groups.some((g) => g.skills.includes(k));
  for (const k of kinds) if (!sites.some((s) => hasSkill(s, k))) sites[0].groups[0].skills.push(k);
  // An escalation target must answer every channel its source does (added skills may in turn be
  // needed by that target's own target, so repeat until nothing changes; at most one pass per site).
  for (let pass = 0; pass < n; pass++) {
    let added = false;
    for (const s of sites) {
      const target = s.escalation && sites.find((t) => t.id === s.escalation!.to);
      if (!target) continue;
      for (const k of kinds)
        if (hasSkill(s, k) && !hasSkill(target, k)) {
          target.groups[0].skills.push(k);
          added = true;
        }
    }
    if (!added) break;
  }

  const routing: Scenario['routing'] = {};
  for (const k of kinds) {
    const r = raw.routing[k];
    if (!r) continue;
    const split: Record<string, number> = {};
    r.weights.slice(0, n).forEach((w, i) => {
      if (w === undefined) return;
      // A positive weight only for a site that can answer the channel; zero for any site.
      split[ids[i]] = hasSkill(sites[i], k) ? w : 0;
    });
    if (!Object.values(split).some((w) => w > 0)) {
      const first = sites.findIndex((s) => hasSkill(s, k));
      split[ids[first]] = 1;
    }
    const spec: RoutingSpec = defined({ split, overflowAfterSeconds: r.overflowAfterSeconds });
    routing[k] = spec;
  }

  return defined({
    name: 'generated',
    clientUtcOffsetHours: raw.clientUtcOffsetHours,
    horizon: defined({ days: raw.days, intervalMinutes: raw.intervalMinutes, warmUpDays: raw.warmUpDays }),
    channels,
    sites,
    routing: Object.keys(routing).length > 0 ? routing : undefined,
  });
}

/** A valid scenario (check it with validateScenario in the property anyway). */
export function scenarioArb(maxDays = 2): fc.Arbitrary<Scenario> {
  return rawScenario(maxDays).map(buildScenario);
}
