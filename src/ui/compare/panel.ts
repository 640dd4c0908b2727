/**
 * The compare panel, below the live view: variants side by side (the current sliders saved as a
 * variant, or a scenario file), replications of every variant on the worker pool with common random
 * numbers, a table of mean ± 95 % CI per variant and channel with paired differences against a base,
 * a cost / service-level chart with the Pareto frontier, a one-parameter sweep, the staffing
 * optimiser, and exports (CSV, JSON, the scenario with the sliders, a shareable link).
 *
 * It talks to the rest of the page only through CompareHost (main.ts supplies it): the loaded
 * scenario, the seed, the moved sliders, and a way to move them.
 */
import type { OptimiseOutcome, Targets } from '../../optimise/optimiser';
import { sweepValues } from '../../optimise/params';
import { DEFAULTS, type ChannelKind, type Scenario } from '../../sim';
import type { ReplicationPool } from '../../worker/pool';
import { CHANNEL_COLOR, cssColor } from '../../render/palette';
import { h, setText, uid, headRow } from '../dom';
import {
  download,
  errorText,
  field,
  MAX_REPS,
  numberInput,
  problemBox,
  progressRow,
  readInt,
  readNumber,
} from './widgets';
import { DASH, fmtMoney } from '../format';
import { fmtEstimate } from './figures';
import { sweepCsv, type SweepPoint } from './export';
import {
  runOptimiser,
  runSweep,
  sweepParams,
  sweepScenarios,
  paramText,
  type PoolLike,
  type RunJob,
} from './runs';
import { applySliders, groupPeaks, slidersFromScenario } from './sliders';
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
  type SliderState,
  type Variant,
} from './state';
import { buildVariantList } from './variant-list';
import { buildCompareRun } from './compare-run';
import { buildFrontierChart } from './frontier-chart';
import { buildResultsTable } from './results-table';
import { buildResultDownloads, buildShare } from './share';
import { buildSweep } from './sweep-panel';
import { bandPlot } from './svg-plot';
import './compare.css';

const MAX_SWEEP_POINTS = 200;
const isCancel = (e: unknown) => e instanceof Error && e.name === 'CancelledError';

export interface CompareHost {
  /** the scenario as loaded (null before the first load) */
  scenario(): Scenario | null;
  seed(): string;
  /** the sliders moved since the load (null before the first load) */
  sliders(): SliderState | null;
  /** moves the live sliders (and so the live run) */
  setSliders(state: SliderState): void;
}

export interface ComparePanel {
  element: HTMLElement;
  variants(): Variant[];
  /** replaces the variants (e.g. restored from a link); drops results; onChange is not called */
  setVariants(variants: readonly Variant[]): void;
  /** the whole state for a link or local storage; null before a scenario is loaded */
  state(): AppState | null;
  /**
   * adds a variant (e.g. the scenario editor's "Save as variant"), named uniquely ("a (2)" when "a"
   * is taken); onChange is called
   */
  addVariant(name: string, scenario: Scenario): void;
  /** called whenever the variants change */
  onChange(fn: (variants: Variant[]) => void): void;
  dispose(): void;
}

export function mountCompare(parent: HTMLElement, host: CompareHost): ComparePanel {
  let state: CompareState = initialCompareState();
  let pool: ReplicationPool | null = null;
  const listeners: ((v: Variant[]) => void)[] = [];

  /** The one way the state changes: every component redraws from the new state. */
  function set(next: CompareState, notify = false): void {
    state = next;
    variantList.update(state);
    compareRun.update(state);
    resultsTable.update(state);
    downloads.update(state);
    chart.update(state);
    sweep.update(state);
    if (notify) for (const fn of listeners) fn(panel.variants());
  }
  /** a change to the variants: listeners are told (main.ts saves them) */
  const change = (next: CompareState) => set(next, true);

  async function getPool(): Promise<PoolLike> {
    if (!pool) {
      const { createReplicationPool } = await import('../../worker/pool-client');
      pool = createReplicationPool();
    }
    return pool;
  }

  /** The loaded scenario with the moved sliders written in; null before the first load. */
  function currentScenario(): { scenario: Scenario; skipped: string[] } | null {
    const s = host.scenario();
    if (!s) return null;
    return applySliders(s, host.sliders() ?? { agents: {}, splits: {} });
  }

  const runButtons: HTMLButtonElement[] = [];
  function setBusy(b: boolean): void {
    for (const btn of runButtons) btn.disabled = b;
    set({ ...state, busy: b });
  }

  const addVariant = (name: string, scenario: Scenario) => change(withVariantAdded(state, name, scenario));
  const variantList = buildVariantList({
    saveCurrent() {
      const cur = currentScenario();
      if (cur) addVariant(cur.scenario.name, cur.scenario);
      return cur?.skipped ?? [];
    },
    add: addVariant,
    rename: (i, name) => change(withVariantRenamed(state, i, name)),
    remove: (i) => change(withVariantRemoved(state, i)),
    setBase: (i) => change(withBase(state, i)),
  });

  /** One job at a time on the pool, with the live run's seed; `busy` in the state meanwhile. */
  const runJob: RunJob = async (work) => {
    if (state.busy) throw new Error('another run is going; wait for it or cancel it');
    setBusy(true);
    try {
      const seed = host.seed();
      return { result: await work(await getPool(), seed), seed };
    } finally {
      setBusy(false);
    }
  };

  const compareRun = buildCompareRun({
    run: runJob,
    compared: (result, seed) => set({ ...state, comparison: { result, seed, stale: false } }),
  });

  const resultsTable = buildResultsTable();
  const downloads = buildResultDownloads();
  const chart = buildFrontierChart(downloads.element);
  const resultsHost = h(
    'div',
    { class: 'cmp-results', 'data-testid': 'compare-results' },
    resultsTable.element,
    chart.element,
  );

  const sweep = buildSweep({ current: () => currentScenario()?.scenario ?? null, run: runJob });

  // ================================================================= optimiser
  const optTargetsHost = h('div', { class: 'cmp-targets' });
  const optReps = numberInput(5, 2, MAX_REPS, 1, 'opt-reps');
  const optBudget = numberInput(60, 1, 2000, 1, 'opt-budget');
  const optBtn = h('button', {
    type: 'button',
    text: 'Run optimiser',
    class: 'primary',
    'data-testid': 'opt-run',
  });
  runButtons.push(optBtn);
  const optProgress = progressRow('opt');
  const optProblems = problemBox();
  const optOut = h('div', { class: 'cmp-opt-out', 'data-testid': 'opt-results' });
  let targetInputs: { kind: ChannelKind; sl: HTMLInputElement; ab: HTMLInputElement }[] = [];
  let targetsFor: Scenario | null = null;

  function refreshTargets(): void {
    const s = host.scenario();
    if (!s || s === targetsFor) return;
    targetsFor = s;
    targetInputs = (Object.keys(s.channels) as ChannelKind[]).map((kind) => {
      const t = s.channels[kind]!.target ?? DEFAULTS.target[kind];
      return {
        kind,
        sl: numberInput(t.percent, 0, 100, 0.1, `opt-sl-${kind}`),
        ab: h('input', {
          type: 'number',
          min: 0,
          max: 100,
          step: 0.1,
          placeholder: 'none',
          class: 'cmp-num',
          'data-testid': `opt-ab-${kind}`,
        }),
      };
    });
    optTargetsHost.replaceChildren(
      h(
        'table',
        { class: 'cmp-targets-table' },
        headRow('Channel', 'Service level ≥ (%)', 'Abandon rate ≤ (%, optional)'),
        h(
          'tbody',
          {},
          ...targetInputs.map((t) => {
            t.sl.setAttribute('aria-label', `${t.kind}: service level target, percent`);
            t.ab.setAttribute('aria-label', `${t.kind}: abandon rate cap, percent (optional)`);
            return h('tr', {}, h('th', { scope: 'row', text: t.kind }), h('td', {}, t.sl), h('td', {}, t.ab));
          }),
        ),
      ),
    );
  }

  optBtn.addEventListener('click', () => void doOptimise());
  async function doOptimise(): Promise<void> {
    if (state.busy) return;
    refreshTargets();
    const cur = currentScenario();
    const reps = readInt(optReps, 2, MAX_REPS);
    const budget = readInt(optBudget, 1, 2000);
    const bad: string[] = [];
    const targets: Targets = {};
    for (const t of targetInputs) {
      const sl = readNumber(t.sl, 0, 100);
      const ab = readNumber(t.ab, 0, 100, true);
      if (sl === null) bad.push(`${t.kind} service level: a percentage 0–100`);
      if (ab === null) bad.push(`${t.kind} abandon cap: a percentage 0–100, or empty`);
      if (sl != null)
        targets[t.kind] = { serviceLevel: sl / 100, ...(ab != null ? { abandonRate: ab / 100 } : {}) };
    }
    if (reps === null) bad.push(`replications: a whole number from 2 to ${MAX_REPS}`);
    if (budget === null) bad.push('evaluations: a whole number from 1 to 2000');
    if (!cur) bad.push('scenario: none loaded yet');
    if (bad.length > 0) {
      optProblems.show('The optimiser was not run:', bad);
      return;
    }
    optProblems.hide();
    setBusy(true);
    const seed = host.seed();
    const signal = optProgress.start('starting…');
    const startScenario = cur!.scenario;
    try {
      const out = await runOptimiser(
        await getPool(),
        startScenario,
        targets,
        reps!,
        seed,
        budget!,
        (n, max, best) => {
          optProgress.update(
            n,
            max,
            `evaluations${best !== null ? ` · cheapest meeting the targets so far: ${fmtMoney(best)}/day staffing` : ''}`,
          );
        },
        signal,
      );
      optProgress.finish(
        `${out.status}: ${out.evaluations} staffings evaluated × ${reps} replications, seed “${seed}”`,
      );
      renderOptimum(out, startScenario);
    } catch (e) {
      optProgress.finish(isCancel(e) ? 'cancelled' : `failed: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  function renderOptimum(out: OptimiseOutcome, start: Scenario): void {
    const before = groupPeaks(start);
    const after = slidersFromScenario(out.scenario);
    const r = out.best.result;
    const status =
      out.status === 'optimal'
        ? 'Local optimum: no single removal or exchange of an agent keeps every target.'
        : out.status === 'budget'
          ? 'The evaluation budget ran out: the cheapest staffing found that meets the targets.'
          : 'No staffing found that meets the targets: the closest one tried.';
    const apply = h('button', {
      type: 'button',
      text: 'Apply to sliders',
      class: 'primary',
      'data-testid': 'opt-apply',
    });
    apply.addEventListener('click', () => {
      host.setSliders({ agents: after, splits: {} });
      setText(applied, 'Applied: the live run now staffs the groups as above.');
    });
    const save = h('button', { type: 'button', text: 'Save as variant', 'data-testid': 'opt-save' });
    save.addEventListener('click', () => addVariant(`${start.name} optimised`, out.scenario));
    const applied = h('span', { class: 'note', 'aria-live': 'polite' });
    const hasShifts = start.sites.some((s) => s.groups.some((g) => g.shifts));
    optOut.replaceChildren(
      h('p', { class: out.status === 'infeasible' ? 'bad' : '', 'data-testid': 'opt-outcome', text: status }),
      h(
        'table',
        { class: 'figures cmp-opt-table' },
        h('caption', { text: 'Agents per group (peak for groups with shifts)' }),
        headRow('Group', 'Now', 'Optimised'),
        h(
          'tbody',
          {},
          ...Object.entries(after).map(([k, n]) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', text: k }),
              h('td', { text: String(before.get(k) ?? DASH) }),
              h('td', { text: String(n), 'data-testid': `opt-agents-${k}` }),
            ),
          ),
        ),
      ),
      h(
        'table',
        { class: 'figures cmp-opt-table' },
        h('caption', { text: `Simulated with ${r.replications} replications (mean ± 95 % CI)` }),
        headRow('', 'Cost', 'Service level', 'Abandon rate', 'ASA'),
        h(
          'tbody',
          {},
          h(
            'tr',
            { class: 'total' },
            h('th', { scope: 'row', text: 'all channels' }),
            h('td', { text: fmtEstimate('cost', r.total.cost) }),
            h('td', { text: fmtEstimate('serviceLevel', r.total.serviceLevel) }),
            h('td', { text: fmtEstimate('abandonRate', r.total.abandonRate) }),
            h('td', { text: fmtEstimate('asa', r.total.asa) }),
          ),
          ...(Object.entries(r.channels) as [ChannelKind, NonNullable<(typeof r.channels)['voice']>][]).map(
            ([k, o]) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', text: k }),
                h('td', { text: DASH }),
                h('td', { text: fmtEstimate('serviceLevel', o.serviceLevel) }),
                h('td', { text: fmtEstimate('abandonRate', o.abandonRate) }),
                h('td', { text: fmtEstimate('asa', o.asa) }),
              ),
          ),
        ),
      ),
      h('p', {
        class: 'note',
        text: `Staffing cost ${fmtMoney(out.best.staffingCost)} per day (start ${fmtMoney(out.start.staffingCost)}). Targets are met when the lower end of a service level’s interval (upper end of an abandon rate’s) clears the target.${hasShifts ? ' Groups with shifts: the slider sets the peak and keeps the present shift pattern; “Save as variant” keeps the optimiser’s per-shift counts.' : ''}`,
      }),
      h('div', { class: 'cmp-buttons' }, apply, save, applied),
    );
  }

  const share = buildShare({
    current: () => currentScenario()?.scenario ?? null,
    state: () => panel.state(),
  });

  // ================================================================= layout
  const section = (title: string, ...children: (Node | string | null)[]) => {
    const id = uid('cmp-h');
    return h(
      'section',
      { class: 'cmp-section', 'aria-labelledby': id },
      h('h3', { id, text: title }),
      ...children,
    );
  };
  const details = (
    title: string,
    testid: string,
    onOpen: () => void,
    ...children: (Node | string | null)[]
  ) => {
    const d = h(
      'details',
      { class: 'cmp-section', 'data-testid': testid },
      h('summary', {}, h('h3', { text: title })),
      ...children,
    );
    d.addEventListener('toggle', () => d.open && onOpen());
    return d;
  };

  const element = h(
    'section',
    { class: 'compare', 'aria-labelledby': 'compare-title', 'data-testid': 'compare-panel' },
    h('h2', { id: 'compare-title', text: 'Compare' }),
    h('p', {
      class: 'note',
      text: 'Variants run in background workers with common random numbers: replication r of every variant uses the same seed (the live run’s) and the same random streams, so differences come from the variants, not from luck.',
    }),
    section('Variants', variantList.element, compareRun.element, resultsHost),
    sweep.element,
    details(
      'Optimise staffing',
      'opt-section',
      refreshTargets,
      h('p', {
        class: 'note',
        text: 'The cheapest agent counts per group that meet the targets, judged by simulation of the current scenario (with the sliders); the split stays as it is.',
      }),
      optTargetsHost,
      h(
        'div',
        { class: 'cmp-buttons' },
        field('Replications per staffing', optReps),
        field('Evaluations at most', optBudget),
        optBtn,
      ),
      optProblems.element,
      optProgress.element,
      optOut,
    ),
    section('Export and share', share.element),
  );
  parent.append(element);
  set(state);

  // another scenario loaded: the sweep's parameters and the optimiser's targets follow it
  const watch = setInterval(() => {
    const s = host.scenario();
    if (s !== state.loaded) set({ ...state, loaded: s });
    refreshTargets();
  }, 500);

  const panel: ComparePanel = {
    element,
    variants: () => state.variants.map((v) => ({ name: v.name, scenario: v.scenario })),
    setVariants: (next) => set(withVariants(state, next)),
    addVariant,
    state() {
      const s = host.scenario();
      const sliders = host.sliders() ?? { agents: {}, splits: {} };
      return s ? makeAppState(s, host.seed(), sliders, state.variants) : null;
    },
    onChange(fn) {
      listeners.push(fn);
    },
    dispose() {
      clearInterval(watch);
      pool?.dispose();
      pool = null;
      element.remove();
    },
  };
  return panel;
}
