/**
 * The requirement: agents needed per interval of the day, per site group, to meet each channel's
 * targets in each interval — first from Erlang C/A per interval (here), then corrected by simulation
 * (src/plan/correct.ts).
 *
 * The Erlang figure for interval j (on the client's clock), channel c and site s:
 * - open sites: a site takes c in j when it has a group with the skill and its local opening hours
 *   hold the interval's midpoint; the split's weights are shared among those sites (the engine routes
 *   a contact among the sites open for it), so a site's share grows when another is closed;
 * - repeat load: an unresolved contact comes back (SPEC §3), so an issue brings 1 / FCR contacts on
 *   average, with FCR the split-weighted first-contact resolution of the open sites: offered ≈
 *   fresh ÷ FCR (the steady state of a center in operation; repeats arrive a repeat delay later,
 *   which with the default delay of a day follows the same daily profile);
 * - escalations add the escalated share of a site's contacts to the target site's load;
 * - handle time × the site's handle-time factor + mean wrap-up, at the channel's concurrency;
 * - Erlang A when the channel has a patience (its mean as an exponential's), else Erlang C; the
 *   service-level threshold is shortened by the site's connect delay, which the customer waits;
 * - the fewest agents whose service level reaches the target and whose abandon rate stays under the
 *   cap (if one is given).
 * A site's figure for c is divided among its groups with the skill in proportion to their present
 * size (equally if they have none), rounded up; a blended group needs the sum over its channels
 * (ignoring the pooling gain, which the verifying simulation can only show as slack).
 *
 * An interval with contacts for c but no open site with the skill cannot meet c's target: it is
 * named, with that reason, and the contacts wait for the next opening. With FCR below 1, repeats
 * arrive at any hour, so a closed interval is named even when the forecast gives it no contacts.
 */
import { staffingEstimate, erlangA } from '../analytic';
import { formatClock, DAY } from '../sim/clock';
import {
  CHANNEL_KINDS,
  DEFAULTS,
  LIMITS,
  type ChannelKind,
  type ChannelSpec,
  type Scenario,
  type SiteSpec,
} from '../sim/scenario';
import { distributionMean } from '../sim/distribution';
import type { ChannelTarget, Targets } from '../optimise/optimiser';
import { scenarioOnDay } from './day';
import { currentSplit } from '../optimise/params';
import { servesChannel } from '../sim/serving';
import { clientOffsetHours, siteOffsetHours } from '../sim/model';
import { dayFrame, type DayFrame } from './frame';

export interface GroupRef {
  site: number;
  group: number;
  siteId: string;
  groupId: string;
  /** "site/group" */
  label: string;
  skills: ChannelKind[];
}

export interface Impossible {
  /** interval of the day, 0-based */
  interval: number;
  /** "HH:MM", client time */
  start: string;
  channel: ChannelKind;
  reason: string;
}

export interface Requirement {
  intervalMinutes: number;
  /**
   * "HH:MM" per interval of the day, client time; (v3) on a dated day, the engine's label of each of
   * its intervals (ISO start with the client's UTC offset: 46 of them on a 23-hour day, 50 on a 25-hour)
   */
  starts: string[];
  groups: GroupRef[];
  /** agents[g][j]: agents logged in needed in group g during interval j */
  agents: number[][];
  impossible: Impossible[];
  /** (v3) a dated day's intervals as the engine runs them (frame.ts); absent when undated */
  frame?: DayFrame;
}

export type Split = Partial<Record<ChannelKind, Record<string, number>>>;

export function intervalMinutesOf(scenario: Scenario): number {
  return scenario.horizon?.intervalMinutes ?? DEFAULTS.horizon.intervalMinutes;
}

export function groupRefs(scenario: Scenario): GroupRef[] {
  return scenario.sites.flatMap((site, s) =>
    site.groups.map((g, gi) => ({
      site: s,
      group: gi,
      siteId: site.id,
      groupId: g.id,
      label: `${site.id}/${g.id}`,
      skills: [...g.skills],
    })),
  );
}

/** The site's offset from the client's clock, in minutes (local = client + offset). */
export function siteOffsetMinutes(scenario: Scenario, site: SiteSpec): number {
  // (v3) fixed offsets; a zone given alone counts at its standard offset (the plan's day is undated)
  return Math.round((siteOffsetHours(site) - clientOffsetHours(scenario)) * 60);
}

export function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

/** "HH:MM" → minutes of the day (24:00 is 0). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h * 60 + m) % 1440;
}

/** Local opening window in minutes [open, open + length), or null for 24/7. */
export function openWindow(site: SiteSpec): { open: number; length: number } | null {
  const h = site.hours ?? DEFAULTS.site.hours;
  if (h === '24/7') return null;
  const open = minutesOf(h.open);
  const length = mod(minutesOf(h.close) - open, 1440);
  return length === 0 ? null : { open, length };
}

/** Is the site open at this local minute of the day? */
export function openAtLocal(site: SiteSpec, localMinute: number): boolean {
  const w = openWindow(site);
  return w === null || mod(localMinute - w.open, 1440) < w.length;
}

/**
 * The site's local minute of the day at the start of interval j: (v3) on a dated day, that day's (its
 * frame); else the client's minute plus the fixed offset.
 */
export function siteLocalMinute(
  scenario: Scenario,
  site: SiteSpec,
  j: number,
  intervalMinutes: number,
  frame?: DayFrame,
): number {
  if (frame) return frame.siteLocal[scenario.sites.indexOf(site)][j];
  return mod(j * intervalMinutes + siteOffsetMinutes(scenario, site), 1440);
}

/** Is the site open at the midpoint of interval j (of the day's frame, if dated)? */
export function openInInterval(
  scenario: Scenario,
  site: SiteSpec,
  j: number,
  intervalMinutes: number,
  frame?: DayFrame,
): boolean {
  return openAtLocal(
    site,
    mod(siteLocalMinute(scenario, site, j, intervalMinutes, frame) + 0.5 * intervalMinutes, 1440),
  );
}

/** Fresh arrivals per second in each interval of the day (the engine's profile normalisation). */
export function intervalRates(ch: ChannelSpec, perDay: number): number[] {
  const seconds = DAY / perDay;
  const p = ch.profile && ch.profile.length === perDay ? ch.profile : null;
  const sum = p ? p.reduce((a, w) => a + Math.max(0, w), 0) : perDay;
  return Array.from({ length: perDay }, (_, j) =>
    sum > 0 ? (ch.volumePerDay * (p ? Math.max(0, p[j]) : 1)) / sum / seconds : 0,
  );
}

export interface AgentsInput {
  arrivalRatePerSecond: number;
  meanHandleSeconds: number;
  concurrency: number;
  /** null = never abandons (Erlang C) */
  meanPatienceSeconds: number | null;
  withinSeconds: number;
  serviceLevel: number;
  abandonRate?: number;
}

/** The fewest agents meeting the service level (Erlang A, or C without patience) and the abandon cap. */
export function agentsNeeded(x: AgentsInput): number {
  if (x.arrivalRatePerSecond <= 0) return 0;
  const est = staffingEstimate({
    arrivalRatePerSecond: x.arrivalRatePerSecond,
    meanHandleSeconds: x.meanHandleSeconds,
    concurrency: x.concurrency,
    meanPatienceSeconds: x.meanPatienceSeconds,
    target: { percent: x.serviceLevel * 100, withinSeconds: Math.max(x.withinSeconds, 1e-9) },
    maxAgents: LIMITS.maxAgentsPerGroup,
  });
  let n = Math.max(1, est.agents);
  if (x.abandonRate !== undefined && x.meanPatienceSeconds !== null)
    while (
      n < LIMITS.maxAgentsPerGroup &&
      erlangA({
        agents: n * x.concurrency,
        arrivalRatePerSecond: x.arrivalRatePerSecond,
        meanHandleSeconds: x.meanHandleSeconds,
        meanPatienceSeconds: x.meanPatienceSeconds,
        withinSeconds: Math.max(x.withinSeconds, 1e-9),
      }).abandonRate > x.abandonRate
    )
      n++;
  return n;
}

/**
 * (v3) Agents needed when a share p of the customers who abandon redial (SPEC §2): the offered rate
 * is the fixed point λ' = λ / (1 − p · abandon rate(λ', n)), Erlang A at the effective rate — the
 * model test/engine-returns.test.ts checks the engine against. A few rounds settle it: more agents,
 * fewer abandons, fewer redials.
 */
export function withRedials(x: AgentsInput, p: number): number {
  let n = agentsNeeded(x);
  if (!(p > 0) || x.meanPatienceSeconds === null || x.arrivalRatePerSecond <= 0) return n;
  let eff = x.arrivalRatePerSecond;
  for (let round = 0; round < 8; round++) {
    const ab = erlangA({
      agents: n * x.concurrency,
      arrivalRatePerSecond: eff,
      meanHandleSeconds: x.meanHandleSeconds,
      meanPatienceSeconds: x.meanPatienceSeconds,
      withinSeconds: Math.max(x.withinSeconds, 1e-9),
    }).abandonRate;
    eff = x.arrivalRatePerSecond / (1 - p * ab);
    const next = agentsNeeded({ ...x, arrivalRatePerSecond: eff });
    if (next <= n) break;
    n = next;
  }
  return n;
}

/** The split weights per channel: the given ones, else the scenario's routing (equal if absent). */
export function splitOf(scenario: Scenario, channel: ChannelKind, split?: Split): Record<string, number> {
  return split?.[channel] ?? currentSplit(scenario, channel);
}

/** Site shares of channel c in interval j: the split among the sites open for c. */
export function sharesInInterval(
  scenario: Scenario,
  channel: ChannelKind,
  j: number,
  intervalMinutes: number,
  split?: Split,
  frame?: DayFrame,
): number[] {
  const weights = splitOf(scenario, channel, split);
  const w = scenario.sites.map((site) =>
    servesChannel(site, channel) && openInInterval(scenario, site, j, intervalMinutes, frame)
      ? Math.max(0, weights[site.id] ?? 0)
      : 0,
  );
  const total = w.reduce((a, v) => a + v, 0);
  return w.map((v) => (total > 0 ? v / total : 0));
}

/**
 * The Erlang requirement (see the module comment) on day `day` of the horizon (0 = day 1): (v3) at
 * that day's volume, profile and handle times when they differ by day (`weekly`, `daily`; day.ts), and
 * on a dated day, over that day's intervals as the engine runs them (frame.ts): each takes the
 * forecast of its client interval and the sites' offsets of that day (a 23-hour day has 46 half-hours).
 */
export function erlangRequirement(forecast: Scenario, targets: Targets, split?: Split, day = 0): Requirement {
  const scenario = scenarioOnDay(forecast, day);
  const frame = dayFrame(forecast, day);
  const L = intervalMinutesOf(scenario);
  const perDay = 1440 / L;
  const n = frame ? frame.starts.length : perDay;
  /** the client's interval of the day that interval j of this day takes its forecast from */
  const p = (j: number) => (frame ? frame.clientInterval[j] : j);
  const groups = groupRefs(scenario);
  const agents = groups.map(() => new Array<number>(n).fill(0));
  const impossible: Impossible[] = [];
  const starts = frame ? frame.starts : Array.from({ length: perDay }, (_, j) => formatClock(j * L * 60));
  const groupIndex = new Map(groups.map((g, i) => [`${g.site}/${g.group}`, i]));

  for (const c of CHANNEL_KINDS) {
    const ch = scenario.channels[c];
    if (!ch) continue;
    const t: ChannelTarget = targets[c] ?? {
      serviceLevel: (ch.target ?? DEFAULTS.target[c]).percent / 100,
    };
    const within = (ch.target ?? DEFAULTS.target[c]).withinSeconds;
    const patience = ch.patience === undefined ? DEFAULTS.patience[c] : ch.patience;
    const wrap = distributionMean(ch.wrapUp ?? DEFAULTS.wrapUp);
    const rates = intervalRates(ch, perDay);
    // repeats come back a repeat delay later, at any hour: with FCR < 1 anywhere, contacts arrive
    // in intervals whose forecast is zero too
    const repeats = scenario.sites.some(
      (site) =>
        servesChannel(site, c) && (site.firstContactResolution ?? DEFAULTS.site.firstContactResolution) < 1,
    );
    for (let j = 0; j < n; j++) {
      const rateJ = rates[p(j)];
      if (rateJ <= 0 && !repeats) continue;
      const shares = sharesInInterval(scenario, c, j, L, split, frame);
      if (shares.every((x) => x === 0)) {
        impossible.push({
          interval: j,
          start: starts[j],
          channel: c,
          reason:
            `no site with a ${c} group is open at ${frame ? starts[j].slice(11, 16) : starts[j]} (client time); ` +
            (rateJ > 0
              ? 'its contacts wait for the next opening'
              : 'repeat contacts arriving then wait for the next opening'),
        });
        continue;
      }
      if (rateJ <= 0) continue;
      const fcr = scenario.sites.reduce(
        (a, site, s) => a + shares[s] * (site.firstContactResolution ?? DEFAULTS.site.firstContactResolution),
        0,
      );
      const offered = rateJ / Math.max(fcr, 0.05);
      const rate = shares.map((x) => offered * x);
      scenario.sites.forEach((site, s) => {
        const e = site.escalation;
        if (!e || rate[s] <= 0) return;
        const to = scenario.sites.findIndex((x) => x.id === e.to);
        if (to >= 0 && shares[to] >= 0 && scenario.sites[to].groups.some((g) => g.skills.includes(c)))
          if (openInInterval(scenario, scenario.sites[to], j, L, frame)) rate[to] += rate[s] * e.rate;
      });
      scenario.sites.forEach((site, s) => {
        if (rate[s] <= 0) return;
        const threshold = within - (site.connectDelaySeconds ?? DEFAULTS.site.connectDelaySeconds);
        if (threshold <= 0 && t.serviceLevel !== undefined && t.serviceLevel > 0)
          impossible.push({
            interval: j,
            start: starts[j],
            channel: c,
            reason: `${site.id}'s connect delay (${site.connectDelaySeconds} s) is at least the service-level threshold (${within} s)`,
          });
        const input: AgentsInput = {
          arrivalRatePerSecond: rate[s],
          meanHandleSeconds: Math.max(
            1e-6,
            // (v3) handleTimeProfile: the interval's own mean
            (ch.handleTimeProfile?.[p(j)] ?? distributionMean(ch.handleTime)) *
              (site.handleTimeFactor ?? DEFAULTS.site.handleTimeFactor) +
              wrap,
          ),
          concurrency: ch.concurrency ?? DEFAULTS.concurrency,
          meanPatienceSeconds: patience ? distributionMean(patience) : null,
          withinSeconds: threshold,
          serviceLevel: t.serviceLevel ?? 0,
          abandonRate: t.abandonRate,
        };
        spread(site, s, c, j, withRedials(input, ch.redial?.probability ?? 0));
      });
    }
  }
  return { intervalMinutes: L, starts, groups, agents, impossible, ...(frame ? { frame } : {}) };

  function spread(site: SiteSpec, s: number, channel: ChannelKind, j: number, n: number) {
    const skilled = site.groups.map((g, gi) => ({ g, gi })).filter(({ g }) => g.skills.includes(channel));
    const size = (g: (typeof skilled)[number]['g']) =>
      g.shifts ? Math.max(...g.shifts.map((sh) => sh.agents)) : (g.agents ?? 0);
    const weights = skilled.map(({ g }) => size(g));
    const wsum = weights.reduce((a, w) => a + w, 0);
    skilled.forEach(({ gi }, i) => {
      const part = wsum > 0 ? weights[i] / wsum : 1 / skilled.length;
      const row = agents[groupIndex.get(`${s}/${gi}`)!];
      row[j] += Math.ceil(n * part - 1e-9);
    });
  }
}
