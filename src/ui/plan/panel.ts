/**
 * The Plan panel: targets per channel → the planner's worker → the requirement and the scheduled
 * agents per site over the day (uPlot), the list of shifts, the cost by site and in total, and the
 * verification. "Apply plan" and "Save as variant" hand the planned scenario to the page's callbacks;
 * a forecast CSV dropped on the panel (or chosen with its file button) is imported into the current
 * scenario and handed to `onForecast`. All the work runs in a worker: the page stays responsive.
 *
 * Wiring (src/ui/main.ts): `mountPlanPanel(host, { getScenario, onApply, onSaveVariant, onForecast })`.
 * The parts are components of their own: the targets (targets.ts), the shift settings
 * (shift-options.ts), the mix's constraints (mix-options.ts), the forecast import (forecast.ts) and
 * the results (results.ts).
 */
import type { Scenario } from '../../sim/scenario';
import { createPlanClient, type PlanClient } from '../../worker/plan-client';
import { h, uid } from '../dom';
import { buildForecastView } from './forecast';
import { buildMixOptions, type PlanMixOptions } from './mix-options';
import { buildPlanResults, type PlanResults } from './results';
import { buildShiftOptions, type PlanShiftOptions } from './shift-options';
import { buildPlanTargets, type PlanTargets } from './targets';
import { buildRosterSelect, rosterLengths, type RosterSelect } from './week-view';

export interface PlanPanelOptions {
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

/**
 * The form: targets, shift settings, replications, the location-mix choice (its constraints shown
 * while it is ticked), the Plan button, its progress and the form's problems (hidden until any).
 */
function planForm(
  targets: PlanTargets,
  shifts: PlanShiftOptions,
  mixOptions: PlanMixOptions,
  roster: RosterSelect,
) {
  const repsId = uid('plan-reps');
  const reps = h('input', {
    id: repsId,
    type: 'number',
    min: 2,
    max: 100,
    step: 1,
    value: 10,
    'data-testid': 'plan-reps',
  });
  const mixId = uid('plan-mix');
  const mix = h('input', { id: mixId, type: 'checkbox', 'data-testid': 'plan-mix' });
  const run = h('button', { type: 'submit', text: 'Plan', 'data-testid': 'plan-run' });
  const progress = h('output', {
    class: 'plan-progress',
    'data-testid': 'plan-progress',
    'aria-live': 'polite',
  });
  const problems = h('ul', { class: 'problems', 'data-testid': 'plan-form-problems', hidden: true });
  mixOptions.element.hidden = true;
  mix.addEventListener('change', () => (mixOptions.element.hidden = !mix.checked));
  // novalidate: the panel checks its fields itself and lists each problem (the browser's bubble names none)
  const form = h(
    'form',
    { class: 'plan-form', novalidate: true },
    targets.element,
    shifts.element,
    roster.element,
    h('label', { for: repsId, text: 'Replications per simulation ' }),
    reps,
    h('label', { for: mixId }, mix, ' also choose the location mix'),
    mixOptions.element,
    run,
    progress,
    problems,
  );
  const replications = () => Math.max(2, Math.min(100, Math.round(Number(reps.value) || 10)));
  const showProblems = (list: string[]) => {
    problems.replaceChildren(...list.map((p) => h('li', { text: p })));
    problems.hidden = list.length === 0;
  };
  return { form, run, progress, mix, replications, showProblems };
}

/**
 * The form's submit: reads the settings (problems listed, nothing run), then plans in the worker with
 * progress, and hands the answer to the results. One plan at a time.
 */
function planOnSubmit(
  options: PlanPanelOptions,
  client: PlanClient,
  c: {
    targets: PlanTargets;
    shifts: PlanShiftOptions;
    mixOptions: PlanMixOptions;
    roster: RosterSelect;
    results: PlanResults;
  },
  f: ReturnType<typeof planForm>,
): (e: Event) => void {
  let busy = false;
  return (e) => {
    e.preventDefault();
    const scenario = options.getScenario();
    if (busy || !scenario) return;
    const shiftRead = c.shifts.read();
    const mixRead = f.mix.checked ? c.mixOptions.read(scenario) : null;
    const roster = c.roster.read();
    const byRoster = rosterLengths(roster, scenario, shiftRead.options.lengthsHours);
    if (byRoster.lengths) shiftRead.options.lengthsHours = byRoster.lengths;
    const problems = [
      ...shiftRead.problems,
      ...(mixRead?.problems ?? []),
      ...(byRoster.problem ? [byRoster.problem] : []),
    ];
    f.showProblems(problems);
    if (problems.length > 0) return;
    busy = true;
    f.run.disabled = true;
    f.progress.value = 'starting the planner…';
    const request = {
      scenario,
      targets: c.targets.read(),
      seed: '1',
      replications: f.replications(),
      mix: f.mix.checked,
      shifts: shiftRead.options,
      ...(mixRead ? { constraints: mixRead.constraints } : {}),
      roster,
    };
    client
      .plan(request, (stage) => (f.progress.value = stage + '…'))
      .then((r) => {
        f.progress.value = `done in ${r.wallSeconds.toFixed(1)} s`;
        c.results.update(r, scenario);
      })
      .catch((err: unknown) => {
        f.progress.value = `the planner failed: ${err instanceof Error ? err.message : String(err)}`;
      })
      .finally(() => {
        busy = false;
        f.run.disabled = false;
      });
  };
}

export function mountPlanPanel(host: HTMLElement, options: PlanPanelOptions): PlanPanel {
  const client = options.client ?? createPlanClient();
  const element = h('section', { class: 'plan-panel', 'data-testid': 'plan-panel' });
  const targets = buildPlanTargets();
  const shifts = buildShiftOptions();
  const mixOptions = buildMixOptions();
  const roster = buildRosterSelect();
  const parts = planForm(targets, shifts, mixOptions, roster);
  const { form } = parts;
  const results: PlanResults = buildPlanResults({ apply: options.onApply, save: options.onSaveVariant });
  const forecast = buildForecastView(element, (csv) => importForecast(csv));
  const refreshTargets = () => {
    targets.update(options.getScenario());
    mixOptions.update(options.getScenario());
    roster.update(options.getScenario());
  };

  async function importForecast(csv: string): Promise<string[]> {
    const scenario = options.getScenario();
    if (!scenario) return ['no scenario is loaded to import the forecast into'];
    const r = await client.importForecast(csv, scenario);
    forecast.show(r);
    if (!r.ok) return r.problems;
    (options.onForecast ?? options.onApply)(r.value.scenario);
    refreshTargets();
    return [];
  }

  form.addEventListener(
    'submit',
    planOnSubmit(options, client, { targets, shifts, mixOptions, roster, results }, parts),
  );

  element.append(
    h('h2', { text: 'Plan: requirement, shifts, cost' }),
    forecast.element,
    form,
    results.element,
  );
  host.append(element);
  refreshTargets();

  return {
    element,
    importForecast,
    update: refreshTargets,
    destroy() {
      results.destroy();
      element.remove();
      if (!options.client) client.terminate();
    },
  };
}
