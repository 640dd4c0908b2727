/**
 * (v3, issue 29) The week strip above the live chart: one cell per simulated day with its offered
 * volume and service level so far, and where the run stands today (a bar through the day, and
 * aria-current="date" on the day). Shown when the run covers several days or the volumes change by
 * day (`weekly`, `daily`); a one-day run with flat days has no use for it.
 *
 * A day is 86,400 s of simulated time from the run's start; on a dated file's 23- or 25-hour day (a
 * clock change in the client's zone) the cell's edges are off by that hour. The day's service level is
 * the handled-weighted mean of its closed intervals' service levels (the per-interval outcome keeps the
 * ratio, not its numerator), so it approximates the day's ratio.
 */
import type { ReplicationOutcome } from '../../sim/result';
import type { Scenario } from '../../sim/scenario';
import type { SimulationMeta } from '../../sim/snapshot';
import { fmtInt, fmtPercent } from '../../format/figures';
import { h, setText } from '../dom';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400;

export interface WeekStrip {
  element: HTMLElement;
  update(outcome: ReplicationOutcome, intervalsClosed: number): void;
}

/** Does this run want a strip? Several days, or volumes that differ by day. */
export function wantsWeekStrip(meta: SimulationMeta, s: Scenario): boolean {
  return meta.days > 1 || Object.values(s.channels).some((c) => c && (c.weekly || c.daily));
}

/** Day labels: "Mon 7 Dec" from horizon.startDate, else "Day 1 · Mon" (an undated day 1 is a Monday). */
export function dayLabels(days: number, startDate: string | undefined): string[] {
  return Array.from({ length: days }, (_, d) => {
    if (!startDate) return `Day ${d + 1} · ${WEEKDAYS[d % 7]}`;
    const [y, m, dd] = startDate.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, dd + d));
    return `${WEEKDAYS[(t.getUTCDay() + 6) % 7]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}`;
  });
}

/** Offered and service level per day over the closed intervals (see the module comment). */
export function dailyFigures(
  outcome: ReplicationOutcome,
  closed: number,
  intervalSeconds: number,
  days: number,
): { offered: number; serviceLevel: number | null }[] {
  const acc = Array.from({ length: days }, () => ({ offered: 0, slSum: 0, weight: 0, seen: false }));
  for (let k = 0; k < Math.min(closed, outcome.intervals.length); k++) {
    const d = Math.min(days - 1, Math.floor((k * intervalSeconds) / DAY));
    const t = outcome.intervals[k].total;
    const a = acc[d];
    a.seen = true;
    a.offered += t.offered ?? 0;
    if (t.serviceLevel !== null && (t.handled ?? 0) > 0) {
      a.slSum += t.serviceLevel * (t.handled ?? 0);
      a.weight += t.handled ?? 0;
    }
  }
  return acc.map((a) => ({
    offered: a.seen ? a.offered : NaN,
    serviceLevel: a.weight > 0 ? a.slSum / a.weight : null,
  }));
}

export function buildWeekStrip(meta: SimulationMeta, startDate: string | undefined): WeekStrip {
  const labels = dayLabels(meta.days, startDate);
  const cells = labels.map((label) => {
    const offered = h('span', { class: 'week-offered', text: '–' });
    const sl = h('span', { class: 'week-sl', text: '–' });
    const bar = h('span', { class: 'week-progress' });
    const li = h(
      'li',
      { class: 'week-day', 'data-testid': 'week-day' },
      h('span', { class: 'week-label', text: label }),
      h('span', {}, offered, ' offered'),
      h('span', {}, 'SL ', sl),
      h('span', { class: 'week-track', 'aria-hidden': 'true' }, bar),
    );
    return { li, offered, sl, bar };
  });
  const element = h(
    'section',
    { class: 'week-strip', 'data-testid': 'week-strip', 'aria-label': 'Days of the run' },
    h('ol', {}, ...cells.map((c) => c.li)),
  );
  return {
    element,
    update(outcome, closed) {
      const figures = dailyFigures(outcome, closed, meta.intervalSeconds, meta.days);
      const now = closed * meta.intervalSeconds;
      const today = Math.min(meta.days - 1, Math.floor(now / DAY));
      cells.forEach((c, d) => {
        const f = figures[d];
        setText(c.offered, Number.isNaN(f.offered) ? '–' : fmtInt(f.offered));
        setText(c.sl, f.serviceLevel === null ? '–' : fmtPercent(f.serviceLevel, 0));
        const done = d < today ? 1 : d > today ? 0 : Math.min(1, (now - d * DAY) / DAY);
        c.bar.style.width = `${(done * 100).toFixed(1)}%`;
        if (d === today) c.li.setAttribute('aria-current', 'date');
        else c.li.removeAttribute('aria-current');
      });
    },
  };
}
