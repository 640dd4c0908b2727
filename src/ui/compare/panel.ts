/**
 * The compare panel, below the live view: variants side by side (the current sliders saved as a
 * variant, a scenario file, or a scenario another panel saves to the store), replications of every
 * variant on the worker pool with common random numbers, a table of mean ± 95 % CI per variant and
 * channel with paired differences against a base, a cost / service-level chart with the Pareto
 * frontier, a one-parameter sweep, the staffing optimiser, and exports (CSV, JSON, the scenario with
 * the sliders, a shareable link).
 *
 * Shaped like src/ui/staffing.ts: `buildCompare(handlers) → { element, update(data) }`. It keeps no
 * state of its own: its variants, base, last comparison and whether a run is going live in the app's
 * one store (src/ui/state/compare.ts), `update` hands the store's data to every part, and every
 * change goes to the store's actions (`actions`), which tell every subscriber, this panel included.
 * Each part is a component of its own file, shaped the same way; they report intents through their
 * handlers and never reach into each other. Runs go through one RunJob: one at a time, with the live
 * seed. The only thing the panel holds is the worker pool its runs share (started on first use).
 */
import type { Scenario } from '../../sim';
import type { ReplicationPool } from '../../worker/pool';
import { h } from '../dom';
import { buildCompareRun } from './compare-run';
import { buildFrontierChart } from './frontier-chart';
import { buildOptimiser } from './optimiser-panel';
import { buildResultsTable } from './results-table';
import type { RunJob } from './runs';
import { buildResultDownloads, buildShare } from './share';
import type { ComparedOn, CompareState } from '../state/compare';
import type { AppData, CompareActions } from '../state/store';
import { makeAppState } from './state';
import { buildSweep } from './sweep-panel';
import { buildVariantList } from './variant-list';
import { section } from './widgets';
import './compare.css';

export interface CompareHandlers {
  /** the store's actions on the compare state: every change of the panel goes through them */
  actions: CompareActions;
  /** a saved variant's name: what changed from the scenario as loaded (variant-diff.ts) */
  variantName?(scenario: Scenario): string;
  /** the optimiser's "apply": the current scenario staffed as `optimised`, one edit */
  applyStaffing(optimised: Scenario): void;
}

export interface ComparePanel {
  element: HTMLElement;
  /** the store's data: the panel redraws when its compare state or its scenario changed */
  update(data: AppData): void;
  dispose(): void;
}

/** The store's data as last handed to `update` (null before), and the pool the panel's jobs share. */
interface PanelCore {
  data(): AppData | null;
  pool: ReplicationPool | null;
}

/** One job at a time on the pool (started on first use), with the live run's seed; busy is in the store. */
function makeRunJob(core: PanelCore, actions: CompareActions): RunJob {
  return async (work) => {
    const data = core.data();
    if (!data) throw new Error('no scenario loaded yet');
    if (data.compare.busy) throw new Error('another run is going; wait for it or cancel it');
    actions.setBusy(true);
    try {
      if (!core.pool) core.pool = (await import('../../worker/pool-client')).createReplicationPool();
      const seed = core.data()?.seed ?? data.seed;
      return { result: await work(core.pool, seed), seed };
    } finally {
      actions.setBusy(false);
    }
  };
}

/** Every component of the panel, reading the store's data through `core` and changing it through `on`. */
function buildParts(core: PanelCore, on: CompareHandlers) {
  const { actions } = on;
  const current = () => core.data()?.scenario ?? null;
  const run = makeRunJob(core, actions);
  const downloads = buildResultDownloads();
  const add = (name: string, s: Scenario) => actions.addVariant(name, s);
  return {
    variantList: buildVariantList({
      saveCurrent() {
        const cur = current();
        if (cur) add(on.variantName?.(cur) ?? cur.name, cur); // named by what changed
      },
      add,
      rename: (i, name) => actions.renameVariant(i, name),
      remove: (i) => actions.removeVariant(i),
      setBase: (i) => actions.setBaseVariant(i),
    }),
    compareRun: buildCompareRun({
      run,
      compared: (result, ranOn: ComparedOn) => actions.compared(result, ranOn),
    }),
    resultsTable: buildResultsTable(),
    downloads,
    chart: buildFrontierChart(downloads.element),
    sweep: buildSweep({ current, run }),
    optimiser: buildOptimiser({
      current,
      run,
      apply: (optimised) => on.applyStaffing(optimised),
      save: add,
    }),
  };
}
function panelElement(parts: ReturnType<typeof buildParts>, share: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'compare', 'aria-labelledby': 'compare-title', 'data-testid': 'compare-panel' },
    h('h2', { id: 'compare-title', text: 'Compare' }),
    h('p', {
      class: 'note',
      text: 'Variants run in background workers with common random numbers: replication r of every variant uses the same seed (the live run’s) and the same random streams, so differences come from the variants, not from luck.',
    }),
    section(
      'Variants',
      parts.variantList.element,
      parts.compareRun.element,
      h(
        'div',
        { class: 'cmp-results', 'data-testid': 'compare-results' },
        parts.resultsTable.element,
        parts.chart.element,
      ),
    ),
    parts.sweep.element,
    parts.optimiser.element,
    section('Export and share', share),
  );
}

export function buildCompare(on: CompareHandlers): ComparePanel {
  let data: AppData | null = null;
  const core: PanelCore = { data: () => data, pool: null };
  const parts = buildParts(core, on);
  const share = buildShare({
    current: () => data?.scenario ?? null,
    state: () => (data?.scenario ? makeAppState(data.scenario, data.seed, data.compare.variants) : null),
  });
  const components = Object.values(parts);
  const element = panelElement(parts, share.element);

  return {
    element,
    update(next) {
      const drawn = data;
      data = next;
      if (drawn && drawn.compare === next.compare && drawn.scenario === next.scenario) return;
      const view: CompareState = { ...next.compare, loaded: next.scenario };
      for (const c of components) c.update(view);
    },
    dispose() {
      core.pool?.dispose();
      core.pool = null;
      element.remove();
    },
  };
}
