/**
 * Compare at equal service (issue 27): before variants are compared, the optimiser staffs each one
 * to the same targets, so a variant that moves work to a cheaper site can show what it saves. With
 * staffing fixed, agents stay paid when their work moves away, and the cheaper site can only add cost.
 *
 * The targets the caller gives apply to each variant's channels that have them; a channel they leave
 * out keeps its own service-level target (as `optimise` with no targets), so no channel is left
 * unstaffed. Each variant is optimised with the same seed and replications (common random numbers),
 * and the staffed variants are then compared with that seed again.
 *
 * Pure: the simulation is injected (the command line uses worker threads, the app its worker pool).
 */
import type { SimulationResult } from '../sim/result';
import type { ChannelKind, Scenario } from '../sim/scenario';
import {
  completeTargets,
  countsOf,
  defaultTargets,
  optimiseStaffing,
  type ChannelTarget,
  type OptimiseOutcome,
  type Targets,
} from './optimiser';

export interface RestaffedVariant {
  name: string;
  outcome: OptimiseOutcome;
  /** the variant's own agent counts, per the outcome's variables (before it was restaffed) */
  before: number[];
}

/** The targets one variant is staffed to: the given ones for its channels, its own for the rest. */
export function restaffTargetsFor(scenario: Scenario, given: Targets): Targets {
  const own: Targets = {};
  for (const [kind, t] of Object.entries(given) as [ChannelKind, ChannelTarget][])
    if (scenario.channels[kind]) own[kind] = t;
  return { ...defaultTargets(scenario), ...completeTargets(scenario, own) };
}

/** One problem per channel the targets name that no variant has. */
export function restaffProblems(flag: string, scenarios: readonly Scenario[], given: Targets): string[] {
  return Object.keys(given)
    .filter((k) => !scenarios.some((s) => s.channels[k as ChannelKind]))
    .map((k) => `${flag}: no variant has a channel "${k}"`);
}

/**
 * Staffs every variant to the targets, one after the other (each search runs its replications in
 * parallel). `evaluate` simulates a candidate; `onVariant` reports progress between searches.
 */
export async function restaffVariants(
  variants: readonly { name: string; scenario: Scenario }[],
  given: Targets,
  evaluate: (scenario: Scenario) => Promise<SimulationResult>,
  options: { maxEvaluations?: number; onVariant?: (index: number, evaluations: number) => void } = {},
): Promise<RestaffedVariant[]> {
  const out: RestaffedVariant[] = [];
  for (const [i, v] of variants.entries()) {
    const outcome = await optimiseStaffing(v.scenario, evaluate, {
      targets: restaffTargetsFor(v.scenario, given),
      maxEvaluations: options.maxEvaluations,
      onEvaluation: options.onVariant ? (_e, _m, n) => options.onVariant!(i, n) : undefined,
    });
    out.push({ name: v.name, outcome, before: countsOf(v.scenario, outcome.variables) });
  }
  return out;
}

/** "name: why" for each variant no staffing could bring to the targets. */
export function unmetTargets(restaffed: readonly RestaffedVariant[]): string[] {
  return restaffed
    .filter((r) => r.outcome.status === 'infeasible')
    .map((r) => {
      const failing = r.outcome.best.checks.filter((c) => !c.ok).map((c) => `${c.channel} ${c.figure}`);
      return `${r.name}: no staffing found that meets the targets (${failing.join(', ') || 'budget'})`;
    });
}

/** "voice SL ≥ 80 %, abandon ≤ 5 %; email SL ≥ 90 %" */
export function describeTargets(targets: Targets): string {
  const pct = (x: number) => `${Number((x * 100).toFixed(1))} %`;
  return (Object.entries(targets) as [ChannelKind, ChannelTarget][])
    .map(([k, t]) => {
      const parts: string[] = [];
      if (t.serviceLevel !== undefined) parts.push(`SL ≥ ${pct(t.serviceLevel)}`);
      if (t.abandonRate !== undefined) parts.push(`abandon ≤ ${pct(t.abandonRate)}`);
      return `${k} ${parts.join(', ')}`;
    })
    .join('; ');
}
