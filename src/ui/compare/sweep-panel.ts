/**
 * "Sweep a parameter": one parameter of the current scenario (with the sliders) — a group's agents
 * or a site's share of a channel — over a range, every point replicated with the same seeds, drawn
 * as cost and per-channel service level with their 95 % bands, and downloadable as CSV.
 *
 * The parameter list follows the loaded scenario (from CompareState) and the sliders (read through
 * `current` when the list gets the focus and before a run). (v3) A contract's rate or a site's FCR is
 * swept against the compare panel's base variant when there is one (e.g. the all in-house setup): the
 * cost chart then shows the base's cost and marks where the sweep crosses it, with its interval, and a
 * chart of cost per resolved issue follows (break-even-run.ts, break-even-chart.ts).
 */
import { sweepValues } from '../../optimise/params';
import { DEFAULTS, type ChannelKind, type Scenario } from '../../sim';
import { CHANNEL_COLOR, cssColor } from '../../render/palette';
import { h } from '../dom';
import { fmtCurrency } from '../../format/figures';
import { slTargetMarks } from './figures';
import { sweepCsv, type SweepResult } from '../../optimise/sweep';
import { breakEvenNote, breakEvenSeries, costPerResolvedPlot } from './break-even-chart';
import { runBreakEvenSweep, type BreakEvenSweep } from './break-even-run';
import { paramText, runSweep, sweepParams, sweepScenarios, type RunJob, type SweepParam } from './runs';
import { groupPeaks } from '../../scenario/staffing';
import type { CompareState } from '../state/compare';
import { bandPlot, type Axis } from './svg-plot';
import {
  changeTracker,
  download,
  field,
  foldedSection,
  jobParts,
  MAX_REPS,
  numberInput,
  readInt,
  readNumber,
  tracked,
  type ProgressRow,
} from './widgets';

const MAX_SWEEP_POINTS = 200;
/** the largest value a sweep may reach: agents per group, or a share in % */
const MAX_VALUE = 20000;

export interface SweepHandlers {
  /** the loaded scenario with the sliders written in (null before the first load) */
  current(): Scenario | null;
  run: RunJob;
}

export interface SweepPanel {
  element: HTMLElement;
  update(state: CompareState): void;
}

type SweepPlan =
  | { ok: true; base: Scenario; scenarios: Scenario[]; values: number[]; reps: number; param: SweepParam }
  | { ok: false; title: string; problems: string[] };

/** Service level per channel along the parameter, with bands and the targets' lines; its legend. */
function slChart(label: string, pts: SweepResult['points'], xAxis: Axis, base: Scenario) {
  const kinds = Object.keys(pts[0]?.channels ?? {}) as ChannelKind[];
  const sl = bandPlot(
    kinds.map((k) => ({
      label: `${k} service level`,
      color: cssColor(CHANNEL_COLOR[k]),
      points: pts.map((p) => {
        const e = p.channels[k]?.serviceLevel;
        return {
          x: p.value,
          y: e?.mean == null ? null : e.mean * 100,
          ci: e?.ci95 == null ? null : e.ci95 * 100,
        };
      }),
    })),
    xAxis,
    {
      label: 'service level (%)',
      format: (v) => `${Number(v.toFixed(1))} %`,
      marks: slTargetMarks(base, kinds),
    },
    `Service level per channel along ${label}, with 95 % bands and the targets`,
    'sweep-sl-chart',
    [0, 100],
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    ...kinds.map((k) =>
      h(
        'li',
        {},
        h('span', { class: 'swatch', style: `background:${cssColor(CHANNEL_COLOR[k])}` }),
        `${k} service level`,
      ),
    ),
  );
  return { sl, legend };
}

/** The outcome: cost, and service level per channel, along the parameter with 95 % bands; its CSV. */
function sweepCharts(label: string, result: SweepResult, base: Scenario, be?: BreakEvenSweep): Node[] {
  const pts = result.points;
  const currency = base.currency ?? DEFAULTS.currency;
  const days = base.horizon?.days ?? DEFAULTS.horizon.days;
  const xAxis = { label, format: (v: number) => String(Number(v.toFixed(2))) };
  const cost = bandPlot(
    [
      {
        label: 'cost',
        color: '#60a5fa',
        points: pts.map((p) => ({ x: p.value, y: p.total.cost.mean, ci: p.total.cost.ci95 })),
      },
      // (v3) the base's cost and the crossing, when the sweep breaks even with the base variant
      ...(be ? breakEvenSeries(pts, be) : []),
    ],
    xAxis,
    {
      label: `cost over ${days} day${days === 1 ? '' : 's'} (${currency}, all channels)`,
      format: (v) => fmtCurrency(v, currency),
      zero: true,
    },
    `Cost along ${label}, with its 95 % band`,
    'sweep-cost-chart',
  );
  const { sl, legend } = slChart(label, pts, xAxis, base);
  const csv = h('button', { type: 'button', text: 'Download sweep CSV', 'data-testid': 'sweep-csv' });
  csv.addEventListener('click', () => download('shoreline-sweep.csv', sweepCsv(result), 'text/csv'));
  return [
    ...(be ? [breakEvenNote(label, be)] : []),
    h(
      'div',
      { class: 'cmp-two' },
      h('figure', {}, cost, h('figcaption', { text: 'Cost (band: 95 % interval)' })),
      h('figure', {}, sl, legend),
      be
        ? h(
            'figure',
            {},
            costPerResolvedPlot(label, pts, be, currency),
            h('figcaption', { text: `Cost per resolved issue, and ${be.base.name}'s (grey)` }),
          )
        : '',
    ),
    csv,
  ];
}

interface SweepFields {
  from: HTMLInputElement;
  to: HTMLInputElement;
  step: HTMLInputElement;
  reps: HTMLInputElement;
}

/** A range to start from for a parameter: [from, to, step]. */
function suggestedRange(p: SweepParam): [number, number, number] {
  if (p.kind === 'fcr') return [0.4, 1, 0.1];
  if (p.kind === 'contract') {
    const lo = +(p.current * 0.5).toPrecision(2);
    const hi = +(p.current * 2.5).toPrecision(2);
    return [lo, hi, +((hi - lo) / 10).toPrecision(2)];
  }
  if (p.kind === 'agents') {
    const lo = Math.max(0, Math.round(p.current * 0.7));
    const hi = Math.max(lo + 1, Math.round(p.current * 1.3));
    return [lo, hi, Math.max(1, Math.round((hi - lo) / 6))];
  }
  return [0, 100, 20]; // a share: 0–100 %
}

/** The points to run, or what is wrong with the fields (each input marked). */
function planSweep(cur: Scenario | null, p: SweepParam | undefined, f: SweepFields): SweepPlan {
  const share = p?.kind === 'share';
  const fine = p?.kind === 'fcr' || p?.kind === 'contract';
  const top = share ? 100 : p?.kind === 'fcr' ? 1 : MAX_VALUE;
  const least = share ? 0.1 : fine ? 0.001 : 1;
  const a = readNumber(f.from, 0, top);
  const b = readNumber(f.to, 0, top);
  const by = readNumber(f.step, least, MAX_VALUE);
  const n = readInt(f.reps, 2, MAX_REPS);
  const bad: string[] = [];
  if (!cur || !p) bad.push('parameter: choose one (load a scenario first)');
  if (a == null) bad.push(`from: must be a number from 0 to ${top}`);
  if (b == null) bad.push(`to: must be a number from 0 to ${top}`);
  if (by == null) bad.push(`step: must be ≥ ${least}`);
  if (n === null) bad.push(`replications: a whole number from 2 to ${MAX_REPS}`);
  if (a != null && b != null && b < a) bad.push('to: must be ≥ from');
  if (bad.length > 0 || !cur || !p || a == null || b == null || by == null || n === null)
    return { ok: false, title: 'The sweep was not run:', problems: bad };
  let values = sweepValues(a, b, by);
  if (p.kind === 'agents') values = [...new Set(values.map((v) => Math.round(v)))];
  if (values.length > MAX_SWEEP_POINTS)
    return {
      ok: false,
      title: 'The sweep was not run:',
      problems: [`step: gives ${values.length} points; at most ${MAX_SWEEP_POINTS}`],
    };
  const built = sweepScenarios(cur, p, values);
  if (!built.ok)
    return {
      ok: false,
      title: 'The sweep was not run — a point is not a valid scenario:',
      problems: built.problems.slice(0, 20),
    };
  return { ok: true, base: cur, scenarios: built.scenarios, values, reps: n, param: p };
}

type ReadyPlan = Extract<SweepPlan, { ok: true }>;

/**
 * Runs a planned sweep behind the progress row and returns its charts (null when it did not
 * finish). (v3) A contract's rate or a site's FCR breaks even with the compare panel's base variant.
 */
async function runPlanned(
  on: SweepHandlers,
  job: ReadyPlan,
  baseVariant: CompareState['variants'][number] | undefined,
  progress: ProgressRow,
): Promise<Node[] | null> {
  const { base, scenarios, values, reps: n, param } = job;
  const onProgress = (d: number, t: number) => progress.update(d, t, 'replications');
  if ((param.kind === 'contract' || param.kind === 'fcr') && baseVariant) {
    const be = await tracked(
      progress,
      'starting…',
      (signal) =>
        on.run((pool, seed) =>
          runBreakEvenSweep(pool, scenarios, values, baseVariant, n, seed, onProgress, signal),
        ),
      ({ seed }) => `done: ${values.length} points and the base × ${n} replications, seed “${seed}”`,
    );
    return be
      ? sweepCharts(param.label, { ...be.result.sweep, param: paramText(param) }, base, be.result)
      : null;
  }
  const done = await tracked(
    progress,
    'starting…',
    (signal) =>
      on.run((pool, seed) =>
        runSweep(pool, base, paramText(param), scenarios, values, n, seed, onProgress, signal),
      ),
    ({ seed }) => `done: ${values.length} points × ${n} replications, seed “${seed}”`,
  );
  return done ? sweepCharts(param.label, done.result, base) : null;
}

/** The parameter list of the current scenario; `suggest` is called when the choice changes. */
function paramPicker(on: SweepHandlers, suggest: (p: SweepParam) => void) {
  const select = h('select', { 'data-testid': 'sweep-param' });
  let options: SweepParam[] = [];
  const selected = () => options.find((p) => paramText(p) === select.value);
  /** Rebuilds the list from the current scenario and sliders, keeping the choice if it is still there. */
  function refresh(): void {
    const s = on.current();
    if (!s) return;
    const prev = select.value;
    options = sweepParams(s, groupPeaks(s));
    select.replaceChildren(
      ...options.map((p) => h('option', { value: paramText(p), text: `${p.label} — now ${p.current}` })),
    );
    if (options.some((p) => paramText(p) === prev)) select.value = prev;
    else if (selected()) suggest(selected()!);
  }
  select.addEventListener('change', () => selected() && suggest(selected()!));
  select.addEventListener('focus', refresh);
  return { select, refresh, selected };
}

export function buildSweep(on: SweepHandlers): SweepPanel {
  const fields: SweepFields = {
    from: numberInput(0, 0, MAX_VALUE, 'any', 'sweep-from'),
    to: numberInput(0, 0, MAX_VALUE, 'any', 'sweep-to'),
    step: numberInput(1, 0, MAX_VALUE, 'any', 'sweep-step'),
    reps: numberInput(5, 2, MAX_REPS, 1, 'sweep-reps'),
  };
  const job = jobParts('sweep', 'Sweep', 'Run sweep');
  const { run: runBtn, problems, progress, out } = job;
  let latest: CompareState | null = null;
  const newScenario = changeTracker<Scenario | null>(null);
  const picker = paramPicker(on, (p) => {
    const [lo, hi, by] = suggestedRange(p);
    fields.from.value = String(lo);
    fields.to.value = String(hi);
    fields.step.value = String(by);
  });

  runBtn.addEventListener('click', () => void run());
  async function run(): Promise<void> {
    picker.refresh(); // the scenario or the sliders may have changed since the list was made
    const plan = planSweep(on.current(), picker.selected(), fields);
    if (!plan.ok) return problems.show(plan.title, plan.problems);
    problems.hide();
    const charts = await runPlanned(on, plan, latest?.variants[latest.baseIndex], progress);
    if (charts) out.replaceChildren(...charts);
  }

  const element = foldedSection(
    'Sweep a parameter',
    'sweep-section',
    picker.refresh,
    h('p', {
      class: 'note',
      text: 'One parameter of the current scenario (with the sliders) over a range; every point runs with the same seeds.',
    }),
    ...job.layout(
      field('Parameter', picker.select),
      field('From', fields.from),
      field('To', fields.to),
      field('Step', fields.step),
      field('Replications', fields.reps),
    ),
  );
  return {
    element,
    update(state) {
      latest = state;
      runBtn.disabled = state.busy;
      if (newScenario(state.loaded)) picker.refresh(); // another scenario: its parameters
    },
  };
}
