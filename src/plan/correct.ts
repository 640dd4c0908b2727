/**
 * Correcting the Erlang requirement by simulation, for what the formulas miss: blended groups and
 * priorities, overflow between sites, hand-off and connect delays, non-exponential times, and the
 * backlog one interval leaves to the next.
 *
 * Each round simulates the scenario staffed at the requirement, interval by interval (replications
 * with one seed: common random numbers, so two rounds differ by their staffing, not their luck), and
 * judges every interval and channel (src/plan/verify.ts). Where a target is clearly missed, every
 * group that takes the channel in that interval (at a site with a share of it) gets
 * max(1, ⌈n × shortfall⌉) more agents, n its present requirement and the shortfall in fraction
 * points — one agent for a near miss, more for a wide one. Rounds stop when no interval is missed
 * (other than those that cannot be met), or after `maxRounds`. Agents are only added: where the
 * target lies inside an interval's band, the simulation cannot show the requirement to be wrong.
 */
import type { SimulationResult } from '../sim/result';
import type { Scenario } from '../sim/scenario';
import type { Targets } from '../optimise/optimiser';
import { LIMITS } from '../sim/scenario';
import { sharesInInterval, type Requirement, type Split } from './requirement';
import { requirementScenario } from './staffed';
import { verify, type Verification } from './verify';

export type Evaluate = (scenario: Scenario) => Promise<SimulationResult>;

export interface CorrectionRound {
  round: number;
  /** interval checks clearly missed (excluding those that cannot be met) */
  missed: number;
  /** agents added to the requirement after this round's run, summed over groups and intervals */
  added: number;
}

export interface Corrected {
  requirement: Requirement;
  rounds: CorrectionRound[];
  /** the last round's judgement of the requirement */
  verification: Verification;
}

export async function correctRequirement(
  scenario: Scenario,
  start: Requirement,
  targets: Targets,
  evaluate: Evaluate,
  options: { maxRounds?: number; split?: Split; onRound?: (r: CorrectionRound) => void } = {},
): Promise<Corrected> {
  const maxRounds = options.maxRounds ?? 6;
  const req: Requirement = { ...start, agents: start.agents.map((row) => [...row]) };
  const rounds: CorrectionRound[] = [];
  for (let round = 1; ; round++) {
    const result = await evaluate(requirementScenario(scenario, req));
    const verification = verify(result, targets, req.impossible);
    const missed = verification.missed.filter((m) => m.impossible === undefined);
    const last = missed.length === 0 || round > maxRounds;
    const added = last ? 0 : addAgents(scenario, req, missed, options.split);
    const r = { round, missed: missed.length, added };
    rounds.push(r);
    options.onRound?.(r);
    if (last || added === 0) return { requirement: req, rounds, verification };
  }
}

/** Adds agents to the requirement where these checks are missed (see the module comment); returns how many. */
export function addAgents(
  scenario: Scenario,
  req: Requirement,
  missed: Verification['missed'],
  split: Split | undefined,
): number {
  const delta = req.agents.map((row) => new Array<number>(row.length).fill(0));
  for (const m of missed) {
    const shortfall = Math.abs((m.mean ?? 0) - m.target);
    const shares = sharesInInterval(scenario, m.channel, m.interval, req.intervalMinutes, split, req.frame);
    req.groups.forEach((g, gi) => {
      if (!g.skills.includes(m.channel) || shares[g.site] <= 0) return;
      const n = req.agents[gi][m.interval];
      delta[gi][m.interval] = Math.max(delta[gi][m.interval], Math.max(1, Math.ceil(n * shortfall)));
    });
  }
  let added = 0;
  delta.forEach((row, gi) =>
    row.forEach((d, j) => {
      const next = Math.min(LIMITS.maxAgentsPerGroup, req.agents[gi][j] + d);
      added += next - req.agents[gi][j];
      req.agents[gi][j] = next;
    }),
  );
  return added;
}
