/**
 * Editor section "Contract and pay premiums" of a site (SPEC v3 §3): an outsourcer's billing basis,
 * rate, minimum volume, SLA credit tiers and cap; or, for an in-house site, its evening and night pay
 * differentials. Every field is bound to its path, so the schema's message for it (the same
 * validation as the command line) shows beside it.
 *
 * A section of its own, hooked from sites.ts with one line, so the site form stays one job per file.
 */
import {
  CHANNEL_KINDS,
  CONTRACT_BASES,
  DEFAULTS,
  isLiveChannel,
  type ContractBasis,
  type ContractSpec,
  type Scenario,
  type SiteSpec,
} from '../../sim/scenario';
import { h } from '../dom';
import { button, numberField, selectField, textField, type FieldContext } from './fields';

const BASIS_LABELS: Record<ContractBasis, string> = {
  'productive-hour': 'per productive hour',
  'paid-hour': 'per paid hour',
  'handled-minute': 'per handled minute',
  contact: 'per contact',
  'fte-month': 'per FTE-month (173.3 paid hours)',
};

/** A starting rate per basis from DOMAIN.md's indicative terms (offshore per minute, a WFM FTE-month). */
const DEFAULT_RATES: Record<ContractBasis, number> = {
  'productive-hour': 14,
  'paid-hour': 11,
  'handled-minute': 0.4,
  contact: 3,
  'fte-month': 1559,
};

export function buildContractSection(
  ctx: FieldContext,
  draft: Scenario,
  site: SiteSpec,
  i: number,
): HTMLElement {
  const p = ['sites', i];
  const c = site.contract;
  const basis = selectField(
    ctx,
    [...p, 'contract', 'basis'],
    'Billing',
    [
      { value: '', label: 'hourly labour (in-house)' },
      ...CONTRACT_BASES.map((b) => ({ value: b, label: `contract, ${BASIS_LABELS[b]}` })),
    ],
    {
      current: c?.basis ?? '',
      onChange: (v) =>
        ctx.set(
          [...p, 'contract'],
          v === '' ? undefined : { ...c, basis: v, rate: c?.rate ?? DEFAULT_RATES[v as ContractBasis] },
          `contract:${i}`,
        ),
    },
  );
  return h(
    'div',
    { class: 'ed-contract' },
    h('h4', { text: c ? 'Contract' : 'Billing and pay premiums' }),
    h(
      'div',
      { class: 'ed-grid' },
      basis,
      c
        ? numberField(ctx, [...p, 'contract', 'rate'], `Rate (${currency(draft)} ${unit(c.basis)})`, {
            min: 0,
          })
        : null,
      ...(c ? minimumFields(ctx, c, i) : []),
    ),
    ...(c ? creditFields(ctx, draft, site, c, i) : premiumFields(ctx, site, i)),
  );
}

function currency(s: Scenario): string {
  return s.currency ?? DEFAULTS.currency;
}

function unit(b: ContractBasis): string {
  return {
    'productive-hour': 'per hour',
    'paid-hour': 'per hour',
    'handled-minute': 'per minute',
    contact: 'per contact',
    'fte-month': 'per FTE-month',
  }[b];
}

function minimumFields(ctx: FieldContext, c: ContractSpec, i: number): HTMLElement[] {
  const p = ['sites', i, 'contract', 'minimum'];
  const field = c.basis === 'contact' ? 'contactsPerDay' : 'minutesPerDay';
  const has = c.minimum !== undefined;
  const toggle = selectField(
    ctx,
    p,
    'Minimum volume',
    [
      { value: '', label: 'none' },
      { value: field, label: field === 'contactsPerDay' ? 'contacts per day' : 'minutes per day' },
    ],
    {
      current: has ? field : '',
      onChange: (v) => ctx.set(p, v === '' ? undefined : { [field]: 0 }, `minimum:${i}`),
    },
  );
  // A minimum of the other kind (from a file) is shown so the schema's message has a field to sit at.
  const kinds = Object.keys(c.minimum ?? {}) as ('contactsPerDay' | 'minutesPerDay')[];
  return [
    toggle,
    ...kinds.map((k) =>
      numberField(ctx, [...p, k], k === 'contactsPerDay' ? 'Contacts per day' : 'Minutes per day', {
        min: 0,
      }),
    ),
  ];
}

type Credits = NonNullable<ContractSpec['slaCredits']>;

/**
 * "SLA credits on": the channels this site answers; choosing one starts one tier at its target (5 %
 * credit, 10 % cap), and "(no credits)" drops them.
 */
function creditChannelField(
  ctx: FieldContext,
  draft: Scenario,
  site: SiteSpec,
  credits: Credits | undefined,
  i: number,
): HTMLElement {
  const p = ['sites', i, 'contract', 'slaCredits'];
  const answered = CHANNEL_KINDS.filter(
    (k) => draft.channels[k] && site.groups.some((g) => g.skills.includes(k)),
  );
  return selectField(
    ctx,
    [...p, 'channel'],
    'SLA credits on',
    [
      { value: '', label: '(no credits)' },
      ...answered.map((k) => ({ value: k, label: `${k} service level` })),
    ],
    {
      current: credits?.channel ?? '',
      onChange: (v) => {
        if (v === '') return ctx.set(p, undefined, `credits:${i}`);
        const target =
          (draft.channels[v as keyof Scenario['channels']]?.target ?? DEFAULTS.target[v as 'voice']).percent /
          100;
        ctx.set(
          p,
          credits
            ? { ...credits, channel: v }
            : { channel: v, tiers: [{ below: target, credit: 0.05 }], cap: 0.1 },
          `credits:${i}`,
        );
      },
    },
  );
}

/** Tier `k`: the service level it starts below, its credit, and Remove while another tier is left. */
function tierRow(ctx: FieldContext, credits: Credits, k: number, i: number): HTMLElement {
  const p = ['sites', i, 'contract', 'slaCredits'];
  return h(
    'div',
    { class: 'ed-grid ed-tier' },
    numberField(ctx, [...p, 'tiers', k, 'below'], `Tier ${k + 1}: service level below (%)`, {
      min: 0,
      max: 100,
      step: 0.1,
      scale: 100,
    }),
    numberField(ctx, [...p, 'tiers', k, 'credit'], 'credits (% of invoice)', {
      min: 0,
      max: 100,
      step: 0.1,
      scale: 100,
    }),
    credits.tiers.length > 1
      ? button('Remove tier', () =>
          ctx.set(
            [...p, 'tiers'],
            credits.tiers.filter((__, j) => j !== k),
            `tiers:${i}`,
          ),
        )
      : null,
  );
}

/** "Add tier": a step 0.1 below the lowest, crediting the cap (at most the whole invoice). */
function addTierButton(ctx: FieldContext, credits: Credits, i: number): HTMLElement {
  const lowest = Math.min(...credits.tiers.map((t) => t.below));
  return button('Add tier', () =>
    ctx.set(
      ['sites', i, 'contract', 'slaCredits', 'tiers'],
      [
        ...credits.tiers,
        { below: Math.max(0, +(lowest - 0.1).toFixed(4)), credit: Math.min(1, credits.cap) },
      ],
      `tiers:${i}`,
    ),
  );
}

function creditFields(
  ctx: FieldContext,
  draft: Scenario,
  site: SiteSpec,
  c: ContractSpec,
  i: number,
): HTMLElement[] {
  const credits = c.slaCredits;
  const channel = creditChannelField(ctx, draft, site, credits, i);
  if (!credits) return [h('div', { class: 'ed-grid' }, channel)];
  return [
    h(
      'div',
      { class: 'ed-grid' },
      channel,
      numberField(ctx, ['sites', i, 'contract', 'slaCredits', 'cap'], 'Cap (% of invoice at risk)', {
        min: 0,
        max: 100,
        step: 0.1,
        scale: 100,
      }),
      isLiveChannel(credits.channel)
        ? null
        : h('small', {
            class: 'ed-hint',
            text: 'a deferred channel: its service level is against its long target',
          }),
    ),
    ...credits.tiers.map((_, k) => tierRow(ctx, credits, k, i)),
    h('div', { class: 'ed-row' }, addTierButton(ctx, credits, i)),
  ];
}

function premiumFields(ctx: FieldContext, site: SiteSpec, i: number): HTMLElement[] {
  const p = ['sites', i, 'payPremiums'];
  const list = site.payPremiums ?? [];
  const rows = list.map((_, k) =>
    h(
      'div',
      { class: 'ed-grid ed-premium' },
      textField(ctx, [...p, k, 'from'], `Premium ${k + 1}: from (local HH:MM)`, { pattern: '22:00' }),
      textField(ctx, [...p, k, 'to'], 'to (may cross midnight)', { pattern: '06:00' }),
      numberField(ctx, [...p, k, 'factor'], 'Rate × (1.25 = +25 %)', { min: 0, step: 0.01 }),
      button('Remove premium', () =>
        ctx.set(p, list.length > 1 ? list.filter((__, j) => j !== k) : undefined, `premiums:${i}`),
      ),
    ),
  );
  return [
    ...rows,
    h(
      'div',
      { class: 'ed-row' },
      button('Add pay premium', () =>
        ctx.set(
          p,
          [
            ...list,
            list.length === 0
              ? { from: '22:00', to: '06:00', factor: 1.25 }
              : { from: '18:00', to: '22:00', factor: 1.1 },
          ],
          `premiums:${i}`,
        ),
      ),
    ),
  ];
}
