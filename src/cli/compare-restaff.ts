/**
 * `compare --restaff T`: each variant staffed by the optimiser to the same targets before the
 * comparison (src/optimise/equal-service.ts), so cost is compared at equal service. Here: running the
 * searches on worker threads, and the text that says what each variant was staffed to.
 */
import { describeTargets, restaffVariants, type RestaffedVariant } from '../optimise/equal-service';
import { staffingCost, type Targets } from '../optimise/optimiser';
import type { Scenario } from '../sim';
import { withRunner } from '../node/pool';
import { formatNumber } from './format';
import type { CliIO } from './io';
import { runnerEvaluate } from './optimise';
import { contactsPerReplication, resolveThreads } from './shared';
import { renderTable } from './table';

/** What a restaffed comparison keeps in its JSON beside the figures. */
export interface RestaffReport {
  /** the targets as given on the command line */
  given: Targets;
  variants: {
    name: string;
    status: RestaffedVariant['outcome']['status'];
    evaluations: number;
    targets: Targets;
    /** Σ agents × cost per agent per day, before and after */
    staffingCost: { before: number; after: number };
    staffing: { label: string; before: number; after: number }[];
  }[];
}

export interface RestaffRun {
  targets: Targets;
  reps: number;
  seed: string;
  days?: number;
  threads?: number;
  quiet: boolean;
}

/** Optimises every variant on one pool of threads, with a progress line on a terminal. */
export async function restaffOnThreads(
  io: CliIO,
  variants: readonly { name: string; scenario: Scenario }[],
  run: RestaffRun,
): Promise<RestaffedVariant[]> {
  const live = io.stderrIsTTY && !run.quiet;
  const work = run.reps * Math.max(...variants.map((v) => contactsPerReplication(v.scenario, run.days))) * 50;
  const threads = Math.min(resolveThreads(run.threads, work), run.reps);
  const restaffed = await withRunner(threads, (runner) =>
    restaffVariants(variants, run.targets, runnerEvaluate(runner, run.seed, run.reps, run.days), {
      onVariant: live
        ? (i, n) => io.stderr(`\r\x1b[2Kstaffing ${variants[i].name} to the targets: evaluation ${n}`)
        : undefined,
    }),
  );
  if (live) io.stderr('\r\x1b[2K');
  return restaffed;
}

export function restaffReport(given: Targets, restaffed: readonly RestaffedVariant[]): RestaffReport {
  return {
    given,
    variants: restaffed.map(({ name, outcome: o, before }) => ({
      name,
      status: o.status,
      evaluations: o.evaluations,
      targets: o.targets,
      staffingCost: { before: staffingCost(o.variables, before), after: o.best.staffingCost },
      staffing: o.variables.map((v, i) => ({ label: v.label, before: before[i], after: o.best.counts[i] })),
    })),
  };
}

/** The lines above the figures: what "equal service" was, and each variant's staffing. */
export function renderRestaff(r: RestaffReport, currency: string): string {
  const parts = [
    'At equal service: before the comparison, the optimiser staffed each variant (agent counts only,',
    `the split kept) to the same targets: ${describeTargets(r.given)}; a channel not named keeps its own`,
    'service-level target. Targets are judged on the 95% interval. Costs below are at that staffing.',
  ];
  for (const v of r.variants)
    parts.push(
      '',
      renderTable({
        title:
          `Staffing of ${v.name} — ${describeTargets(v.targets)}; ${v.evaluations} evaluations, ${v.status}; ` +
          `staffing cost ${currency} ${formatNumber(v.staffingCost.after, 0)} per day`,
        label: 'site/group',
        columns: ['in the file', 'restaffed'],
        rows: v.staffing.map((s) => ({
          label: s.label,
          cells: [
            { mean: String(s.before), ci: '' },
            { mean: String(s.after), ci: '' },
          ],
        })),
      }),
    );
  return parts.join('\n') + '\n';
}
