/**
 * "Optimise staffing": the cheapest agent counts per group that meet a service-level target (and an
 * optional abandon-rate cap) per channel, judged by simulating the current scenario with the
 * sliders; the answer can be applied to the live sliders or saved as a variant.
 *
 * The targets table follows the loaded scenario (from CompareState), filled with its own targets.
 */
import type { OptimiseOutcome, Targets } from '../../optimise/optimiser';
import { DEFAULTS, type ChannelKind, type Scenario } from '../../sim';
import { h, headRow, setText } from '../dom';
import { DASH, fmtCurrency } from '../../format/figures';
import { fmtEstimate } from './figures';
import { runOptimiser, type RunJob } from './runs';
import { groupPeaks } from '../../scenario/staffing';
import type { CompareState } from '../state/compare';
import {
  changeTracker,
  field,
  foldedSection,
  jobParts,
  MAX_REPS,
  numberInput,
  readInt,
  readNumber,
  scrollBox,
  tracked,
  type ProgressRow,
} from './widgets';

const MAX_EVALUATIONS = 2000;

export interface OptimiserHandlers {
  /** the loaded scenario with the sliders written in (null before the first load) */
  current(): Scenario | null;
  run: RunJob;
  /** "Apply to sliders": the optimised scenario's staffing, as one edit of the current scenario */
  apply(optimised: Scenario): void;
  save(name: string, scenario: Scenario): void;
}

export interface OptimiserPanel {
  element: HTMLElement;
  update(state: CompareState): void;
}

interface TargetInputs {
  kind: ChannelKind;
  sl: HTMLInputElement;
  ab: HTMLInputElement;
}

/** A table in its scroll box. */
const box = (name: string, attrs: Record<string, string>, ...children: Node[]) =>
  scrollBox(h('table', attrs, ...children), name);

function targetInputs(s: Scenario): TargetInputs[] {
  return (Object.keys(s.channels) as ChannelKind[]).map((kind) => {
    const t = s.channels[kind]!.target ?? DEFAULTS.target[kind];
    const sl = numberInput(t.percent, 0, 100, 0.1, `opt-sl-${kind}`);
    const ab = numberInput(null, 0, 100, 0.1, `opt-ab-${kind}`);
    ab.placeholder = 'none';
    sl.setAttribute('aria-label', `${kind}: service level target, percent`);
    ab.setAttribute('aria-label', `${kind}: abandon rate cap, percent (optional)`);
    return { kind, sl, ab };
  });
}

/** The targets from their inputs, or one problem per bad field (each input marked). */
function readTargets(inputs: readonly TargetInputs[], bad: string[]): Targets {
  const targets: Targets = {};
  for (const t of inputs) {
    const sl = readNumber(t.sl, 0, 100);
    const ab = readNumber(t.ab, 0, 100, true);
    if (sl === null) bad.push(`${t.kind} service level: a percentage 0–100`);
    if (ab === null) bad.push(`${t.kind} abandon cap: a percentage 0–100, or empty`);
    if (sl != null)
      targets[t.kind] = { serviceLevel: sl / 100, ...(ab != null ? { abandonRate: ab / 100 } : {}) };
  }
  return targets;
}

/** The optimum's simulated figures: all channels (with cost), then each channel. */
function figuresTable(r: OptimiseOutcome['best']['result'], currency: string): HTMLElement {
  return box(
    'Optimised figures',
    { class: 'figures cmp-opt-table' },
    h('caption', { text: `Simulated with ${r.replications} replications (mean ± 95 % CI)` }),
    headRow('', `Cost over the run (${currency})`, 'Service level', 'Abandon rate', 'ASA'),
    h(
      'tbody',
      {},
      h(
        'tr',
        { class: 'total' },
        h('th', { scope: 'row', text: 'all channels' }),
        h('td', { text: fmtEstimate('cost', r.total.cost, currency) }),
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
  );
}

/** The optimiser's answer: agents per group now and optimised, its simulated figures, Apply and Save. */
function optimumView(out: OptimiseOutcome, start: Scenario, on: OptimiserHandlers): Node[] {
  const before = groupPeaks(start);
  const after = Object.fromEntries(groupPeaks(out.scenario));
  const r = out.best.result;
  const currency = start.currency ?? DEFAULTS.currency;
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
    on.apply(out.scenario);
    setText(applied, 'Applied: the live run now staffs the groups as above.');
  });
  const save = h('button', { type: 'button', text: 'Save as variant', 'data-testid': 'opt-save' });
  save.addEventListener('click', () => on.save(`${start.name} optimised`, out.scenario));
  const applied = h('span', { class: 'note', 'aria-live': 'polite' });
  const hasShifts = start.sites.some((s) => s.groups.some((g) => g.shifts));
  return [
    h('p', { class: out.status === 'infeasible' ? 'bad' : '', 'data-testid': 'opt-outcome', text: status }),
    box(
      'Agents per group',
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
    figuresTable(r, currency),
    h('p', {
      class: 'note',
      text: `Ranked on the simulated total cost, ${fmtCurrency(out.best.totalCost, currency)} over the run (premiums, invoices less SLA credits, telecom and fees); staffing cost ${fmtCurrency(out.best.staffingCost, currency)} per day (start ${fmtCurrency(out.start.staffingCost, currency)}). Targets are met when the lower end of a service level’s interval (upper end of an abandon rate’s) clears the target.${hasShifts ? ' Groups with shifts: the slider sets the peak and keeps the present shift pattern; “Save as variant” keeps the optimiser’s per-shift counts.' : ''}`,
    }),
    h('div', { class: 'cmp-buttons' }, apply, save, applied),
  ];
}

/** The targets' inputs, a row per channel. */
function targetsTable(inputs: readonly TargetInputs[]): HTMLElement {
  return box(
    'Targets',
    { class: 'cmp-targets-table' },
    headRow('Channel', 'Service level ≥ (%)', 'Abandon rate ≤ (%, optional)'),
    h(
      'tbody',
      {},
      ...inputs.map((t) =>
        h('tr', {}, h('th', { scope: 'row', text: t.kind }), h('td', {}, t.sl), h('td', {}, t.ab)),
      ),
    ),
  );
}

/** One optimiser run in the pool, its progress (with the cheapest staffing so far) shown as it goes. */
function optimise(
  on: OptimiserHandlers,
  progress: ProgressRow,
  start: Scenario,
  targets: Targets,
  n: number,
  most: number,
) {
  return tracked(
    progress,
    'starting…',
    (signal) =>
      on.run((pool, seed) =>
        runOptimiser(
          pool,
          start,
          targets,
          n,
          seed,
          most,
          (k, max, best) => {
            const cheapest =
              best !== null
                ? ` · cheapest meeting the targets so far: ${fmtCurrency(best, start.currency ?? DEFAULTS.currency)} total over the run`
                : '';
            progress.update(k, max, `evaluations${cheapest}`);
          },
          signal,
        ),
      ),
    ({ result, seed }) =>
      `${result.status}: ${result.evaluations} staffings evaluated × ${n} replications, seed “${seed}”`,
  );
}

export function buildOptimiser(on: OptimiserHandlers): OptimiserPanel {
  const targetsHost = h('div', { class: 'cmp-targets' });
  const reps = numberInput(5, 2, MAX_REPS, 1, 'opt-reps');
  const budget = numberInput(60, 1, MAX_EVALUATIONS, 1, 'opt-budget');
  const job = jobParts('opt', 'Optimiser', 'Run optimiser');
  const { run: runBtn, problems, progress, out } = job;
  let inputs: TargetInputs[] = [];
  const newScenario = changeTracker<Scenario | null>(null);

  function showTargets(s: Scenario): void {
    inputs = targetInputs(s);
    targetsHost.replaceChildren(targetsTable(inputs));
  }

  runBtn.addEventListener('click', () => void run());
  async function run(): Promise<void> {
    const start = on.current();
    const bad: string[] = [];
    const targets = readTargets(inputs, bad);
    const n = readInt(reps, 2, MAX_REPS);
    const most = readInt(budget, 1, MAX_EVALUATIONS);
    if (n === null) bad.push(`replications: a whole number from 2 to ${MAX_REPS}`);
    if (most === null) bad.push(`evaluations: a whole number from 1 to ${MAX_EVALUATIONS}`);
    if (!start) bad.push('scenario: none loaded yet');
    if (bad.length > 0 || !start || n === null || most === null)
      return problems.show('The optimiser was not run:', bad);
    problems.hide();
    const done = await optimise(on, progress, start, targets, n, most);
    if (done) out.replaceChildren(...optimumView(done.result, start, on));
  }

  const element = foldedSection(
    'Optimise staffing',
    'opt-section',
    null,
    h('p', {
      class: 'note',
      text: 'The cheapest agent counts per group that meet the targets, judged by simulation of the current scenario (with the sliders); the split stays as it is.',
    }),
    targetsHost,
    ...job.layout(field('Replications per staffing', reps), field('Evaluations at most', budget)),
  );
  return {
    element,
    update(state) {
      runBtn.disabled = state.busy;
      if (newScenario(state.loaded) && state.loaded) showTargets(state.loaded); // another scenario: its targets
    },
  };
}
