/**
 * The plan's answer, drawn: agents per site over the day (uPlot: required dashed, scheduled solid, in
 * colours of their own, named by site, the y-axis labelled; a static legend rather than uPlot's live
 * values, which read "--" until hovered), the shifts (hovering or focusing one shows the client
 * intervals it covers), the cost per site, the location mix when one was chosen (with a warning for
 * any site it closes), the verification with "unclear" explained, and the "Apply plan" and "Save as
 * variant" buttons, which hand the planned scenario to the handlers.
 *
 * (issue 29) When the week is planned it comes first (week-view.ts), with each day's verdict; what
 * follows is day 1's plan in detail. "Apply plan" and "Save as variant" then hand over the scenario
 * with every day's shifts, each carrying its `day` (what `plan --out` writes).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChannelKind, Scenario } from '../../sim/scenario';
import type { PlanResponse } from '../../worker/plan.worker';
import { h } from '../dom';
import { textTable } from './table';
import { weekDayLabel, weekView } from './week-view';
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

/** scheduled lines per site, and the required lines beside them in a distinct hue */
const SITE_COLORS = ['#38bdf8', '#f59e0b', '#a78bfa', '#34d399', '#f472b6', '#facc15'];
const REQUIRED_COLORS = ['#f87171', '#e2e8f0', '#fb923c', '#a3e635', '#c084fc', '#67e8f9'];
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

function chartSeries(series: ReturnType<typeof siteSeries>): uPlot.Series[] {
  const out: uPlot.Series[] = [{ label: 'time' }];
  series.forEach((s, i) => {
    const line = { paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } };
    const required = REQUIRED_COLORS[i % REQUIRED_COLORS.length];
    const scheduled = SITE_COLORS[i % SITE_COLORS.length];
    out.push({ ...line, stroke: required, label: `${s.name} required`, dash: [5, 4], width: 1.5 });
    out.push({ ...line, stroke: scheduled, label: `${s.name} scheduled`, width: 2 });
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
    // the y-axis label as text (uPlot draws its own on the canvas, out of reach of screen readers)
    h(
      'div',
      { class: 'plan-chart-row' },
      h('span', { class: 'plan-y-label', 'data-testid': 'plan-y-label', text: 'Agents' }),
      plotHost,
    ),
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
      legend: { live: false },
      scales: { x: { time: false, range: [0, 24] } },
      axes: [
        {
          stroke: axisColor,
          label: 'Client time',
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
  const rows = shiftRows(o);
  const shifts = rows.map((s) => [
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
    ...shiftTable(rows, shifts),
    h('h3', { text: 'Cost per day' }),
    textTable('plan-cost', ['site', 'paid hours', 'labour per day', 'every interval at peak'], cost),
  ];
}

/**
 * The shift table; hovering or focusing a row says which client intervals the shift covers (in the
 * line under the table, and as the row's title).
 */
function shiftTable(rows: ReturnType<typeof shiftRows>, cells: string[][]): Node[] {
  const table = textTable(
    'plan-shifts',
    ['site', 'group', 'start', 'end', 'break', 'agents', 'hours', 'paid per agent'],
    cells,
  );
  const hint = 'Hover over a shift to see the client intervals it covers.';
  const cover = h('p', {
    class: 'note',
    'data-testid': 'plan-shift-cover',
    'aria-live': 'polite',
    text: hint,
  });
  table.querySelectorAll('tbody tr').forEach((tr, i) => {
    const text = `${rows[i].site} ${rows[i].group} ${rows[i].start}–${rows[i].end}: ${rows[i].covers}`;
    tr.setAttribute('title', text);
    tr.setAttribute('tabindex', '0');
    const show = () => (cover.textContent = text);
    tr.addEventListener('mouseenter', show);
    tr.addEventListener('focus', show);
  });
  return [table, cover];
}

function mixLine(r: PlanResponse): Node[] {
  if (!r.mix) return [];
  const o = r.plan;
  // ranked as planMix ranks: the verifying run's simulated total (premiums, invoices less credits, telecom, fees)
  const total = (p: Plan) => money(p.cost.simulated.total.mean ?? NaN);
  const cur = total(r.mix.current);
  const text =
    o === r.mix.current
      ? `No split tried meets the targets more cheaply; the plan keeps the current split (simulated total ${cur} over the run).`
      : `Location mix: ${describeSplit(o.split)} — simulated total ${total(o)} over the run (labour with premiums, invoices less SLA credits, telecom, fees), against ${cur} at the current split.`;
  const closes = r.mix.closes.map((c) =>
    h('p', {
      class: 'warning',
      'data-testid': 'plan-mix-closes',
      text:
        `Warning: this mix closes ${c.name} for ${c.channel} (0 % of ${c.channel}; ${Math.round(c.now * 100)} % now). ` +
        'To keep it open, set a minimum share for it under “also choose the location mix”.',
    }),
  );
  return [h('p', { 'data-testid': 'plan-mix-result', text }), ...closes];
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
    h('p', {
      class: 'note',
      'data-testid': 'plan-unclear-note',
      text:
        'Met: the whole 95 % band of an interval’s simulated figure clears its target. Missed: the whole ' +
        'band is on the wrong side. Unclear: the target lies inside the band, so the simulation cannot ' +
        'tell met from missed; more replications narrow the band.',
    }),
    h(
      'ul',
      { class: 'problems', hidden: v.missed.length === 0 },
      ...v.missed.map((m) => h('li', { text: m.text })),
    ),
  ];
}

function actions(r: PlanResponse, scenario: Scenario, on: PlanResultHandlers): HTMLElement {
  const o = r.plan;
  const planned = r.week ? r.week.scenario : o.scenario;
  const apply = h('button', { type: 'button', text: 'Apply plan', 'data-testid': 'plan-apply' });
  const save = h('button', { type: 'button', text: 'Save as variant', 'data-testid': 'plan-save' });
  apply.addEventListener('click', () => on.apply(structuredClone(planned)));
  save.addEventListener('click', () =>
    on.save(
      structuredClone(planned),
      `${scenario.name} (plan${r.mix && o !== r.mix.current ? ', mix' : ''})`,
    ),
  );
  return h('div', { class: 'plan-actions' }, apply, save);
}

/** The week first, then the heading of day 1's detail (a scenario with several days). */
function weekFirst(r: PlanResponse, width: number): { nodes: Node[]; chart: uPlot | null } {
  if (!r.week) return { nodes: [], chart: null };
  const w = weekView(r.week, width);
  const first = r.week.days[0];
  const detail = h('h3', {
    'data-testid': 'plan-day-one',
    text: `${weekDayLabel(first)} in detail: requirement, shifts and its own verification by simulation (Apply plan puts every day’s shifts into the scenario, each on its day)`,
  });
  return { nodes: [...w.nodes, detail], chart: w.chart };
}

export function buildPlanResults(on: PlanResultHandlers): PlanResults {
  const element = h('div', { class: 'plan-results', 'data-testid': 'plan-results' });
  let charts: uPlot[] = [];
  return {
    element,
    update(r, scenario) {
      for (const c of charts) c.destroy();
      element.replaceChildren();
      const width = Math.max(320, element.clientWidth - 32 || 600);
      const week = weekFirst(r, width);
      const drawn = planChart(r.plan, width);
      charts = [drawn.chart, ...(week.chart ? [week.chart] : [])];
      element.append(...week.nodes, drawn.element); // uPlot measured nothing yet: the figures go in first
      element.append(
        ...shiftsAndCost(r.plan),
        ...mixLine(r),
        ...verification(r.plan),
        actions(r, scenario, on),
      );
    },
    destroy: () => charts.forEach((c) => c.destroy()),
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
