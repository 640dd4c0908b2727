/**
 * (v3, issue 29) The week strip above the live chart: one cell per simulated day with its offered
 * volume and service level so far, and where the run stands today (a bar through the day, and
 * aria-current="date" on the day), with buttons that step the run to the next interval or the next
 * day. Shown when the run covers several days or the volumes change by day (`weekly`, `daily`); a
 * one-day run with flat days has no use for it.
 *
 * Each cell covers its real day: the model's day starts (LiveCalendar), so on a dated file's 23- or
 * 25-hour day (a clock change in the client's zone) the cell holds 46 or 50 half-hours and says so.
 * The day's service level is the handled-weighted mean of its closed intervals' service levels (the
 * per-interval outcome keeps the ratio, not its numerator), so it approximates the day's ratio.
 */
import type { ReplicationOutcome } from '../../sim/result';
import type { Scenario } from '../../sim/scenario';
import type { SimulationMeta } from '../../sim/snapshot';
import type { LiveCalendar, LiveMeta } from '../../worker/live-calendar';
import { dayLabel } from '../../format/dates';
import { fmtInt, fmtPercent } from '../../format/figures';
import { hasDays } from '../../plan/day';
import { addDays } from '../../sim/calendar';
import { dayAt } from './day-clock';
import { h, setText } from '../dom';

export interface WeekStrip {
  element: HTMLElement;
  update(outcome: ReplicationOutcome, intervalsClosed: number): void;
  /** the run has ended: nothing left to step to */
  setDone(done: boolean): void;
}

export interface WeekStripHandlers {
  nextInterval(): void;
  nextDay(): void;
}

/** Does this run want a strip? Several days, or volumes that differ by day. */
export function wantsWeekStrip(meta: SimulationMeta, s: Scenario): boolean {
  return meta.days > 1 || hasDays(s);
}

/** Day labels: "Mon 7 Dec" from horizon.startDate, else "Day 1 · Mon" (an undated day 1 is a Monday). */
export function dayLabels(days: number, startDate: string | undefined): string[] {
  return Array.from({ length: days }, (_, d) => dayLabel(d + 1, startDate && addDays(startDate, d)));
}

/** Offered and service level per day over the closed intervals, each on the day it starts in. */
export function dailyFigures(
  outcome: ReplicationOutcome,
  closed: number,
  intervalSeconds: number,
  dayStarts: readonly number[],
): { offered: number; serviceLevel: number | null }[] {
  const days = dayStarts.length - 1;
  const acc = Array.from({ length: days }, () => ({ offered: 0, slSum: 0, weight: 0, seen: false }));
  for (let k = 0; k < Math.min(closed, outcome.intervals.length); k++) {
    const t = outcome.intervals[k].total;
    const a = acc[dayAt(dayStarts, k * intervalSeconds)];
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

/** How far through each day the run stands at clock `now`: 1 for days past, 0 for days to come. */
export function dayProgress(dayStarts: readonly number[], now: number): number[] {
  return dayStarts.slice(0, -1).map((start, d) => {
    const end = dayStarts[d + 1];
    return Math.max(0, Math.min(1, (now - start) / (end - start)));
  });
}

/** " · 23 h" on a day that is not 24 hours long (a clock change), else nothing. */
function dayLength(cal: LiveCalendar, d: number): string {
  const hours = (cal.dayStarts[d + 1] - cal.dayStarts[d]) / 3600;
  return Math.abs(hours - 24) > 1e-9 ? ` · ${+hours.toFixed(2)} h` : '';
}

/** One day's cell: its label, offered, service level and the bar of how far through it the run is. */
function dayCell(label: string) {
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
}

/** The step buttons: to the next interval's start, to the next day's. */
function stepButtons(meta: SimulationMeta, on: WeekStripHandlers) {
  const minutes = meta.intervalSeconds / 60;
  const interval = h('button', {
    type: 'button',
    'data-testid': 'step-interval',
    text: `Next ${minutes} min interval`,
  });
  const day = h('button', { type: 'button', 'data-testid': 'step-day', text: 'Next day' });
  interval.addEventListener('click', () => on.nextInterval());
  day.addEventListener('click', () => on.nextDay());
  return { interval, day };
}

export function buildWeekStrip(
  meta: LiveMeta,
  startDate: string | undefined,
  on: WeekStripHandlers,
): WeekStrip {
  const cal = meta.calendar;
  const labels = dayLabels(meta.days, startDate).map((l, d) => l + dayLength(cal, d));
  const cells = labels.map(dayCell);
  const buttons = stepButtons(meta, on);
  const element = h(
    'section',
    { class: 'week-strip', 'data-testid': 'week-strip', 'aria-label': 'Days of the run' },
    h('ol', {}, ...cells.map((c) => c.li)),
    h(
      'div',
      { class: 'week-steps', role: 'group', 'aria-label': 'Step the run' },
      buttons.interval,
      buttons.day,
    ),
  );
  return {
    element,
    update(outcome, closed) {
      const figures = dailyFigures(outcome, closed, meta.intervalSeconds, cal.dayStarts);
      const now = closed * meta.intervalSeconds;
      const today = dayAt(cal.dayStarts, now);
      const progress = dayProgress(cal.dayStarts, now);
      cells.forEach((c, d) => {
        const f = figures[d];
        setText(c.offered, Number.isNaN(f.offered) ? '–' : fmtInt(f.offered));
        setText(c.sl, f.serviceLevel === null ? '–' : fmtPercent(f.serviceLevel, 0));
        c.bar.style.width = `${(progress[d] * 100).toFixed(1)}%`;
        if (d === today) c.li.setAttribute('aria-current', 'date');
        else c.li.removeAttribute('aria-current');
      });
    },
    setDone(done) {
      buttons.interval.disabled = done;
      buttons.day.disabled = done;
    },
  };
}
