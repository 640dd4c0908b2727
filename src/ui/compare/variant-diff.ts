/**
 * Variants that say what changed (issue 27: "offshore-voice" and "offshore-voice (2)" with the same
 * agent count could not be told apart): a variant's name is its difference from the scenario it was
 * edited from — "voice: Manila 75 → 100 %", "Columbus agents 40 → 30", "+ site Bogotá" — and the
 * variant table shows each variant's split and agents by site.
 *
 * What a name lists: per channel, the sites whose share went up (the others gave it up, so naming
 * them too says nothing new), then each group whose agents changed, then sites added or removed;
 * anything else (a changed handle time, a contract) is "other edits". At most MAX_PARTS are named.
 *
 * Pure: unit-tested in Node (test/variant-diff.test.ts).
 */
import { onlyLiveChanges } from '../../scenario/live-changes';
import { groupKey, groupPeaks } from '../../scenario/staffing';
import { CHANNEL_KINDS, type ChannelKind, type Scenario } from '../../sim/scenario';
import { effectiveSplit } from '../editor/routing';
import { toPercent } from '../state/split-shares';

const MAX_PARTS = 3;

/** A channel's split in whole percent by site id (sites that serve it). */
export function splitPercent(s: Scenario, kind: ChannelKind): Record<string, number> {
  if (!s.channels[kind]) return {};
  const split = effectiveSplit(s, kind);
  const ids = Object.keys(split);
  const pct = toPercent(ids.map((id) => split[id]));
  return Object.fromEntries(ids.map((id, i) => [id, pct[i]]));
}

const siteName = (s: Scenario, id: string) => s.sites.find((x) => x.id === id)?.name ?? id;
/** "Manila", without a " (offshore outsourcer)" the templates add: names stay short */
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '') || name;

function splitParts(base: Scenario, next: Scenario): string[] {
  const out: string[] = [];
  for (const kind of CHANNEL_KINDS) {
    if (!base.channels[kind] || !next.channels[kind]) continue;
    const a = splitPercent(base, kind);
    const b = splitPercent(next, kind);
    const up = Object.keys(b).filter((id) => b[id] > (a[id] ?? 0));
    if (up.length === 0) continue;
    const moves = up.map((id) => `${shortName(siteName(next, id))} ${a[id] ?? 0} → ${b[id]} %`);
    out.push(`${kind}: ${moves.join(', ')}`);
  }
  return out;
}

function agentParts(base: Scenario, next: Scenario): string[] {
  const before = groupPeaks(base);
  const after = groupPeaks(next);
  const out: string[] = [];
  for (const site of next.sites) {
    for (const g of site.groups) {
      const was = before.get(groupKey(site.id, g.id));
      const now = after.get(groupKey(site.id, g.id));
      if (was === undefined || now === undefined || was === now) continue;
      const who = site.groups.length > 1 ? `${shortName(site.name)} ${g.id}` : shortName(site.name);
      out.push(`${who} agents ${was} → ${now}`);
    }
  }
  return out;
}

function siteParts(base: Scenario, next: Scenario): string[] {
  const had = new Set(base.sites.map((s) => s.id));
  const has = new Set(next.sites.map((s) => s.id));
  return [
    ...next.sites.filter((s) => !had.has(s.id)).map((s) => `+ site ${s.name}`),
    ...base.sites.filter((s) => !has.has(s.id)).map((s) => `− site ${s.name}`),
  ];
}

/** What changed from `base` to `next`, in a few words; '' when nothing did. */
export function describeDifference(base: Scenario, next: Scenario): string {
  const sites = siteParts(base, next);
  const parts = [...splitParts(base, next), ...agentParts(base, next), ...sites];
  // with the same sites, anything beyond agents and split is "other edits" (site changes say enough)
  if (sites.length === 0 && !onlyLiveChanges(base, next)) parts.push('other edits');
  if (parts.length <= MAX_PARTS) return parts.join('; ');
  return `${parts.slice(0, MAX_PARTS).join('; ')}; +${parts.length - MAX_PARTS} more`;
}

/** A variant's name: its difference from `base`, or the scenario's own name when there is none. */
export function variantName(base: Scenario | null, next: Scenario): string {
  return (base && describeDifference(base, next)) || next.name;
}

/** The split column: "voice: Columbus 25 · Manila 75", one line per channel with two sites or more. */
export function splitSummary(s: Scenario): string[] {
  return CHANNEL_KINDS.filter((k) => s.channels[k]).flatMap((kind) => {
    const pct = splitPercent(s, kind);
    const ids = Object.keys(pct);
    if (ids.length < 2) return [];
    return [`${kind}: ${ids.map((id) => `${shortName(siteName(s, id))} ${pct[id]}`).join(' · ')}`];
  });
}

/** The agents column: agents at the groups' peaks, by site ("Columbus 40 · Manila 30"). */
export function agentsBySite(s: Scenario): string {
  const peaks = groupPeaks(s);
  return s.sites
    .map((site) => {
      const n = site.groups.reduce((a, g) => a + (peaks.get(groupKey(site.id, g.id)) ?? 0), 0);
      return `${shortName(site.name)} ${n}`;
    })
    .join(' · ');
}
