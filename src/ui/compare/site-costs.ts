/**
 * (v3) The comparison's cost by site: for each variant, every site's cost and, for a contract site,
 * its invoice and SLA credit (SPEC v3 §6), mean ± 95 % CI. Drawn only when some variant has a
 * contract site, under the figures tables (results-table.ts), from the same comparison.
 */
import type { Comparison } from '../../optimise/compare';
import type { Estimate } from '../../sim';
import { h, headRow } from '../dom';
import { DASH } from '../../format/figures';
import { fmtEstimate } from './figures';
import { scrollBox, swatch } from './widgets';

const money = (e: Estimate | undefined) => (e && e.mean !== null ? fmtEstimate('cost', e) : DASH);

export function siteCostTable(c: Comparison): HTMLElement | null {
  const anyContract = c.variants.some((v) =>
    Object.values(v.sites ?? {}).some((s) => s.invoice.mean !== null),
  );
  if (!anyContract) return null;
  const rows = c.variants.flatMap((v, i) =>
    Object.entries(v.sites ?? {}).map(([id, s]) =>
      h(
        'tr',
        { 'data-testid': 'site-cost-row', 'data-site': id },
        h('th', { scope: 'row' }, swatch(i), `${v.name} · ${id}`),
        h('td', { 'data-key': 'invoice' }, money(s.invoice)),
        h('td', { 'data-key': 'slaCredit' }, money(s.slaCredit)),
        h('td', { 'data-key': 'cost' }, money(s.cost)),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'figures cmp-table', 'data-testid': 'compare-table-sites' },
    h('caption', {
      text: `Cost by site — a contract site's cost is its invoice less its SLA credit, plus telecom and fees; mean ± 95 % CI over ${c.replications} replications`,
    }),
    headRow('Variant · site', 'Invoice', 'SLA credit', 'Cost'),
    h('tbody', {}, ...rows),
  );
  return scrollBox(table, 'Results: cost by site');
}
