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
 *
 * Constraints (issue 27): `minShare` keeps at least that share of every channel a site serves there
 * (an in-house floor), `cap` holds a site (a vendor) to at most that share of each; candidates outside
 * them are not screened. A mix that gives a site 0 % of a channel it carries now closes it for that
 * channel: `closes` lists each such site and channel, so the CLI and the app can say so.
 */
import { CHANNEL_KINDS, type Scenario } from '../sim/scenario';
import { planWorkforce, type PlanOptions, type PlanOutcome } from './plan';
import { erlangRequirement, type Split } from './requirement';
import type { HighsSolver } from './shifts';
import { agentHourCost } from '../sim/contract-cost';
import type { Evaluate } from './correct';
import { servesChannel, sitesServing } from '../sim/serving';
import type { ChannelKind } from '../sim/scenario';

/** Per site id, a share of each channel the site serves, 0–1. */
export interface MixConstraints {
  minShare?: Record<string, number>;
  cap?: Record<string, number>;
}

/** A site the chosen mix gives none of a channel it carries at the current split. */
export interface SiteClosure {
  site: string;
  name: string;
  channel: ChannelKind;
  /** its share of the channel now, 0–1 */
  now: number;
}

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
  /** sites the chosen mix closes for a channel (empty when none is chosen) */
  closes: SiteClosure[];
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

/** Each channel's split as shares (0–1) by site id. */
export function splitShares(split: Split): Partial<Record<ChannelKind, Record<string, number>>> {
  const out: Partial<Record<ChannelKind, Record<string, number>>> = {};
  for (const [c, w] of Object.entries(split) as [ChannelKind, Record<string, number>][]) {
    const total = Object.values(w).reduce((a, x) => a + x, 0);
    out[c] = Object.fromEntries(Object.entries(w).map(([id, x]) => [id, total > 0 ? x / total : 0]));
  }
  return out;
}

/** Does the split keep every site's share of each channel it serves within the constraints? */
export function withinConstraints(split: Split, c: MixConstraints = {}): boolean {
  const tol = 1e-9;
  for (const shares of Object.values(splitShares(split)))
    for (const [id, x] of Object.entries(shares ?? {})) {
      if (x < (c.minShare?.[id] ?? 0) - tol) return false;
      if (x > (c.cap?.[id] ?? 1) + tol) return false;
    }
  return true;
}

/** The split the scenario routes by now, per planned channel. */
function splitNow(scenario: Scenario): Split {
  const out: Split = {};
  for (const c of CHANNEL_KINDS.filter((k) => scenario.channels[k])) {
    const routed = scenario.routing?.[c]?.split;
    out[c] = routed
      ? { ...routed }
      : Object.fromEntries(sitesServing(scenario.sites, c).map((s) => [s.id, 1]));
  }
  return out;
}

/** The sites `split` gives 0 % of a channel they carry at the scenario's current split. */
export function closures(scenario: Scenario, split: Split): SiteClosure[] {
  const now = splitShares(splitNow(scenario));
  const next = splitShares(split);
  const out: SiteClosure[] = [];
  for (const [c, shares] of Object.entries(now) as [ChannelKind, Record<string, number>][])
    for (const [id, x] of Object.entries(shares)) {
      if (x <= 0 || (next[c]?.[id] ?? 0) > 0) continue;
      const name = scenario.sites.find((s) => s.id === id)?.name ?? id;
      out.push({ site: id, name, channel: c, now: x });
    }
  return out;
}

/**
 * Problems with mix constraints, each naming its field by `names` (the CLI's flags or the app's
 * labels): unknown sites, shares outside 0–1, a floor above its site's cap, floors summing above 1,
 * and no candidate on the grid within them.
 */
export function constraintProblems(
  scenario: Scenario,
  c: MixConstraints,
  step: number,
  names: { minShare: string; cap: string },
): string[] {
  const problems: string[] = [];
  for (const key of ['minShare', 'cap'] as const)
    for (const [id, x] of Object.entries(c[key] ?? {})) {
      if (!scenario.sites.some((s) => s.id === id))
        problems.push(`${names[key]}: no site has the id "${id}"`);
      else if (!(x >= 0 && x <= 1)) problems.push(`${names[key]}: ${id}'s share must be 0 to 1 (got ${x})`);
    }
  for (const [id, x] of Object.entries(c.minShare ?? {}))
    if (c.cap?.[id] !== undefined && x > c.cap[id])
      problems.push(`${names.minShare}: ${id}'s minimum ${x} is above its ${names.cap} ${c.cap[id]}`);
  const floors = Object.values(c.minShare ?? {}).reduce((a, x) => a + (x > 0 ? x : 0), 0);
  if (floors > 1 + 1e-9)
    problems.push(`${names.minShare}: the minimums add up to ${+floors.toFixed(6)}, more than 1`);
  if (problems.length > 0) return problems;
  const channels = CHANNEL_KINDS.filter((k) => scenario.channels[k]);
  const sites = scenario.sites.filter((s) => channels.some((k) => servesChannel(s, k)));
  const any = weightGrid(sites.length, step).some((w) => {
    const split = splitOf(sites, channels, Object.fromEntries(sites.map((s, i) => [s.id, w[i]])));
    return split !== null && withinConstraints(split, c);
  });
  if (!any)
    problems.push(
      `${names.minShare}/${names.cap}: no split on the grid of ${step} keeps every site within them`,
    );
  return problems;
}

/** The per-channel split of these weights; null if a channel is left without a site. */
function splitOf(
  sites: Scenario['sites'],
  channels: ChannelKind[],
  weights: Record<string, number>,
): Split | null {
  const split: Split = {};
  for (const c of channels) {
    const sw = Object.fromEntries(sitesServing(sites, c).map((s) => [s.id, weights[s.id]]));
    if (Object.values(sw).every((x) => x <= 0)) return null;
    split[c] = sw;
  }
  return split;
}

export function mixCandidates(
  scenario: Scenario,
  targets: PlanOptions['targets'],
  step: number,
  constraints: MixConstraints = {},
): MixCandidate[] {
  const channels = CHANNEL_KINDS.filter((c) => scenario.channels[c]);
  const sites = scenario.sites.filter((s) => channels.some((c) => servesChannel(s, c)));
  // a split that leaves intervals without a site (weight 0 at the only site open then) is no
  // cheaper plan: it drops those contacts' service, so it is skipped
  const impossibleNow = erlangRequirement(scenario, targets).impossible.length;
  const out: MixCandidate[] = [];
  for (const w of weightGrid(sites.length, step)) {
    const weights = Object.fromEntries(sites.map((s, i) => [s.id, w[i]]));
    const split = splitOf(sites, channels, weights);
    if (!split || !withinConstraints(split, constraints)) continue;
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
  options: PlanOptions & { step?: number; tryTop?: number; constraints?: MixConstraints },
): Promise<MixOutcome> {
  const progress = options.onProgress ?? (() => {});
  const current = await planWorkforce(scenario, evaluate, highs, {
    ...options,
    onProgress: (s) => progress(`current split: ${s}`),
  });
  const candidates = mixCandidates(scenario, options.targets, options.step ?? 0.25, options.constraints);
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
  const closes = best?.split ? closures(scenario, best.split) : [];
  return { current, best, candidates, tried, closes };
}

/** The simulated total cost of a planned split (its mean over the verifying replications). */
export function totalCost(o: PlanOutcome): number {
  return o.cost.simulated.total.mean ?? Infinity;
}
