/**
 * The comparison's run row: how many replications, "Run comparison" (every variant, common random
 * numbers), and its progress with Cancel. The finished comparison goes up through `compared`.
 */
import { notSteady, type Comparison } from '../../optimise/compare';
import { h, setText } from '../dom';
import { runComparison, type RunJob } from './runs';
import type { CompareState } from './state';
import { field, MAX_REPS, numberInput, progressRow, readInt, runButton, tracked } from './widgets';

export interface CompareRunHandlers {
  run: RunJob;
  compared(result: Comparison, seed: string): void;
}

export interface CompareRun {
  element: HTMLElement;
  update(state: CompareState): void;
}

export function buildCompareRun(on: CompareRunHandlers): CompareRun {
  const reps = numberInput(10, 2, MAX_REPS, 1, 'compare-reps');
  const runBtn = runButton('Run comparison', 'compare-run');
  const hint = h('small', { class: 'note', 'data-testid': 'compare-hint' });
  const progress = progressRow('compare', 'Comparison');
  let state: CompareState | null = null;

  runBtn.addEventListener('click', () => void run());
  async function run(): Promise<void> {
    const n = readInt(reps, 2, MAX_REPS);
    if (n === null || !state || state.variants.length < 2 || state.busy) return;
    const { variants, baseIndex } = state;
    const t0 = performance.now();
    const out = await tracked(
      progress,
      `starting ${variants.length} × ${n} replications…`,
      (signal) =>
        on.run((pool, seed) =>
          runComparison(
            pool,
            variants,
            baseIndex,
            n,
            seed,
            (d, t) => progress.update(d, t, 'replications'),
            signal,
          ),
        ),
      ({ result, seed }) =>
        `done: ${variants.length} variants × ${n} replications, seed “${seed}”, in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
        // an overloaded variant's day 1 depends on the warm-up: say so (src/sim/steady-check.ts)
        notSteady(result)
          .map((w) => `. Warning: ${w}`)
          .join(''),
    );
    if (out) on.compared(out.result, out.seed);
  }

  return {
    element: h(
      'div',
      {},
      h('div', { class: 'cmp-buttons cmp-run' }, field('Replications', reps), runBtn, hint),
      progress.element,
    ),
    update(next) {
      state = next;
      runBtn.disabled = next.busy || next.variants.length < 2;
      setText(hint, next.variants.length < 2 ? 'Add at least two variants to compare.' : '');
    },
  };
}
