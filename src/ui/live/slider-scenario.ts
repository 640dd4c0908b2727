/**
 * The live sliders and the scenario, both ways. A slider move is written into the scenario (so the
 * scenario is the whole state: undo, links, storage and downloads all see it), through the same
 * conversion the compare panel uses for "the current sliders" (src/ui/compare/sliders.ts). Going
 * back, a scenario's agents and split become slider values, to move the sliders after an undo.
 *
 * Pure: unit-tested in Node.
 */
import type { ChannelKind, Scenario } from '../../sim/scenario';
import type { SimulationMeta } from '../../sim/snapshot';
import { applySliders, groupPeaks } from '../compare/sliders';
import { groupKey, type SliderState } from '../compare/state';
import { effectiveSplit } from '../editor/routing';

/** The key of group `g` of the run described by `meta` ("siteId/groupId"). */
export function metaGroupKey(meta: SimulationMeta, g: number): string | null {
  const grp = meta.groups[g];
  return grp ? groupKey(meta.sites[grp.site].id, grp.id) : null;
}

/** `s` with group `g`'s slider at `agents` (a group with shifts keeps their pattern, scaled). */
export function withGroupAgents(s: Scenario, meta: SimulationMeta, g: number, agents: number): Scenario {
  const key = metaGroupKey(meta, g);
  return key ? applySliders(s, { agents: { [key]: agents }, splits: {} }).scenario : s;
}

/** `s` with channel `c`'s split weights (slider values by site index of `meta`). */
export function withSplit(
  s: Scenario,
  meta: SimulationMeta,
  c: number,
  weights: readonly number[],
): Scenario {
  const ch = meta.channels[c];
  if (!ch) return s;
  const bySite = Object.fromEntries(Object.keys(effectiveSplit(s, ch.kind)).map((id) => [id, 0]));
  meta.sites.forEach((site, i) => {
    if (site.id in bySite) bySite[site.id] = weights[i] ?? 0;
  });
  return applySliders(s, { agents: {}, splits: { [ch.kind]: bySite } }).scenario;
}

/** The staffing panel's slider values for a scenario: every group's peak, each split in percent. */
export function slidersOf(s: Scenario): SliderState {
  const out: SliderState = { agents: Object.fromEntries(groupPeaks(s)), splits: {} };
  for (const kind of Object.keys(s.channels) as ChannelKind[]) {
    const split = effectiveSplit(s, kind);
    const total = Object.values(split).reduce((a, b) => a + b, 0) || 1;
    out.splits[kind] = Object.fromEntries(
      Object.entries(split).map(([id, w]) => [id, Math.round((w / total) * 100)]),
    );
  }
  return out;
}
