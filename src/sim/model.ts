/**
 * Compiles a scenario into the indexed, defaults-applied form the engine runs on: channels, sites and
 * groups become small integers, distributions become CompiledDist records, the intraday profile
 * becomes a rate per interval, and opening hours and shifts become daily change points.
 *
 * Nothing here runs per event; it is done once per simulation.
 */
import { compileDistribution, type CompiledDist } from './distribution';
import { DAY, inWindow, openingWindow, shiftWindow, type Window } from './clock';
import {
  compileCalendar,
  horizonEnd,
  siteSteps,
  standardOffsetHours,
  stepAt,
  type Calendar,
  type Steps,
} from './calendar';
import {
  CHANNEL_KINDS,
  DEFAULTS,
  type ContractSpec,
  isLiveChannel,
  type ChannelKind,
  type ClassSpec,
  type GroupSpec,
  type Location,
  type Scenario,
  type ServiceTarget,
  type Shift,
  type SiteSpec,
} from './scenario';
import { compileReturns, type ReturnRules } from './returns';
import { defaultWarmUpDays } from './steady-state';
import { servesChannel } from './serving';

/**
 * Capacity units of one agent. A contact of a channel with concurrency N takes UNITS / N of them, so
 * chat with concurrency 3 lets an agent hold three chats, and a voice call needs a whole agent. 2520
 * is divisible by every concurrency from 1 to 10, so the arithmetic is exact in integers.
 */
export const UNITS = 2520;

export interface ChannelModel {
  kind: ChannelKind;
  live: boolean;
  /** arrivals per second in each interval of the day */
  rate: Float64Array;
  volumePerDay: number;
  /**
   * (v3) a dated forecast's days: arrivals per second per interval of each day (day d at d ·
   * intervalsPerDay); null without `daily`
   */
  daily: Float64Array | null;
  /** (v3) `weekly` normalised to mean 1, Monday first; null for a flat week */
  weekly: Float64Array | null;
  /** (v3) the day's volume multiplier: gamma with mean 1 and cv volumeCv; null when volumeCv is 0 */
  dayVolume: CompiledDist | null;
  handle: CompiledDist;
  /**
   * (v3) handleTimeProfile as a multiplier of `handle` per interval of the day (the interval's mean ÷
   * handle's mean); null without one
   */
  handleByInterval: Float64Array | null;
  /**
   * (v3) a dated forecast's handle times by day (`daily[].handleTimeProfile`): multipliers of `handle`
   * per interval of each day (day d at d · intervalsPerDay), replacing handleByInterval; null without
   */
  dailyHandle: Float64Array | null;
  wrap: CompiledDist;
  patience: CompiledDist | null;
  concurrency: number;
  units: number;
  target: ServiceTarget;
  repeatDelay: CompiledDist;
  priority: number;
  /** routing weights per site (0 = not a primary destination) */
  split: Float64Array;
  overflowAfter: number;
  /** (v3) repeats' clock, after hours, redial and call back (returns.ts) */
  returns: ReturnRules;
  /** (v3) customer classes within the channel; null without `classes` */
  classes: ClassModel | null;
}

/** (v3) A channel's customer classes, in the file's order. */
export interface ClassModel {
  names: string[];
  /** cumulative shares (the last is 1), for drawing a class by inversion */
  cumShare: Float64Array;
  /** queue rank per class: 0 for the highest priority; equal priorities share a rank */
  rank: Int32Array;
  /** per class: its patience (the channel's when the class gives none) */
  patience: (CompiledDist | null)[];
}

export interface SiteModel {
  id: string;
  name: string;
  location: Location;
  /** site clock − client clock, seconds (on day 1 when the file is dated) */
  offset: number;
  /** (v3) dated files: the offset as steps over the clock (daylight saving); null = fixed `offset` */
  offsetSteps: Steps | null;
  utcOffsetHours: number;
  hours: Window | null;
  shrinkage: number;
  /**
   * Labour per paid agent hour. 0 for a contract site (SPEC v3 §3): its contract's invoice replaces
   * labour, so the engine's per-interval labour leaves it out (see contract-cost.ts).
   */
  hourlyRate: number;
  overheadRate: number;
  /** (v3) an outsourcer's billing terms, or null for hourly labour */
  contract: ContractSpec | null;
  /** (v3) pay premiums by local time: windows never overlap (the schema checks) */
  premiums: { window: Window; factor: number }[];
  telecomPerMinute: number;
  perContactFee: number;
  handleTimeFactor: number;
  fcr: number;
  escalationRate: number;
  escalationTo: number;
  /** channels (bit mask) that escalate: those the target site has a skill for */
  escalationMask: number;
  connectDelay: number;
  handoffDelay: number;
  groups: number[];
}

export interface GroupModel {
  id: string;
  site: number;
  /** channel indexes, highest priority first */
  skills: number[];
  skillMask: number;
  /** flat count while open, or null when the group works shifts */
  flat: number | null;
  shifts: ShiftModel[];
  /** largest number of agents on shift at once (the slider's reference for shift groups) */
  peak: number;
  /** client seconds-of-day at which this group's staffing may change, sorted, unique */
  changePoints: number[];
}

/**
 * One shift of a group. A shift with a `day` (v3) starts on one local day only (localDayAt: 0 = day 1's
 * date on the site's clock): the local day its start falls in when read on client day d. Day 1's
 * shifts also start on every local day before it (the warm-up works day 1), the horizon's last day's on
 * every day after. The engine reads them only when a group's staffing changes (groupTarget).
 */
export interface ShiftModel {
  window: Window;
  agents: number;
  /** first and last local day on which it starts: −∞ and +∞ for a shift of every day */
  firstDay: number;
  lastDay: number;
}

export interface Model {
  name: string;
  days: number;
  intervalSeconds: number;
  intervalsPerDay: number;
  nIntervals: number;
  horizon: number;
  /** (v2) days run before day 1 and discarded (SPEC §1); the clock starts at −warmUpDays · DAY */
  warmUpDays: number;
  /** (v3) day 1's weekday, 0 = Monday … 6 = Sunday (an undated file's day 1 is a Monday) */
  firstWeekday: number;
  /** (v3) a dated file's calendar (calendar.ts); null = undated */
  calendar: Calendar | null;
  /**
   * (v3) client local − clock in whole intervals, per clock interval k at index k + CALENDAR_BEFORE_DAYS ·
   * intervalsPerDay (the last entry holds beyond the end); null when the client's offset never moves
   */
  clientShift: Int16Array | null;
  channels: ChannelModel[];
  /** channel index by kind, −1 if absent */
  channelIndex: Record<ChannelKind, number>;
  sites: SiteModel[];
  groups: GroupModel[];
  /** per site × channel: groups with the skill, specialists (fewest skills) first */
  groupsFor: number[][];
}

export interface CompileOptions {
  /** overrides horizon.days (the CLI's --days) */
  days?: number;
  /** overrides horizon.warmUpDays (the CLI's --warm-up) */
  warmUpDays?: number;
}

/** (v3) Days of calendar compiled before day 1 (the longest warm-up and one more) and after the horizon. */
export const CALENDAR_BEFORE_DAYS = 61;
const CALENDAR_AFTER_DAYS = 40;

export function compileModel(s: Scenario, options: CompileOptions = {}): Model {
  const days = options.days ?? s.horizon?.days ?? DEFAULTS.horizon.days;
  const intervalMinutes = s.horizon?.intervalMinutes ?? DEFAULTS.horizon.intervalMinutes;
  const intervalSeconds = intervalMinutes * 60;
  const intervalsPerDay = DAY / intervalSeconds;
  const calFrom = -CALENDAR_BEFORE_DAYS * DAY;
  const calTo = (days + CALENDAR_AFTER_DAYS) * DAY;
  const calendar = compileCalendar(
    { ...s, startDate: s.horizon?.startDate, clientUtcOffsetHours: clientOffsetHours(s) },
    calFrom,
    calTo,
  );
  // the client's offset at clock 0: in a dated file, its zone's on day 1
  const clientOffset = calendar ? calendar.clientOffset : clientOffsetHours(s) * 3600;

  const siteIndex = new Map(s.sites.map((site, i) => [site.id, i]));
  const kinds = CHANNEL_KINDS.filter((k) => s.channels[k] !== undefined);
  const channelIndex = Object.fromEntries(CHANNEL_KINDS.map((k) => [k, kinds.indexOf(k)])) as Record<
    ChannelKind,
    number
  >;

  const channels = kinds.map((kind) => compileChannel(s, kind, siteIndex, intervalsPerDay, intervalSeconds));
  const groups: GroupModel[] = [];
  const siteContext: SiteContext = {
    days,
    calendar,
    calFrom,
    calTo,
    clientOffset,
    siteIndex,
    channelIndex,
    channels,
  };
  const sites = s.sites.map((site, si) => compileSite(site, si, siteContext, groups));
  linkEscalations(sites, groups);
  const groupsFor = groupsBySiteAndChannel(sites, groups, channels.length);

  const warmUpDays =
    options.warmUpDays ?? s.horizon?.warmUpDays ?? defaultWarmUpDays(channels, sites, groups);

  // (v3) a dated client's 23- and 25-hour days: the horizon ends at the client's midnight
  const nIntervals = calendar
    ? Math.round(horizonEnd(calendar, days) / intervalSeconds)
    : days * intervalsPerDay;
  return {
    name: s.name,
    days,
    intervalSeconds,
    intervalsPerDay,
    nIntervals,
    horizon: nIntervals * intervalSeconds,
    warmUpDays,
    firstWeekday: calendar?.firstWeekday ?? 0,
    calendar,
    clientShift: calendar ? clientShiftByInterval(calendar, intervalSeconds, calFrom, calTo) : null,
    channels,
    channelIndex,
    sites,
    groups,
    groupsFor,
  };
}

/** One channel with its defaults applied: rates per interval, compiled distributions, routing weights. */
function compileChannel(
  s: Scenario,
  kind: ChannelKind,
  siteIndex: Map<string, number>,
  intervalsPerDay: number,
  intervalSeconds: number,
): ChannelModel {
  const c = s.channels[kind]!;
  const concurrency = c.concurrency ?? DEFAULTS.concurrency;
  const patience = c.patience === undefined ? DEFAULTS.patience[kind] : c.patience;
  const routing = s.routing?.[kind];
  const split = new Float64Array(s.sites.length);
  if (routing) {
    for (const [id, w] of Object.entries(routing.split)) {
      const i = siteIndex.get(id);
      if (i !== undefined) split[i] = w;
    }
    normaliseWeights(split);
  } else {
    // No routing given: share equally among the sites that can answer this channel.
    s.sites.forEach((site, i) => {
      if (servesChannel(site, kind)) split[i] = 1;
    });
  }
  const rate = profileRates(c.volumePerDay, c.profile, intervalsPerDay, intervalSeconds);
  const handle = compileDistribution(c.handleTime);
  const dailyHandle = dailyHandleMultipliers(c, handle.mean, intervalsPerDay);
  return {
    kind,
    live: isLiveChannel(kind),
    rate,
    volumePerDay: c.volumePerDay,
    weekly: c.daily ? null : weeklyWeights(c.weekly),
    daily: c.daily ? dailyRates(c.daily, c.profile, intervalsPerDay, intervalSeconds) : null,
    dayVolume: c.volumeCv ? compileDistribution({ dist: 'gamma', mean: 1, cv: c.volumeCv }) : null,
    handle,
    handleByInterval: dailyHandle
      ? null
      : handleMultipliers(c.handleTimeProfile, handle.mean, intervalsPerDay),
    dailyHandle,
    wrap: compileDistribution(c.wrapUp ?? DEFAULTS.wrapUp),
    patience: patience ? compileDistribution(patience) : null,
    concurrency,
    units: UNITS / concurrency,
    target: c.target ?? DEFAULTS.target[kind],
    repeatDelay: compileDistribution(c.repeatDelay ?? DEFAULTS.repeatDelay),
    priority: c.priority ?? DEFAULTS.priority[kind],
    split,
    overflowAfter: routing?.overflowAfterSeconds ?? Infinity,
    returns: compileReturns(c, isLiveChannel(kind), rate, intervalSeconds),
    classes: c.classes ? compileClasses(c.classes, patience ? compileDistribution(patience) : null) : null,
  };
}

/** What compiling a site needs from the whole scenario: its calendar, clocks and indexes. */
interface SiteContext {
  /** the horizon's days (a shift's `day` past them never starts) */
  days: number;
  calendar: Calendar | null;
  calFrom: number;
  calTo: number;
  clientOffset: number;
  siteIndex: Map<string, number>;
  channelIndex: Record<ChannelKind, number>;
  channels: ChannelModel[];
}

/**
 * One site with its defaults applied. Its groups are appended to `groups` (the model's one list, so a
 * group's index is global) and the site keeps their indexes. escalationMask is filled in later, once
 * every site's groups are known (linkEscalations).
 */
function compileSite(site: SiteSpec, si: number, ctx: SiteContext, groups: GroupModel[]): SiteModel {
  const { calendar, calFrom, calTo, clientOffset, siteIndex } = ctx;
  const steps = calendar && site.timeZone ? siteSteps(calendar, site, calFrom, calTo) : null;
  const offset = steps ? stepAt(steps, 0) : siteOffsetHours(site) * 3600 - clientOffset;
  const hours = openingWindow(site.hours ?? DEFAULTS.site.hours);
  const groupIds: number[] = [];
  for (const g of site.groups) {
    groupIds.push(groups.length);
    groups.push(compileGroup(g, si, ctx, hours, steps, offset));
  }
  const esc = site.escalation;
  return {
    id: site.id,
    name: site.name,
    location: site.location,
    offset,
    offsetSteps: steps,
    utcOffsetHours: (offset + clientOffset) / 3600,
    hours,
    shrinkage: site.shrinkage ?? DEFAULTS.site.shrinkage,
    hourlyRate: site.contract ? 0 : site.cost.hourlyRate,
    overheadRate: site.contract ? 0 : (site.cost.overheadRate ?? DEFAULTS.cost.overheadRate),
    contract: site.contract ?? null,
    premiums: site.contract
      ? []
      : (site.payPremiums ?? []).map((p) => ({
          window: shiftWindow({ start: p.from, end: p.to, agents: 0 }),
          factor: p.factor,
        })),
    telecomPerMinute: site.cost.telecomPerMinute ?? DEFAULTS.cost.telecomPerMinute,
    perContactFee: site.cost.perContactFee ?? DEFAULTS.cost.perContactFee,
    handleTimeFactor: site.handleTimeFactor ?? DEFAULTS.site.handleTimeFactor,
    fcr: site.firstContactResolution ?? DEFAULTS.site.firstContactResolution,
    escalationRate: esc && esc.rate > 0 ? esc.rate : 0,
    escalationTo: esc ? (siteIndex.get(esc.to) ?? -1) : -1,
    escalationMask: 0,
    connectDelay: site.connectDelaySeconds ?? DEFAULTS.site.connectDelaySeconds,
    handoffDelay: site.handoffDelaySeconds ?? DEFAULTS.site.handoffDelaySeconds,
    groups: groupIds,
  };
}

/** One agent group: its skills by priority, its shifts, and the client times its staffing may change. */
function compileGroup(
  g: GroupSpec,
  si: number,
  ctx: SiteContext,
  hours: Window | null,
  steps: Steps | null,
  offset: number,
): GroupModel {
  const { channelIndex, channels } = ctx;
  const skills = g.skills
    .map((k) => channelIndex[k])
    .filter((ci) => ci >= 0)
    .sort((a, b) => channels[b].priority - channels[a].priority || a - b);
  const shifts = (g.shifts ?? []).map((sh) => compileShift(sh, ctx, steps, offset));
  const flat = g.shifts ? null : (g.agents ?? 0);
  const group: GroupModel = {
    id: g.id,
    site: si,
    skills,
    skillMask: skills.reduce((m, ci) => m | (1 << ci), 0),
    flat,
    shifts,
    peak: 0,
    changePoints: [],
  };
  // (v3) a site that changes its clocks changes staffing at the change points of each offset
  const offsets = steps ? [...new Set(steps.value)] : [offset];
  group.changePoints = [...new Set(offsets.flatMap((o) => changePoints(hours, shifts, o)))].sort(
    (a, b) => a - b,
  );
  group.peak = flat ?? shiftPeak(group, offset);
  return group;
}

/**
 * (v3) A shift's local days: a day-d shift starts on the site's local day that its local start falls in
 * when read on client day d (the site's offset at that day's start); the first and last days of the
 * horizon extend before and after it.
 */
function compileShift(sh: Shift, ctx: SiteContext, steps: Steps | null, offset: number): ShiftModel {
  const window = shiftWindow(sh);
  if (sh.day === undefined) return { window, agents: sh.agents, firstDay: -Infinity, lastDay: Infinity };
  const d = sh.day - 1;
  const off = steps ? stepAt(steps, d * DAY) : offset;
  const clientStart = localOf(window.start - off, 0);
  const local = d + Math.floor((clientStart + off) / DAY);
  if (sh.day > ctx.days) return { window, agents: sh.agents, firstDay: Infinity, lastDay: Infinity };
  return {
    window,
    agents: sh.agents,
    firstDay: sh.day === 1 ? -Infinity : local,
    lastDay: sh.day === ctx.days ? Infinity : local,
  };
}

/** The most agents a group has on shift at once, on any day. */
function shiftPeak(group: GroupModel, offset: number): number {
  const days = new Set<number>([0]);
  for (const sh of group.shifts)
    for (const d of [sh.firstDay, sh.lastDay]) if (Number.isFinite(d)) days.add(d).add(d + 1);
  let peak = 0;
  for (const day of days)
    for (const t of group.changePoints) peak = Math.max(peak, shiftAgentsAt(group, localOf(t, offset), day));
  return peak;
}

/**
 * Validation requires the target to answer every channel the site does (sites[i].escalation.to); for a
 * hand-built scenario that skips it, a site escalates only the channels its target can answer, since
 * a social post escalated to a tier with no social agents would otherwise wait forever.
 */
function linkEscalations(sites: SiteModel[], groups: GroupModel[]): void {
  for (const site of sites) {
    if (site.escalationTo < 0) continue;
    for (const g of sites[site.escalationTo].groups) site.escalationMask |= groups[g].skillMask;
  }
}

/** Per site × channel (site-major): the groups with the skill, specialists (fewest skills) first. */
function groupsBySiteAndChannel(sites: SiteModel[], groups: GroupModel[], nChannels: number): number[][] {
  const groupsFor: number[][] = [];
  for (let si = 0; si < sites.length; si++) {
    for (let ci = 0; ci < nChannels; ci++) {
      groupsFor.push(
        sites[si].groups
          .filter((g) => groups[g].skillMask & (1 << ci))
          .sort((a, b) => groups[a].skills.length - groups[b].skills.length || a - b),
      );
    }
  }
  return groupsFor;
}

/** Expected arrivals per second in each interval: volume × normalised weight ÷ interval length. */
function profileRates(
  volumePerDay: number,
  profile: number[] | undefined,
  intervalsPerDay: number,
  intervalSeconds: number,
): Float64Array {
  const rate = new Float64Array(intervalsPerDay);
  if (!profile || profile.length !== intervalsPerDay) {
    rate.fill(volumePerDay / DAY);
    return rate;
  }
  // Weights are relative: scale by the largest first so that huge weights cannot overflow the sum.
  const max = Math.max(...profile);
  const sum = profile.reduce((a, b) => a + b / max, 0);
  for (let i = 0; i < intervalsPerDay; i++) {
    rate[i] = max > 0 ? (volumePerDay * (profile[i] / max)) / sum / intervalSeconds : 0;
  }
  return rate;
}

/** (v3) Client local − clock in whole intervals for each clock interval of [from, to); null if always 0. */
function clientShiftByInterval(
  cal: Calendar,
  intervalSeconds: number,
  from: number,
  to: number,
): Int16Array | null {
  if (cal.clientShift.value.every((v) => v === 0)) return null;
  const n = (to - from) / intervalSeconds;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++)
    out[i] = Math.round(stepAt(cal.clientShift, from + i * intervalSeconds) / intervalSeconds);
  return out;
}

/** (v3) The client's fixed offset: clientUtcOffsetHours, or its zone's standard offset, or 0. */
export function clientOffsetHours(s: Pick<Scenario, 'clientUtcOffsetHours' | 'clientTimeZone'>): number {
  if (s.clientUtcOffsetHours !== undefined) return s.clientUtcOffsetHours;
  return s.clientTimeZone ? standardOffsetHours(s.clientTimeZone) : DEFAULTS.clientUtcOffsetHours;
}

/** (v3) A site's fixed offset: utcOffsetHours, or its zone's standard offset, or 0. */
export function siteOffsetHours(site: { utcOffsetHours?: number; timeZone?: string }): number {
  if (site.utcOffsetHours !== undefined) return site.utcOffsetHours;
  return site.timeZone ? standardOffsetHours(site.timeZone) : DEFAULTS.site.utcOffsetHours;
}

/** (v3) Site local − client clock at clock time t, seconds: its steps in a dated file, else fixed. */
export function siteOffsetAt(site: Pick<SiteModel, 'offset' | 'offsetSteps'>, t: number): number {
  return site.offsetSteps === null ? site.offset : stepAt(site.offsetSteps, t);
}

/** (v3) A dated forecast's rates, day after day: each day's volume on its profile (or the channel's). */
function dailyRates(
  days: readonly { volume: number; profile?: number[] }[],
  profile: number[] | undefined,
  intervalsPerDay: number,
  intervalSeconds: number,
): Float64Array {
  const out = new Float64Array(days.length * intervalsPerDay);
  days.forEach((d, i) =>
    out.set(
      profileRates(d.volume, d.profile ?? profile, intervalsPerDay, intervalSeconds),
      i * intervalsPerDay,
    ),
  );
  return out;
}

/** (v3) Seven weekday weights scaled to mean 1 (SPEC §2: they shape the week, not its volume). */
function weeklyWeights(weekly: readonly number[] | undefined): Float64Array | null {
  if (weekly === undefined || weekly.length !== 7) return null;
  const sum = weekly.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) return null;
  return Float64Array.from(weekly, (w) => (7 * w) / sum);
}

/** Scales weights so the largest is 1: relative weights keep their meaning and sums stay finite. */
export function normaliseWeights(w: Float64Array): void {
  let max = 0;
  for (const x of w) if (x > max) max = x;
  if (max > 0 && Number.isFinite(max)) for (let i = 0; i < w.length; i++) w[i] /= max;
}

function localOf(clientSecondOfDay: number, offset: number): number {
  const x = (clientSecondOfDay + offset) % DAY;
  return x < 0 ? x + DAY : x;
}

/**
 * Agents on shift at local second-of-day `local` of local day `localDay` (v3: only shifts with a `day`
 * read it; see ShiftModel).
 */
export function shiftAgentsAt(g: Pick<GroupModel, 'shifts'>, local: number, localDay = 0): number {
  let n = 0;
  for (const sh of g.shifts) if (onShift(sh, local, localDay)) n += sh.agents;
  return n;
}

/** Whether a shift has its agents in at that local time: started today, or crossed midnight from yesterday. */
function onShift(sh: ShiftModel, local: number, localDay: number): boolean {
  const w = sh.window;
  if (w.start === w.end) return false;
  const today = localDay >= sh.firstDay && localDay <= sh.lastDay;
  if (w.start < w.end) return today && local >= w.start && local < w.end;
  return (
    (today && local >= w.start) ||
    (local < w.end && localDay - 1 >= sh.firstDay && localDay - 1 <= sh.lastDay)
  );
}

/**
 * (v3) The site's local day at clock time t: local time = t + its offset, and local day L runs from
 * L · DAY to (L + 1) · DAY of it (0 = day 1's date; a site behind the client is on −1 at day 1's 00:00).
 */
export function localDayAt(site: Pick<SiteModel, 'offset' | 'offsetSteps'>, t: number): number {
  return Math.floor((t + siteOffsetAt(site, t)) / DAY);
}

export function siteOpenAt(site: Pick<SiteModel, 'hours'>, local: number): boolean {
  return site.hours === null || inWindow(site.hours, local);
}

/** Agents a group has logged in at local time `local`, before any live override. */
export function scheduledAgents(g: GroupModel, site: SiteModel, local: number, localDay = 0): number {
  if (!siteOpenAt(site, local)) return 0;
  return g.flat ?? shiftAgentsAt(g, local, localDay);
}

/** Client seconds-of-day where opening hours or shifts begin or end, plus midnight. */
function changePoints(hours: Window | null, shifts: { window: Window }[], offset: number): number[] {
  const local: number[] = [];
  if (hours) local.push(hours.start, hours.end);
  for (const sh of shifts) local.push(sh.window.start, sh.window.end);
  const pts = new Set<number>([0]);
  for (const l of local) pts.add(localOf(l - offset, 0) % DAY);
  return [...pts].sort((a, b) => a - b);
}

/**
 * (v3) handleTimeProfile's means as multipliers of the handle-time distribution, per interval of the
 * day: scaling keeps the distribution's shape (its cv) and gives the interval's mean. A handle time
 * with mean 0 stays 0.
 */
function handleMultipliers(
  means: readonly number[] | undefined,
  mean: number,
  intervalsPerDay: number,
): Float64Array | null {
  if (means === undefined) return null;
  const out = new Float64Array(intervalsPerDay);
  for (let k = 0; k < intervalsPerDay; k++) out[k] = mean > 0 ? (means[k] ?? mean) / mean : 0;
  return out;
}

/** (v3) Each `daily` day's handle-time multipliers (its own profile, else the channel's); null if none has one. */
function dailyHandleMultipliers(
  c: Pick<Scenario['channels'][ChannelKind] & object, 'daily' | 'handleTimeProfile'>,
  mean: number,
  intervalsPerDay: number,
): Float64Array | null {
  if (!c.daily || !c.daily.some((d) => d.handleTimeProfile !== undefined)) return null;
  const out = new Float64Array(c.daily.length * intervalsPerDay).fill(mean > 0 ? 1 : 0);
  c.daily.forEach((d, i) => {
    const m = handleMultipliers(d.handleTimeProfile ?? c.handleTimeProfile, mean, intervalsPerDay);
    if (m) out.set(m, i * intervalsPerDay);
  });
  return out;
}

function compileClasses(classes: readonly ClassSpec[], channelPatience: CompiledDist | null): ClassModel {
  const cumShare = new Float64Array(classes.length);
  let sum = 0;
  classes.forEach((k, i) => (cumShare[i] = sum += k.share));
  for (let i = 0; i < cumShare.length; i++) cumShare[i] /= sum;
  cumShare[cumShare.length - 1] = 1;
  const priorities = [...new Set(classes.map((k) => k.priority ?? 0))].sort((a, b) => b - a);
  return {
    names: classes.map((k) => k.name),
    cumShare,
    rank: Int32Array.from(classes, (k) => priorities.indexOf(k.priority ?? 0)),
    patience: classes.map((k) =>
      k.patience === undefined
        ? channelPatience
        : k.patience === null
          ? null
          : compileDistribution(k.patience),
    ),
  };
}
