/**
 * The Plan panel: targets per channel → the planner's worker → the requirement and the scheduled
 * agents per site over the day (uPlot), the list of shifts, the cost by site and in total, and the
 * verification. "Apply plan" and "Save as variant" hand the planned scenario to the page's callbacks;
 * a forecast CSV dropped on the panel (or chosen with its file button) is imported into the current
 * scenario and handed to `onForecast`. All the work runs in a worker: the page stays responsive.
 *
 * Wiring (src/ui/main.ts): `mountPlanPanel(host, { getScenario, onApply, onSaveVariant, onForecast })`.
 * The parts are components of their own: the targets (targets.ts) and the results (results.ts).
 */
import type { Scenario } from '../../sim/scenario';
import { createPlanClient, type PlanClient } from '../../worker/plan-client';
import { h, uid } from '../dom';
import { buildPlanResults, type PlanResults } from './results';
import { buildPlanTargets, type PlanTargets } from './targets';

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

/** The form: targets, replications, the location-mix choice, the Plan button and its progress. */
function planForm(targets: PlanTargets) {
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
  const form = h(
    'form',
    { class: 'plan-form' },
    targets.element,
    h('label', { for: repsId, text: 'Replications per simulation ' }),
    reps,
    h('label', { for: mixId }, mix, ' also choose the location mix'),
    run,
    progress,
  );
  const replications = () => Math.max(2, Math.min(100, Math.round(Number(reps.value) || 10)));
  return { form, run, progress, mix, replications };
}

/** A forecast CSV dropped on the panel, or chosen with its file button. */
function forecastDrop(element: HTMLElement, importForecast: (csv: string) => Promise<string[]>): HTMLElement {
  const file = h('input', {
    type: 'file',
    accept: '.csv,text/csv',
    'aria-label': 'Forecast CSV file',
    'data-testid': 'plan-forecast-file',
  });
  const note = h('p', {
    class: 'plan-drop',
    text: 'Drop a forecast CSV here (start, channel, volume, handleTime) or ',
  });
  note.append(file);
  const readFile = (f: File | undefined) => void f?.text().then(importForecast);
  file.addEventListener('change', () => readFile(file.files?.[0]));
  element.addEventListener('dragover', (e) => e.preventDefault());
  element.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the page's own drop handler would import it a second time
    readFile(e.dataTransfer?.files?.[0]);
  });
  return note;
}

export function mountPlanPanel(host: HTMLElement, options: PlanPanelOptions): PlanPanel {
  const client = options.client ?? createPlanClient();
  const element = h('section', { class: 'plan-panel', 'data-testid': 'plan-panel' });
  const targets = buildPlanTargets();
  const { form, run, progress, mix, replications } = planForm(targets);
  const results: PlanResults = buildPlanResults({ apply: options.onApply, save: options.onSaveVariant });
  const forecastProblems = h('ul', { class: 'problems', 'data-testid': 'plan-forecast-problems' });
  const refreshTargets = () => targets.update(options.getScenario());

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

  let busy = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const scenario = options.getScenario();
    if (busy || !scenario) return;
    busy = true;
    run.disabled = true;
    progress.value = 'starting the planner…';
    const request = {
      scenario,
      targets: targets.read(),
      seed: '1',
      replications: replications(),
      mix: mix.checked,
    };
    client
      .plan(request, (stage) => (progress.value = stage + '…'))
      .then((r) => {
        progress.value = `done in ${r.wallSeconds.toFixed(1)} s`;
        results.update(r, scenario);
      })
      .catch((err: unknown) => {
        progress.value = `the planner failed: ${err instanceof Error ? err.message : String(err)}`;
      })
      .finally(() => {
        busy = false;
        run.disabled = false;
      });
  });

  element.append(
    h('h2', { text: 'Plan: requirement, shifts, cost' }),
    forecastDrop(element, importForecast),
    forecastProblems,
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
