/**
 * (v3) The comparison's cost by site, under the figures tables (results-table.ts), from the same
 * comparison: for each variant, every site's cost per contact beside its cost per owned issue (every
 * contact of the issues whose first contact it handled, wherever handled: a cheap contact whose
 * repeats land elsewhere is not a cheap issue — SPEC v3 §6), and, where some variant has a contract
 * site, its invoice and SLA credit; mean ± 95 % CI.
 */
import type { Comparison } from '../../optimise/compare';
import type { Estimate } from '../../sim';
import { h, headRow } from '../dom';
import { DASH, fmtInt } from '../../format/figures';
import { fmtEstimate } from './figures';
import { scrollBox, swatch } from './widgets';

const moneyIn = (currency: string) => (e: Estimate | undefined) =>
  e && e.mean !== null ? fmtEstimate('cost', e, currency) : DASH;
const unitMoneyIn = (currency: string) => (e: Estimate | undefined) =>
  e && e.mean !== null ? fmtEstimate('costPerResolved', e, currency) : DASH;
const count = (e: Estimate | undefined) =>
  e && e.mean !== null ? fmtInt(e.mean) + (e.ci95 === null ? '' : ` ± ${fmtInt(e.ci95)}`) : DASH;

export function siteCostTable(c: Comparison): HTMLElement | null {
  if (!c.variants.some((v) => Object.keys(v.sites ?? {}).length > 0)) return null;
  const money = moneyIn(c.currency);
  const unitMoney = unitMoneyIn(c.currency);
  const perDay = c.costPerDay ? ' per day' : '';
  const anyContract = c.variants.some((v) =>
    Object.values(v.sites ?? {}).some((s) => s.invoice.mean !== null),
  );
  const rows = c.variants.flatMap((v, i) =>
    Object.entries(v.sites ?? {}).map(([id, s]) =>
      h(
        'tr',
        { 'data-testid': 'site-cost-row', 'data-site': id },
        h('th', { scope: 'row' }, swatch(i), `${v.name} · ${id}`),
        h('td', { 'data-key': 'costPerContact' }, unitMoney(s.costPerContact)),
        h('td', { 'data-key': 'issuesOwned' }, count(s.issuesOwned)),
        h('td', { 'data-key': 'costPerOwnedIssue' }, unitMoney(s.costPerOwnedIssue)),
        ...(anyContract
          ? [
              h('td', { 'data-key': 'invoice' }, money(s.invoice)),
              h('td', { 'data-key': 'slaCredit' }, money(s.slaCredit)),
            ]
          : []),
        h('td', { 'data-key': 'cost' }, money(s.cost)),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'figures cmp-table', 'data-testid': 'compare-table-sites' },
    h('caption', {
      text:
        'Cost by site — per contact handled, and per owned issue (all the contacts of the issues whose first ' +
        'contact the site handled, wherever handled)' +
        (anyContract
          ? "; a contract site's cost is its invoice less its SLA credit, plus telecom and fees"
          : '') +
        `; in ${c.currency}; mean ± 95 % CI over ${c.replications} replications`,
    }),
    headRow(
      'Variant · site',
      'Cost per contact',
      'Issues owned',
      'Cost per owned issue',
      ...(anyContract ? [`Invoice${perDay}`, `SLA credit${perDay}`] : []),
      `Cost${perDay}`,
    ),
    h('tbody', {}, ...rows),
  );
  return scrollBox(table, 'Results: cost by site');
}
