/**
 * Writes the live slider state into a scenario, so "the current sliders" can be saved as a variant,
 * run on the replication pool or downloaded as a scenario file.
 *
 * The live engine applies a group's slider as an override (src/sim/engine.ts, groupTarget): a flat
 * group has exactly that many agents while open; a group with shifts keeps its shift pattern scaled
 * so that its peak equals the slider (agents at a moment = round(scheduled × slider ÷ peak)). The
 * scenario equivalent scales every shift's agents by slider ÷ peak, then nudges the largest shift so
 * the peak is exactly the slider. Split weights replace the channel's routing split (only sites with
 * the skill are written — the schema rejects others).
 *
 * Pure (no DOM): unit-tested in Node.
 */
import { compileModel } from '../../sim/model';
import { LIMITS, type ChannelKind, type Scenario } from '../../sim/scenario';
import { groupKey, type SliderState } from './state';
import { servesChannel } from '../../sim/serving';

/** A group's peak of agents logged in (the live slider's starting value), as the engine computes it. */
export function groupPeaks(scenario: Scenario): Map<string, number> {
  const model = compileModel(scenario);
  const out = new Map<string, number>();
  for (const g of model.groups) out.set(groupKey(model.sites[g.site].id, g.id), g.peak);
  return out;
}

export interface AppliedSliders {
  scenario: Scenario;
  /** slider entries that could not be applied (unknown group or site, an all-zero split) */
  skipped: string[];
}

/** A copy of `scenario` with the sliders written into it (see the module comment). */
export function applySliders(scenario: Scenario, sliders: SliderState): AppliedSliders {
  const copy = structuredClone(scenario);
  const skipped: string[] = [];
  const agentEntries = Object.entries(sliders.agents);
  const peaks = agentEntries.length > 0 ? groupPeaks(scenario) : new Map<string, number>();

  for (const [key, raw] of agentEntries) {
    // not clamped: a count beyond the schema's limit is for validateScenario to report
    const n = Math.max(0, Math.round(raw));
    const slash = key.indexOf('/');
    const site = copy.sites.find((s) => s.id === key.slice(0, slash));
    const group = site?.groups.find((g) => g.id === key.slice(slash + 1));
    if (slash < 0 || !group) {
      skipped.push(`agents ${key}: no such group`);
      continue;
    }
    if (!group.shifts || group.shifts.length === 0) {
      group.agents = n;
      continue;
    }
    const peak = peaks.get(key) ?? 0;
    if (peak === 0) {
      // every shift is empty: the live engine then keeps n agents whenever the site is open
      for (const sh of group.shifts) sh.agents = n;
      continue;
    }
    for (const sh of group.shifts) sh.agents = Math.round((sh.agents * n) / peak);
    fixPeak(copy, key, group.shifts, n);
  }

  for (const [kind, weights] of Object.entries(sliders.splits) as [ChannelKind, Record<string, number>][]) {
    if (!copy.channels[kind]) {
      skipped.push(`split ${kind}: the scenario has no such channel`);
      continue;
    }
    const split: Record<string, number> = {};
    for (const site of copy.sites) {
      if (!servesChannel(site, kind)) continue;
      const w = weights[site.id];
      split[site.id] = typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
    }
    for (const id of Object.keys(weights))
      if (!(id in split)) skipped.push(`split ${kind}.${id}: no site with that id answers ${kind}`);
    if (!Object.values(split).some((w) => w > 0)) {
      skipped.push(`split ${kind}: every weight is 0 — the scenario's split is kept`);
      continue;
    }
    copy.routing = { ...copy.routing, [kind]: { ...copy.routing?.[kind], split } };
  }
  return { scenario: copy, skipped };
}

/** Rounding several overlapping shifts can miss the peak by a little: adjust the largest shift. */
function fixPeak(scenario: Scenario, key: string, shifts: { agents: number }[], want: number): void {
  for (let tries = 0; tries < 8; tries++) {
    const peak = groupPeaks(scenario).get(key) ?? want;
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

/**
 * Slider settings that make the live run staff like `scenario` (the optimiser's answer): every
 * group's peak, by group key. A group with shifts gets its peak (the live run scales its present
 * shift pattern to it; the optimiser's per-shift mix is in the scenario, not in one slider).
 */
export function slidersFromScenario(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(groupPeaks(scenario));
}
