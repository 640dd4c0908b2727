/**
 * The editor's edits, as pure functions scenario → scenario (never mutating their input), so that
 * undo is a list of scenarios and every edit is unit-tested in Node without a DOM.
 *
 * Most fields are set by path (`setAt`), the same path the schema names in its problems, so a field
 * in the form, its value and its error all share one address. Structural edits (sites, channels)
 * keep the cross-references valid: a removed site leaves the routing splits and escalations, a
 * removed channel leaves the skills and the routing.
 */
import { cityByLabel, positionOf, type City } from '../../scenario/cities';
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type ChannelSpec,
  type Scenario,
  type SiteSpec,
} from '../../sim/scenario';
import { servesChannel } from '../../sim/serving';

export type Path = readonly (string | number)[];

/** A copy of `root` with the value at `path` replaced (undefined deletes an object key). */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base = (root ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? base.slice() : { ...base }) as Record<string | number, unknown>;
  const next = setAt(base[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

export function getAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const k of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[k];
  }
  return at;
}

/** An id not yet used among `taken`: `base`, `base-2`, `base-3`… */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'site';
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/** Adds a site with a zero weight in each routing split of a channel it answers. */
export function addSite(s: Scenario, site: SiteSpec): Scenario {
  const out: Scenario = { ...s, sites: [...s.sites, site] };
  return withZeroShares(out, site);
}

function withZeroShares(s: Scenario, site: SiteSpec): Scenario {
  if (!s.routing) return s;
  const routing = { ...s.routing };
  for (const kind of CHANNEL_KINDS) {
    const r = routing[kind];
    if (!r || !servesChannel(site, kind)) continue;
    routing[kind] = { ...r, split: { ...r.split, [site.id]: 0 } };
  }
  return { ...s, routing };
}

/** A copy of site i right after it, with a fresh id and "(copy)" in its name, and a zero share. */
export function duplicateSite(s: Scenario, i: number): Scenario {
  const site = s.sites[i];
  if (!site) return s;
  const copy: SiteSpec = {
    ...structuredClone(site),
    id: freshId(
      `${site.id}-copy`,
      s.sites.map((x) => x.id),
    ),
    name: `${site.name} (copy)`,
  };
  const sites = [...s.sites.slice(0, i + 1), copy, ...s.sites.slice(i + 1)];
  return withZeroShares({ ...s, sites }, copy);
}

/** Removes site i, its weights in the splits and escalations that pointed at it. */
export function removeSite(s: Scenario, i: number): Scenario {
  const site = s.sites[i];
  if (!site || s.sites.length <= 1) return s;
  const sites = s.sites
    .filter((_, k) => k !== i)
    .map((x) => {
      if (x.escalation?.to !== site.id) return x;
      const { escalation: _gone, ...rest } = x;
      return rest;
    });
  let routing = s.routing;
  if (routing) {
    routing = { ...routing };
    for (const kind of CHANNEL_KINDS) {
      const r = routing[kind];
      if (!r || !(site.id in r.split)) continue;
      const { [site.id]: _w, ...split } = r.split;
      if (Object.values(split).some((w) => w > 0)) routing[kind] = { ...r, split };
      else delete routing[kind]; // no weight left: the equal split over the sites with the skill
    }
  }
  return { ...s, sites, routing };
}

/** Renames site i, and the routing weights and escalations that name it. */
export function renameSite(s: Scenario, i: number, id: string): Scenario {
  const old = s.sites[i]?.id;
  if (old === undefined || old === id) return s;
  const sites = s.sites.map((x, k) =>
    k === i ? { ...x, id } : x.escalation?.to === old ? { ...x, escalation: { ...x.escalation, to: id } } : x,
  );
  let routing = s.routing;
  if (routing) {
    routing = { ...routing };
    for (const kind of CHANNEL_KINDS) {
      const r = routing[kind];
      if (!r || !(old in r.split)) continue;
      // keep the order of the weights: the file stays diffable
      routing[kind] = {
        ...r,
        split: Object.fromEntries(Object.entries(r.split).map(([k, w]) => [k === old ? id : k, w])),
      };
    }
  }
  return { ...s, sites, routing };
}

/** Sets a site's city: its time zone and its position on the map. */
export function setSiteCity(s: Scenario, i: number, cityLabelOrName: string): Scenario {
  const city = cityByLabel(cityLabelOrName);
  if (!city || !s.sites[i]) return s;
  return setAt(s, ['sites', i], {
    ...s.sites[i],
    utcOffsetHours: city.utcOffsetHours,
    timeZone: city.timeZone,
    position: positionOf(city),
  });
}

export function setClientCity(s: Scenario, city: City): Scenario {
  return {
    ...s,
    clientUtcOffsetHours: city.utcOffsetHours,
    clientTimeZone: city.timeZone,
    clientPosition: positionOf(city),
  };
}

/** Typical figures for a channel added by the editor (scenarios/README.md "Contacts"). */
export const NEW_CHANNEL: Record<ChannelKind, ChannelSpec> = {
  voice: {
    volumePerDay: 2000,
    handleTime: { dist: 'lognormal', mean: 330, cv: 0.8 },
    wrapUp: { dist: 'gamma', mean: 45, cv: 0.5 },
    patience: { dist: 'exponential', mean: 150 },
    target: { percent: 80, withinSeconds: 20 },
  },
  chat: {
    volumePerDay: 1000,
    handleTime: { dist: 'lognormal', mean: 600, cv: 0.7 },
    wrapUp: { dist: 'fixed', value: 30 },
    patience: { dist: 'exponential', mean: 240 },
    concurrency: 2,
    target: { percent: 80, withinSeconds: 60 },
  },
  email: {
    volumePerDay: 500,
    handleTime: { dist: 'lognormal', mean: 360, cv: 0.6 },
    patience: null,
    target: { percent: 90, withinSeconds: 86_400 },
  },
  social: {
    volumePerDay: 300,
    handleTime: { dist: 'lognormal', mean: 270, cv: 0.6 },
    patience: null,
    target: { percent: 80, withinSeconds: 3_600 },
  },
};

/**
 * Adds a channel with typical figures; the first group of every site learns the skill, so someone
 * answers it (the schema requires that) and the planner can narrow it down afterwards.
 */
export function addChannel(s: Scenario, kind: ChannelKind): Scenario {
  if (s.channels[kind]) return s;
  const sites = s.sites.map((site) => ({
    ...site,
    groups: site.groups.map((g, j) =>
      j === 0 && !g.skills.includes(kind) ? { ...g, skills: [...g.skills, kind] } : g,
    ),
  }));
  return { ...s, channels: { ...s.channels, [kind]: structuredClone(NEW_CHANNEL[kind]) }, sites };
}

/** Removes a channel, its routing and the skill from every group (a group left with no skill goes). */
export function removeChannel(s: Scenario, kind: ChannelKind): Scenario {
  if (!s.channels[kind]) return s;
  const { [kind]: _c, ...channels } = s.channels;
  const sites = s.sites.map((site) => {
    const groups = site.groups
      .map((g) => ({ ...g, skills: g.skills.filter((k) => k !== kind) }))
      .filter((g) => g.skills.length > 0);
    const next = { ...site, groups: groups.length > 0 ? groups : site.groups };
    // (v3) credits measured on the channel go with it
    if (site.contract?.slaCredits?.channel === kind) {
      const { slaCredits: _s, ...contract } = site.contract;
      next.contract = contract;
    }
    return next;
  });
  let routing = s.routing;
  if (routing?.[kind]) {
    const { [kind]: _r, ...rest } = routing;
    routing = rest;
  }
  return { ...s, channels, sites, routing };
}
