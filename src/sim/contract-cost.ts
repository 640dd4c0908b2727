/**
 * (v3) What a site costs beyond plain hourly labour (SPEC v3 §3, §6): an outsourcer's contract invoice
 * and SLA credit, and in-house pay premiums by local time.
 *
 * Pure arithmetic on counters the engine already keeps, so the hot loop is untouched:
 * - productive hours: the site's logged-in agent-seconds (agents logged in while open);
 * - paid hours: productive ÷ (1 − shrinkage); an FTE-month is FTE_MONTH_HOURS paid hours;
 * - handled minutes (handle time plus wrap-up): the engine's exact per-site counter
 *   (Simulation.handledMinutes), which adds a contact's talk and wrap-up when it is answered — the same
 *   moment it is counted as handled, so the minutes billed are those of the contacts billed (a contact
 *   answered before the horizon's end bills its whole length; the connect delay is not handling);
 * - contacts: contacts handled at the site;
 * - the service level of a credit: the site's own (within ÷ handled + abandoned after the threshold)
 *   on the credit's channel over the horizon.
 *
 * A minimum bills at least `days × per-day volume` over the horizon (a true-up over the run, as a
 * monthly contract does, rather than day by day: the engine keeps no per-site daily counts).
 *
 * Pay premiums need the hours a group worked inside a local-time window. The engine integrates
 * logged-in time per group over the whole run only, so each group's hours are split by its schedule:
 * the share of its scheduled agent-seconds that fall in the window (and in each reporting interval).
 * That is exact while agents follow the schedule; agents finishing their last contact after closing
 * (and live slider changes) are shared out in the same proportions.
 */
import { DAY, inWindow, shiftWindow } from './clock';
import { IM } from './engine';
import { scheduledAgents, type GroupModel, type Model, type SiteModel } from './model';
import { DEFAULTS, FTE_MONTH_HOURS, type SiteSpec } from './scenario';

/** The counters of one replication that the cost rules read (see outcomes.ts). */
export interface CostInputs {
  model: Model;
  /** logged-in agent-seconds per group */
  logged: Float64Array;
  /** busy agent-seconds per site × channel (site-major) */
  busy: Float64Array;
  /** per site: handle plus wrap-up minutes of the contacts it answered (the engine's exact counter) */
  handledMinutes: Float64Array;
  /** per site × channel (site-major): handled contacts, handled within the target, abandoned after it */
  handled: Float64Array;
  within: Float64Array;
  abandonedAfter: Float64Array;
  /** days the figures cover (the horizon, or the part of it run so far) */
  days: number;
}

/** One site's cost beyond telecom and fees. */
export interface SiteBill {
  /** hourly labour with premiums (in-house), or invoice − credit (contract) */
  cost: number;
  /** a contract site's invoice (null for in-house) */
  invoice: number | null;
  /** a contract site's SLA credit (null for in-house) */
  slaCredit: number | null;
  /** in-house: the premiums' extra over the plain hourly labour (0 without premiums) */
  premium: number;
  /** the quantity the contract's basis measured (hours, minutes, contacts or FTE-months), before the minimum */
  billedVolume: number | null;
}

/** Productive (logged-in) hours of a site. */
export function productiveHours(m: Model, s: number, logged: Float64Array): number {
  let seconds = 0;
  for (const g of m.sites[s].groups) seconds += logged[g];
  return seconds / 3600;
}

/** The site's service level on a channel: within ÷ (handled + abandoned after the threshold); null if none. */
export function siteServiceLevel(x: CostInputs, s: number, c: number): number | null {
  const k = s * x.model.channels.length + c;
  const n = x.handled[k] + x.abandonedAfter[k];
  return n > 0 ? x.within[k] / n : null;
}

/**
 * The credit share: that of the lowest tier whose `below` exceeds the service level, capped; 0 when
 * no tier applies or nothing was measured.
 */
export function creditShare(
  tiers: readonly { below: number; credit: number }[],
  cap: number,
  serviceLevel: number | null,
): number {
  if (serviceLevel === null) return 0;
  let best: { below: number; credit: number } | null = null;
  for (const t of tiers) if (serviceLevel < t.below && (best === null || t.below < best.below)) best = t;
  return best === null ? 0 : Math.min(best.credit, cap);
}

/** The volume a contract bills, in its basis' unit, before any minimum. */
function basisVolume(x: CostInputs, s: number): number {
  const m = x.model;
  const site = m.sites[s];
  const productive = productiveHours(m, s, x.logged);
  switch (site.contract!.basis) {
    case 'productive-hour':
      return productive;
    case 'paid-hour':
      return productive / (1 - site.shrinkage);
    case 'fte-month':
      return productive / (1 - site.shrinkage) / FTE_MONTH_HOURS;
    case 'handled-minute':
      return x.handledMinutes[s];
    case 'contact': {
      let n = 0;
      for (let c = 0; c < m.channels.length; c++) n += x.handled[s * m.channels.length + c];
      return n;
    }
  }
}

/** The minimum volume over `days`, in the basis' unit (minutes of time become hours or FTE-months). */
function minimumVolume(site: SiteModel, days: number): number {
  const c = site.contract!;
  const min = c.minimum;
  if (!min) return 0;
  if (c.basis === 'contact') return (min.contactsPerDay ?? 0) * days;
  const minutes = (min.minutesPerDay ?? 0) * days;
  if (c.basis === 'handled-minute') return minutes;
  if (c.basis === 'fte-month') return minutes / 60 / FTE_MONTH_HOURS;
  return minutes / 60;
}

/** The whole-run bill of every site (labour or contract), without telecom and fees. */
export function siteBills(x: CostInputs): SiteBill[] {
  const m = x.model;
  return m.sites.map((site, s) => {
    if (site.contract) {
      const volume = basisVolume(x, s);
      const invoice = site.contract.rate * Math.max(volume, minimumVolume(site, x.days));
      const credits = site.contract.slaCredits;
      const c = credits ? m.channelIndex[credits.channel] : -1;
      const share =
        credits && c >= 0 ? creditShare(credits.tiers, credits.cap, siteServiceLevel(x, s, c)) : 0;
      const slaCredit = invoice * share;
      return { cost: invoice - slaCredit, invoice, slaCredit, premium: 0, billedVolume: volume };
    }
    let labour = 0;
    let premium = 0;
    const perHour = hourlyCost(site);
    for (const g of site.groups) {
      const paid = x.logged[g] / 3600 / (1 - site.shrinkage);
      // Written as outcomes.ts always did, so a file without premiums costs the same to the last bit.
      labour += paid * site.hourlyRate * (1 + site.overheadRate);
      if (site.premiums.length > 0) {
        const p = groupSchedule(m, g);
        if (p.total > 0)
          for (let w = 0; w < site.premiums.length; w++)
            premium += paid * (p.inWindow[w] / p.total) * (site.premiums[w].factor - 1) * perHour;
      }
    }
    return { cost: labour + premium, invoice: null, slaCredit: null, premium, billedVolume: null };
  });
}

function hourlyCost(site: SiteModel): number {
  return site.hourlyRate * (1 + site.overheadRate);
}

/** A group's scheduled agent-seconds over one day: per interval of the day, in total, and per premium window. */
interface DaySchedule {
  perInterval: Float64Array;
  /** per interval of the day × premium window */
  perIntervalInWindow: Float64Array;
  inWindow: Float64Array;
  total: number;
}

/**
 * Integrates a group's schedule over one client day, exactly: staffing is constant between its change
 * points, the interval boundaries and the premium windows' ends, so one evaluation per piece suffices.
 */
export function groupSchedule(m: Model, g: number): DaySchedule {
  const grp: GroupModel = m.groups[g];
  const site = m.sites[grp.site];
  const nW = site.premiums.length;
  const points = new Set<number>([0, DAY, ...grp.changePoints]);
  for (let k = 1; k < m.intervalsPerDay; k++) points.add(k * m.intervalSeconds);
  if (site.hours) for (const t of [site.hours.start, site.hours.end]) points.add(clientOf(t, site.offset));
  for (const p of site.premiums)
    for (const t of [p.window.start, p.window.end]) points.add(clientOf(t, site.offset));
  const sorted = [...points].sort((a, b) => a - b);
  const out: DaySchedule = {
    perInterval: new Float64Array(m.intervalsPerDay),
    perIntervalInWindow: new Float64Array(m.intervalsPerDay * nW),
    inWindow: new Float64Array(nW),
    total: 0,
  };
  // (v3) shifts of one day: the mean day of the horizon (site.offset: day 1's, as the rest of this file)
  const days = grp.shifts.some((sh) => Number.isFinite(sh.firstDay) || Number.isFinite(sh.lastDay))
    ? m.days
    : 1;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    const local = localOf((a + b) / 2, site.offset);
    let agents = scheduledAgents(grp, site, local);
    if (days > 1) {
      agents = 0;
      for (let d = 0; d < days; d++)
        agents += scheduledAgents(grp, site, local, Math.floor((d * DAY + (a + b) / 2 + site.offset) / DAY));
      agents /= days;
    }
    const area = agents * (b - a);
    if (area === 0) continue;
    const k = Math.min(m.intervalsPerDay - 1, Math.floor(a / m.intervalSeconds));
    out.perInterval[k] += area;
    out.total += area;
    for (let w = 0; w < nW; w++)
      if (inWindow(site.premiums[w].window, local)) {
        out.inWindow[w] += area;
        out.perIntervalInWindow[k * nW + w] += area;
      }
  }
  return out;
}

function localOf(client: number, offset: number): number {
  const x = (client + offset) % DAY;
  return x < 0 ? x + DAY : x;
}

function clientOf(local: number, offset: number): number {
  return localOf(local - offset, 0) % DAY;
}

/**
 * Per-interval cost beyond the engine's per-interval labour (which leaves contract sites out and has
 * no premiums), per interval × channel: each contract site's invoice less its credit, spread over the
 * intervals as its basis accrued, and each in-house group's premium extra, spread by its schedule.
 *
 * Accrual per interval: logged-in time by schedule (hour bases, FTE-months); busy time (handled
 * minutes) and handled contacts (contacts), the site's part of the channel's interval figure taken as
 * its share of the channel over the run, since the engine counts intervals per channel, not per site.
 * Nothing accrued (a minimum billed on an idle site): evenly. A site's amount goes to channels by
 * `channelShare` (site-major), the shares that split its whole-run cost, so interval costs add up to
 * the whole run's per channel and in total.
 *
 * `intervals` is how many intervals the figures cover (all of them once the run is final).
 */
export function intervalExtras(
  x: CostInputs,
  bills: readonly SiteBill[],
  channelShare: Float64Array,
  intervalStats: Float64Array,
  intervals: number,
): Float64Array {
  const m = x.model;
  const nC = m.channels.length;
  const out = new Float64Array(m.nIntervals * nC);
  const weights = new Float64Array(m.nIntervals);
  const P = m.intervalsPerDay;
  const spread = (s: number, amount: number) => {
    let sum = 0;
    for (let k = 0; k < intervals; k++) sum += weights[k];
    for (let k = 0; k < intervals; k++) {
      const part = sum > 0 ? (amount * weights[k]) / sum : amount / intervals;
      for (let c = 0; c < nC; c++) out[k * nC + c] += part * channelShare[s * nC + c];
    }
  };
  m.sites.forEach((site, s) => {
    const bill = bills[s];
    weights.fill(0);
    if (site.contract) {
      const basis = site.contract.basis;
      if (basis === 'handled-minute' || basis === 'contact') {
        const offset = basis === 'contact' ? IM.Handled : IM.Busy;
        const own = basis === 'contact' ? x.handled : x.busy;
        for (let c = 0; c < nC; c++) {
          let all = 0;
          for (let t = 0; t < m.sites.length; t++) all += own[t * nC + c];
          if (all === 0) continue;
          const part = own[s * nC + c] / all;
          for (let k = 0; k < intervals; k++)
            weights[k] += intervalStats[(k * nC + c) * IM.COUNT + offset] * part;
        }
      } else {
        for (const g of site.groups) {
          const p = groupSchedule(m, g);
          for (let k = 0; k < intervals; k++) weights[k] += p.perInterval[k % P];
        }
      }
      if (bill.cost !== 0) spread(s, bill.cost);
      return;
    }
    if (bill.premium === 0) return;
    // Premiums: each group's extra by where its scheduled hours in the windows fall.
    const perHour = hourlyCost(site);
    for (const g of site.groups) {
      const p = groupSchedule(m, g);
      if (p.total === 0) continue;
      const paid = x.logged[g] / 3600 / (1 - site.shrinkage);
      for (let w = 0; w < site.premiums.length; w++) {
        const extra = paid * (p.inWindow[w] / p.total) * (site.premiums[w].factor - 1) * perHour;
        if (extra === 0) continue;
        for (let k = 0; k < intervals; k++)
          weights[k] = p.perIntervalInWindow[(k % P) * site.premiums.length + w];
        spread(s, extra);
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// (v3) What one agent-hour costs the client, for planners that cost staffing before simulating it
// (the optimiser's objective, `plan --mix`'s screening). Read from the scenario's site, not the model.

/**
 * The client's cost of one productive (logged-in) agent hour at a site, before premiums: paid labour
 * (hourly rate × (1 + overhead) ÷ (1 − shrinkage)) in-house; a contract billing time, its rate per
 * productive hour; a contract billing volume (handled minutes, contacts), 0 — the client pays for the
 * work, not for the agents, so staffing such a vendor costs nothing to first order.
 */
export function agentHourCost(site: SiteSpec): number {
  const shrinkage = site.shrinkage ?? DEFAULTS.site.shrinkage;
  const c = site.contract;
  if (!c)
    return (
      (site.cost.hourlyRate * (1 + (site.cost.overheadRate ?? DEFAULTS.cost.overheadRate))) / (1 - shrinkage)
    );
  switch (c.basis) {
    case 'productive-hour':
      return c.rate;
    case 'paid-hour':
      return c.rate / (1 - shrinkage);
    case 'fte-month':
      return c.rate / (1 - shrinkage) / FTE_MONTH_HOURS;
    default:
      return 0;
  }
}

/** The pay premium's factor for each local minute of the day (1 outside every window, and for a contract site). */
export function premiumByMinute(site: SiteSpec): Float64Array {
  const out = new Float64Array(1440).fill(1);
  if (site.contract) return out;
  for (const p of site.payPremiums ?? []) {
    const w = shiftWindow({ start: p.from, end: p.to, agents: 0 });
    for (let m = 0; m < 1440; m++) if (inWindow(w, m * 60)) out[m] = p.factor;
  }
  return out;
}
