/**
 * The comparison's figures: one table per scope (all channels, then each channel), a row per
 * variant with mean ± 95 % CI for every figure and, under it, the paired difference against the base
 * (bold with * where its interval excludes zero). Each table scrolls sideways inside the panel when
 * it is wider; a note says when the variants changed since the run.
 */
import { COMPARE_KEYS, type Comparison, type Scope } from '../../optimise/compare';
import { h, headRow } from '../dom';
import { COLUMN, fmtDiff, fmtEstimate } from './figures';
import type { CompareState, ComparisonRun } from './state';
import { scrollBox, swatch } from './widgets';

export interface ResultsTable {
  element: HTMLElement;
  update(state: CompareState): void;
}

const scopeTitle = (s: Scope) => (s === 'total' ? 'All channels' : s);

function figureCells(c: Comparison, v: Comparison['variants'][number], scope: Scope): HTMLElement[] {
  const diffs = v.differences?.[scope];
  return COMPARE_KEYS.map((k) => {
    const d = diffs?.[k];
    const diff =
      d && d.mean !== null
        ? h(
            'div',
            {
              class: d.significant ? 'diff sig' : 'diff',
              'data-diff': k,
              'data-significant': String(d.significant),
              title: `paired difference against ${c.base}: its 95 % interval ${d.significant ? 'excludes' : 'includes'} zero`,
            },
            `Δ ${fmtDiff(k, d.mean, d.ci95)}${d.significant ? ' *' : ''}`,
          )
        : null;
    return h('td', { 'data-key': k }, h('div', { text: fmtEstimate(k, v.figures[scope]![k]) }), diff);
  });
}

function scopeTable(c: Comparison, scope: Scope): HTMLElement {
  const rows = c.variants
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.figures[scope])
    .map(({ v, i }) =>
      h(
        'tr',
        { 'data-testid': 'result-row', class: v.isBase ? 'base' : '' },
        h('th', { scope: 'row' }, swatch(i), v.name, v.isBase ? h('small', { text: ' (base)' }) : null),
        ...figureCells(c, v, scope),
      ),
    );
  const table = h(
    'table',
    { class: 'figures cmp-table', 'data-testid': `compare-table-${scope}` },
    h('caption', {
      text: `${scopeTitle(scope)} — mean ± 95 % CI over ${c.replications} replications; Δ = paired difference against ${c.base} (* = its interval excludes zero)`,
    }),
    headRow('Variant', ...COMPARE_KEYS.map((k) => COLUMN[k])),
    h('tbody', {}, ...rows),
  );
  return scrollBox(table, `Results: ${scopeTitle(scope)}`);
}

export function buildResultsTable(): ResultsTable {
  const element = h('div', { class: 'cmp-tables' });
  let drawn: ComparisonRun | null = null;
  return {
    element,
    update(state) {
      if (state.comparison === drawn) return;
      drawn = state.comparison;
      element.hidden = !drawn;
      if (!drawn) return element.replaceChildren();
      const c = drawn.result;
      element.replaceChildren(
        drawn.stale
          ? h('p', { class: 'note stale', text: 'The variants changed since this run: run again to update.' })
          : '',
        ...c.scopes.map((scope) => scopeTable(c, scope)),
      );
    },
  };
}
