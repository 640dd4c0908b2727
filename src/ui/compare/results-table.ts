/**
 * The comparison's figures: one table per scope (all channels, then each channel), a row per
 * variant with mean ± 95 % CI for every figure and, under it, the paired difference against the base
 * (bold with * where its interval excludes zero). Each table scrolls sideways inside the panel when
 * it is wider; a note says when the variants changed since the run.
 */
import { channelSetWarning, COMPARE_KEYS, type Comparison, type Scope } from '../../optimise/compare';
import { fmtCurrency } from '../../format/figures';
import { h, headRow } from '../dom';
import { columnTitle, fmtDiff, fmtEstimate } from './figures';
import { FIXED_STAFFING_NOTE } from './service-mode';
import { siteCostTable } from './site-costs';
import type { CompareState, ComparisonRun } from '../state/compare';
import { scrollBox, swatch } from './widgets';

export interface ResultsTable {
  element: HTMLElement;
  update(state: CompareState): void;
}

const scopeTitle = (s: Scope) => (s === 'total' ? 'All channels' : s);

/**
 * A figure in two parts, the mean and its "± interval": a table too wide for its panel puts every
 * interval on a line of its own (class `stacked`, see fitTables), so that it fits rather than
 * scrolls at the usual widths. The text stays the same.
 */
function breakable(text: string): (Node | string)[] {
  const at = text.indexOf(' ± ');
  if (at < 0) return [h('span', { class: 'nw', text })];
  return [
    h('span', { class: 'nw', text: text.slice(0, at) }),
    ' ',
    h('span', { class: 'nw', text: text.slice(at + 1) }),
  ];
}

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
            ...breakable(`Δ ${fmtDiff(k, d.mean, d.ci95, c.currency)}${d.significant ? ' *' : ''}`),
          )
        : null;
    return h(
      'td',
      { 'data-key': k },
      h('div', {}, ...breakable(fmtEstimate(k, v.figures[scope]![k], c.currency))),
      diff,
    );
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
    headRow('Variant', ...COMPARE_KEYS.map((k) => columnTitle(k, c))),
    h('tbody', {}, ...rows),
  );
  return scrollBox(table, `Results: ${scopeTitle(scope)}`);
}

/**
 * What the figures mean before them (issue 27): at equal service, the targets and each variant's
 * staffing; with staffing fixed, that cost cannot fall; a warning when the channel sets differ; and
 * that "all channels" has no wait figures where it would blend live and deferred channels.
 */
function notes(run: ComparisonRun): HTMLElement[] {
  const c = run.result;
  const out: HTMLElement[] = [];
  const es = run.equalService;
  if (es)
    out.push(
      h('p', {
        class: 'note',
        'data-testid': 'compare-equal-note',
        text:
          `At equal service: each variant was staffed by the optimiser to ${es.targets} first; ` +
          es.variants
            .map(
              (v) =>
                `${v.name} ${v.agentsBefore} → ${v.agents} agents, staffing ${fmtCurrency(v.staffingCost, c.currency)} per day`,
            )
            .join('; ') +
          '. Costs below are at that staffing.',
      }),
    );
  else out.push(h('p', { class: 'note', 'data-testid': 'compare-fixed-note', text: FIXED_STAFFING_NOTE }));
  const warning = channelSetWarning(c);
  if (warning)
    out.push(
      h('p', { class: 'warn', role: 'status', 'data-testid': 'compare-channel-warning', text: warning }),
    );
  if (c.scopes.length > 2 && c.variants.some((v) => v.figures.total?.serviceLevel.mean === null))
    out.push(
      h('p', {
        class: 'note',
        text: 'Where voice or chat (waits in seconds) sits beside e-mail or social (waits in hours), “All channels” shows no service level, ASA or P90 wait: see each channel.',
      }),
    );
  return out;
}

/**
 * Stacks the intervals of each table that is wider than its box, and unstacks those that fit. Run
 * after drawing and on window resizes (the panel's width follows the window); not a ResizeObserver,
 * whose callback would change the very height it observes.
 */
function fitTables(host: HTMLElement): void {
  for (const table of host.querySelectorAll('table')) {
    const box = table.parentElement!;
    table.classList.remove('stacked');
    if (table.offsetWidth > box.clientWidth) table.classList.add('stacked');
  }
}

export function buildResultsTable(): ResultsTable {
  const element = h('div', { class: 'cmp-tables' });
  let drawn: ComparisonRun | null = null;
  let pending = 0;
  const fitSoon = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => element.isConnected && fitTables(element));
  };
  addEventListener('resize', fitSoon);
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
        ...notes(drawn),
        ...c.scopes.map((scope) => scopeTable(c, scope)),
        siteCostTable(c) ?? '',
      );
      fitSoon();
    },
  };
}
