/**
 * What "a group's agents" and "a channel's split" mean when a planner moves one number: the one
 * definition, used by the live sliders, undo, the optimiser's and the plan's "apply", old links and
 * the sweep's `agents:<site>/<group>` parameter alike. The live run then follows the scenario as
 * written (src/worker/live-run.ts applyLive), so the page and the run cannot drift apart.
 *
 * A flat group gets exactly n agents. A group with shifts keeps its pattern: every shift's agents are
 * scaled by n ÷ peak and rounded, then the largest shift is nudged until the group's peak (its most
 * agents on shift at once) is exactly n. A split's weights replace the channel's routing split, for the
 * sites that serve it (the schema refuses the others).
 *
 * Pure: no DOM, unit-tested in Node. Nothing here validates; callers run the schema.
 */
import { compileModel } from '../sim/model';
import { LIMITS, type ChannelKind, type GroupSpec, type Scenario } from '../sim/scenario';
import { servesChannel } from '../sim/serving';

/** A group's key, "siteId/groupId": what a link, a sweep parameter and the history name it by. */
export const groupKey = (siteId: string, groupId: string): string => `${siteId}/${groupId}`;

/** Every group's peak of agents logged in (its slider's value), by group key, as the engine computes it. */
export function groupPeaks(scenario: Scenario): Map<string, number> {
  const model = compileModel(scenario);
  const out = new Map<string, number>();
  for (const g of model.groups) out.set(groupKey(model.sites[g.site].id, g.id), g.peak);
  return out;
}

export type Edited = { ok: true; scenario: Scenario } | { ok: false; problem: string };

function findGroup(s: Scenario, key: string): GroupSpec | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const site = s.sites.find((x) => x.id === key.slice(0, slash));
  return site?.groups.find((g) => g.id === key.slice(slash + 1));
}

/** `scenario` with group `key` at `n` agents (see the module comment); not clamped, the schema judges. */
export function withGroupAgents(scenario: Scenario, key: string, n: number): Edited {
  const want = Math.max(0, Math.round(n));
  const copy = structuredClone(scenario);
  const group = findGroup(copy, key);
  if (!group) return { ok: false, problem: `agents ${key}: no such group` };
  if (!group.shifts || group.shifts.length === 0) {
    group.agents = want;
    return { ok: true, scenario: copy };
  }
  const peakOf = () => groupPeaks(copy).get(key) ?? 0;
  const peak = peakOf();
  // every shift empty: the group then has n on every shift
  for (const sh of group.shifts) sh.agents = peak === 0 ? want : Math.round((sh.agents * want) / peak);
  if (peak > 0) fixPeak(group.shifts, want, peakOf);
  return { ok: true, scenario: copy };
}

/** Rounding several overlapping shifts can miss the peak by a little: adjust the largest shift. */
function fixPeak(shifts: { agents: number }[], want: number, peakOf: () => number): void {
  for (let tries = 0; tries < 8; tries++) {
    const peak = peakOf();
    if (peak === want) return;
    let largest = 0;
    shifts.forEach((sh, i) => {
      if (sh.agents > shifts[largest].agents) largest = i;
    });
    const next = shifts[largest].agents + (want > peak ? 1 : -1);
    if (next < 0 || next > LIMITS.maxAgentsPerGroup) return;
    shifts[largest].agents = next;
  }
}

/** `scenario` with channel `kind` split by `weights` (by site id, any scale; a serving site not named gets 0, a site that does not serve it is ignored). */
export function withSplitWeights(
  scenario: Scenario,
  kind: ChannelKind,
  weights: Readonly<Record<string, number>>,
): Edited {
  if (!scenario.channels[kind])
    return { ok: false, problem: `split ${kind}: the scenario has no such channel` };
  const split: Record<string, number> = {};
  for (const site of scenario.sites) {
    if (!servesChannel(site, kind)) continue;
    const w = weights[site.id];
    split[site.id] = typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
  }
  if (!Object.values(split).some((w) => w > 0))
    return { ok: false, problem: `split ${kind}: every weight is 0 — the scenario's split is kept` };
  const copy = structuredClone(scenario);
  copy.routing = { ...copy.routing, [kind]: { ...copy.routing?.[kind], split } };
  return { ok: true, scenario: copy };
}
