/**
 * What the log shows per interval of the day, over the regular days: volume and profile, handle time,
 * the observed abandon rate, ASA and service level (with their sampling CIs), the agents busy on calls
 * and the agents answering. Contacts count in the interval they arrived in, as in the simulator's
 * results (src/sim/result.ts), so that the fit compares like with like.
 *
 * The CIs of the abandon rate, ASA and service level are over days (a ratio estimator with the day as
 * the cluster), not binomial over calls: calls of one day share its queue, so a busy afternoon's
 * abandons come in runs, and a binomial interval would be several times too narrow.
 */
import { tQuantile975 } from '../sim/aggregate';
import type { CallRecord } from './log';
import { Z95 } from './special';

export interface IntervalObservation {
  index: number;
  /** "HH:MM" */
  start: string;
  /** calls offered per day (mean over the regular days) */
  offeredPerDay: number;
  /** share of the day's calls, with a 95 % CI */
  share: { value: number; low: number; high: number };
  answered: number;
  abandoned: number;
  /** abandoned ÷ (answered + abandoned), null with no calls; ci95 is the half-width */
  abandonRate: { value: number | null; ci95: number | null };
  /** mean wait of answered calls, seconds */
  asa: { value: number | null; ci95: number | null };
  /** answered within t ÷ (answered + abandoned after t) */
  serviceLevel: { value: number | null; ci95: number | null };
  /** mean service seconds of the calls answered in the interval */
  handleTime: { value: number | null; ci95: number | null; cv: number | null };
  /** mean agents on calls: service seconds inside the interval ÷ its length (over the regular days) */
  busyAgents: number;
  /** mean number of distinct agents who started a call in the interval (over the regular days) */
  agentsAnswering: number;
}

export function formatStart(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Mean and the 95 % half-width of the mean of a sample (normal approximation). */
function meanCi(
  sum: number,
  sumSq: number,
  n: number,
): { value: number | null; ci95: number | null; sd: number | null } {
  if (n === 0) return { value: null, ci95: null, sd: null };
  const mean = sum / n;
  if (n < 2) return { value: mean, ci95: null, sd: null };
  const sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
  return { value: mean, ci95: (Z95 * sd) / Math.sqrt(n), sd };
}

/**
 * Σnum ÷ Σden with the 95 % half-width of a ratio estimator over days (each day a cluster); binomial
 * (numerator counts) with a single day.
 */
function ratioCi(
  num: readonly number[],
  den: readonly number[],
): { value: number | null; ci95: number | null } {
  const N = den.reduce((a, b) => a + b, 0);
  if (N === 0) return { value: null, ci95: null };
  const r = num.reduce((a, b) => a + b, 0) / N;
  const D = den.length;
  if (D < 2) return { value: r, ci95: Z95 * Math.sqrt(Math.max(r * (1 - r), 0.25 / N) / N) };
  let ss = 0;
  for (let d = 0; d < D; d++) ss += (num[d] - r * den[d]) ** 2;
  const se = Math.sqrt(ss / (D - 1) / D) / (N / D);
  return { value: r, ci95: tQuantile975(D - 1) * se };
}

export function observeIntervals(
  records: readonly CallRecord[],
  dates: readonly string[],
  intervalMinutes: number,
  withinSeconds: number,
): IntervalObservation[] {
  const L = intervalMinutes * 60;
  const perDay = 86_400 / L;
  const days = dates.length;
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(days).fill(0);
  const acc = Array.from({ length: perDay }, () => ({
    byDay: { answered: zeros(), abandoned: zeros(), wait: zeros(), within: zeros(), late: zeros() },
    offered: 0,
    answered: 0,
    abandoned: 0,
    serviceSum: 0,
    serviceSq: 0,
    busySeconds: 0,
    names: new Map<string, Set<string>>(),
  }));
  for (const r of records) {
    const i = Math.min(perDay - 1, Math.floor(r.arrival / L));
    const a = acc[i];
    const d = dayIndex.get(r.date) ?? 0;
    a.offered++;
    if (r.answered) {
      a.byDay.answered[d]++;
      a.byDay.wait[d] += r.wait;
      if (r.wait <= withinSeconds) a.byDay.within[d]++;
      a.answered++;
      a.serviceSum += r.service;
      a.serviceSq += r.service * r.service;
      // service time, spread over the intervals it covers (wrapping past midnight)
      let t = r.arrival + r.wait;
      let left = r.service;
      while (left > 0) {
        const j = Math.floor(t / L) % perDay;
        const room = L - (t % L);
        const take = Math.min(room, left);
        acc[j].busySeconds += take;
        left -= take;
        t += take;
      }
      if (r.agent !== null) {
        const j = Math.floor(((r.arrival + r.wait) % 86_400) / L) % perDay;
        const set = acc[j].names.get(r.date) ?? new Set<string>();
        set.add(r.agent);
        acc[j].names.set(r.date, set);
      }
    } else {
      a.abandoned++;
      a.byDay.abandoned[d]++;
      if (r.wait > withinSeconds) a.byDay.late[d]++;
    }
  }
  const total = acc.reduce((s, a) => s + a.offered, 0);
  return acc.map((a, index) => {
    const p = total > 0 ? a.offered / total : 0;
    const half = total > 0 ? Z95 * Math.sqrt((p * (1 - p)) / total) : 0;
    const ht = meanCi(a.serviceSum, a.serviceSq, a.answered);
    let nameCount = 0;
    for (const s of a.names.values()) nameCount += s.size;
    return {
      index,
      start: formatStart(index * L),
      offeredPerDay: a.offered / days,
      share: { value: p, low: Math.max(0, p - half), high: p + half },
      answered: a.answered,
      abandoned: a.abandoned,
      abandonRate: ratioCi(
        a.byDay.abandoned,
        a.byDay.abandoned.map((x, d) => x + a.byDay.answered[d]),
      ),
      asa: ratioCi(a.byDay.wait, a.byDay.answered),
      serviceLevel: ratioCi(
        a.byDay.within,
        a.byDay.late.map((x, d) => x + a.byDay.answered[d]),
      ),
      handleTime: {
        value: ht.value,
        ci95: ht.ci95,
        cv: ht.sd !== null && ht.value ? ht.sd / ht.value : null,
      },
      busyAgents: a.busySeconds / (L * days),
      agentsAnswering: nameCount / days,
    };
  });
}
