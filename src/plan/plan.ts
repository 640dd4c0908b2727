/**
 * From a scenario's forecast to a costed shift plan, verified by simulation (SPEC §8):
 *  1. the Erlang requirement per interval and site group (requirement.ts);
 *  2. corrected by simulation rounds (correct.ts);
 *  3. the cheapest shifts covering it, per site group, by HiGHS (shifts.ts);
 *  4. the plan put into the scenario as group shifts and simulated with replications (verify.ts).
 * Pure: the simulation (`evaluate`, with its seed and replications) and the solver are passed in, so
 * the command line (worker threads) and the app (a worker) share it.
 */
import type { Estimate, SimulationResult } from '../sim/result';
import type { Scenario } from '../sim/scenario';
import type { Targets } from '../optimise/optimiser';
import { agentHourCost, premiumByMinute } from '../sim/contract-cost';
import { addAgents, correctRequirement, type CorrectionRound, type Evaluate } from './correct';
import {
  erlangRequirement,
  mod,
  openWindow,
  siteOffsetMinutes,
  type Requirement,
  type Split,
} from './requirement';
import {
  hourlyPaidCost,
  shiftCost,
  planShifts,
  scenarioShifts,
  type GroupShiftPlan,
  type HighsSolver,
  type ShiftOptions,
} from './shifts';
import { withShifts } from './staffed';
import { verify, type Verification } from './verify';

export interface PlanOptions {
  /** complete targets per channel (see completeTargets) */
  targets: Targets;
  /** simulation rounds correcting the requirement (default 6) */
  maxRounds?: number;
  shifts?: ShiftOptions;
  /** times the shifts are solved again where the verifying run misses (default 3) */
  maxPlanRounds?: number;
  /** routing split to plan for (default: the scenario's) */
  split?: Split;
  /** a stage just started, e.g. "simulating the requirement, round 2" */
  onProgress?: (stage: string) => void;
}

export interface SiteCost {
  /** paid hours per day (shrinkage included) */
  paidHours: number;
  /** paid labour per day: hours × rate × (1 + overhead) */
  labour: number;
}

export interface PlanCost {
  /** the plan's paid labour per day, by site id */
  bySite: Record<string, SiteCost>;
  total: SiteCost;
  /** for comparison: every group staffed all its open hours at its peak requirement */
  peakStaffing: { bySite: Record<string, number>; total: number };
  /** the verifying run's simulated cost over its horizon (labour, telecom, fees), by site and total */
  simulated: { bySite: Record<string, Estimate>; total: Estimate };
}

export interface PlanOutcome {
  targets: Targets;
  split: Split | null;
  erlang: Requirement;
  requirement: Requirement;
  rounds: CorrectionRound[];
  /** the shift plan's verifying runs: missed intervals and agents added after each */
  planRounds: CorrectionRound[];
  /** the last correction round's judgement of the requirement */
  requirementCheck: Verification;
  shifts: GroupShiftPlan[];
  /** scheduled[g][j]: agents the plan has working in group g during client interval j */
  scheduled: number[][];
  cost: PlanCost;
  /** the scenario with the plan's shifts (and the split planned for) */
  scenario: Scenario;
  verification: Verification;
}

/**
 * Agents at work per client interval for one group's planned shifts; (v3) `local[j]`, on a dated day,
 * the site's local minute at interval j's start that day (else the fixed offset's).
 */
export function scheduledAgents(
  scenario: Scenario,
  plan: Pick<GroupShiftPlan, 'site' | 'shifts'>,
  intervalMinutes: number,
  perDay: number,
  local?: readonly number[],
): number[] {
  const off = siteOffsetMinutes(scenario, scenario.sites[plan.site]);
  const toMin = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  const out = new Array<number>(perDay).fill(0);
  for (const part of scenarioShifts(plan)) {
    const start = toMin(part.start);
    const length = mod(toMin(part.end) - start, 1440) || 1440;
    for (let j = 0; j < perDay; j++) {
      const rel = mod((local ? local[j] : j * intervalMinutes + off) - start, 1440);
      if (rel + intervalMinutes <= length) out[j] += part.agents;
    }
  }
  return out;
}

/** The scenario with these routing splits. */
export function withSplit(scenario: Scenario, split: Split | undefined): Scenario {
  if (!split) return scenario;
  const copy = structuredClone(scenario);
  copy.routing ??= {};
  for (const [c, w] of Object.entries(split)) {
    const r = copy.routing[c as keyof typeof copy.routing];
    copy.routing[c as keyof typeof copy.routing] = r ? { ...r, split: { ...w } } : { split: { ...w } };
  }
  return copy;
}

export async function planWorkforce(
  scenario: Scenario,
  evaluate: Evaluate,
  highs: HighsSolver,
  options: PlanOptions,
): Promise<PlanOutcome> {
  const progress = options.onProgress ?? (() => {});
  const base = withSplit(scenario, options.split);
  const targets = options.targets;
  progress('Erlang requirement');
  const erlang = erlangRequirement(base, targets);
  let round = 0;
  const corrected = await correctRequirement(base, erlang, targets, evaluate, {
    maxRounds: options.maxRounds,
    onRound: () => progress(`simulating the requirement, round ${++round + 1}`),
  });
  const req = corrected.requirement;
  // The shift plan, verified; where the verifying run still misses an interval (the plan's shifts
  // differ from the requirement's interval-by-interval staffing: a blended group's backlog of deferred
  // work, for one, depends on who is on shift before), the requirement there is raised to what was
  // scheduled plus the correction step, and the shifts are solved again.
  const planRounds: CorrectionRound[] = [];
  const perDay = req.starts.length;
  for (let round = 1; ; round++) {
    progress(
      round === 1 ? 'solving the shift program (HiGHS)' : `solving the shift program again (${round})`,
    );
    const shifts = planShifts(highs, base, req, options.shifts);
    const planned = withShifts(base, req.groups, shifts.map(scenarioShifts));
    progress('verifying the plan by simulation');
    const result = await evaluate(planned);
    const verification = verify(result, targets, req.impossible);
    const scheduled = shifts.map((p) =>
      scheduledAgents(base, p, req.intervalMinutes, perDay, req.frame?.siteLocal[p.site]),
    );
    const missed = verification.missed.filter((m) => m.impossible === undefined);
    let added = 0;
    if (missed.length > 0 && round <= (options.maxPlanRounds ?? 3)) {
      req.agents = req.agents.map((row, g) =>
        row.map((n, j) =>
          missed.some((m) => m.interval === j && req.groups[g].skills.includes(m.channel))
            ? Math.max(n, scheduled[g][j])
            : n,
        ),
      );
      added = addAgents(base, req, missed, options.split);
    }
    planRounds.push({ round, missed: missed.length, added });
    if (added === 0) return finish(shifts, planned, result, verification, scheduled);
  }

  function finish(
    shifts: GroupShiftPlan[],
    planned: Scenario,
    result: SimulationResult,
    verification: Verification,
    scheduled: number[][],
  ): PlanOutcome {
    const bySite: Record<string, SiteCost> = {};
    const peakBySite: Record<string, number> = {};
    for (const site of base.sites) {
      bySite[site.id] = { paidHours: 0, labour: 0 };
      peakBySite[site.id] = 0;
    }
    shifts.forEach((p, g) => {
      const site = base.sites[p.site];
      const c = bySite[site.id];
      // A contract billing volume costs nothing per agent hour: its shifts were priced nominally.
      if (!site.contract || agentHourCost(site) > 0) c.labour += p.cost;
      // paid hours = scheduled ÷ (1 − shrinkage) (the cost weighs premium hours, the hours do not)
      for (const sh of p.shifts) c.paidHours += (sh.agents * sh.hours) / (1 - (site.shrinkage ?? 0));
      // every open minute at the peak, weighed by its premium as the shifts are
      const w = openWindow(site) ?? { open: 0, length: 1440 };
      const open = shiftCost(premiumByMinute(site), hourlyPaidCost(site), w.open, w.length);
      peakBySite[site.id] += Math.max(0, ...req.agents[g]) * open;
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const cost: PlanCost = {
      bySite,
      total: {
        paidHours: sum(Object.values(bySite).map((c) => c.paidHours)),
        labour: sum(Object.values(bySite).map((c) => c.labour)),
      },
      peakStaffing: { bySite: peakBySite, total: sum(Object.values(peakBySite)) },
      simulated: {
        bySite: Object.fromEntries(Object.entries(result.sites).map(([id, o]) => [id, o.cost])),
        total: result.total.cost,
      },
    };
    return {
      targets,
      split: options.split ?? null,
      erlang,
      requirement: req,
      rounds: corrected.rounds,
      requirementCheck: corrected.verification,
      shifts,
      scheduled,
      cost,
      scenario: planned,
      verification,
      planRounds,
    };
  }
}
