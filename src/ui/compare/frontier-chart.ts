/**
 * The comparison as a chart: every variant's cost (all channels) against its service level or ASA,
 * with 95 % whiskers and the Pareto frontier dashed (no other variant both cheaper and better).
 * A radio pair picks the y axis; `side` holds what the panel shows beside the chart (the downloads).
 */
import type { Comparison } from '../../optimise/compare';
import { h, uid } from '../dom';
import { fmtCurrency } from '../../format/figures';
import type { Scenario } from '../../sim';
import { fmtEstimate, slTargetMarks } from './figures';
import type { CompareState } from '../state/compare';
import { scatterPlot, type ScatterPoint } from './svg-plot';
import { colorOf } from './widgets';

type YKey = 'serviceLevel' | 'asa';

export interface FrontierChart {
  element: HTMLElement;
  update(state: CompareState): void;
}

const Y_NAME: Record<YKey, string> = { serviceLevel: 'service level', asa: 'ASA' };

function plot(c: Comparison, y: YKey, base?: Scenario): HTMLElement {
  const scale = y === 'serviceLevel' ? 100 : 1;
  const points: ScatterPoint[] = [];
  c.variants.forEach((v, i) => {
    const t = v.figures.total;
    if (!t || t.cost.mean === null || t[y].mean === null) return;
    points.push({
      label: v.name,
      x: t.cost.mean,
      xci: t.cost.ci95,
      y: t[y].mean! * scale,
      yci: t[y].ci95 === null ? null : t[y].ci95! * scale,
      color: colorOf(i),
      title: `${v.name}: cost ${fmtEstimate('cost', t.cost, c.currency)}, ${Y_NAME[y]} ${fmtEstimate(y, t[y])}`,
    });
  });
  const frontier = y === 'serviceLevel' ? c.paretoCostServiceLevel : c.paretoCostAsa;
  const svg = scatterPlot(
    points,
    frontier,
    {
      label: `cost${c.costPerDay ? ' per day' : ''} (${c.currency}, all channels)`,
      format: (v) => fmtCurrency(v, c.currency),
      zero: true,
    },
    y === 'serviceLevel'
      ? {
          label: 'service level (%)',
          format: (v) => `${Number(v.toFixed(1))} %`,
          marks: slTargetMarks(base),
        }
      : { label: 'ASA (s)', format: (v) => `${Number(v.toFixed(1))} s` },
    `Cost against ${Y_NAME[y]} per variant, with 95 % intervals; Pareto frontier: ${frontier.join(', ') || 'none'}`,
  );
  return h(
    'figure',
    {},
    svg,
    h('figcaption', {
      text: `Pareto frontier (cost ↓, ${y === 'serviceLevel' ? 'service level ↑' : 'ASA ↓'}): ${frontier.join(', ') || '—'}`,
    }),
  );
}

export function buildFrontierChart(...side: Node[]): FrontierChart {
  let y: YKey = 'serviceLevel';
  let comparison: Comparison | null = null;
  let base: Scenario | undefined;
  const chartHost = h('div', { class: 'cmp-chart' });
  const draw = () => chartHost.replaceChildren(comparison ? plot(comparison, y, base) : '');
  const name = uid('ytoggle');
  const toggle = h(
    'fieldset',
    { class: 'cmp-toggle' },
    h('legend', { text: 'Chart y axis' }),
    ...(['serviceLevel', 'asa'] as const).map((k) => {
      const r = h('input', {
        type: 'radio',
        id: uid('y'),
        name,
        value: k,
        checked: k === y,
        'data-testid': `chart-y-${k}`,
      });
      r.addEventListener('change', () => {
        if (!r.checked) return;
        y = k;
        draw();
      });
      return h('span', {}, r, h('label', { for: r.id, text: Y_NAME[k] }));
    }),
  );
  const element = h(
    'div',
    { class: 'cmp-chart-row' },
    chartHost,
    h(
      'div',
      { class: 'cmp-chart-side' },
      toggle,
      h('p', {
        class: 'note',
        text: 'Whiskers: 95 % intervals. Dashed: the Pareto frontier (no other variant is both cheaper and better). Dotted amber: the service-level target. Figures for all channels together; cost starts at zero.',
      }),
      ...side,
    ),
  );
  return {
    element,
    update(state) {
      const next = state.comparison?.result ?? null;
      element.hidden = !next;
      if (next === comparison) return;
      comparison = next;
      // the target line: the base variant's own service-level targets
      base = state.variants[state.baseIndex]?.scenario;
      draw();
    },
  };
}
