/**
 * Sites that are paid but get no work (issue 27: the nearshore template brought 21 agents, open 24/7,
 * at a 0 % share — +13,216 a day, and nothing said so). A site is idle when its share of every channel
 * it answers is 0; its cost per day is then its scheduled agent hours × what one agent hour costs the
 * client (contract-cost.ts agentHourCost: labour in-house, the billed rate of a time-billed vendor; a
 * vendor billed by volume costs nothing idle, to first order, and is not listed).
 *
 * Pure: unit-tested in Node (test/idle-cost.test.ts).
 */
import { agentHourCost } from '../../sim/contract-cost';
import { compileModel, scheduledAgents } from '../../sim/model';
import { CHANNEL_KINDS, type Scenario } from '../../sim/scenario';
import { servesChannel } from '../../sim/serving';
import { effectiveSplit } from './routing';

export interface IdleSite {
  id: string;
  name: string;
  /** agents at the site's groups' peaks */
  agents: number;
  /** what its scheduled agents cost a day they work, in the scenario's currency */
  perDay: number;
}

/** The idle sites of `s` that cost money (none for a draft that does not compile). */
export function idleSites(s: Scenario): IdleSite[] {
  let model;
  try {
    model = compileModel(s);
  } catch {
    return []; // an invalid draft: its problems are shown at their fields
  }
  const out: IdleSite[] = [];
  s.sites.forEach((site, i) => {
    const kinds = CHANNEL_KINDS.filter((k) => s.channels[k] && servesChannel(site, k));
    if (kinds.length === 0 || kinds.some((k) => (effectiveSplit(s, k)[site.id] ?? 0) > 0)) return;
    const siteModel = model.sites[i];
    const groups = model.groups.filter((g) => g.site === i);
    let agentMinutes = 0;
    for (let minute = 0; minute < 1440; minute++)
      for (const g of groups) agentMinutes += scheduledAgents(g, siteModel, minute * 60);
    const perDay = (agentMinutes / 60) * agentHourCost(site);
    const agents = groups.reduce((a, g) => a + g.peak, 0);
    if (perDay > 0) out.push({ id: site.id, name: site.name, agents, perDay });
  });
  return out;
}
