/**
 * "The sites that serve a channel": a site serves a channel when one of its groups has the skill.
 * Routing, the split sliders, the editor, the planner and the map all ask this; it is answered here
 * once, for a scenario's sites and for a running simulation's meta (whose groups are indices).
 */
import type { ChannelKind } from './scenario';

interface SiteWithGroups {
  groups: readonly { skills: readonly ChannelKind[] }[];
}

/** What this reads of a SimulationMeta (snapshot.ts, which compiles from model.ts: no import back). */
interface MetaSites {
  sites: readonly { groups: readonly number[] }[];
  groups: readonly { skills: readonly ChannelKind[] }[];
}

/** Whether a scenario site has a group with the channel's skill. */
export function servesChannel(site: SiteWithGroups, kind: ChannelKind): boolean {
  return site.groups.some((g) => g.skills.includes(kind));
}

/** The scenario sites that serve the channel, in order. */
export function sitesServing<S extends SiteWithGroups>(sites: readonly S[], kind: ChannelKind): S[] {
  return sites.filter((site) => servesChannel(site, kind));
}

/** Whether site `s` of a running simulation serves the channel. */
export function metaServes(meta: MetaSites, s: number, kind: ChannelKind): boolean {
  return meta.sites[s].groups.some((g) => meta.groups[g].skills.includes(kind));
}

/** The indices of a running simulation's sites that serve the channel. */
export function metaSitesServing(meta: MetaSites, kind: ChannelKind): number[] {
  return meta.sites.flatMap((_, s) => (metaServes(meta, s, kind) ? [s] : []));
}
