/**
 * (issue 29) The run's clock as a planner reads it, over days: which day of the run, its date when the
 * file is dated, and the client's local time (with its UTC offset, which moves on a clock-change day),
 * from the model's own day starts (LiveCalendar, sent once with the meta). An undated run reads as it
 * always has ("day 2 · 14:30"); at the horizon the clock says the run has ended rather than showing
 * 00:00 of a day past it.
 *
 * Also where the step buttons go: the next interval, the start of the next day. Pure: unit-tested.
 */
import { shortDate } from '../../format/dates';
import { DAY, formatClock } from '../../sim/clock';
import { clientOffsetAt, type LiveCalendar } from '../../worker/live-calendar';

/** The run's day (0-based) at clock t: the last day started by t, at most the last day. */
export function dayAt(dayStarts: readonly number[], t: number): number {
  const last = dayStarts.length - 2;
  let d = 0;
  while (d < last && dayStarts[d + 1] <= t) d++;
  return d;
}

/** "UTC−5", "UTC+5:30". */
export function fmtUtcOffset(seconds: number): string {
  const m = Math.round(Math.abs(seconds) / 60);
  const sign = seconds < 0 ? '−' : '+';
  return `UTC${sign}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/** The client's local seconds since 00:00 of day 1 at clock t (the clock plus its offset's moves). */
export function clientLocal(cal: LiveCalendar, t: number): number {
  return t + clientOffsetAt(cal, t) - clientOffsetAt(cal, 0);
}

/** The clock line: "day 2 · 14:30", or dated "day 2 · Tue 8 Dec · 14:30 UTC−5"; "… 24:00 · end of run" at the end. */
export function dayClockText(cal: LiveCalendar, t: number): string {
  const end = cal.dayStarts[cal.dayStarts.length - 1];
  const d = dayAt(cal.dayStarts, t);
  const date = cal.dates ? ` · ${shortDate(cal.dates[d])}` : '';
  if (t >= end) return `day ${d + 1}${date} · 24:00 · end of run`;
  const time = formatClock(clientLocal(cal, t) - d * DAY);
  const zone = cal.dates ? ` ${fmtUtcOffset(clientOffsetAt(cal, t))}` : '';
  return `day ${d + 1}${date} · ${time}${zone}`;
}

/** Where "next day" goes from t: the next day's start, or the run's end on the last day. */
export function nextDayStart(cal: LiveCalendar, t: number): number {
  const next = cal.dayStarts.find((s) => s > t);
  return next ?? cal.dayStarts[cal.dayStarts.length - 1];
}

/** Where "next interval" goes from t: the next interval boundary on the clock, at most the end. */
export function nextIntervalStart(cal: LiveCalendar, intervalSeconds: number, t: number): number {
  const end = cal.dayStarts[cal.dayStarts.length - 1];
  return Math.min(end, (Math.floor(t / intervalSeconds) + 1) * intervalSeconds);
}
