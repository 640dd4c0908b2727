/**
 * The Plan panel: targets per channel → the planner's worker → the requirement and the scheduled
 * agents per site over the day (uPlot), the list of shifts, the cost by site and in total, and the
 * verification. "Apply plan" and "Save as variant" hand the planned scenario to the page's callbacks;
 * a forecast CSV dropped on the panel (or chosen with its file button) is imported into the current
 * scenario and handed to `onForecast`. All the work runs in a worker: the page stays responsive.
 *
 * Wiring (src/ui/main.ts): `mountPlanPanel(host, { getScenario, onApply, onSaveVariant, onForecast })`.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Targets } from '../../optimise/optimiser';
import { CHANNEL_KINDS, DEFAULTS, type ChannelKind, type Scenario } from '../../sim/scenario';
import { createPlanClient, type PlanClient } from '../../worker/plan-client';
import type { PlanResponse } from '../../worker/plan.worker';
import { h, headRow, uid } from '../dom';
import { costRows, shiftRows, siteSeries, verificationSummary } from './view';

export interface PlanPanelOptions {
  /** the scenario the plan is for (the editor's / live run's current one) */
  /** the scenario the page plays; null before one is loaded */
  getScenario(): Scenario | null;
  /** "Apply plan": load the planned scenario into the editor and the live run */
  onApply(scenario: Scenario): void;
  /** "Save as variant": add the planned scenario to the compare panel */
  onSaveVariant(scenario: Scenario, name: string): void;
  /** a forecast CSV was imported into the current scenario (default: onApply) */
  onForecast?(scenario: Scenario): void;
  /** default: a new planner worker */
  client?: PlanClient;
}

export interface PlanPanel {
  element: HTMLElement;
  /** imports forecast CSV text into the current scenario (what a drop does); resolves to the problems, if any */
  importForecast(csv: string): Promise<string[]>;
  /** the page's scenario changed: the targets follow its channels */
  update(): void;
  destroy(): void;
}

const SITE_COLORS = ['#38bdf8', '#f59e0b', '#a78bfa', '#34d399', '#f472b6', '#facc15'];
const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function mountPlanPanel(host: HTMLElement, options: PlanPanelOptions): PlanPanel {
  const client = options.client ?? createPlanClient();
  const element = h('section', { class: 'plan-panel', 'data-testid': 'plan-panel' });
  const form = h('form', { class: 'plan-form' });
  const targetsBox = h('fieldset', {}, h('legend', { text: 'Targets per channel' }));
  const repsId = uid('plan-reps');
  const reps = h('input', { id: repsId, type: 'number', min: 2, max: 100, step: 1, value: 10 });
  const mixId = uid('plan-mix');
  const mix = h('input', { id: mixId, type: 'checkbox', 'data-testid': 'plan-mix' });
  const run = h('button', { type: 'submit', text: 'Plan', 'data-testid': 'plan-run' });
  const progress = h('output', {
    class: 'plan-progress',
    'data-testid': 'plan-progress',
    'aria-live': 'polite',
  });
  const file = h('input', {
    type: 'file',
    accept: '.csv,text/csv',
    'aria-label': 'Forecast CSV file',
    'data-testid': 'plan-forecast-file',
  });
  const dropNote = h('p', {
    class: 'plan-drop',
    text: 'Drop a forecast CSV here (start, channel, volume, handleTime) or ',
  });
  dropNote.append(file);
  const forecastProblems = h('ul', { class: 'problems', 'data-testid': 'plan-forecast-problems' });
  const results = h('div', { class: 'plan-results', 'data-testid': 'plan-results' });
  form.append(
    targetsBox,
    h('label', { for: repsId, text: 'Replications per simulation ' }),
    reps,
    h('label', { for: mixId }, mix, ' also choose the location mix'),
    run,
    progress,
  );
  element.append(
    h('h2', { text: 'Plan: requirement, shifts, cost' }),
    dropNote,
    forecastProblems,
    form,
    results,
  );
  host.append(element);

  // ---- targets: service level % and an optional abandon cap % per channel of the current scenario
  let targetInputs: { kind: ChannelKind; sl: HTMLInputElement; ab: HTMLInputElement }[] = [];
  function refreshTargets() {
    const scenario = options.getScenario();
    targetsBox.replaceChildren(h('legend', { text: 'Targets per channel' }));
    targetInputs = CHANNEL_KINDS.filter((k) => scenario?.channels[k]).map((kind) => {
      const t = scenario!.channels[kind]!.target ?? DEFAULTS.target[kind];
      const sl = h('input', {
        type: 'number',
        min: 0,
        max: 100,
        step: 1,
        value: t.percent,
        'aria-label': `${kind} service level target, %`,
        'data-testid': `plan-sl-${kind}`,
      });
      const ab = h('input', {
        type: 'number',
        min: 0,
        max: 100,
        step: 0.5,
        placeholder: '—',
        'aria-label': `${kind} abandon rate cap, % (optional)`,
        'data-testid': `plan-ab-${kind}`,
      });
      targetsBox.append(
        h(
          'div',
          { class: 'plan-target' },
          h('span', { text: kind }),
          ' SL ≥ ',
          sl,
          ' % within ' + t.withinSeconds + ' s; abandon ≤ ',
          ab,
          ' %',
        ),
      );
      return { kind, sl, ab };
    });
  }
  refreshTargets();

  function readTargets(): Targets {
    const out: Targets = {};
    for (const t of targetInputs) {
      const sl = Number(t.sl.value);
      const ab = t.ab.value.trim() === '' ? undefined : Number(t.ab.value) / 100;
      out[t.kind] = {
        serviceLevel: Math.min(1, Math.max(0, sl / 100)),
        ...(ab !== undefined ? { abandonRate: ab } : {}),
      };
    }
    return out;
  }

  // ---- running
  let chart: uPlot | null = null;
  let busy = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const scenario = options.getScenario();
    if (busy || !scenario) return;
    busy = true;
    run.disabled = true;
    progress.value = 'starting the planner…';
    client
      .plan(
        {
          scenario,
          targets: readTargets(),
          seed: '1',
          replications: Math.max(2, Math.min(100, Math.round(Number(reps.value) || 10))),
          mix: mix.checked,
        },
        (stage) => (progress.value = stage + '…'),
      )
      .then((r) => {
        progress.value = `done in ${r.wallSeconds.toFixed(1)} s`;
        show(r, scenario);
      })
      .catch((err: unknown) => {
        progress.value = `the planner failed: ${err instanceof Error ? err.message : String(err)}`;
      })
      .finally(() => {
        busy = false;
        run.disabled = false;
      });
  });

  function show(r: PlanResponse, scenario: Scenario) {
    const o = r.plan;
    chart?.destroy();
    results.replaceChildren();
    // chart: per site, required (dashed) and scheduled (solid), stepped, over the client's day
    const series = siteSeries(o);
    const L = o.requirement.intervalMinutes;
    const x = [...o.requirement.starts.map((_, j) => (j * L) / 60), 24];
    const ext = (a: number[]) => [...a, a[a.length - 1]];
    const plotHost = h('div', { 'data-testid': 'plan-chart' });
    results.append(
      h(
        'figure',
        { class: 'chart' },
        plotHost,
        h('figcaption', {
          text: 'Agents per site over the day (client time): required (dashed), scheduled by the shift plan (solid)',
        }),
      ),
    );
    const uSeries: uPlot.Series[] = [{ label: 'time' }];
    series.forEach((s, i) => {
      const color = SITE_COLORS[i % SITE_COLORS.length];
      uSeries.push({
        label: `${s.siteId} required`,
        stroke: color,
        dash: [5, 4],
        width: 1.5,
        paths: uPlot.paths.stepped!({ align: 1 }),
        points: { show: false },
      });
      uSeries.push({
        label: `${s.siteId} scheduled`,
        stroke: color,
        width: 2,
        paths: uPlot.paths.stepped!({ align: 1 }),
        points: { show: false },
      });
    });
    const axisColor = '#94a3b8';
    chart = new uPlot(
      {
        width: Math.max(320, results.clientWidth - 8 || 600),
        height: 220,
        series: uSeries,
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

    // shifts
    const shiftTable = h(
      'table',
      { 'data-testid': 'plan-shifts' },
      headRow('site', 'group', 'start', 'end', 'break', 'agents', 'hours', 'paid per agent'),
    );
    const tb = h('tbody');
    for (const s of shiftRows(o))
      tb.append(
        h(
          'tr',
          {},
          ...[
            s.site,
            s.group,
            s.start,
            s.end,
            s.break || '—',
            String(s.agents),
            s.hours.toFixed(1),
            money(s.costPerAgent),
          ].map((t) => h('td', { text: t })),
        ),
      );
    shiftTable.append(tb);
    results.append(h('h3', { text: 'Shifts (local time at each site)' }), shiftTable);

    // cost
    const costTable = h(
      'table',
      { 'data-testid': 'plan-cost' },
      headRow('site', 'paid hours', 'labour per day', 'every interval at peak'),
    );
    const cb = h('tbody');
    for (const c of costRows(o))
      cb.append(
        h(
          'tr',
          {},
          ...[c.label, c.paidHours.toFixed(1), money(c.labour), money(c.peak)].map((t) =>
            h('td', { text: t }),
          ),
        ),
      );
    costTable.append(cb);
    results.append(h('h3', { text: 'Cost per day' }), costTable);
    if (r.mix) {
      const cur = r.mix.current.cost.total.labour;
      results.append(
        h('p', {
          'data-testid': 'plan-mix-result',
          text:
            o === r.mix.current
              ? `No split tried meets the targets more cheaply; the plan keeps the current split (${money(cur)} per day).`
              : `Location mix: ${describeSplit(o.split)} — ${money(o.cost.total.labour)} per day, against ${money(cur)} at the current split.`,
        }),
      );
    }

    // verification
    const v = verificationSummary(o);
    const vt = h(
      'table',
      { 'data-testid': 'plan-verification' },
      headRow('channel', 'figure', 'target', 'simulated (95 % CI)', 'met'),
    );
    const vb = h('tbody');
    for (const c of o.verification.channels)
      vb.append(
        h(
          'tr',
          {},
          ...[
            c.channel,
            c.figure === 'serviceLevel' ? 'SL ≥' : 'abandon ≤',
            `${(c.target * 100).toFixed(1)} %`,
            c.mean === null ? '–' : `${(c.mean * 100).toFixed(1)} ± ${((c.ci95 ?? 0) * 100).toFixed(1)} %`,
            c.ok ? 'yes' : 'NO',
          ].map((t) => h('td', { text: t })),
        ),
      );
    vt.append(vb);
    const missed = h('ul', { class: 'problems' }, ...v.missed.map((m) => h('li', { text: m.text })));
    results.append(
      h('h3', { text: `Verification (${o.verification.replications} replications)` }),
      vt,
      h('p', {
        'data-testid': 'plan-verdict',
        text:
          `${v.metIntervals} of ${v.checks} interval checks met, ${v.unclear} unclear, ${v.missed.length} missed. ` +
          (v.met
            ? 'The plan meets its targets (except where they cannot be met).'
            : 'The plan does not meet every target.'),
      }),
      missed,
    );

    // actions
    const apply = h('button', { type: 'button', text: 'Apply plan', 'data-testid': 'plan-apply' });
    const save = h('button', { type: 'button', text: 'Save as variant', 'data-testid': 'plan-save' });
    apply.addEventListener('click', () => options.onApply(structuredClone(o.scenario)));
    save.addEventListener('click', () =>
      options.onSaveVariant(
        structuredClone(o.scenario),
        `${scenario.name} (plan${r.mix && o !== r.mix.current ? ', mix' : ''})`,
      ),
    );
    results.append(h('div', { class: 'plan-actions' }, apply, save));
  }

  // ---- forecast import: drop on the panel, or the file button
  async function importForecast(csv: string): Promise<string[]> {
    const scenario = options.getScenario();
    if (!scenario) return ['no scenario is loaded to import the forecast into'];
    const r = await client.importForecast(csv, scenario);
    forecastProblems.replaceChildren(...(r.ok ? [] : r.problems.map((p) => h('li', { text: p }))));
    if (!r.ok) return r.problems;
    (options.onForecast ?? options.onApply)(r.value.scenario);
    refreshTargets();
    return [];
  }
  const readFile = (f: File | undefined) => void f?.text().then(importForecast);
  file.addEventListener('change', () => readFile(file.files?.[0]));
  element.addEventListener('dragover', (e) => e.preventDefault());
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the page's own drop handler would import it a second time
    readFile(e.dataTransfer?.files?.[0]);
  });

  return {
    element,
    importForecast,
    update: refreshTargets,
    destroy() {
      chart?.destroy();
      element.remove();
      if (!options.client) client.terminate();
    },
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
