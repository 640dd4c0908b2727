/**
 * The compare panel, below the live view: variants side by side (the current sliders saved as a
 * variant, a scenario file, or a scenario another panel hands over with addVariant), replications of
 * every variant on the worker pool with common random numbers, a table of mean ± 95 % CI per variant
 * and channel with paired differences against a base, a cost / service-level chart with the Pareto
 * frontier, a one-parameter sweep, the staffing optimiser, and exports (CSV, JSON, the scenario with
 * the sliders, a shareable link).
 *
 * This file only assembles. Each part is a component of its own file, shaped like
 * src/ui/staffing.ts: `buildX(handlers) → { element, update(state) }`. The panel keeps the one
 * CompareState (src/ui/compare/state.ts), replaces it through that file's transitions, and hands
 * every new state to every component's update(); components report intents through their handlers
 * and never reach into each other. Runs go through one RunJob: one at a time, with the live seed.
 *
 * It talks to the rest of the page only through CompareHost (main.ts supplies it): the store's
 * scenario (slider moves are written into it) and seed, and the optimiser's "apply" as an edit; the
 * page calls setLoaded when the store's scenario changes.
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
import {
  initialCompareState,
  makeAppState,
  withBase,
  withVariantAdded,
  withVariantRemoved,
  withVariantRenamed,
  withVariants,
  type AppState,
  type CompareState,
  type Variant,
} from './state';
import { buildSweep } from './sweep-panel';
import { buildVariantList } from './variant-list';
import { section } from './widgets';
import './compare.css';

export interface CompareHost {
  /** the scenario as edited, with the slider moves in it (null before the first load) */
  scenario(): Scenario | null;
  seed(): string;
  /** a saved variant's name: what changed from the scenario as loaded (variant-diff.ts) */
  variantName?(scenario: Scenario): string;
  /** the optimiser's "apply": the current scenario staffed as `optimised`, one edit */
  applyStaffing(optimised: Scenario): void;
}

export interface ComparePanel {
  element: HTMLElement;
  /** another scenario in the store: the sweep's parameters and the optimiser's targets follow it */
  setLoaded(scenario: Scenario | null): void;
  variants(): Variant[];
  /** replaces the variants (e.g. restored from a link); drops results; onChange is not called */
  setVariants(variants: readonly Variant[]): void;
  /** the whole state for a link or local storage; null before a scenario is loaded */
  state(): AppState | null;
  /**
   * adds a variant (e.g. the scenario editor's "Save as variant"): a scenario the schema accepted,
   * under a unique name ("a (2)" when "a" is taken); the last results go stale; onChange is called
   */
  addVariant(name: string, scenario: Scenario): void;
  /** called whenever the variants change */
  onChange(fn: (variants: Variant[]) => void): void;
  dispose(): void;
}

/** The panel's state, its one setter, and the pool its jobs share. */
interface PanelCore {
  get(): CompareState;
  set(next: CompareState, notify?: boolean): void;
  pool: ReplicationPool | null;
}

/** One job at a time on the pool (started on first use), with the live run's seed. */
function makeRunJob(core: PanelCore, host: CompareHost): RunJob {
  return async (work) => {
    if (core.get().busy) throw new Error('another run is going; wait for it or cancel it');
    core.set({ ...core.get(), busy: true });
    try {
      if (!core.pool) core.pool = (await import('../../worker/pool-client')).createReplicationPool();
      const seed = host.seed();
      return { result: await work(core.pool, seed), seed };
    } finally {
      core.set({ ...core.get(), busy: false });
    }
  };
}

/** Every component of the panel, wired to the state through `core` and to the page through `host`. */
function buildParts(core: PanelCore, host: CompareHost, addVariant: (name: string, s: Scenario) => void) {
  const change = (next: CompareState) => core.set(next, true);
  const current = () => host.scenario();
  const run = makeRunJob(core, host);
  const downloads = buildResultDownloads();
  return {
    variantList: buildVariantList({
      saveCurrent() {
        const cur = host.scenario();
        if (cur) addVariant(host.variantName?.(cur) ?? cur.name, cur); // named by what changed
      },
      add: addVariant,
      rename: (i, name) => change(withVariantRenamed(core.get(), i, name)),
      remove: (i) => change(withVariantRemoved(core.get(), i)),
      setBase: (i) => change(withBase(core.get(), i)),
    }),
    compareRun: buildCompareRun({
      run,
      compared: (result, seed, equalService) =>
        core.set({
          ...core.get(),
          comparison: { result, seed, stale: false, ...(equalService ? { equalService } : {}) },
        }),
    }),
    resultsTable: buildResultsTable(),
    downloads,
    chart: buildFrontierChart(downloads.element),
    sweep: buildSweep({ current, run }),
    optimiser: buildOptimiser({
      current,
      run,
      apply: (optimised) => host.applyStaffing(optimised),
      save: addVariant,
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

export function mountCompare(parent: HTMLElement, host: CompareHost): ComparePanel {
  let state: CompareState = initialCompareState();
  const listeners: ((v: Variant[]) => void)[] = [];
  const core: PanelCore = { get: () => state, set, pool: null };
  const addVariant = (name: string, scenario: Scenario) => set(withVariantAdded(state, name, scenario), true);
  const parts = buildParts(core, host, addVariant);
  const share = buildShare({ current: () => host.scenario(), state: () => panel.state() });
  const components = Object.values(parts);

  /** The one way the state changes: every component redraws from the new state. */
  function set(next: CompareState, notify = false): void {
    state = next;
    for (const c of components) c.update(state);
    if (notify) for (const fn of listeners) fn(panel.variants());
  }

  const element = panelElement(parts, share.element);
  parent.append(element);
  set(state);

  const panel: ComparePanel = {
    element,
    setLoaded(loaded) {
      if (loaded !== state.loaded) set({ ...state, loaded });
    },
    variants: () => state.variants.map((v) => ({ name: v.name, scenario: v.scenario })),
    setVariants: (next) => set(withVariants(state, next)),
    addVariant,
    state() {
      const s = host.scenario();
      return s ? makeAppState(s, host.seed(), state.variants) : null;
    },
    onChange(fn) {
      listeners.push(fn);
    },
    dispose() {
      core.pool?.dispose();
      core.pool = null;
      element.remove();
    },
  };
  return panel;
}
