/** (v3) Validation of `currency`, site `contract` and `payPremiums` (SPEC v3 §0, §3): one line per problem, by field. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenario/validate';

type Obj = Record<string, unknown>;

function scenario(site: Obj = {}, top: Obj = {}): Obj {
  return {
    name: 'contract',
    channels: { voice: { volumePerDay: 100, handleTime: { dist: 'fixed', value: 300 } } },
    sites: [
      {
        id: 'home',
        name: 'Home',
        location: 'onshore',
        groups: [{ id: 'v', skills: ['voice'], agents: 2 }],
        cost: { hourlyRate: 30 },
      },
      {
        id: 'vendor',
        name: 'Vendor',
        location: 'offshore',
        groups: [{ id: 'v', skills: ['voice'], agents: 2 }],
        cost: { hourlyRate: 0 },
        ...site,
      },
    ],
    ...top,
  };
}

function problems(value: Obj): string[] {
  const r = validateScenario(value);
  return r.ok ? [] : r.problems;
}

const credits = {
  channel: 'voice',
  tiers: [
    { below: 0.8, credit: 0.05 },
    { below: 0.7, credit: 0.12 },
  ],
  cap: 0.15,
};

describe('contract, payPremiums and currency', () => {
  it('accepts every basis, a minimum of the right kind, credit tiers and premiums crossing midnight', () => {
    for (const basis of ['productive-hour', 'paid-hour', 'handled-minute', 'fte-month'])
      expect(
        problems(
          scenario({ contract: { basis, rate: 10, minimum: { minutesPerDay: 600 }, slaCredits: credits } }),
        ),
      ).toEqual([]);
    expect(
      problems(scenario({ contract: { basis: 'contact', rate: 2, minimum: { contactsPerDay: 50 } } })),
    ).toEqual([]);
    expect(
      problems(
        scenario({
          payPremiums: [
            { from: '22:00', to: '06:00', factor: 1.25 },
            { from: '18:00', to: '22:00', factor: 1.1 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(problems(scenario({}, { currency: 'PHP' }))).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(
      problems(
        scenario(
          {
            contract: {
              basis: 'per-seat',
              rate: -1,
              slaCredits: {
                channel: 'chat',
                tiers: [
                  { below: 0.8, credit: 1.5 },
                  { below: 0.8, credit: 0.1 },
                ],
                cap: 2,
              },
            },
          },
          { currency: 'dollars' },
        ),
      ),
    ).toEqual([
      'currency: must be an ISO 4217 currency code such as "USD", "EUR" or "PHP"',
      'sites[1].contract.basis: must be one of "productive-hour", "paid-hour", "handled-minute", "contact", "fte-month"',
      'sites[1].contract.rate: must be ≥ 0',
      'sites[1].contract.slaCredits.tiers[0].credit: must be a share from 0 to 1 (of the invoice)',
      'sites[1].contract.slaCredits.tiers[1].below: repeats the threshold 0.8 of tiers[0]',
      'sites[1].contract.slaCredits.cap: must be a share from 0 to 1 (of the invoice)',
      'sites[1].contract.slaCredits.channel: names the channel "chat", which is not in "channels"',
    ]);
  });

  it('a minimum is in the basis’ own unit, and exactly one is given', () => {
    expect(
      problems(scenario({ contract: { basis: 'contact', rate: 1, minimum: { minutesPerDay: 5 } } })),
    ).toEqual([
      'sites[1].contract.minimum.minutesPerDay: does not apply to basis "contact" (use "contactsPerDay")',
    ]);
    expect(
      problems(scenario({ contract: { basis: 'paid-hour', rate: 1, minimum: { contactsPerDay: 5 } } })),
    ).toEqual([
      'sites[1].contract.minimum.contactsPerDay: does not apply to basis "paid-hour", which bills time (use "minutesPerDay")',
    ]);
    expect(problems(scenario({ contract: { basis: 'contact', rate: 1, minimum: {} } }))).toEqual([
      'sites[1].contract.minimum: must give exactly one of "contactsPerDay" and "minutesPerDay"',
    ]);
  });

  it('premium windows must not overlap (across midnight too) and do not go with a contract', () => {
    expect(
      problems(
        scenario({
          payPremiums: [
            { from: '22:00', to: '06:00', factor: 1.25 },
            { from: '05:00', to: '07:00', factor: 1.1 },
          ],
        }),
      ),
    ).toEqual(['sites[1].payPremiums[1]: overlaps payPremiums[0] (a time may have one premium only)']);
    expect(
      problems(
        scenario({
          contract: { basis: 'contact', rate: 1 },
          payPremiums: [{ from: '22:00', to: '22:00', factor: 0 }],
        }),
      ),
    ).toEqual([
      'sites[1].payPremiums[0].factor: must be > 0',
      'sites[1].payPremiums[0].to: must differ from "from"',
      'sites[1].payPremiums: applies to in-house labour only; a site with a "contract" is billed by its contract',
    ]);
  });

  it('credits on a channel the site does not answer are refused', () => {
    const s = scenario({
      contract: { basis: 'contact', rate: 1, slaCredits: { ...credits, channel: 'chat' } },
    });
    (s.channels as Obj).chat = { volumePerDay: 10, handleTime: { dist: 'fixed', value: 60 } };
    ((s.sites as Obj[])[0].groups as Obj[]).push({ id: 'c', skills: ['chat'], agents: 1 });
    expect(problems(s)).toEqual([
      'sites[1].contract.slaCredits.channel: this site has no group with the skill "chat", so its service level on it is never measured',
    ]);
  });
});
