/**
 * The live sliders and the scenario, both ways. A slider move is an edit of the scenario (what a
 * group's agents and a channel's split mean is src/scenario/staffing.ts's, the one definition); the
 * store takes it and the run follows (src/ui/live/run-sync.ts). Going back, a scenario's agents and
 * split become slider positions for the running simulation's meta, to show after an undo, an apply
 * or a restored link.
 *
 * Pure: unit-tested in Node.
 */
import { groupKey, groupPeaks, withGroupAgents, withSplitWeights } from '../../scenario/staffing';
import type { Scenario } from '../../sim/scenario';
import type { SimulationMeta } from '../../sim/snapshot';
import { effectiveSplit } from '../editor/routing';
import { toPercent } from '../state/split-shares';

/** The key of group `g` of the run described by `meta` ("siteId/groupId"). */
export function metaGroupKey(meta: SimulationMeta, g: number): string | null {
  const grp = meta.groups[g];
  return grp ? groupKey(meta.sites[grp.site].id, grp.id) : null;
}

/** `s` with group `g`'s slider at `agents` (a group with shifts keeps their pattern, scaled). */
export function withSliderAgents(s: Scenario, meta: SimulationMeta, g: number, agents: number): Scenario {
  const key = metaGroupKey(meta, g);
  const r = key ? withGroupAgents(s, key, agents) : null;
  return r?.ok ? r.scenario : s;
}

/** `s` with channel `c`'s split weights (slider values by site index of `meta`). */
export function withSliderSplit(
  s: Scenario,
  meta: SimulationMeta,
  c: number,
  weights: readonly number[],
): Scenario {
  const ch = meta.channels[c];
  if (!ch) return s;
  const bySite = Object.fromEntries(meta.sites.map((site, i) => [site.id, weights[i] ?? 0]));
  const r = withSplitWeights(s, ch.kind, bySite);
  return r.ok ? r.scenario : s;
}

/** Slider positions for `s` on the run of `meta`: each group's peak; each split in whole percent summing to 100, by site index. */
export interface SliderPositions {
  agents: number[];
  splits: number[][];
}

export function sliderPositions(s: Scenario, meta: SimulationMeta): SliderPositions {
  const peaks = groupPeaks(s);
  return {
    agents: meta.groups.map((_, g) => peaks.get(metaGroupKey(meta, g) ?? '') ?? 0),
    splits: meta.channels.map((ch) => {
      const split = s.channels[ch.kind] ? effectiveSplit(s, ch.kind) : {};
      return toPercent(meta.sites.map((site) => split[site.id] ?? 0));
    }),
  };
}
