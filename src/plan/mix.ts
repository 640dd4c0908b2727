/**
 * The location mix (`plan --mix`): the routing split among sites that meets the targets at the
 * least total cost, compared with the plan at the current split.
 *
 * Candidates: every split of weight among the sites that serve the planned channels, on a grid of
 * `step` (0.25 by default: 15 candidates for three sites), the same weights for every channel
 * (restricted to the sites with that channel's skill; a candidate leaving a channel without a site,
 * in any interval where the current split has one, is skipped). The routing among *open* sites follows from it interval by interval, as in the engine.
 *
 * Screening: each candidate's Erlang requirement (which already counts each site's FCR repeats,
 * handle-time factor, connect delay and escalations), costed as required agent-hours × what an agent
 * hour costs the client (paid labour in-house; a contract's rate per productive hour; nothing for a
 * contract billing volume: agentHourCost in src/sim/contract-cost.ts) — the bound a shift plan
 * approaches from above. The `tryTop` cheapest are then planned in full — simulation rounds, shifts by
 * HiGHS, verification — so that what the formulas miss (overflow, hand-off delays, backlog, repeats'
 * timing) is counted, and the one that meets the targets at the least simulated total cost (v3: labour
 * with pay premiums, contracts' invoices less their SLA credits, telecom and fees — not labour alone)
 * is the mix. If none of them does, the result says so and keeps the current split.
 */
import { CHANNEL_KINDS, type Scenario } from '../sim/scenario';
import { planWorkforce, type PlanOptions, type PlanOutcome } from './plan';
import { erlangRequirement, type Split } from './requirement';
import type { HighsSolver } from './shifts';
import { agentHourCost } from '../sim/contract-cost';
import type { Evaluate } from './correct';
import { servesChannel, sitesServing } from '../sim/serving';

export interface MixCandidate {
  weights: Record<string, number>;
  split: Split;
  /** required agent-hours × the client's cost of an agent hour, per day */
  screeningCost: number;
}

export interface MixOutcome {
  current: PlanOutcome;
  /** the cheapest candidate planned in full that meets the targets; null if none did */
  best: PlanOutcome | null;
  candidates: MixCandidate[];
  /** candidates planned in full, in screening order */
  tried: {
    weights: Record<string, number>;
    /** the shift plan's paid labour per day (hourly rates; contracts and credits aside) */
    labour: number;
    /** (v3) the verifying run's simulated total cost (mean), credits and premiums included: the ranking */
    total: number;
    met: boolean;
  }[];
}

/** Weight vectors over `n` sites on a grid of `step`, summing to 1. */
export function weightGrid(n: number, step: number): number[][] {
  const units = Math.round(1 / step);
  const out: number[][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === n - 1) {
      out.push([...prefix, left].map((u) => u / units));
      return;
    }
    for (let u = 0; u <= left; u++) rec([...prefix, u], left - u);
  };
  if (n > 0) rec([], units);
  return out;
}

export function mixCandidates(
  scenario: Scenario,
  targets: PlanOptions['targets'],
  step: number,
): MixCandidate[] {
  const channels = CHANNEL_KINDS.filter((c) => scenario.channels[c]);
  const sites = scenario.sites.filter((s) => channels.some((c) => servesChannel(s, c)));
  // a split that leaves intervals without a site (weight 0 at the only site open then) is no
  // cheaper plan: it drops those contacts' service, so it is skipped
  const impossibleNow = erlangRequirement(scenario, targets).impossible.length;
  const out: MixCandidate[] = [];
  for (const w of weightGrid(sites.length, step)) {
    const weights = Object.fromEntries(sites.map((s, i) => [s.id, w[i]]));
    const split: Split = {};
    let ok = true;
    for (const c of channels) {
      const sw = Object.fromEntries(sitesServing(sites, c).map((s) => [s.id, weights[s.id]]));
      if (Object.values(sw).every((x) => x <= 0)) ok = false;
      split[c] = sw;
    }
    if (!ok) continue;
    const req = erlangRequirement(scenario, targets, split);
    if (req.impossible.length > impossibleNow) continue;
    const hours = req.intervalMinutes / 60;
    const screeningCost = req.groups.reduce(
      (a, g, i) =>
        a + req.agents[i].reduce((x, n) => x + n, 0) * hours * agentHourCost(scenario.sites[g.site]),
      0,
    );
    out.push({ weights, split, screeningCost });
  }
  return out.sort((a, b) => a.screeningCost - b.screeningCost);
}

export async function planMix(
  scenario: Scenario,
  evaluate: Evaluate,
  highs: HighsSolver,
  options: PlanOptions & { step?: number; tryTop?: number },
): Promise<MixOutcome> {
  const progress = options.onProgress ?? (() => {});
  const current = await planWorkforce(scenario, evaluate, highs, {
    ...options,
    onProgress: (s) => progress(`current split: ${s}`),
  });
  const candidates = mixCandidates(scenario, options.targets, options.step ?? 0.25);
  const tried: MixOutcome['tried'] = [];
  let best: PlanOutcome | null = null;
  const top = candidates.slice(0, options.tryTop ?? 2);
  for (const [k, c] of top.entries()) {
    const label = Object.entries(c.weights)
      .map(([id, w]) => `${id} ${Math.round(w * 100)}%`)
      .join(', ');
    const o = await planWorkforce(scenario, evaluate, highs, {
      ...options,
      split: c.split,
      onProgress: (s) => progress(`mix ${k + 1}/${top.length} (${label}): ${s}`),
    });
    const total = totalCost(o);
    tried.push({ weights: c.weights, labour: o.cost.total.labour, total, met: o.verification.met });
    if (o.verification.met && (best === null || total < totalCost(best))) best = o;
  }
  return { current, best, candidates, tried };
}

/** The simulated total cost of a planned split (its mean over the verifying replications). */
export function totalCost(o: PlanOutcome): number {
  return o.cost.simulated.total.mean ?? Infinity;
}
