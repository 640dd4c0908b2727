/**
 * Idle cost (src/ui/editor/idle-cost.ts): a site added at a 0 % share is paid for doing nothing, and
 * the editor says how much a day (issue 27: the nearshore template's +13,216 a day was silent).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withSplitWeights } from '../src/scenario/staffing';
import type { Scenario } from '../src/sim/scenario';
import { agentHourCost } from '../src/sim/contract-cost';
import { addSite, setAt } from '../src/ui/editor/edits';
import { idleSites } from '../src/ui/editor/idle-cost';
import { siteFromTemplate } from '../src/ui/editor/templates';

const load = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;

describe('idle cost of a site with no share', () => {
  const base = load('onshore-baseline');

  it('none in a bundled scenario where every site has work', () => {
    expect(idleSites(base)).toEqual([]);
    expect(idleSites(load('offshore-voice'))).toEqual([]);
  });

  it('a flat group open 24/7 costs agents × 24 h × its agent-hour cost', () => {
    const site = siteFromTemplate(base, 'nearshore-outsourcer');
    const flat = { ...site, hours: '24/7' as const, groups: [{ ...site.groups[0], agents: 21 }] };
    const s = addSite(base, flat);
    const idle = idleSites(s);
    expect(idle.map((x) => x.id)).toEqual([site.id]);
    expect(idle[0].agents).toBe(21);
    expect(idle[0].perDay).toBeCloseTo(21 * 24 * agentHourCost(flat), 6);
  });

  it('a share above 0 makes it not idle; a site with 0 agents costs nothing', () => {
    const site = siteFromTemplate(base, 'nearshore-outsourcer');
    const s = addSite(base, site);
    expect(idleSites(s)).toHaveLength(1);
    const voice = Object.fromEntries(s.sites.map((x) => [x.id, x.id === site.id ? 10 : 90]));
    const r = withSplitWeights(s, 'voice', voice);
    expect(r.ok && idleSites(r.scenario)).toEqual([]); // it has work: its cost is no longer idle
    const none = setAt(s, ['sites', s.sites.length - 1, 'groups', 0, 'agents'], 0);
    expect(idleSites(none)).toEqual([]);
  });
});
