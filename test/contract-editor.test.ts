/** (v3) The editor's contract defaults: outsourcer templates bill by DOMAIN.md's terms with 10 % at risk. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/validate';
import type { Scenario } from '../src/sim';
import { addSite, removeChannel } from '../src/ui/editor/edits';
import { AT_RISK, siteFromTemplate } from '../src/ui/editor/templates';

const load = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../scenarios', `${name}.json`), 'utf8')) as Scenario;

describe('outsourcer templates', () => {
  it('bill by a contract (basis and rate from DOMAIN.md) with 10 % of the invoice at risk', () => {
    const s = load('nearshore-blend');
    const on = siteFromTemplate(s, 'onshore-outsourcer');
    const near = siteFromTemplate(s, 'nearshore-outsourcer');
    const off = siteFromTemplate(s, 'offshore-outsourcer');
    expect(on.contract).toMatchObject({ basis: 'productive-hour', rate: 42 });
    expect(near.contract).toMatchObject({ basis: 'productive-hour', rate: 24 });
    expect(off.contract).toMatchObject({ basis: 'handled-minute', rate: 0.4 });
    expect(AT_RISK).toBe(0.1);
    for (const site of [on, near, off]) {
      const credits = site.contract!.slaCredits!;
      expect(credits.channel).toBe('voice');
      expect(credits.cap).toBe(0.1);
      // 5 % below the voice target (80 %), 10 % below 70 %
      expect(credits.tiers).toEqual([
        { below: 0.8, credit: 0.05 },
        { below: 0.7, credit: 0.1 },
      ]);
    }
    expect(siteFromTemplate(s, 'onshore-in-house').contract).toBeUndefined();
  });

  it('removing the credited channel drops the credits, so the scenario stays valid', () => {
    const s = load('nearshore-blend');
    const withVendor = addSite(s, siteFromTemplate(s, 'offshore-outsourcer'));
    const out = removeChannel(withVendor, 'voice');
    expect(out.sites.at(-1)!.contract).toEqual({ basis: 'handled-minute', rate: 0.4 });
    expect(validateScenario(out).ok).toBe(true);
  });
});
