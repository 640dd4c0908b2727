/**
 * One replication's outcomes (SPEC §6), derived from a finished Simulation's counters.
 *
 * Conventions beyond the SPEC's table, chosen so that figures add up:
 * - A channel's `offered` counts arrivals (fresh, repeats, escalations). A site's `offered` counts each
 *   contact once, at the site that answered it, or — if it abandoned or still waits — at the site
 *   whose queue it was in; so per site, too, offered = handled + abandoned + backlog.
 * - Occupancy of a channel = its busy agent time ÷ logged-in time of agents who have the skill.
 *   A chat with concurrency N occupies 1/N of an agent.
 * - Cost: each site's labour is paid on logged-in time ÷ (1 − shrinkage); telecom is per voice talk
 *   minute; fees per handled contact. A channel's cost is the labour of each site shared by the
 *   channel's share of that site's busy time (evenly among its skills if the site was never busy),
 *   plus its own telecom and fees — so channel costs add up to the total.
 * - (v3) A contract site's labour is its invoice less its SLA credit, and an in-house site's labour
 *   includes its pay premiums (contract-cost.ts); both are shared among channels like labour. A contract
 *   site reports `invoice` and `slaCredit`; the total reports their sums (null where no site has a
 *   contract), channels null.
 * - (v2) Issues (SPEC §1, §6): the cohort is the issues raised by fresh contacts in the horizon, each
 *   counted in its first contact's channel (repeats and escalations stay on that channel). After the
 *   horizon's figures are taken, the final outcome follows the cohort (Simulation.followUp) and takes
 *   from it `resolved`, `resolutionHours`, `contactsPerResolution`, `costPerResolved` (the horizon's
 *   cost ÷ the cohort's resolved issues) and the counts issuesRaised = issuesResolved + issuesOpen +
 *   issuesGivenUp. A site has no issue counts of its own (null) except issuesResolved, the cohort
 *   issues its agents resolved; its resolution figures are those of the issues it resolved.
 * - (v3) Customer returns (per channel; null per site): `contactsPerIssue` = the cohort's contacts
 *   (followed up) ÷ issues raised, resolved or not; `closedAttempts` (not in offered), call backs
 *   offered and accepted, and `callbackDelay` (mean seconds from acceptance to the call back) are the
 *   horizon's.
 * - (v3) Who pays for an issue (per site; null per channel): a cohort issue is owned by the site that
 *   handled its first handled contact. `observedFcr` = its owned issues resolved by that contact ÷ owned
 *   issues. `issueCost` = every contact of its owned issues, wherever and whenever handled (follow-up
 *   included), each at the handling site's labour per handled minute (talk + wrap-up) over the horizon
 *   plus the contact's own telecom and fee. The total sums the sites; issues never handled have no
 *   owner, so Σ issuesOwned ≤ issues raised.
 */
import { intervalExtras, siteBills, type CostInputs } from './contract-cost';
import type { Simulation } from './engine';
import { CS, M, IM, MAX_CLASSES } from './engine';
import { HISTOGRAM_BINS, histogramQuantile } from './histogram';
import type { ClassValues, IntervalValues, OutcomeValues, ReplicationOutcome } from './result';

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Raw sums of one scope (a channel, a site, or everything). */
interface Sums {
  offered: number;
  handled: number;
  abandoned: number;
  backlog: number;
  within: number;
  abandonedAfter: number;
  waitSum: number;
  resolved: number;
  resolutionSeconds: number;
  resolutionContacts: number;
  /** issue counts: null where not defined (sites) */
  issuesRaised: number | null;
  issuesGivenUp: number | null;
  issuesOpen: number | null;
  /** (v3) channel-only figures (null per site) */
  cohortContacts: number | null;
  closedAttempts: number | null;
  callbacksOffered: number | null;
  callbacksAccepted: number | null;
  callbacksMade: number;
  callbackDelaySum: number;
  /** (v3) site-only figures (null per channel) */
  issuesOwned: number | null;
  firstResolved: number;
  issueCost: number | null;
  busy: number;
  available: number;
  paidHours: number;
  cost: number;
  /** (v3) contract sites' invoices and credits: null where there is none */
  invoice: number | null;
  slaCredit: number | null;
}

/** Sums that add up over sites into the total (the resolution ones are added after the follow-up). */
const SUMMED = [
  'offered',
  'handled',
  'abandoned',
  'backlog',
  'within',
  'abandonedAfter',
  'waitSum',
  'busy',
  'available',
  'paidHours',
  'cost',
] as const;

function emptySums(): Sums {
  return {
    offered: 0,
    handled: 0,
    abandoned: 0,
    backlog: 0,
    within: 0,
    abandonedAfter: 0,
    waitSum: 0,
    resolved: 0,
    resolutionSeconds: 0,
    resolutionContacts: 0,
    issuesRaised: null,
    issuesGivenUp: null,
    issuesOpen: null,
    cohortContacts: null,
    closedAttempts: null,
    callbacksOffered: null,
    callbacksAccepted: null,
    callbacksMade: 0,
    callbackDelaySum: 0,
    issuesOwned: null,
    firstResolved: 0,
    issueCost: null,
    busy: 0,
    available: 0,
    paidHours: 0,
    cost: 0,
    invoice: null,
    slaCredit: null,
  };
}

function addCounters(sums: Sums, stats: Float64Array, base: number): void {
  sums.offered += stats[base + M.Offered];
  sums.handled += stats[base + M.Handled];
  sums.abandoned += stats[base + M.Abandoned];
  sums.within += stats[base + M.HandledWithin];
  sums.abandonedAfter += stats[base + M.AbandonedAfter];
  sums.waitSum += stats[base + M.WaitSum];
}

/** The cohort's resolution counters (read after the follow-up, if any). */
function addResolution(sums: Sums, stats: Float64Array, base: number): void {
  sums.resolved += stats[base + M.Resolved];
  sums.resolutionSeconds += stats[base + M.ResolutionSeconds];
  sums.resolutionContacts += stats[base + M.ResolutionContacts];
}

function toValues(x: Sums, waitP90: number | null): OutcomeValues {
  return {
    offered: x.offered,
    handled: x.handled,
    abandoned: x.abandoned,
    backlog: x.backlog,
    serviceLevel: ratio(x.within, x.handled + x.abandonedAfter),
    asa: ratio(x.waitSum, x.handled),
    waitP90,
    abandonRate: ratio(x.abandoned, x.handled + x.abandoned),
    occupancy: ratio(x.busy, x.available),
    resolutionHours: ratio(x.resolutionSeconds / 3600, x.resolved),
    contactsPerResolution: ratio(x.resolutionContacts, x.resolved),
    resolved: x.resolved,
    paidHours: x.paidHours,
    cost: x.cost,
    costPerResolved: ratio(x.cost, x.resolved),
    issuesRaised: x.issuesRaised,
    issuesResolved: x.resolved,
    issuesOpen: x.issuesOpen,
    issuesGivenUp: x.issuesGivenUp,
    contactsPerIssue: x.cohortContacts === null ? null : ratio(x.cohortContacts, x.issuesRaised ?? 0),
    closedAttempts: x.closedAttempts,
    callbacksOffered: x.callbacksOffered,
    callbacksAccepted: x.callbacksAccepted,
    callbackDelay: x.callbacksOffered === null ? null : ratio(x.callbackDelaySum, x.callbacksMade),
    issuesOwned: x.issuesOwned,
    observedFcr: x.issuesOwned === null ? null : ratio(x.firstResolved, x.issuesOwned),
    issueCost: x.issueCost,
    costPerOwnedIssue: x.issueCost === null ? null : ratio(x.issueCost, x.issuesOwned ?? 0),
    invoice: x.invoice,
    slaCredit: x.slaCredit,
  };
}

/** Sums histogram rows [first, first + count) into one. */
function mergeHist(hist: Uint32Array, rows: number[]): Float64Array {
  const out = new Float64Array(HISTOGRAM_BINS);
  for (const r of rows) {
    const off = r * HISTOGRAM_BINS;
    for (let b = 0; b < HISTOGRAM_BINS; b++) out[b] += hist[off + b];
  }
  return out;
}

/**
 * Outcomes of a replication. With `final` (the default) the run is first taken to its horizon; without,
 * these are the figures so far, for the live view.
 *
 * The order of the steps matters: everything of the horizon (counters, costs, wait quantiles, interval
 * and class figures) is read before the follow-up runs the model on past it, and only the cohort's
 * resolution and issue counts are read after.
 */
export function replicationOutcome(sim: Simulation, final = true): ReplicationOutcome {
  if (final) sim.finish();
  const m = sim.model;
  const nC = m.channels.length;
  const nS = m.sites.length;
  const busyTotal = new Float64Array(nS * nC);
  const loggedTotal = new Float64Array(m.groups.length);
  const backlog = new Float64Array(nS * nC);
  sim.integralsNow(busyTotal, loggedTotal);
  sim.backlogNow(backlog);

  const siteSums = m.sites.map(() => emptySums());
  const chanSums = m.channels.map(() => emptySums());
  const total = emptySums();
  addLoggedTime(sim, loggedTotal, siteSums, chanSums);
  // (v3) Labour, premiums, contracts' invoices and credits: site-major copies of the counters they read.
  const costInputs = costInputsOf(sim, busyTotal, loggedTotal, final);
  const bills = siteBills(costInputs);
  const { channelShare, perMinute } = addSiteCounters(sim, busyTotal, backlog, bills, siteSums, chanSums);
  addReturns(sim, chanSums);
  for (const x of siteSums) {
    for (const k of SUMMED) total[k] += x[k];
    if (x.invoice !== null) total.invoice = (total.invoice ?? 0) + x.invoice;
    if (x.slaCredit !== null) total.slaCredit = (total.slaCredit ?? 0) + x.slaCredit;
  }

  // Everything of the horizon is taken before the follow-up, which runs the model on.
  const p90 = waitP90s(sim);
  // Channel offered counts arrivals; it equals the sites' sum once backlog is counted.
  m.channels.forEach((_, c) => (chanSums[c].offered = sim.arrivals[c]));
  total.offered = chanSums.reduce((a, x) => a + x.offered, 0);
  const intervals = intervalOutcomes(
    sim,
    intervalExtras(
      costInputs,
      bills,
      channelShare,
      sim.intervalStats,
      final ? m.nIntervals : Math.min(m.nIntervals, sim.intervalsClosed + 1),
    ),
  );

  const classes = classOutcomes(sim);

  // The issue cohort, followed past the horizon when the run is final.
  if (final) sim.followUp();
  addCohort(sim, perMinute, siteSums, chanSums, total);

  const channels: ReplicationOutcome['channels'] = {};
  m.channels.forEach((ch, c) => (channels[ch.kind] = toValues(chanSums[c], p90.channels[c])));
  const sites: ReplicationOutcome['sites'] = {};
  m.sites.forEach((site, s) => (sites[site.id] = toValues(siteSums[s], p90.sites[s])));
  const totalValues = toValues(total, p90.total);

  return {
    channels,
    sites,
    total: totalValues,
    intervals,
    ...(classes ? { classes } : {}),
    events: sim.events,
    contacts: sim.contacts,
    warmUpDays: sim.warmUpDays,
    ...(sim.pilotWarmUpDays > 0 ? { pilotWarmUpDays: sim.pilotWarmUpDays } : {}),
    backlogGrowthPerDay: Object.fromEntries(
      m.channels.map((ch, c) => [
        ch.kind,
        Number.isNaN(sim.backlogGrowthPerDay[c]) ? null : sim.backlogGrowthPerDay[c],
      ]),
    ),
  };
}

/** Logged-in time per site and per channel (for every skill of the group), and each site's paid hours. */
function addLoggedTime(sim: Simulation, loggedTotal: Float64Array, siteSums: Sums[], chanSums: Sums[]): void {
  const m = sim.model;
  for (let g = 0; g < m.groups.length; g++) {
    const grp = m.groups[g];
    const site = m.sites[grp.site];
    const logged = loggedTotal[g];
    const paid = logged / 3600 / (1 - site.shrinkage);
    siteSums[grp.site].available += logged;
    siteSums[grp.site].paidHours += paid;
    for (const c of grp.skills) chanSums[c].available += logged;
  }
}

/**
 * The horizon's counters, backlog, busy time and cost per site and per channel. A site's labour is
 * shared among channels by busy time; telecom and fees go to the channel that incurred them. Returns
 * the shares (site-major, for the intervals' contract costs) and each site's labour per handled minute
 * (for the cohort's issue cost), both read before the follow-up moves the engine's counters on.
 */
function addSiteCounters(
  sim: Simulation,
  busyTotal: Float64Array,
  backlog: Float64Array,
  bills: ReturnType<typeof siteBills>,
  siteSums: Sums[],
  chanSums: Sums[],
): { channelShare: Float64Array; perMinute: number[] } {
  const m = sim.model;
  const nC = m.channels.length;
  const nS = m.sites.length;
  const siteLabour = bills.map((b) => b.cost);
  const channelShare = new Float64Array(nS * nC);
  const siteBusy = new Float64Array(nS);
  for (let s = 0; s < nS; s++) for (let c = 0; c < nC; c++) siteBusy[s] += busyTotal[s * nC + c];

  const siteVariable = new Float64Array(nS);
  for (let s = 0; s < nS; s++) {
    const site = m.sites[s];
    const skills = new Set(site.groups.flatMap((g) => m.groups[g].skills));
    let siteCost = siteLabour[s];
    for (let c = 0; c < nC; c++) {
      const base = sim.statIndex(c, s);
      addCounters(siteSums[s], sim.stats, base);
      addCounters(chanSums[c], sim.stats, base);
      // Waiting contacts are backlog, and offered at the site whose queue holds them.
      for (const x of [siteSums[s], chanSums[c]]) {
        x.backlog += backlog[s * nC + c];
        x.offered += backlog[s * nC + c];
      }
      const busy = busyTotal[s * nC + c];
      siteSums[s].busy += busy;
      chanSums[c].busy += busy;
      const share = siteBusy[s] > 0 ? busy / siteBusy[s] : skills.has(c) ? 1 / skills.size : 0;
      channelShare[s * nC + c] = share;
      const telecom = (sim.stats[base + M.TalkSeconds] / 60) * site.telecomPerMinute;
      const fees = sim.stats[base + M.Handled] * site.perContactFee;
      chanSums[c].cost += siteLabour[s] * share + telecom + fees;
      chanSums[c].paidHours += siteSums[s].paidHours * share;
      siteCost += telecom + fees;
      siteVariable[s] += telecom + fees;
    }
    siteSums[s].cost = siteCost;
    siteSums[s].invoice = bills[s].invoice;
    siteSums[s].slaCredit = bills[s].slaCredit;
  }
  // (v3) Each site's labour (its cost less telecom and fees) per handled minute of the horizon.
  const perMinute = m.sites.map((_, s) =>
    sim.handledMinutes[s] > 0 ? (siteSums[s].cost - siteVariable[s]) / sim.handledMinutes[s] : 0,
  );
  return { channelShare, perMinute };
}

/** (v3) The horizon's customer returns per channel: closed attempts and call backs. */
function addReturns(sim: Simulation, chanSums: Sums[]): void {
  sim.model.channels.forEach((_, c) => {
    chanSums[c].closedAttempts = sim.closedAttempts[c];
    chanSums[c].callbacksOffered = sim.callbacksOffered[c];
    chanSums[c].callbacksAccepted = sim.callbacksAccepted[c];
    chanSums[c].callbacksMade = sim.callbacksMade[c];
    chanSums[c].callbackDelaySum = sim.callbackDelaySum[c];
  });
}

/** The 90th percentile of wait per channel, per site and in all, from the wait histograms' rows. */
function waitP90s(sim: Simulation): {
  channels: (number | null)[];
  sites: (number | null)[];
  total: number | null;
} {
  const m = sim.model;
  const nC = m.channels.length;
  const nS = m.sites.length;
  const channels = m.channels.map((_, c) =>
    histogramQuantile(
      mergeHist(
        sim.waitHist,
        Array.from({ length: nS }, (_, s) => c * nS + s),
      ),
      0,
      0.9,
    ),
  );
  const sites = m.sites.map((_, s) =>
    histogramQuantile(
      mergeHist(
        sim.waitHist,
        Array.from({ length: nC }, (_, c) => c * nS + s),
      ),
      0,
      0.9,
    ),
  );
  const allRows = Array.from({ length: nC * nS }, (_, i) => i);
  const total = histogramQuantile(mergeHist(sim.waitHist, allRows), 0, 0.9);
  return { channels, sites, total };
}

/**
 * The issue cohort's figures, read after the follow-up (if any): resolutions per site and channel, the
 * issue counts per channel, the cohort's contacts, and per owning site its issues and their cost at the
 * horizon's labour per handled minute (`perMinute`).
 */
function addCohort(
  sim: Simulation,
  perMinute: number[],
  siteSums: Sums[],
  chanSums: Sums[],
  total: Sums,
): void {
  const m = sim.model;
  const nC = m.channels.length;
  const nS = m.sites.length;
  const open = new Float64Array(nC);
  sim.openIssues(open);
  for (let c = 0; c < nC; c++) {
    for (let s = 0; s < nS; s++) {
      const base = sim.statIndex(c, s);
      addResolution(siteSums[s], sim.stats, base);
      addResolution(chanSums[c], sim.stats, base);
      addResolution(total, sim.stats, base);
    }
    chanSums[c].issuesRaised = sim.issuesRaised[c];
    chanSums[c].issuesGivenUp = sim.issuesGivenUp[c];
    chanSums[c].issuesOpen = open[c];
  }
  total.issuesRaised = chanSums.reduce((a, x) => a + (x.issuesRaised ?? 0), 0);
  total.issuesGivenUp = chanSums.reduce((a, x) => a + (x.issuesGivenUp ?? 0), 0);
  total.issuesOpen = chanSums.reduce((a, x) => a + (x.issuesOpen ?? 0), 0);
  for (let c = 0; c < nC; c++) chanSums[c].cohortContacts = sim.cohortContacts[c];
  for (const k of ['cohortContacts', 'closedAttempts', 'callbacksOffered', 'callbacksAccepted'] as const)
    total[k] = chanSums.reduce((a, x) => a + (x[k] ?? 0), 0);
  total.callbacksMade = chanSums.reduce((a, x) => a + x.callbacksMade, 0);
  total.callbackDelaySum = chanSums.reduce((a, x) => a + x.callbackDelaySum, 0);
  for (let o = 0; o < nS; o++) {
    let cost = 0;
    for (let h = 0; h < nS; h++)
      cost += sim.ownerMinutes[o * nS + h] * perMinute[h] + sim.ownerVariable[o * nS + h];
    siteSums[o].issuesOwned = sim.issuesOwned[o];
    siteSums[o].firstResolved = sim.firstResolved[o];
    siteSums[o].issueCost = cost;
  }
  total.issuesOwned = siteSums.reduce((a, x) => a + (x.issuesOwned ?? 0), 0);
  total.firstResolved = siteSums.reduce((a, x) => a + x.firstResolved, 0);
  total.issueCost = siteSums.reduce((a, x) => a + (x.issueCost ?? 0), 0);
}

function intervalValues(is: Float64Array, bases: number[], cost: number): IntervalValues {
  let offered = 0,
    handled = 0,
    abandoned = 0,
    within = 0,
    after = 0,
    waitSum = 0,
    queue = 0,
    busy = 0,
    available = 0,
    closed = 0;
  for (const b of bases) {
    closed += is[b + IM.Closed];
    offered += is[b + IM.Offered];
    handled += is[b + IM.Handled];
    abandoned += is[b + IM.Abandoned];
    within += is[b + IM.HandledWithin];
    after += is[b + IM.AbandonedAfter];
    waitSum += is[b + IM.WaitSum];
    queue += is[b + IM.Queue];
    busy += is[b + IM.Busy];
    available += is[b + IM.Available];
  }
  return {
    offered,
    handled,
    abandoned,
    serviceLevel: ratio(within, handled + after),
    asa: ratio(waitSum, handled),
    abandonRate: ratio(abandoned, handled + abandoned),
    occupancy: ratio(busy, available),
    queue,
    cost,
    closedAttempts: closed,
  };
}

/** The counters the cost rules read, site-major (see contract-cost.ts). */
function costInputsOf(sim: Simulation, busy: Float64Array, logged: Float64Array, final: boolean): CostInputs {
  const m = sim.model;
  const nC = m.channels.length;
  const nS = m.sites.length;
  const handled = new Float64Array(nS * nC);
  const within = new Float64Array(nS * nC);
  const abandonedAfter = new Float64Array(nS * nC);
  for (let s = 0; s < nS; s++)
    for (let c = 0; c < nC; c++) {
      const base = sim.statIndex(c, s);
      handled[s * nC + c] = sim.stats[base + M.Handled];
      within[s * nC + c] = sim.stats[base + M.HandledWithin];
      abandonedAfter[s * nC + c] = sim.stats[base + M.AbandonedAfter];
    }
  // A minimum is billed for the days run: the horizon, or the part of it the live view has reached.
  const days = final ? m.days : Math.min(m.days, Math.max(0, sim.now) / 86_400);
  // A copy: the follow-up after the horizon counts on in the engine's array.
  const handledMinutes = Float64Array.from(sim.handledMinutes);
  return { model: m, logged, busy, handledMinutes, handled, within, abandonedAfter, days };
}

/** `extra`: per interval × channel, the cost beyond the engine's per-interval labour (contract-cost.ts). */
function intervalOutcomes(sim: Simulation, extra: Float64Array): ReplicationOutcome['intervals'] {
  const m = sim.model;
  const nC = m.channels.length;
  const is = sim.intervalStats;
  const out: ReplicationOutcome['intervals'] = [];
  for (let k = 0; k < m.nIntervals; k++) {
    const channels: Record<string, IntervalValues> = {};
    let variable = 0;
    const bases: number[] = [];
    let busyAll = 0;
    for (let c = 0; c < nC; c++) {
      const b = (k * nC + c) * IM.COUNT;
      bases.push(b);
      variable += is[b + IM.VariableCost];
      busyAll += is[b + IM.Busy];
    }
    const labour = sim.intervalLabour[k];
    for (let c = 0; c < nC; c++) {
      const b = bases[c];
      // Labour shared by busy time, as for whole-run channel costs (evenly when nobody was busy).
      const share = busyAll > 0 ? is[b + IM.Busy] / busyAll : 1 / nC;
      const more = extra[k * nC + c];
      channels[m.channels[c].kind] = intervalValues(is, [b], labour * share + is[b + IM.VariableCost] + more);
      variable += more;
    }
    const total = intervalValues(is, bases, labour + variable);
    // Per-channel available time counts a blended agent once per skill; the total uses logged-in time.
    total.occupancy = ratio(busyAll, sim.intervalLogged[k]);
    const classes = intervalClassValues(sim, k);
    out.push(classes ? { channels, total, classes } : { channels, total });
  }
  return out;
}

/** (v3) Per channel with classes, each class's figures in interval k (absent: no channel has classes). */
function intervalClassValues(sim: Simulation, k: number): ReplicationOutcome['classes'] {
  if (sim.nClassSlots === 0) return undefined;
  const out: NonNullable<ReplicationOutcome['classes']> = {};
  sim.model.channels.forEach((ch, c) => {
    if (ch.classes === null) return;
    const byName: Record<string, ClassValues> = {};
    ch.classes.names.forEach((name, j) => {
      const b = (k * sim.nClassSlots + sim.classSlot[c] + j) * CS.COUNT;
      byName[name] = classValues(sim.intervalClassStats, b);
    });
    out[ch.kind] = byName;
  });
  return out;
}

/** A class's figures from its CS counters at `b`. */
function classValues(x: Float64Array, b: number): ClassValues {
  return {
    offered: x[b + CS.Offered],
    handled: x[b + CS.Handled],
    abandoned: x[b + CS.Abandoned],
    serviceLevel: ratio(x[b + CS.HandledWithin], x[b + CS.Handled] + x[b + CS.AbandonedAfter]),
    asa: ratio(x[b + CS.WaitSum], x[b + CS.Handled]),
    abandonRate: ratio(x[b + CS.Abandoned], x[b + CS.Handled] + x[b + CS.Abandoned]),
  };
}

/**
 * (v3) Per channel with classes, each class's figures, as the channel's are defined: offered counts
 * arrivals, service level is within target ÷ (handled + abandoned after the target). Taken before the
 * follow-up, with the horizon's other figures. Undefined (no class anywhere): no key at all, so results
 * without classes are unchanged.
 */
function classOutcomes(sim: Simulation): ReplicationOutcome['classes'] {
  const m = sim.model;
  if (!m.channels.some((ch) => ch.classes !== null)) return undefined;
  const out: NonNullable<ReplicationOutcome['classes']> = {};
  m.channels.forEach((ch, c) => {
    if (ch.classes === null) return;
    const byName: Record<string, ClassValues> = {};
    ch.classes.names.forEach((name, k) => {
      byName[name] = classValues(sim.classStats, (c * MAX_CLASSES + k) * CS.COUNT);
    });
    out[ch.kind] = byName;
  });
  return out;
}
