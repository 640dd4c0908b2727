/**
 * The plan's answer, drawn: agents per site over the day (uPlot: required dashed, scheduled solid),
 * the shifts, the cost per site, the location mix when one was chosen, the verification, and the
 * "Apply plan" and "Save as variant" buttons, which hand the planned scenario to the handlers.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChannelKind, Scenario } from '../../sim/scenario';
import type { PlanResponse } from '../../worker/plan.worker';
import { h, headRow } from '../dom';
import { costRows, shiftRows, siteSeries, verificationSummary } from './view';

export interface PlanResultHandlers {
  apply(scenario: Scenario): void;
  save(scenario: Scenario, name: string): void;
}

export interface PlanResults {
  element: HTMLElement;
  update(r: PlanResponse, scenario: Scenario): void;
  destroy(): void;
}

type Plan = PlanResponse['plan'];

const SITE_COLORS = ['#38bdf8', '#f59e0b', '#a78bfa', '#34d399', '#f472b6', '#facc15'];
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** A table of text cells. */
function textTable(testid: string, head: string[], rows: string[][]): HTMLTableElement {
  const table = h('table', { 'data-testid': testid }, headRow(...head));
  table.append(h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((t) => h('td', { text: t }))))));
  return table;
}

function chartSeries(series: ReturnType<typeof siteSeries>): uPlot.Series[] {
  const out: uPlot.Series[] = [{ label: 'time' }];
  series.forEach((s, i) => {
    const stroke = SITE_COLORS[i % SITE_COLORS.length];
    const line = { stroke, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } };
    out.push({ ...line, label: `${s.siteId} required`, dash: [5, 4], width: 1.5 });
    out.push({ ...line, label: `${s.siteId} scheduled`, width: 2 });
  });
  return out;
}

/** Agents per site over the client's day: required (dashed) and scheduled (solid), stepped. */
function planChart(o: Plan, width: number): { element: HTMLElement; chart: uPlot } {
  const series = siteSeries(o);
  const L = o.requirement.intervalMinutes;
  const x = [...o.requirement.starts.map((_, j) => (j * L) / 60), 24];
  const ext = (a: number[]) => [...a, a[a.length - 1]];
  const plotHost = h('div', { 'data-testid': 'plan-chart' });
  const element = h(
    'figure',
    { class: 'chart' },
    plotHost,
    h('figcaption', {
      text: 'Agents per site over the day (client time): required (dashed), scheduled by the shift plan (solid)',
    }),
  );
  const axisColor = '#94a3b8';
  const chart = new uPlot(
    {
      width,
      height: 220,
      series: chartSeries(series),
      scales: { x: { time: false, range: [0, 24] } },
      axes: [
        {
          stroke: axisColor,
          values: (_u, ticks) => ticks.map((t) => `${String(Math.floor(t)).padStart(2, '0')}:00`),
        },
        { stroke: axisColor },
      ],
      cursor: { drag: { x: false, y: false } },
    },
    [x, ...series.flatMap((s) => [ext(s.required), ext(s.scheduled)])] as uPlot.AlignedData,
    plotHost,
  );
  return { element, chart };
}

function shiftsAndCost(o: Plan): Node[] {
  const shifts = shiftRows(o).map((s) => [
    s.site,
    s.group,
    s.start,
    s.end,
    s.break || '—',
    String(s.agents),
    s.hours.toFixed(1),
    money(s.costPerAgent),
  ]);
  const cost = costRows(o).map((c) => [c.label, c.paidHours.toFixed(1), money(c.labour), money(c.peak)]);
  return [
    h('h3', { text: 'Shifts (local time at each site)' }),
    textTable(
      'plan-shifts',
      ['site', 'group', 'start', 'end', 'break', 'agents', 'hours', 'paid per agent'],
      shifts,
    ),
    h('h3', { text: 'Cost per day' }),
    textTable('plan-cost', ['site', 'paid hours', 'labour per day', 'every interval at peak'], cost),
  ];
}

function mixLine(r: PlanResponse): Node[] {
  if (!r.mix) return [];
  const o = r.plan;
  const cur = r.mix.current.cost.total.labour;
  const text =
    o === r.mix.current
      ? `No split tried meets the targets more cheaply; the plan keeps the current split (${money(cur)} per day).`
      : `Location mix: ${describeSplit(o.split)} — ${money(o.cost.total.labour)} per day, against ${money(cur)} at the current split.`;
  return [h('p', { 'data-testid': 'plan-mix-result', text })];
}

function verification(o: Plan): Node[] {
  const v = verificationSummary(o);
  const rows = o.verification.channels.map((c) => [
    c.channel,
    c.figure === 'serviceLevel' ? 'SL ≥' : 'abandon ≤',
    `${(c.target * 100).toFixed(1)} %`,
    c.mean === null ? '–' : `${(c.mean * 100).toFixed(1)} ± ${((c.ci95 ?? 0) * 100).toFixed(1)} %`,
    c.ok ? 'yes' : 'NO',
  ]);
  return [
    h('h3', { text: `Verification (${o.verification.replications} replications)` }),
    textTable('plan-verification', ['channel', 'figure', 'target', 'simulated (95 % CI)', 'met'], rows),
    h('p', {
      'data-testid': 'plan-verdict',
      text:
        `${v.metIntervals} of ${v.checks} interval checks met, ${v.unclear} unclear, ${v.missed.length} missed. ` +
        (v.met
          ? 'The plan meets its targets (except where they cannot be met).'
          : 'The plan does not meet every target.'),
    }),
    h('ul', { class: 'problems' }, ...v.missed.map((m) => h('li', { text: m.text }))),
  ];
}

function actions(r: PlanResponse, scenario: Scenario, on: PlanResultHandlers): HTMLElement {
  const o = r.plan;
  const apply = h('button', { type: 'button', text: 'Apply plan', 'data-testid': 'plan-apply' });
  const save = h('button', { type: 'button', text: 'Save as variant', 'data-testid': 'plan-save' });
  apply.addEventListener('click', () => on.apply(structuredClone(o.scenario)));
  save.addEventListener('click', () =>
    on.save(
      structuredClone(o.scenario),
      `${scenario.name} (plan${r.mix && o !== r.mix.current ? ', mix' : ''})`,
    ),
  );
  return h('div', { class: 'plan-actions' }, apply, save);
}

export function buildPlanResults(on: PlanResultHandlers): PlanResults {
  const element = h('div', { class: 'plan-results', 'data-testid': 'plan-results' });
  let chart: uPlot | null = null;
  return {
    element,
    update(r, scenario) {
      chart?.destroy();
      element.replaceChildren();
      const drawn = planChart(r.plan, Math.max(320, element.clientWidth - 8 || 600));
      chart = drawn.chart;
      element.prepend(drawn.element); // uPlot measured nothing yet: the figure goes in first
      element.append(
        ...shiftsAndCost(r.plan),
        ...mixLine(r),
        ...verification(r.plan),
        actions(r, scenario, on),
      );
    },
    destroy: () => chart?.destroy(),
  };
}

function describeSplit(split: Partial<Record<ChannelKind, Record<string, number>>> | null): string {
  if (!split) return 'current split';
  const first = Object.values(split)[0] ?? {};
  const total = Object.values(first).reduce((a, b) => a + b, 0) || 1;
  return Object.entries(first)
    .map(([id, w]) => `${id} ${Math.round((w / total) * 100)} %`)
    .join(', ');
}
