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
import { inWindow, shiftWindow } from '../sim/clock';
import { LIMITS, type ChannelKind, type GroupSpec, type Scenario } from '../sim/scenario';
import { servesChannel } from '../sim/serving';

/** A group's key, "siteId/groupId": what a link, a sweep parameter and the history name it by. */
export const groupKey = (siteId: string, groupId: string): string => `${siteId}/${groupId}`;

/**
 * A group's peak of agents logged in (its slider's value), as the compiled model's `peak`: the flat
 * count, or the most agents on shift at once. A sum of shifts is largest at some shift's start, so
 * only those are tried; no model is compiled (a drag of a slider asks this many times).
 */
export function groupPeak(group: GroupSpec): number {
  if (!group.shifts) return group.agents ?? 0;
  const windows = group.shifts.map((sh) => ({ w: shiftWindow(sh), agents: sh.agents }));
  let peak = 0;
  for (const { w } of windows) {
    if (w.start === w.end) continue;
    let n = 0;
    for (const other of windows) if (inWindow(other.w, w.start)) n += other.agents;
    peak = Math.max(peak, n);
  }
  return peak;
}

/** Every group's peak, by group key. */
export function groupPeaks(scenario: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  for (const site of scenario.sites)
    for (const g of site.groups) out.set(groupKey(site.id, g.id), groupPeak(g));
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
  const peakOf = () => groupPeak(group);
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

/**
 * `current` staffed as `from` (the optimiser's or a plan's answer for it): every group of `from` that
 * `current` has takes its flat count, or its shifts' agents when the shifts are the same; any other
 * group takes `from`'s peak, as its slider would. Nothing else of `current` changes.
 */
export function adoptStaffing(current: Scenario, from: Scenario): Scenario {
  let out = structuredClone(current);
  for (const site of from.sites)
    for (const g of site.groups) {
      const key = groupKey(site.id, g.id);
      const here = findGroup(out, key);
      if (!here) continue;
      const sameShifts =
        g.shifts &&
        here.shifts?.length === g.shifts.length &&
        here.shifts.every((sh, i) => sh.start === g.shifts![i].start && sh.end === g.shifts![i].end);
      if (sameShifts) here.shifts!.forEach((sh, i) => (sh.agents = g.shifts![i].agents));
      else if (!g.shifts && !here.shifts) here.agents = g.agents ?? 0;
      else {
        const r = withGroupAgents(out, key, groupPeak(g));
        if (r.ok) out = r.scenario;
      }
    }
  return out;
}
