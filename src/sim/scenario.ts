/**
 * The scenario file format (SPEC §0–5), as TypeScript types, plus the SPEC's defaults.
 *
 * These types describe a scenario *after* validation (see src/scenario/schema.ts), with optional fields
 * still optional: the engine applies the defaults below when it compiles a scenario, so a hand-written
 * object in a test and a validated file mean exactly the same thing. The schema reads the same DEFAULTS
 * to document them in the generated JSON Schema.
 */

export const CHANNEL_KINDS = ['voice', 'chat', 'email', 'social'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const LOCATIONS = ['onshore', 'nearshore', 'offshore'] as const;
export type Location = (typeof LOCATIONS)[number];

/** SPEC §5. All values in seconds. */
export type Distribution =
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

export interface ServiceTarget {
  percent: number;
  withinSeconds: number;
}

/** SPEC §2. */
export interface ChannelSpec {
  volumePerDay: number;
  /** weights per interval of the day, length = intervals per day; absent = flat */
  profile?: number[];
  /**
   * (v3) day-to-day uncertainty of volume: each day's volume is multiplied by a gamma draw with mean 1
   * and this cv, the same for every interval of that day (default 0)
   */
  volumeCv?: number;
  /**
   * (v3) seven weights, Monday to Sunday, multiplying volumePerDay; normalised to mean 1 (absent = flat
   * week). An undated file's day 1 is a Monday.
   */
  weekly?: number[];
  /**
   * (v3) a dated forecast's days, from horizon.startDate: each day's volume and profile (absent profile =
   * the channel's). Replaces volumePerDay, profile and weekly for those days; warm-up days take the
   * first day's, days past the list the last one's. volumePerDay and profile stay the average day.
   */
  daily?: DaySpec[];
  handleTime: Distribution;
  /**
   * (v3) mean handle time per interval of the day, seconds (length = intervals per day): a contact's
   * handle time is drawn from handleTime scaled to the mean of the interval it arrives in
   */
  handleTimeProfile?: number[];
  wrapUp?: Distribution;
  /**
   * absent = DEFAULTS.patience (voice exponential mean 120 s, chat exponential mean 240 s; email and
   * social never abandon); null = never abandons
   */
  patience?: Distribution | null;
  concurrency?: number;
  target?: ServiceTarget;
  repeatDelay?: Distribution;
  priority?: number;
  /** (v3) the clock a repeat delay elapses in: the channel's arrival profile (default) or wall clock */
  repeatTiming?: RepeatTiming;
  /** (v3) live channels: what a contact that finds every site closed does ("hold" = v2) */
  afterHours?: AfterHoursSpec | 'hold';
  /** (v3) abandoned contacts that try again */
  redial?: RedialSpec;
  /** (v3) live channels: queued call back (virtual hold) */
  callback?: CallbackSpec;
  /** (v3) customer classes within the channel; shares sum to 1 */
  classes?: ClassSpec[];
}

/** SPEC v3 §8: one day of a dated forecast. */
export interface DaySpec {
  volume: number;
  profile?: number[];
  /** (v3) the day's mean handle time per interval, seconds (absent = the channel's handleTimeProfile) */
  handleTimeProfile?: number[];
}

/** SPEC v3 §2: a customer class; a higher priority is served first within the channel. */
export interface ClassSpec {
  name: string;
  share: number;
  priority?: number;
  /** absent = the channel's patience; null = never abandons */
  patience?: Distribution | null;
}

export type RepeatTiming = 'customer-hours' | 'clock';

/** SPEC v3 §2: a contact that finds no site open retries, with probability `retry`, at the next opening + delay. */
export interface AfterHoursSpec {
  retry: number;
  delay?: Distribution;
}

/** SPEC v3 §2: an abandoned contact comes back with this probability after the delay. */
export interface RedialSpec {
  probability: number;
  delay?: Distribution;
}

/** SPEC v3 §2: a call back offered after `offerAfterSeconds` on the line. */
export interface CallbackSpec {
  offerAfterSeconds: number;
  acceptance: number;
  /** share of call backs that reach the customer (default 0.9) */
  reach?: number;
}

export interface Shift {
  start: string;
  end: string;
  agents: number;
  /**
   * (v3, extension) the day of the horizon (1-based, client days) on which the shift starts; absent =
   * every day. Warm-up days work day 1's shifts, days past the horizon the last day's.
   */
  day?: number;
}

export interface GroupSpec {
  id: string;
  skills: ChannelKind[];
  /** flat count of agents logged in while the site is open */
  agents?: number;
  /** instead of a flat count: agents per local shift */
  shifts?: Shift[];
}

export type OpeningHours = '24/7' | { open: string; close: string };

export interface SiteCost {
  hourlyRate: number;
  overheadRate?: number;
  telecomPerMinute?: number;
  perContactFee?: number;
}

/** SPEC v3 §3: what an outsourcer bills, replacing hourly labour (see src/sim/contract-cost.ts). */
export const CONTRACT_BASES = [
  'productive-hour',
  'paid-hour',
  'handled-minute',
  'contact',
  'fte-month',
] as const;
export type ContractBasis = (typeof CONTRACT_BASES)[number];

/** Paid hours in one FTE-month (SPEC v3 §3): 40 h × 52 weeks ÷ 12 months. */
export const FTE_MONTH_HOURS = 173.3;

export interface SlaCreditTier {
  /** the tier applies when the site's service level on the channel is below this share */
  below: number;
  /** share of the invoice credited */
  credit: number;
}

export interface SlaCredits {
  channel: ChannelKind;
  tiers: SlaCreditTier[];
  /** largest share of the invoice credited */
  cap: number;
}

export interface ContractSpec {
  basis: ContractBasis;
  /** currency per unit of the basis (hour, minute, contact, FTE-month) */
  rate: number;
  /** volume billed at least, per simulated day: exactly one of the two (the schema checks) */
  minimum?: { contactsPerDay?: number; minutesPerDay?: number };
  slaCredits?: SlaCredits;
}

/** SPEC v3 §3: multiplies the in-house hourly rate for hours worked in a local-time window. */
export interface PayPremium {
  from: string;
  to: string;
  factor: number;
}

/** SPEC §3. */
export interface SiteSpec {
  id: string;
  name: string;
  location: Location;
  utcOffsetHours?: number;
  /** (v3) IANA zone: with horizon.startDate, the site's offset on each date (SPEC §1) */
  timeZone?: string;
  hours?: OpeningHours;
  groups: GroupSpec[];
  shrinkage?: number;
  cost: SiteCost;
  handleTimeFactor?: number;
  firstContactResolution?: number;
  escalation?: { rate: number; to: string };
  connectDelaySeconds?: number;
  handoffDelaySeconds?: number;
  /** SPEC v2: position on the map; absent = placed by time zone */
  position?: Position;
  /** SPEC v3: an outsourcer's billing terms; absent = hourly labour */
  contract?: ContractSpec;
  /** SPEC v3: in-house evening and night differentials */
  payPremiums?: PayPremium[];
}

/** SPEC v2 §3: a place on the map (a site's, or the client's). */
export interface Position {
  lat: number;
  lon: number;
  city?: string;
}

/** SPEC §4. */
export interface RoutingSpec {
  split: Record<string, number>;
  overflowAfterSeconds?: number;
}

export interface Horizon {
  days: number;
  intervalMinutes: 15 | 30 | 60;
  /** (v2) days simulated before day 1 and then discarded; absent = the steady-state default (steady-state.ts) */
  warmUpDays?: number;
  /** (v3) "YYYY-MM-DD": the date of day 1 (absent = undated: fixed offsets, day 1 a Monday) */
  startDate?: string;
}

export interface Scenario {
  $schema?: string;
  name: string;
  description?: string;
  /** SPEC v3: ISO 4217 code labelling every cost; absent = USD */
  currency?: string;
  clientUtcOffsetHours?: number;
  /** (v3) the client's IANA zone: with horizon.startDate, its offset on each date (SPEC §1) */
  clientTimeZone?: string;
  /** SPEC v2: the client's position on the map */
  clientPosition?: Position;
  horizon?: Partial<Horizon>;
  channels: Partial<Record<ChannelKind, ChannelSpec>>;
  sites: SiteSpec[];
  /** absent for a channel = equal split over the sites that have the skill */
  routing?: Partial<Record<ChannelKind, RoutingSpec>>;
}

export function isLiveChannel(c: ChannelKind): boolean {
  return c === 'voice' || c === 'chat';
}

/** The SPEC's defaults, in one place. Targets come from DOMAIN.md's typical service targets. */
export const DEFAULTS = {
  currency: 'USD',
  clientUtcOffsetHours: 0,
  horizon: { days: 1, intervalMinutes: 30 } as Horizon,
  wrapUp: { dist: 'fixed', value: 0 } as Distribution,
  concurrency: 1,
  repeatDelay: { dist: 'exponential', mean: 86_400 } as Distribution,
  priority: { voice: 4, chat: 3, social: 2, email: 1 } as Record<ChannelKind, number>,
  /** (v3) repeats come back in the hours customers contact (v2: 'clock') */
  repeatTiming: 'customer-hours' as RepeatTiming,
  /**
   * (v3) Callers who reach a closed center mostly call again once it is open (DOMAIN.md, "Customer
   * behaviour when not served"); v2 held them in a queue nobody served ('hold').
   */
  afterHours: { retry: 0.8, delay: { dist: 'exponential', mean: 3600 } } as Required<AfterHoursSpec>,
  /** (v3) no redials unless asked for; the delay is DOMAIN.md's 10–20 min, halfway */
  redial: { probability: 0, delay: { dist: 'exponential', mean: 900 } } as Required<RedialSpec>,
  /** (v3) DOMAIN.md: customers are reached on ~90–95 % of call backs */
  callbackReach: 0.9,
  /**
   * Patience when the field is absent. The SPEC gives live channels none, and "never abandons" would
   * silently flatter an understaffed plan, so they get DOMAIN.md's typical figures: voice exponential
   * with a mean of 2 min (the middle of the usual 1–3 min), chat exponential with a mean of 4 min ("a
   * few minutes"). Deferred channels wait in a backlog. An explicit null means never abandons.
   */
  patience: {
    voice: { dist: 'exponential', mean: 120 },
    chat: { dist: 'exponential', mean: 240 },
    email: null,
    social: null,
  } as Record<ChannelKind, Distribution | null>,
  target: {
    voice: { percent: 80, withinSeconds: 20 },
    chat: { percent: 80, withinSeconds: 60 },
    email: { percent: 90, withinSeconds: 86_400 },
    social: { percent: 80, withinSeconds: 3_600 },
  } as Record<ChannelKind, ServiceTarget>,
  site: {
    utcOffsetHours: 0,
    hours: '24/7' as OpeningHours,
    shrinkage: 0,
    handleTimeFactor: 1,
    firstContactResolution: 1,
    connectDelaySeconds: 0,
    handoffDelaySeconds: 0,
  },
  cost: { overheadRate: 0, telecomPerMinute: 0, perContactFee: 0 },
} as const;

/** Hard limits, so a typo cannot freeze a run; the schema reports them by field. */
export const LIMITS = {
  maxDays: 366,
  /** (v2) horizon.warmUpDays */
  maxWarmUpDays: 60,
  maxAgentsPerGroup: 20_000,
  maxAgentsTotal: 100_000,
  maxVolumePerDay: 5_000_000,
  /** (v3) channels.*.volumeCv: beyond 2, most days would be nearly empty and a few enormous */
  maxVolumeCv: 2,
  /** (v3) channels.*.classes */
  maxClasses: 8,
  maxConcurrency: 10,
  maxSites: 50,
  maxGroupsPerSite: 50,
  maxDistributionSeconds: 366 * 86_400,
  maxEmpiricalValues: 100_000,
  /** profile and split weights are relative; a cap keeps their sums finite */
  maxWeight: 1_000_000,
  /** currency per hour or per contact; far above any real rate, far below overflow */
  maxRate: 1_000_000,
  /** overhead as a share of labour */
  maxOverheadRate: 100,
  /** (v3) a pay premium's factor on the hourly rate */
  maxPremiumFactor: 10,
  /** (v3) SLA credit tiers per contract */
  maxCreditTiers: 20,
  /** below this, repeats would almost never end */
  minFirstContactResolution: 0.01,
} as const;
