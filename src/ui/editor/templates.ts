/**
 * "Add site" templates: a new site pre-filled with the figures of scenarios/README.md (its table of
 * template defaults per location, drawn from DOMAIN.md's ranges), placed in a real city, open during
 * the client's day (converted to the site's local clock), with one group answering every channel of
 * the scenario and a starting agent count from an Erlang estimate.
 *
 * The estimate is for a planning share of each channel (by default an equal share among the sites
 * after adding this one): the split gives the new site 0 until the planner moves a slider, but the
 * agents are there, ready for a sensible share. Live channels are sized for their peak interval
 * (Erlang A with the channel's mean patience, else Erlang C); deferred channels for the day's average
 * rate, since a backlog smooths them. A blended group gets the sum (a conservative start).
 *
 * Pure: unit-tested in Node.
 */
import { channelStaffing } from '../../analytic/channel-staffing';
import {
  CITIES,
  TEMPLATE_CITIES,
  cityByLabel,
  cityLabel,
  positionOf,
  type City,
} from '../../scenario/cities';
import { DAY, formatClock } from '../../sim/clock';
import { compileModel } from '../../sim/model';
import {
  CHANNEL_KINDS,
  DEFAULTS,
  isLiveChannel,
  type ChannelKind,
  type Location,
  type OpeningHours,
  type Scenario,
  type ContractBasis,
  type SiteSpec,
} from '../../sim/scenario';
import { freshId } from './edits';

export type TemplateId =
  'onshore-in-house' | 'onshore-outsourcer' | 'nearshore-outsourcer' | 'offshore-outsourcer';

export interface SiteTemplate {
  id: TemplateId;
  /** the name the "Add site" menu shows */
  label: string;
  location: Location;
  /** what the name of a new site says after the city */
  kind: string;
  cities: readonly string[];
  site: Pick<
    SiteSpec,
    | 'shrinkage'
    | 'cost'
    | 'handleTimeFactor'
    | 'firstContactResolution'
    | 'connectDelaySeconds'
    | 'handoffDelaySeconds'
  >;
  /**
   * (v3) An outsourcer's billing basis and rate (DOMAIN.md, "Outsourcing contracts"); the site then
   * bills this instead of its hourly rate, with 10 % of the invoice at risk on its first live channel.
   */
  contract?: { basis: ContractBasis; rate: number };
}

/** (v3) "A typical 10 % at risk" (DOMAIN.md: 5–15 %): 5 % below the channel's target, 10 % ten points lower. */
export const AT_RISK = 0.1;

/**
 * scenarios/README.md, "Per location (defaults of the templates)". In-house: wage + benefits with
 * 30 % overhead and in-house shrinkage; outsourcers: a billed rate per productive hour (shrinkage 0,
 * as the rate already covers the vendor's) and 8 % for the client's own vendor management.
 */
export const TEMPLATES: readonly SiteTemplate[] = [
  {
    id: 'onshore-in-house',
    label: 'Onshore in-house',
    location: 'onshore',
    kind: 'in-house',
    cities: TEMPLATE_CITIES.inHouse,
    site: {
      shrinkage: 0.32,
      cost: { hourlyRate: 26, overheadRate: 0.3, telecomPerMinute: 0.012, perContactFee: 0 },
      handleTimeFactor: 1,
      firstContactResolution: 0.72,
      connectDelaySeconds: 0,
      handoffDelaySeconds: 0,
    },
  },
  {
    id: 'onshore-outsourcer',
    label: 'Onshore outsourcer',
    location: 'onshore',
    kind: 'onshore outsourcer',
    cities: TEMPLATE_CITIES.onshore,
    contract: { basis: 'productive-hour', rate: 42 },
    site: {
      shrinkage: 0,
      cost: { hourlyRate: 42, overheadRate: 0.08, telecomPerMinute: 0.012, perContactFee: 0 },
      handleTimeFactor: 1,
      firstContactResolution: 0.7,
      connectDelaySeconds: 0.5,
      handoffDelaySeconds: 300,
    },
  },
  {
    id: 'nearshore-outsourcer',
    label: 'Nearshore outsourcer',
    location: 'nearshore',
    kind: 'nearshore outsourcer',
    cities: TEMPLATE_CITIES.nearshore,
    contract: { basis: 'productive-hour', rate: 24 },
    site: {
      shrinkage: 0,
      cost: { hourlyRate: 24, overheadRate: 0.08, telecomPerMinute: 0.015, perContactFee: 0 },
      handleTimeFactor: 1.07,
      firstContactResolution: 0.65,
      connectDelaySeconds: 1,
      handoffDelaySeconds: 600,
    },
  },
  {
    id: 'offshore-outsourcer',
    label: 'Offshore outsourcer',
    location: 'offshore',
    kind: 'offshore outsourcer',
    cities: TEMPLATE_CITIES.offshore,
    contract: { basis: 'handled-minute', rate: 0.4 },
    site: {
      shrinkage: 0,
      cost: { hourlyRate: 13, overheadRate: 0.08, telecomPerMinute: 0.02, perContactFee: 0 },
      handleTimeFactor: 1.18,
      firstContactResolution: 0.58,
      connectDelaySeconds: 3,
      handoffDelaySeconds: 1200,
    },
  },
];

/** Client hours when there is live work: the first to the last interval a voice or chat profile is > 0. */
export function clientDay(s: Scenario): { start: number; end: number } | '24/7' {
  const minutes = s.horizon?.intervalMinutes ?? DEFAULTS.horizon.intervalMinutes;
  let first = Infinity;
  let last = -Infinity;
  for (const kind of CHANNEL_KINDS) {
    const ch = s.channels[kind];
    if (!ch || !isLiveChannel(kind) || ch.volumePerDay <= 0) continue;
    if (!ch.profile) return '24/7'; // a flat live channel rings around the clock
    ch.profile.forEach((w, i) => {
      if (w > 0) {
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    });
  }
  // deferred work only: an ordinary office day
  if (first === Infinity) return { start: 8 * 3600, end: 20 * 3600 };
  const start = first * minutes * 60;
  const end = (last + 1) * minutes * 60;
  return end - start >= DAY ? '24/7' : { start, end };
}

/** The client's day on the site's local clock (e.g. 08:00–20:00 Eastern = 21:00–09:00 in Manila). */
export function hoursFor(s: Scenario, siteOffsetHours: number): OpeningHours {
  const day = clientDay(s);
  if (day === '24/7') return '24/7';
  const shift = (siteOffsetHours - (s.clientUtcOffsetHours ?? DEFAULTS.clientUtcOffsetHours)) * 3600;
  return { open: formatClock(day.start + shift), close: formatClock(day.end + shift) };
}

/** Agents one group needs for `share` of every channel (see the module comment). */
export function estimateAgents(s: Scenario, share: number, handleTimeFactor: number): number {
  const model = compileModel(s);
  let total = 0;
  for (const ch of model.channels) {
    const spec = s.channels[ch.kind]!;
    const rates = Array.from(ch.rate);
    const rate =
      (isLiveChannel(ch.kind) ? Math.max(...rates) : rates.reduce((a, b) => a + b, 0) / rates.length) * share;
    if (!(rate > 0)) continue;
    const est = channelStaffing(ch.kind, spec, rate, handleTimeFactor);
    total += Number.isFinite(est.agents) ? est.agents : 0;
  }
  return Math.max(1, Math.ceil(total));
}

export interface TemplateOptions {
  /** a city label or name from CITIES; default: the template's first city not used by a site yet */
  city?: string;
  /** the share of each channel the agents are sized for; default 1 ÷ (sites + 1) */
  share?: number;
}

function pickCity(s: Scenario, t: SiteTemplate, wanted?: string): City {
  const byWanted = wanted ? cityByLabel(wanted) : undefined;
  if (byWanted) return byWanted;
  const used = new Set(s.sites.map((site) => site.position?.city));
  for (const name of t.cities) {
    const c = cityByLabel(name);
    if (c && !used.has(cityLabel(c))) return c;
  }
  return cityByLabel(t.cities[0]) ?? CITIES[0];
}

/** A new site from template `id`, for scenario `s` (not yet added: see edits.addSite). */
export function siteFromTemplate(s: Scenario, id: TemplateId, options: TemplateOptions = {}): SiteSpec {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no site template "${id}"`);
  const city = pickCity(s, t, options.city);
  const share = options.share ?? 1 / (s.sites.length + 1);
  const skills = CHANNEL_KINDS.filter((k) => s.channels[k]) as ChannelKind[];
  const agents = estimateAgents(s, share, t.site.handleTimeFactor ?? 1);
  return {
    id: freshId(
      city.name,
      s.sites.map((x) => x.id),
    ),
    name: `${city.name} (${t.kind})`,
    location: t.location,
    utcOffsetHours: city.utcOffsetHours,
    timeZone: city.timeZone,
    hours: hoursFor(s, city.utcOffsetHours),
    groups: [{ id: skills.join('-') || 'agents', skills, agents }],
    ...structuredClone(t.site),
    position: positionOf(city),
    ...(t.contract ? { contract: templateContract(s, t.contract, skills) } : {}),
  };
}

/** The template's basis and rate, with AT_RISK of the invoice on the first live channel it answers. */
function templateContract(
  s: Scenario,
  c: NonNullable<SiteTemplate['contract']>,
  skills: readonly ChannelKind[],
): NonNullable<SiteSpec['contract']> {
  const channel = skills.find(isLiveChannel) ?? skills[0];
  if (channel === undefined) return { ...c };
  const target = (s.channels[channel]?.target ?? DEFAULTS.target[channel]).percent / 100;
  return {
    ...c,
    slaCredits: {
      channel,
      tiers: [
        { below: target, credit: AT_RISK / 2 },
        { below: Math.max(0, +(target - 0.1).toFixed(4)), credit: AT_RISK },
      ],
      cap: AT_RISK,
    },
  };
}
