/**
 * The comparison's run row: how many replications, how staffing is treated (as in each variant, or
 * at equal service: service-mode.ts), "Run comparison" (every variant, common random numbers), and
 * its progress with Cancel. The finished comparison goes up through `compared`, with the variants and
 * base it ran on.
 */
import { notSteady, type Comparison } from '../../optimise/compare';
import { h, setText } from '../dom';
import { runComparison, runEqualService, type RunJob } from './runs';
import { buildServiceMode, type ServiceMode } from './service-mode';
import type { ComparedOn, CompareState, EqualService } from '../state/compare';
import {
  field,
  MAX_REPS,
  numberInput,
  problemBox,
  progressRow,
  readInt,
  runButton,
  tracked,
  type ProgressRow,
} from './widgets';

export interface CompareRunHandlers {
  run: RunJob;
  /** a finished comparison, and the variants and base it ran on (they may have changed since it started) */
  compared(run: { result: Comparison; seed: string; equalService?: EqualService }, on: ComparedOn): void;
}

export interface CompareRun {
  element: HTMLElement;
  update(state: CompareState): void;
}

interface Outcome {
  comparison: Comparison;
  equalService?: EqualService;
}

/** One comparison in the chosen mode, on the panel's pool, behind the progress row. */
function runMode(
  on: CompareRunHandlers,
  state: CompareState,
  mode: ServiceMode,
  reps: number,
  progress: ProgressRow,
) {
  const { variants, baseIndex } = state;
  const t0 = performance.now();
  return tracked(
    progress,
    mode.kind === 'equal'
      ? `staffing ${variants.length} variants to the targets, ${reps} replications per evaluation…`
      : `starting ${variants.length} × ${reps} replications…`,
    (signal) =>
      on.run<Outcome>((pool, seed) =>
        mode.kind === 'equal'
          ? runEqualService(
              pool,
              variants,
              baseIndex,
              mode.targets,
              reps,
              seed,
              (t) => progress.note(t),
              signal,
            )
          : runComparison(
              pool,
              variants,
              baseIndex,
              reps,
              seed,
              (d, t) => progress.update(d, t, 'replications'),
              signal,
            ).then((comparison) => ({ comparison })),
      ),
    ({ result, seed }) =>
      `done${mode.kind === 'equal' ? ' at equal service' : ''}: ${variants.length} variants × ${reps} replications, seed “${seed}”, in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      // an overloaded variant's day 1 depends on the warm-up: say so (src/sim/steady-check.ts)
      notSteady(result.comparison)
        .map((w) => `. Warning: ${w}`)
        .join(''),
  );
}

export function buildCompareRun(on: CompareRunHandlers): CompareRun {
  const reps = numberInput(10, 2, MAX_REPS, 1, 'compare-reps');
  const runBtn = runButton('Run comparison', 'compare-run');
  const hint = h('small', { class: 'note', 'data-testid': 'compare-hint' });
  const progress = progressRow('compare', 'Comparison');
  const mode = buildServiceMode();
  const problems = problemBox('compare-mode-problems');
  let state: CompareState | null = null;

  runBtn.addEventListener('click', () => void run());
  async function run(): Promise<void> {
    const n = readInt(reps, 2, MAX_REPS);
    const chosen = mode.read();
    if (!chosen.ok) return problems.show('The targets are not valid:', chosen.problems);
    problems.hide();
    if (n === null || !state || state.variants.length < 2 || state.busy) return;
    const ranOn: ComparedOn = { variants: state.variants, baseIndex: state.baseIndex };
    const out = await runMode(on, state, chosen.mode, n, progress);
    if (out) {
      const { comparison: result, equalService } = out.result;
      on.compared({ result, seed: out.seed, ...(equalService ? { equalService } : {}) }, ranOn);
    }
  }

  return {
    element: h(
      'div',
      {},
      mode.element,
      problems.element,
      h('div', { class: 'cmp-buttons cmp-run' }, field('Replications', reps), runBtn, hint),
      progress.element,
    ),
    update(next) {
      state = next;
      mode.update(next);
      runBtn.disabled = next.busy || next.variants.length < 2;
      setText(hint, next.variants.length < 2 ? 'Add at least two variants to compare.' : '');
    },
  };
}
