/**
 * The scenario file (SPEC §0–5) as a zod 4 schema.
 *
 * - Objects are strict: an unknown field is an error (with a "did you mean" in validate.ts).
 * - Optional fields stay optional: the engine applies DEFAULTS (src/sim/scenario.ts) when it compiles a
 *   scenario; here they only document the defaults in the generated JSON Schema (`.meta({ default })`).
 * - Every message is plain English written here or in validate.ts; zod's own texts never reach a user.
 * - Cross-field rules (ids that must exist, skills that must match channels, totals) run in one
 *   `superRefine` on the whole file, written defensively so they still run when other fields are wrong.
 */
import * as z from 'zod';
import {
  CHANNEL_KINDS,
  CONTRACT_BASES,
  DEFAULTS,
  FTE_MONTH_HOURS,
  LIMITS,
  LOCATIONS,
  type ChannelKind,
  type Scenario,
} from '../sim/scenario';
import { didYouMean, formatNumber, quoteList } from './text';
import { isIsoDate, isTimeZone } from '../sim/calendar';

// zod compiles an object schema into a function with `new Function` on its first parse. A command
// parses one file: compiling cost ~10 ms of its start-up and saved nothing (measured on the bundled
// scenarios: first parse 18–27 ms compiled, 7–15 ms without; later parses alike).
z.config({ jitless: true });

/** Longest time in any delay field: a day. */
export const MAX_DELAY_SECONDS = 86_400;
/** Intervals per day allowed by `horizon.intervalMinutes`. */
export const INTERVAL_MINUTES = [15, 30, 60] as const;
const MAX_PROFILE_LENGTH = 1440 / 15;
const MAX_SECONDS = LIMITS.maxDistributionSeconds;

// ---------------------------------------------------------------------------------------------------------
// numbers

interface NumberRule {
  int?: boolean;
  /** inclusive lower bound */
  min?: number;
  /** exclusive lower bound */
  gt?: number;
  /** inclusive upper bound */
  max?: number;
  /** exclusive upper bound */
  lt?: number;
  /** one message for every range violation, instead of the one-sided ones */
  range?: string;
}

/**
 * A finite number (zod 4 rejects NaN and ±Infinity; JSON strings such as "NaN" fail the type check),
 * with messages like `must be a whole number ≥ 0`, `must be > 0`, `must be ≤ 10`.
 */
function num(rule: NumberRule = {}) {
  const kind = rule.int ? 'a whole number ' : '';
  const say = (text: string) => ({ error: rule.range ?? `must be ${kind}${text}` });
  let s = z.number();
  if (rule.min !== undefined) s = s.min(rule.min, say(`≥ ${formatNumber(rule.min)}`));
  if (rule.gt !== undefined) s = s.gt(rule.gt, say(`> ${formatNumber(rule.gt)}`));
  if (rule.max !== undefined) s = s.max(rule.max, say(`≤ ${formatNumber(rule.max)}`));
  if (rule.lt !== undefined) s = s.lt(rule.lt, say(`< ${formatNumber(rule.lt)}`));
  if (!rule.int) return s;
  // Not `.int()`: zod's integer check aborts the parse, which would silence the cross-field rules.
  const lower =
    rule.min !== undefined
      ? ` ≥ ${formatNumber(rule.min)}`
      : rule.gt !== undefined
        ? ` > ${formatNumber(rule.gt)}`
        : '';
  return s
    .refine((n) => Number.isInteger(n), { error: rule.range ?? `must be a whole number${lower}` })
    .meta({ type: 'integer' });
}

const nonEmptyText = z.string().min(1, { error: 'must not be empty' });
const utcOffset = num({ min: -12, max: 14, range: 'must be a UTC offset in hours from -12 to 14' });
/** (v3) An IANA name the platform's time-zone database (Intl) knows. */
const timeZoneName = z.string().refine(isTimeZone, {
  error: 'must be an IANA time zone such as "America/New_York" or "Asia/Manila"',
});
const agentCount = num({ int: true, min: 0, max: LIMITS.maxAgentsPerGroup });
const delaySeconds = num({ min: 0, max: MAX_DELAY_SECONDS });
const seconds = num({ min: 0, max: MAX_SECONDS });
const positiveSeconds = num({ gt: 0, max: MAX_SECONDS });

/** SPEC v2 §3: where a site (or the client) is, for the map view; absent = placed by time zone. */
const positionSchema = z
  .strictObject({
    lat: num({ min: -90, max: 90, range: 'must be a latitude from -90 to 90' }).meta({
      description: 'Latitude, degrees (north positive).',
    }),
    lon: num({ min: -180, max: 180, range: 'must be a longitude from -180 to 180' }).meta({
      description: 'Longitude, degrees (east positive).',
    }),
    city: nonEmptyText.meta({ description: 'City name, as shown on the map.' }).optional(),
  })
  .meta({ description: 'Position on the map: { lat, lon, city }.' });

// ---------------------------------------------------------------------------------------------------------
// distributions (SPEC §5)

const DISTRIBUTION_NOTE = 'A distribution of seconds (SPEC §5), chosen by "dist".';

export const distributionSchema = z
  .discriminatedUnion('dist', [
    z
      .strictObject({
        dist: z.literal('exponential'),
        mean: positiveSeconds.meta({ description: 'Mean, seconds (> 0).' }),
      })
      .meta({
        id: 'exponentialDistribution',
        title: 'exponential',
        description: 'Exponential with the given mean.',
      }),
    z
      .strictObject({
        dist: z.literal('lognormal'),
        mean: positiveSeconds.meta({ description: 'Mean, seconds (> 0).' }),
        cv: num({ min: 0, max: 10 }).meta({ description: 'Coefficient of variation (sd ÷ mean), 0–10.' }),
      })
      .meta({
        id: 'lognormalDistribution',
        title: 'lognormal',
        description: 'Lognormal with the given mean and coefficient of variation.',
      }),
    z
      .strictObject({
        dist: z.literal('gamma'),
        mean: positiveSeconds.meta({ description: 'Mean, seconds (> 0).' }),
        cv: num({ min: 0, max: 10 }).meta({ description: 'Coefficient of variation (sd ÷ mean), 0–10.' }),
      })
      .meta({
        id: 'gammaDistribution',
        title: 'gamma',
        description: 'Gamma with the given mean and coefficient of variation.',
      }),
    z
      .strictObject({
        dist: z.literal('fixed'),
        value: seconds.meta({ description: 'The value, seconds (≥ 0).' }),
      })
      .meta({ id: 'fixedDistribution', title: 'fixed', description: 'Always the same value.' }),
    z
      .strictObject({
        dist: z.literal('uniform'),
        min: seconds.meta({ description: 'Lower bound, seconds (≥ 0).' }),
        max: seconds.meta({ description: 'Upper bound, seconds (≥ min).' }),
      })
      .refine((u) => u.min <= u.max, { path: ['max'], error: 'must be ≥ "min"' })
      .meta({ id: 'uniformDistribution', title: 'uniform', description: 'Uniform between min and max.' }),
    z
      .strictObject({
        dist: z.literal('empirical'),
        values: z
          .array(seconds)
          .min(1, { error: 'must list at least one value' })
          .max(LIMITS.maxEmpiricalValues, {
            error: `must list at most ${formatNumber(LIMITS.maxEmpiricalValues)} values`,
          })
          .meta({ description: 'Observed values, seconds (≥ 0); each draw picks one at random.' }),
      })
      .meta({
        id: 'empiricalDistribution',
        title: 'empirical',
        description: 'Resampled from observed values.',
      }),
  ])
  .meta({ description: DISTRIBUTION_NOTE });

// ---------------------------------------------------------------------------------------------------------
// channels (SPEC §2)

const targetSchema = z.strictObject({
  percent: num({ min: 0, max: 100, range: 'must be a percentage from 0 to 100' }).meta({
    description: 'Share of contacts to answer within withinSeconds, percent.',
  }),
  withinSeconds: positiveSeconds.meta({ description: 'The threshold, seconds (> 0).' }),
});

function notAllZero(values: readonly number[]): boolean {
  return values.some((v) => v > 0);
}

/** "exponential, mean 120 s (a typical figure)": a live channel's patience when the field is absent. */
function describePatienceDefault(kind: ChannelKind): string {
  const d = DEFAULTS.patience[kind];
  return d && 'mean' in d ? `${d.dist}, mean ${formatNumber(d.mean)} s (a typical figure)` : 'never abandons';
}

const share = num({ min: 0, max: 1, range: 'must be a probability from 0 to 1' });

/**
 * (v3, SPEC §2) How customers come back when not served: repeat timing, after hours, redial, call
 * back. After hours and call backs are for live channels only; a deferred channel gets a message
 * naming the field rather than zod's unknown-key error.
 */
function returnFields(live: boolean) {
  const liveOnly = <T extends z.ZodType>(s: T) =>
    live ? s : s.refine(() => false, { error: 'applies to live channels only (voice, chat)' });
  return {
    repeatTiming: z
      .enum(['customer-hours', 'clock'], { error: 'must be "customer-hours" or "clock"' })
      .meta({
        description:
          'The clock a repeat delay elapses in (v3). "customer-hours": the channel\'s own arrival time ' +
          '(its cumulative profile), so repeats come back during the hours customers contact; "clock": ' +
          'wall-clock seconds (v2). They agree for a flat profile.',
        default: DEFAULTS.repeatTiming,
      })
      .optional(),
    afterHours: liveOnly(
      z.union(
        [
          z.literal('hold'),
          z
            .strictObject({
              retry: share.meta({ description: 'Probability the customer tries again once a site opens.' }),
              delay: distributionSchema
                .meta({
                  description: 'Seconds after the next opening at which the customer tries again.',
                  default: DEFAULTS.afterHours.delay,
                })
                .optional(),
            })
            .meta({
              description: 'Contacts finding every site closed are not queued; they retry or give up.',
            }),
        ],
        {
          error:
            'must be "hold" or an object like { "retry": 0.8, "delay": { "dist": "exponential", "mean": 3600 } }',
        },
      ),
    )
      .meta({
        description:
          'Live channels (v3): a contact arriving while no site serving the channel is open counts in ' +
          'closedAttempts and, with probability retry, comes back as the same issue at the next opening ' +
          'plus delay; otherwise its issue is given up. "hold" keeps v2 (it waits in a queue).',
        default: DEFAULTS.afterHours,
      })
      .optional(),
    redial: z
      .strictObject({
        probability: share.meta({ description: 'Probability an abandoned contact tries again.' }),
        delay: distributionSchema
          .meta({ description: 'Seconds from abandoning to the redial.', default: DEFAULTS.redial.delay })
          .optional(),
      })
      .meta({
        description:
          'A contact that abandons in the queue comes back as the same issue with this probability ' +
          'after the delay (v3; typical 0.5–0.75 after 10–20 min).',
        default: DEFAULTS.redial,
      })
      .optional(),
    callback: liveOnly(
      z.strictObject({
        offerAfterSeconds: num({ min: 0, max: MAX_DELAY_SECONDS }).meta({
          description: 'Seconds on the line after which a call back is offered.',
        }),
        acceptance: share.meta({ description: 'Probability the customer accepts (30–60 % is common).' }),
        reach: share
          .meta({
            description: 'Probability the call back reaches the customer.',
            default: DEFAULTS.callbackReach,
          })
          .optional(),
      }),
    )
      .meta({
        description:
          'Queued call back (virtual hold, v3): a contact accepting it leaves the line but keeps its place ' +
          'in the queue and no longer abandons; the agent calls back when it would have been answered.',
      })
      .optional(),
  };
}

/**
 * A channel's schema, built per kind (its defaults and wording differ). Its parts are built afresh for
 * each kind, as when they were written inline, so the generated JSON Schema is unchanged.
 */
function channelSchema(kind: ChannelKind) {
  const live = kind === 'voice' || kind === 'chat';
  return z
    .strictObject({
      ...volumeFields(),
      ...handlingFields(kind, live),
      ...returnFields(live),
      classes: classesSchema(),
    })
    .meta({
      description: `The ${kind} channel (${live ? 'live: customers wait and abandon' : 'deferred: a backlog'}).`,
    });
}

/** How many contacts come, and when: volume, intraday and weekly shape, a dated forecast's days. */
function volumeFields() {
  return {
    volumePerDay: num({ min: 0, max: LIMITS.maxVolumePerDay }).meta({
      description: 'Expected contacts per day (first contacts; repeats and escalations come on top).',
    }),
    profile: z
      .array(num({ min: 0, max: LIMITS.maxWeight }))
      .min(1, { error: 'must not be empty (leave it out for a flat profile)' })
      .max(MAX_PROFILE_LENGTH, { error: `must have at most ${MAX_PROFILE_LENGTH} weights` })
      .refine(notAllZero, { error: 'must not be all zero' })
      .meta({
        description:
          'Weights per interval of the day in the client time zone (length = 1440 / horizon.intervalMinutes, ' +
          'e.g. 48 for 30-minute intervals); normalised. Absent = flat.',
      })
      .optional(),
    volumeCv: num({ min: 0, max: LIMITS.maxVolumeCv })
      .meta({
        description:
          'Day-to-day uncertainty of volume (v3): each day the volume of every interval is multiplied by ' +
          'one gamma draw with mean 1 and this coefficient of variation. 0 = Poisson arrivals only.',
        default: 0,
      })
      .optional(),
    weekly: z
      .array(num({ min: 0, max: LIMITS.maxWeight }))
      .length(7, { error: 'must have seven weights, Monday to Sunday' })
      .refine(notAllZero, { error: 'must not be all zero' })
      .meta({
        description:
          'Seven weights, Monday to Sunday, multiplying volumePerDay (v3); normalised to mean 1, so ' +
          "[1.2, 1, 1, 1, 1, 0.9, 0.9] keeps the week's volume. Absent = every day alike. An undated " +
          "file's day 1 is a Monday.",
      })
      .optional(),
    daily: z
      .array(
        z.strictObject({
          volume: num({ min: 0, max: LIMITS.maxVolumePerDay }).meta({ description: "The day's contacts." }),
          profile: z
            .array(num({ min: 0, max: LIMITS.maxWeight }))
            .min(1, { error: 'must not be empty (leave it out for the channel profile)' })
            .max(MAX_PROFILE_LENGTH, { error: `must have at most ${MAX_PROFILE_LENGTH} weights` })
            .refine(notAllZero, { error: 'must not be all zero' })
            .meta({ description: "The day's weights per interval (absent = the channel's profile)." })
            .optional(),
          handleTimeProfile: z
            .array(num({ min: 0, max: LIMITS.maxDistributionSeconds }))
            .min(1, { error: "must not be empty (leave it out for the channel's)" })
            .max(MAX_PROFILE_LENGTH, { error: `must have at most ${MAX_PROFILE_LENGTH} means` })
            .meta({
              description:
                "The day's mean handle time per interval, seconds (v3; import-forecast writes it from a " +
                "dated forecast's handleTime column). Absent = the channel's handleTimeProfile.",
            })
            .optional(),
        }),
      )
      .min(1, { error: 'must list at least one day' })
      .max(LIMITS.maxDays, { error: `must list at most ${LIMITS.maxDays} days` })
      .meta({
        description:
          "A dated forecast's days from horizon.startDate (v3; import-forecast writes it): each day's volume " +
          'and profile, replacing volumePerDay, profile and weekly on those days. Warm-up days take the ' +
          "first day's; days past the list the last one's.",
      })
      .optional(),
  };
}

/** How a contact is worked: handle and wrap-up time, patience, concurrency, target, repeats, priority. */
function handlingFields(kind: ChannelKind, live: boolean) {
  return {
    handleTime: distributionSchema.meta({ description: 'Handle (talk) time per contact, seconds.' }),
    handleTimeProfile: z
      .array(num({ min: 0, max: LIMITS.maxDistributionSeconds }))
      .min(1, { error: 'must not be empty (leave it out for one mean all day)' })
      .max(MAX_PROFILE_LENGTH, { error: `must have at most ${MAX_PROFILE_LENGTH} means` })
      .meta({
        description:
          'Mean handle time per interval of the day in the client time zone, seconds (v3; length = ' +
          '1440 / horizon.intervalMinutes). A contact draws its handle time from handleTime scaled to ' +
          'the mean of the interval it arrives in (handleTime keeps the shape). Absent = handleTime all day.',
      })
      .optional(),
    wrapUp: distributionSchema
      .meta({ description: 'After-contact work per contact, seconds.', default: DEFAULTS.wrapUp })
      .optional(),
    patience: distributionSchema
      .nullable()
      .meta({
        description: live
          ? `Seconds a waiting contact stays before abandoning; absent = ${describePatienceDefault(kind)}; ` +
            'null = never abandons.'
          : 'Seconds a waiting contact stays before abandoning; null = never abandons (usual for deferred channels).',
        default: DEFAULTS.patience[kind],
      })
      .optional(),
    concurrency: num({ int: true, min: 1, max: LIMITS.maxConcurrency })
      .meta({
        description: 'Contacts one agent may work at once (chat typically 2–3).',
        default: DEFAULTS.concurrency,
      })
      .optional(),
    target: targetSchema
      .meta({ description: 'Service-level goal.', default: DEFAULTS.target[kind] })
      .optional(),
    repeatDelay: distributionSchema
      .meta({
        description: 'Seconds before an unresolved contact comes back as a repeat.',
        default: DEFAULTS.repeatDelay,
      })
      .optional(),
    priority: num({ int: true })
      .meta({
        description: 'Larger is served first by an agent with several skills.',
        default: DEFAULTS.priority[kind],
      })
      .optional(),
  };
}

/** (v3) A channel's customer classes: shares summing to 1, unique names. */
function classesSchema() {
  return z
    .array(
      z.strictObject({
        name: z.string().min(1, { error: 'must not be empty' }).meta({ description: 'The class name.' }),
        share: num({ min: 0, max: 1 }).meta({
          description: "The class's share of the channel's contacts.",
        }),
        priority: num({ int: true })
          .meta({
            description: 'Larger is served first within the channel (then longest waiting).',
            default: 0,
          })
          .optional(),
        patience: distributionSchema
          .nullable()
          .meta({
            description: "The class's patience, seconds; absent = the channel's; null = never abandons.",
          })
          .optional(),
      }),
    )
    .min(1, { error: 'must not be empty (leave it out for one class)' })
    .max(LIMITS.maxClasses, { error: `must have at most ${LIMITS.maxClasses} classes` })
    .superRefine((classes, ctx) => {
      const sum = classes.reduce((a, k) => a + (typeof k.share === 'number' ? k.share : 0), 0);
      if (Math.abs(sum - 1) > 1e-6)
        ctx.addIssue({ code: 'custom', message: `shares must sum to 1 (they sum to ${sum})` });
      const seen = new Set<string>();
      classes.forEach((k, i) => {
        if (seen.has(k.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${k.name}" is used twice` });
        seen.add(k.name);
      });
    })
    .meta({
      description:
        'Customer classes within the channel (v3): each contact is drawn a class by share at arrival ' +
        "(a repeat or escalation keeps its issue's); a higher priority is served first, and a class " +
        "patience replaces the channel's. Figures are also reported per class.",
    })
    .optional();
}

const channelsSchema = z
  .strictObject({
    voice: channelSchema('voice').optional(),
    chat: channelSchema('chat').optional(),
    email: channelSchema('email').optional(),
    social: channelSchema('social').optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    error: `must have at least one channel (${CHANNEL_KINDS.map((k) => `"${k}"`).join(', ')})`,
  })
  .meta({ description: 'The contacts that arrive, keyed by channel kind; at least one.' });

// ---------------------------------------------------------------------------------------------------------
// sites (SPEC §3)

const TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const timeOfDay = z
  .string()
  .regex(TIME_PATTERN, { error: 'must be a time "HH:MM" from 00:00 to 24:00' })
  .meta({ description: 'Local time "HH:MM", 00:00–24:00.' });

const hoursSchema = z
  .union(
    [
      z.literal('24/7'),
      z
        .strictObject({
          open: timeOfDay,
          close: timeOfDay.meta({
            description: 'Local closing time "HH:MM"; earlier than open = the window crosses midnight.',
          }),
        })
        .refine((h) => h.open !== h.close, {
          path: ['close'],
          error: 'must differ from "open" (for a site that never closes, use "24/7")',
        }),
    ],
    { error: 'must be "24/7" or an object like { "open": "08:00", "close": "20:00" }' },
  )
  .meta({
    description:
      'Local opening hours: "24/7" or { open, close } as "HH:MM"; close before open = open across midnight.',
    default: DEFAULTS.site.hours,
  });

const shiftSchema = z
  .strictObject({
    start: timeOfDay,
    end: timeOfDay.meta({
      description: 'Local end "HH:MM"; earlier than start = the shift crosses midnight.',
    }),
    agents: agentCount.meta({ description: 'Agents logged in during the shift.' }),
    day: num({ int: true, min: 1, max: LIMITS.maxDays })
      .meta({
        description:
          'Extension (v3, written by `plan` on a multi-day horizon): the day of the horizon, 1 = day 1, on ' +
          "which this shift starts, counted in the client's days as intervals are (a shift whose local " +
          "start falls in that client day). Days before day 1 (warm-up) work day 1's shifts, days after " +
          "the horizon the last day's. Absent = every day.",
      })
      .optional(),
  })
  .refine((s) => s.start !== s.end, { path: ['end'], error: 'must differ from "start"' });

const skillsSchema = z
  .array(z.enum(CHANNEL_KINDS))
  .min(1, { error: 'must list at least one skill' })
  .superRefine((skills, ctx) => {
    skills.forEach((s, k) => {
      if (skills.indexOf(s) < k)
        ctx.addIssue({ code: 'custom', path: [k], message: `repeats the skill "${s}"` });
    });
  })
  .meta({ description: 'Channels this group answers.' });

const groupSchema = z
  .strictObject({
    id: nonEmptyText.meta({ description: 'Identifier, unique within the site.' }),
    skills: skillsSchema,
    agents: agentCount
      .meta({ description: 'Agents logged in and productive while the site is open (or give shifts).' })
      .optional(),
    shifts: z
      .array(shiftSchema)
      .min(1, { error: 'must list at least one shift' })
      .meta({ description: 'Instead of agents: agents per local shift.' })
      .optional(),
  })
  .superRefine((g, ctx) => {
    if (g.agents !== undefined && g.shifts !== undefined)
      ctx.addIssue({ code: 'custom', path: [], message: 'must have either "agents" or "shifts", not both' });
    if (g.agents === undefined && g.shifts === undefined)
      ctx.addIssue({ code: 'custom', path: ['agents'], message: 'is required (or give "shifts")' });
  })
  .meta({ description: 'An agent group: skills and either a flat agent count or shifts.' });

const costSchema = z
  .strictObject({
    hourlyRate: num({ min: 0, max: LIMITS.maxRate }).meta({
      description:
        'Currency per paid agent hour (outsourcer billed rate, or fully loaded in-house cost per agent hour).',
    }),
    overheadRate: num({ min: 0, max: LIMITS.maxOverheadRate })
      .meta({ description: 'Overhead as a share of labour cost.', default: DEFAULTS.cost.overheadRate })
      .optional(),
    telecomPerMinute: num({ min: 0, max: LIMITS.maxRate })
      .meta({ description: 'Currency per voice minute.', default: DEFAULTS.cost.telecomPerMinute })
      .optional(),
    perContactFee: num({ min: 0, max: LIMITS.maxRate })
      .meta({ description: 'Currency per handled contact.', default: DEFAULTS.cost.perContactFee })
      .optional(),
  })
  .meta({ description: 'What the site costs.' });

// (v3) contracts and pay premiums: what the cost rules in src/sim/contract-cost.ts read

const shareOf = (what: string) => num({ min: 0, max: 1, range: `must be a share from 0 to 1 (${what})` });

const creditTierSchema = z
  .strictObject({
    below: shareOf('a service level').meta({
      description: "The tier applies when the site's service level on the channel is below this share.",
    }),
    credit: shareOf('of the invoice').meta({ description: 'Share of the invoice credited to the client.' }),
  })
  .meta({ description: 'One SLA credit tier.' });

const slaCreditsSchema = z
  .strictObject({
    channel: z.enum(CHANNEL_KINDS).meta({ description: 'The channel whose service level is measured.' }),
    tiers: z
      .array(creditTierSchema)
      .min(1, { error: 'must list at least one tier' })
      .max(LIMITS.maxCreditTiers, { error: `must list at most ${LIMITS.maxCreditTiers} tiers` })
      .superRefine((tiers, ctx) => {
        tiers.forEach((t, k) => {
          const first = tiers.findIndex((u) => u.below === t.below);
          if (first < k)
            ctx.addIssue({
              code: 'custom',
              path: [k, 'below'],
              message: `repeats the threshold ${formatNumber(t.below)} of tiers[${first}]`,
            });
        });
      })
      .meta({
        description:
          "Credit tiers; the one that applies is the lowest whose `below` exceeds the site's service level " +
          'on the channel over the horizon.',
      }),
    cap: shareOf('of the invoice').meta({
      description: 'Largest share of the invoice credited (the share at risk).',
    }),
  })
  .meta({ description: "A share of the invoice at risk on the site's service level on one channel." });

const minimumSchema = z
  .strictObject({
    contactsPerDay: num({ min: 0, max: LIMITS.maxVolumePerDay })
      .meta({ description: 'Contacts billed at least per simulated day (basis "contact").' })
      .optional(),
    minutesPerDay: num({ min: 0, max: 1440 * LIMITS.maxAgentsTotal })
      .meta({
        description:
          "Minutes of the basis' time billed at least per simulated day (handled minutes, or productive or paid agent minutes).",
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    const n = Number(m.contactsPerDay !== undefined) + Number(m.minutesPerDay !== undefined);
    if (n !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must give exactly one of "contactsPerDay" and "minutesPerDay"',
      });
  })
  .meta({
    description: 'A minimum-volume commitment: the volume billed is at least this per simulated day.',
  });

const contractSchema = z
  .strictObject({
    basis: z.enum(CONTRACT_BASES).meta({
      description:
        'What is billed: productive-hour (agents logged in while open), paid-hour (productive ÷ (1 − shrinkage)), ' +
        `handled-minute (handle time plus wrap-up), contact (handled contacts), fte-month (${FTE_MONTH_HOURS} paid hours).`,
    }),
    rate: num({ min: 0, max: LIMITS.maxRate }).meta({ description: 'Currency per unit of the basis.' }),
    minimum: minimumSchema.optional(),
    slaCredits: slaCreditsSchema.optional(),
  })
  .superRefine((c, ctx) => {
    // A minimum is a volume of the basis' own unit: contacts for "contact", minutes of time otherwise.
    if (!isObj(c.minimum)) return;
    if (c.basis === 'contact' && c.minimum.minutesPerDay !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['minimum', 'minutesPerDay'],
        message: 'does not apply to basis "contact" (use "contactsPerDay")',
      });
    if (c.basis !== 'contact' && c.minimum.contactsPerDay !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['minimum', 'contactsPerDay'],
        message: `does not apply to basis "${c.basis}", which bills time (use "minutesPerDay")`,
      });
  })
  .meta({
    description:
      "What an outsourcer bills (SPEC v3 §3), replacing the site's hourlyRate and overheadRate labour; " +
      'telecom and per-contact fees still apply.',
  });

const payPremiumSchema = z
  .strictObject({
    from: timeOfDay,
    to: timeOfDay.meta({
      description: 'Local end "HH:MM"; earlier than from = the window crosses midnight.',
    }),
    factor: num({ gt: 0, max: LIMITS.maxPremiumFactor }).meta({
      description: 'Multiplies the hourly rate of hours worked in the window (1.25 = 25 % more).',
    }),
  })
  .refine((p) => p.from !== p.to, { path: ['to'], error: 'must differ from "from"' })
  .meta({ description: 'An evening or night pay differential in local time.' });

const siteSchema = z
  .strictObject({
    id: nonEmptyText.meta({ description: 'Identifier, unique among sites; used by routing and escalation.' }),
    name: nonEmptyText.meta({ description: 'Label.' }),
    location: z.enum(LOCATIONS).meta({ description: 'onshore, nearshore or offshore.' }),
    utcOffsetHours: utcOffset
      .meta({ description: "The site's time zone, hours from UTC.", default: DEFAULTS.site.utcOffsetHours })
      .optional(),
    timeZone: timeZoneName
      .meta({
        description:
          'IANA time zone (v3), e.g. "Asia/Manila": with horizon.startDate, the site\'s offset on each ' +
          'simulated date, daylight saving included; in an undated file (without utcOffsetHours) its ' +
          'standard offset.',
      })
      .optional(),
    hours: hoursSchema.optional(),
    groups: z
      .array(groupSchema)
      .min(1, { error: 'must list at least one group' })
      .max(LIMITS.maxGroupsPerSite, { error: `must list at most ${LIMITS.maxGroupsPerSite} groups` })
      .meta({ description: 'Agent groups.' }),
    shrinkage: num({ min: 0, max: 0.6, range: 'must be a share from 0 to 0.6' })
      .meta({
        description:
          'Share of paid time not available (breaks, training, absence); paid = productive ÷ (1 − shrinkage).',
        default: DEFAULTS.site.shrinkage,
      })
      .optional(),
    cost: costSchema,
    handleTimeFactor: num({ gt: 0, max: 10, range: 'must be > 0 and ≤ 10' })
      .meta({ description: 'Multiplies handle time at this site.', default: DEFAULTS.site.handleTimeFactor })
      .optional(),
    firstContactResolution: num({
      min: LIMITS.minFirstContactResolution,
      max: 1,
      range: `must be from ${LIMITS.minFirstContactResolution} to 1 (near 0 almost no contact would be resolved and repeats would never end)`,
    })
      .meta({
        description:
          'Probability a handled contact is resolved; unresolved ones come back after repeatDelay.',
        default: DEFAULTS.site.firstContactResolution,
      })
      .optional(),
    escalation: z
      .strictObject({
        rate: num({ min: 0, lt: 1, range: 'must be ≥ 0 and < 1' }).meta({
          description: 'Share of handled contacts passed to the other site.',
        }),
        to: nonEmptyText.meta({ description: 'Id of the site that takes escalations (not this one).' }),
      })
      .meta({ description: 'Share of handled contacts passed to another site (same customer issue).' })
      .optional(),
    connectDelaySeconds: delaySeconds
      .meta({
        description: 'Added wait before an agent here is reached, seconds (0–86,400).',
        default: DEFAULTS.site.connectDelaySeconds,
      })
      .optional(),
    handoffDelaySeconds: delaySeconds
      .meta({
        description: 'Delay before a deferred contact routed here enters the queue, seconds (0–86,400).',
        default: DEFAULTS.site.handoffDelaySeconds,
      })
      .optional(),
    position: positionSchema.optional(),
    contract: contractSchema.optional(),
    payPremiums: z
      .array(payPremiumSchema)
      .max(24, { error: 'must list at most 24 windows' })
      .meta({
        description: 'In-house pay differentials by local time (SPEC v3 §3); windows must not overlap.',
      })
      .optional(),
  })
  .meta({ description: 'One location where agents work: an in-house center or an outsourcer.' });

// ---------------------------------------------------------------------------------------------------------
// routing (SPEC §4) and the whole file

const routingSpecSchema = z
  .strictObject({
    split: z
      .record(nonEmptyText, num({ min: 0, max: LIMITS.maxWeight }))
      .refine((s) => Object.values(s).some((w) => w > 0), {
        error: 'must give a weight > 0 to at least one site',
      })
      .meta({ description: 'Weights by site id (the location mix); normalised.' }),
    overflowAfterSeconds: seconds
      .meta({ description: 'After this wait any other site with the skill may answer; absent = never.' })
      .optional(),
  })
  .meta({ description: 'How contacts of this channel are split among sites.' });

const routingSchema = z
  .strictObject({
    voice: routingSpecSchema.optional(),
    chat: routingSpecSchema.optional(),
    email: routingSpecSchema.optional(),
    social: routingSpecSchema.optional(),
  })
  .meta({ description: 'Per channel; absent = equal split over the sites that have the skill.' });

const horizonSchema = z
  .strictObject({
    days: num({ int: true, min: 1, max: LIMITS.maxDays })
      .meta({ description: 'Days simulated.', default: DEFAULTS.horizon.days })
      .optional(),
    intervalMinutes: z
      .literal(INTERVAL_MINUTES)
      .meta({ description: 'Reporting interval, minutes.', default: DEFAULTS.horizon.intervalMinutes })
      .optional(),
    warmUpDays: num({ int: true, min: 0, max: LIMITS.maxWarmUpDays })
      .meta({
        description:
          'Days simulated before day 1 and then discarded, so day 1 starts with the queues, backlog and ' +
          'pending repeats of a center in steady operation. 0 = start empty. Absent = the steady-state ' +
          'default chosen from the repeat delay and first-contact resolution (see the README).',
      })
      .optional(),
    startDate: z
      .string()
      .refine(isIsoDate, { error: 'must be a date "YYYY-MM-DD", such as "2027-03-08"' })
      .meta({
        description:
          "The date of day 1 (v3). With it, clientTimeZone and the sites' timeZone give each offset on " +
          'every simulated date (daylight saving), and intervals are labelled with their date. Absent = ' +
          'undated: fixed offsets, day 1 a Monday.',
      })
      .optional(),
  })
  .meta({ description: 'How long a run lasts and how it is reported.', default: DEFAULTS.horizon });

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().meta({ description: 'Path or URL of this JSON Schema, for editors.' }).optional(),
    name: nonEmptyText.meta({ description: 'Scenario name (by convention the file name without .json).' }),
    description: z.string().meta({ description: 'What the scenario shows.' }).optional(),
    currency: z
      .string()
      .refine(isCurrencyCode, { error: 'must be an ISO 4217 currency code such as "USD", "EUR" or "PHP"' })
      .meta({ description: 'ISO 4217 code labelling every cost (SPEC v3).', default: DEFAULTS.currency })
      .optional(),
    clientUtcOffsetHours: utcOffset
      .meta({
        description: "The client's time zone, hours from UTC; the clock and profiles use it.",
        default: DEFAULTS.clientUtcOffsetHours,
      })
      .optional(),
    clientTimeZone: timeZoneName
      .meta({
        description:
          'The client\'s IANA time zone (v3), e.g. "America/New_York": with horizon.startDate, the ' +
          "client's offset on each date, so profiles and interval labels follow its local time (days of " +
          '23 and 25 hours when clocks change).',
      })
      .optional(),
    clientPosition: positionSchema
      .meta({
        description: 'Where the client is, for the map view (SPEC v2 §3); absent = placed by time zone.',
      })
      .optional(),
    horizon: horizonSchema.optional(),
    channels: channelsSchema,
    sites: z
      .array(siteSchema)
      .min(1, { error: 'must list at least one site' })
      .max(LIMITS.maxSites, { error: `must list at most ${LIMITS.maxSites} sites` })
      .meta({ description: 'Sites whose agents answer the contacts.' }),
    routing: routingSchema.optional(),
  })
  .superRefine(crossCheck, { when: () => true })
  .meta({
    title: 'Shoreline scenario',
    description: 'A Shoreline contact-center scenario (SPEC §0–5, format version 1).',
  });

// Compile-time guard: the schema's output is exactly the engine's Scenario type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameAsScenario: Same<z.output<typeof scenarioSchema>, Scenario> = true;
void _sameAsScenario;

// ---------------------------------------------------------------------------------------------------------
// cross-field rules

function isTime(v: unknown): v is string {
  return typeof v === 'string' && TIME_PATTERN.test(v);
}
function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
/** Minutes of the day [start, end) covers; end ≤ start crosses midnight. */
function windowMinutes(w: { start: number; end: number }): [number, number][] {
  return w.start < w.end
    ? [[w.start, w.end]]
    : [
        [w.start, 1440],
        [0, w.end],
      ];
}
function windowsOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return windowMinutes(a).some(([a0, a1]) => windowMinutes(b).some(([b0, b1]) => a0 < b1 && b0 < a1));
}

/** Three capital letters that the runtime's Intl knows as a currency (where it can list them). */
function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const list = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return list === undefined || list('currency').includes(code);
}

type Obj = Record<string, unknown>;
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isKind(v: unknown): v is ChannelKind {
  return typeof v === 'string' && (CHANNEL_KINDS as readonly string[]).includes(v);
}
/** An agent count the per-group rule accepts (so a wrong count is reported once, not again in the total). */
function isWhole(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.maxAgentsPerGroup;
}

type AddIssue = (path: (string | number)[], message: string) => void;

/** What every cross-field rule reads: the file's channels and sites as far as they are well-formed. */
interface CrossContext {
  add: AddIssue;
  channels: Obj | undefined;
  sites: unknown[];
  channelPresent: (k: ChannelKind) => boolean;
}

/** Site ids and the skills found while checking the sites, for the rules that refer to them. */
interface SiteFacts {
  /** site id → index of the first site with it */
  siteIndex: Map<string, number>;
  /** site id → the channels its groups have a skill for */
  siteSkills: Map<string, Set<ChannelKind>>;
  /** the channels any group has a skill for */
  skilled: Set<ChannelKind>;
}

/**
 * Rules that span fields. Runs even when other parts of the file are wrong (`when: () => true`), so
 * it reads its input as unknown and checks only what is well-formed enough to check. The checks run in
 * the file's order (sites, channels, routing), so issues are reported in that order.
 */
function crossCheck(value: unknown, ctx: z.RefinementCtx): void {
  if (!isObj(value)) return;
  const add: AddIssue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const channels = isObj(value.channels) ? value.channels : undefined;
  const cx: CrossContext = {
    add,
    channels,
    sites: Array.isArray(value.sites) ? value.sites : [],
    channelPresent: (k) => channels !== undefined && isObj(channels[k]),
  };
  const facts = checkSites(cx);
  checkEscalations(cx, facts);
  checkContractsAndPremiums(cx, facts);
  checkChannels(cx, facts, isObj(value.horizon) ? value.horizon : {});
  checkShiftDays(cx, isObj(value.horizon) ? value.horizon : {});
  if (isObj(value.routing)) checkRouting(cx, facts, value.routing);
}

/** Sites: unique ids, unique group ids, skills that name channels, and the total of agents. */
function checkSites(cx: CrossContext): SiteFacts {
  const { add, channels, channelPresent } = cx;
  const siteIndex = new Map<string, number>();
  const siteSkills = new Map<string, Set<ChannelKind>>();
  const skilled = new Set<ChannelKind>();
  let totalAgents = 0;
  cx.sites.forEach((site, i) => {
    if (!isObj(site)) return;
    const skills = new Set<ChannelKind>();
    if (typeof site.id === 'string' && site.id !== '') {
      const first = siteIndex.get(site.id);
      if (first !== undefined)
        add(['sites', i, 'id'], `duplicate site id "${site.id}" (also used by sites[${first}])`);
      else {
        siteIndex.set(site.id, i);
        siteSkills.set(site.id, skills);
      }
    }
    const groups = Array.isArray(site.groups) ? site.groups : [];
    const groupIndex = new Map<string, number>();
    groups.forEach((group, j) => {
      if (!isObj(group)) return;
      if (typeof group.id === 'string' && group.id !== '') {
        const first = groupIndex.get(group.id);
        if (first !== undefined)
          add(
            ['sites', i, 'groups', j, 'id'],
            `duplicate group id "${group.id}" in this site (also used by groups[${first}])`,
          );
        else groupIndex.set(group.id, j);
      }
      if (Array.isArray(group.skills)) {
        group.skills.forEach((skill, k) => {
          if (!isKind(skill)) return;
          skills.add(skill);
          skilled.add(skill);
          if (channels !== undefined && !channelPresent(skill))
            add(
              ['sites', i, 'groups', j, 'skills', k],
              `names the channel "${skill}", which is not in "channels"`,
            );
        });
      }
      if (isWhole(group.agents)) totalAgents += group.agents;
      else if (Array.isArray(group.shifts)) totalAgents += shiftAgentsPerDay(group.shifts);
    });
  });
  if (totalAgents > LIMITS.maxAgentsTotal)
    add(
      ['sites'],
      `has ${formatNumber(totalAgents)} agents in all, more than the limit of ${formatNumber(LIMITS.maxAgentsTotal)}`,
    );
  return { siteIndex, siteSkills, skilled };
}

/** Escalation targets: another site that exists and answers every channel the escalating site does. */
function checkEscalations(cx: CrossContext, { siteIndex, siteSkills }: SiteFacts): void {
  const { add, channelPresent } = cx;
  cx.sites.forEach((site, i) => {
    if (!isObj(site) || !isObj(site.escalation)) return;
    const to = site.escalation.to;
    if (typeof to !== 'string' || to === '') return;
    if (to === site.id) add(['sites', i, 'escalation', 'to'], 'must name another site, not the site itself');
    else if (!siteIndex.has(to))
      add(['sites', i, 'escalation', 'to'], `no site has the id "${to}"${didYouMean(to, siteIndex.keys())}`);
    else {
      // Any contact the site handles may escalate, so the target needs every channel the site answers.
      const own = new Set<ChannelKind>();
      for (const g of Array.isArray(site.groups) ? site.groups : [])
        if (isObj(g) && Array.isArray(g.skills)) for (const k of g.skills) if (isKind(k)) own.add(k);
      const target = siteSkills.get(to)!;
      const missing = CHANNEL_KINDS.filter((k) => own.has(k) && channelPresent(k) && !target.has(k));
      if (missing.length > 0)
        add(
          ['sites', i, 'escalation', 'to'],
          `site "${to}" has no group with the skill ${quoteList(missing)}, which this site answers ` +
            `(its escalations on ${missing.length === 1 ? 'that channel' : 'those channels'} could never be answered)`,
        );
    }
  });
}

/** (v3) Contracts' SLA credits on a channel the site answers; pay premiums in-house only, not overlapping. */
function checkContractsAndPremiums(cx: CrossContext, { siteSkills }: SiteFacts): void {
  const { add, channels, channelPresent } = cx;
  cx.sites.forEach((site, i) => {
    if (!isObj(site)) return;
    const credits =
      isObj(site.contract) && isObj(site.contract.slaCredits) ? site.contract.slaCredits : undefined;
    if (credits !== undefined && isKind(credits.channel) && typeof site.id === 'string') {
      const kind = credits.channel;
      if (channels !== undefined && !channelPresent(kind))
        add(
          ['sites', i, 'contract', 'slaCredits', 'channel'],
          `names the channel "${kind}", which is not in "channels"`,
        );
      else if (siteSkills.get(site.id)?.has(kind) === false)
        add(
          ['sites', i, 'contract', 'slaCredits', 'channel'],
          `this site has no group with the skill "${kind}", so its service level on it is never measured`,
        );
    }
    if (!Array.isArray(site.payPremiums)) return;
    if (isObj(site.contract))
      add(
        ['sites', i, 'payPremiums'],
        'applies to in-house labour only; a site with a "contract" is billed by its contract',
      );
    const windows: { k: number; start: number; end: number }[] = [];
    site.payPremiums.forEach((p, k) => {
      if (!isObj(p) || !isTime(p.from) || !isTime(p.to) || p.from === p.to) return;
      const w = { k, start: minutesOf(p.from) % 1440, end: minutesOf(p.to) % 1440 };
      const other = windows.find((o) => windowsOverlap(o, w));
      if (other !== undefined)
        add(
          ['sites', i, 'payPremiums', k],
          `overlaps payPremiums[${other.k}] (a time may have one premium only)`,
        );
      windows.push(w);
    });
  });
}

/** A group's agents on its shifts: of its busiest day when shifts carry a `day` (v3), else all of them. */
function shiftAgentsPerDay(shifts: unknown[]): number {
  const everyDay = { n: 0 };
  const byDay = new Map<number, number>();
  for (const shift of shifts) {
    if (!isObj(shift) || !isWhole(shift.agents)) continue;
    if (isWhole(shift.day)) byDay.set(shift.day, (byDay.get(shift.day) ?? 0) + shift.agents);
    else everyDay.n += shift.agents;
  }
  return everyDay.n + Math.max(0, ...byDay.values());
}

/** (v3) A shift's `day` must be a day of the horizon. */
function checkShiftDays(cx: CrossContext, horizon: Obj): void {
  const days = isWhole(horizon.days) ? horizon.days : horizon.days === undefined ? 1 : undefined;
  if (days === undefined) return;
  cx.sites.forEach((site, i) => {
    if (!isObj(site) || !Array.isArray(site.groups)) return;
    site.groups.forEach((group, j) => {
      if (!isObj(group) || !Array.isArray(group.shifts)) return;
      group.shifts.forEach((shift, k) => {
        if (isObj(shift) && isWhole(shift.day) && shift.day > days)
          cx.add(
            ['sites', i, 'groups', j, 'shifts', k, 'day'],
            `is day ${shift.day}, past the horizon's ${days} day${days === 1 ? '' : 's'} (horizon.days)`,
          );
      });
    });
  });
}

/** Channels: someone must answer them; profiles must fit the interval; `daily` needs a start date. */
function checkChannels(cx: CrossContext, { skilled }: SiteFacts, horizon: Obj): void {
  const { add, channels, sites } = cx;
  if (channels === undefined) return;
  // undefined when horizon.intervalMinutes is wrong (reported by its own rule): lengths go unchecked
  const intervalMinutes = (INTERVAL_MINUTES as readonly unknown[]).includes(horizon.intervalMinutes)
    ? (horizon.intervalMinutes as number)
    : horizon.intervalMinutes === undefined
      ? DEFAULTS.horizon.intervalMinutes
      : undefined;
  for (const kind of CHANNEL_KINDS) {
    const channel = channels[kind];
    if (!isObj(channel)) continue;
    if (sites.length > 0 && !skilled.has(kind))
      add(['channels', kind], `no agent group has the skill "${kind}", so nothing could ever answer it`);
    if (intervalMinutes !== undefined && Array.isArray(channel.profile) && channel.profile.length > 0) {
      const expected = 1440 / intervalMinutes;
      if (channel.profile.length !== expected)
        add(
          ['channels', kind, 'profile'],
          `must have ${expected} weights, one per ${intervalMinutes}-minute interval of the day (has ${channel.profile.length})`,
        );
    }
    if (Array.isArray(channel.daily)) {
      if (channel.weekly !== undefined)
        add(['channels', kind, 'weekly'], 'cannot be given with "daily" (each day has its own volume)');
      if (horizon.startDate === undefined)
        add(['channels', kind, 'daily'], 'needs horizon.startDate (the date of its first day)');
      const expected = intervalMinutes === undefined ? undefined : 1440 / intervalMinutes;
      channel.daily.forEach((d, i) => {
        if (expected !== undefined && isObj(d) && Array.isArray(d.profile) && d.profile.length !== expected)
          add(
            ['channels', kind, 'daily', i, 'profile'],
            `must have ${expected} weights, one per ${intervalMinutes}-minute interval of the day (has ${d.profile.length})`,
          );
        const h = isObj(d) ? d.handleTimeProfile : undefined;
        if (expected !== undefined && Array.isArray(h) && h.length > 0 && h.length !== expected)
          add(
            ['channels', kind, 'daily', i, 'handleTimeProfile'],
            `must have ${expected} means, one per ${intervalMinutes}-minute interval of the day (has ${h.length})`,
          );
      });
    }
    const htp = channel.handleTimeProfile;
    if (intervalMinutes !== undefined && Array.isArray(htp) && htp.length > 0) {
      const expected = 1440 / intervalMinutes;
      if (htp.length !== expected)
        add(
          ['channels', kind, 'handleTimeProfile'],
          `must have ${expected} means, one per ${intervalMinutes}-minute interval of the day (has ${htp.length})`,
        );
    }
  }
}

/** Routing: channels that exist, sites that exist and have the skill. */
function checkRouting(cx: CrossContext, { siteIndex, siteSkills }: SiteFacts, routing: Obj): void {
  const { add, channels, channelPresent } = cx;
  for (const kind of CHANNEL_KINDS) {
    const route = routing[kind];
    if (!isObj(route)) continue;
    if (channels !== undefined && !channelPresent(kind))
      add(['routing', kind], `routes the channel "${kind}", which is not in "channels"`);
    if (!isObj(route.split)) continue;
    for (const [siteId, weight] of Object.entries(route.split)) {
      if (siteId === '') continue;
      const skills = siteSkills.get(siteId);
      if (skills === undefined)
        add(
          ['routing', kind, 'split', siteId],
          `no site has the id "${siteId}"${didYouMean(siteId, siteIndex.keys())}`,
        );
      else if (typeof weight === 'number' && weight > 0 && !skills.has(kind))
        add(['routing', kind, 'split', siteId], `site "${siteId}" has no group with the skill "${kind}"`);
    }
  }
}
