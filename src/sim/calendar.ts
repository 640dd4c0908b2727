/**
 * (v3) The calendar (SPEC §1): `horizon.startDate` dates day 1, and IANA time zones (`clientTimeZone`,
 * a site's `timeZone`) give each one's UTC offset on every simulated date, daylight saving included.
 *
 * The simulation clock stays what it was: elapsed seconds from 00:00 of day 1 on the client's clock.
 * What a date adds is that a zone's offset is no longer one number but steps over that clock. The steps
 * are computed once, when a scenario compiles, from the platform's time-zone database (Intl, the same
 * in Node and in browsers); nothing here runs per event.
 *
 * - A site's local time is clock + (its offset − the client's offset at clock 0): its opening hours and
 *   shifts move on the clock when the site changes its clocks.
 * - The client's local time is clock + (its offset now − its offset at clock 0). Arrivals follow the
 *   profile in client local time, and interval labels are client local; so a client day with a clock
 *   change lasts 23 or 25 hours of clock, and the horizon ends at client midnight. The clock itself
 *   never jumps: every contact and every agent second is on it once.
 *
 * Undated files keep fixed offsets (`utcOffsetHours`, or a zone's standard offset) and run exactly as
 * before.
 */
import { DAY } from './clock';

const MS = 1000;

/** A zone's offset over the clock: value[i] (seconds) holds from at[i] (clock seconds) to at[i + 1]. */
export interface Steps {
  at: Float64Array;
  value: Float64Array;
}

/** The value of steps at clock time t (before the first step: the first value). */
export function stepAt(steps: Steps, t: number): number {
  let i = 0;
  while (i + 1 < steps.at.length && steps.at[i + 1] <= t) i++;
  return steps.value[i];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the platform's time-zone database knows this IANA name. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" naming a real date. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** UTC milliseconds of 00:00 of an ISO date, read as if it were UTC. */
function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Day of the year of an ISO date, 1 = 1 January. */
export function dayOfYear(date: string): number {
  return (dateMs(date) - dateMs(`${date.slice(0, 4)}-01-01`)) / 86_400_000 + 1;
}

/** Weekday names, Monday first (weekdayOf's numbering). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The ISO date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  return new Date(dateMs(date) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday of an ISO date, 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(dateMs(date)).getUTCDay() + 6) % 7;
}

/** A zone's UTC offset at a UTC instant, seconds (from the platform's time-zone database). */
export function zoneOffset(zone: string, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(utcMs)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((local - Math.floor(utcMs / MS) * MS) / MS);
}

/**
 * A zone's standard offset in hours (the smaller of its January and July offsets in 2027): what an
 * undated file uses for a site given only a `timeZone`.
 */
export function standardOffsetHours(zone: string): number {
  const jan = zoneOffset(zone, Date.UTC(2027, 0, 15));
  const jul = zoneOffset(zone, Date.UTC(2027, 6, 15));
  return Math.min(jan, jul) / 3600;
}

/** Zone offsets change at most twice a year, never twice within this many seconds. */
const PROBE = 6 * 3600;
const stepCache = new Map<string, Steps>();

/**
 * A zone's offset as steps over the clock [from, to): probed every 6 hours, each change found to the
 * second. Cached: a run compiles its scenario once per replication.
 */
export function zoneSteps(zone: string, anchorMs: number, from: number, to: number): Steps {
  const key = `${zone}|${anchorMs}|${from}|${to}`;
  const hit = stepCache.get(key);
  if (hit) return { at: hit.at.slice(), value: hit.value.slice() };
  const at = [from];
  const value = [zoneOffset(zone, anchorMs + from * MS)];
  for (let t = from + PROBE; t < to + PROBE; t += PROBE) {
    const v = zoneOffset(zone, anchorMs + t * MS);
    if (v === value[value.length - 1]) continue;
    let lo = t - PROBE;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zoneOffset(zone, anchorMs + mid * MS) === v) hi = mid;
      else lo = mid;
    }
    at.push(hi);
    value.push(v);
  }
  const steps = { at: Float64Array.from(at), value: Float64Array.from(value) };
  if (stepCache.size > 256) stepCache.clear();
  stepCache.set(key, steps);
  return { at: steps.at.slice(), value: steps.value.slice() };
}

/** The UTC instant of local midnight of `date` in a zone (the later one if midnight repeats). */
export function localMidnightUtc(zone: string, date: string): number {
  const local = dateMs(date);
  let utc = local - zoneOffset(zone, local) * MS;
  utc = local - zoneOffset(zone, utc) * MS;
  return utc;
}

/** What a dated scenario's calendar needs from it. */
export interface CalendarInput {
  startDate?: string;
  clientTimeZone?: string;
  clientUtcOffsetHours?: number;
}

/** A dated scenario's calendar, compiled over the clock span [from, to). */
export interface Calendar {
  startDate: string;
  /** UTC milliseconds at clock 0 (00:00 of day 1, client time) */
  anchorMs: number;
  /** the client's UTC offset at clock 0, seconds */
  clientOffset: number;
  /** the client's offset over the clock less clientOffset (all zero without clientTimeZone) */
  clientShift: Steps;
  /** day 1's weekday, 0 = Monday */
  firstWeekday: number;
}

export function compileCalendar(s: CalendarInput, from: number, to: number): Calendar | null {
  if (s.startDate === undefined) return null;
  const zone = s.clientTimeZone;
  const fixed = (s.clientUtcOffsetHours ?? 0) * 3600;
  const anchorMs = zone ? localMidnightUtc(zone, s.startDate) : dateMs(s.startDate) - fixed * MS;
  const clientOffset = zone ? zoneOffset(zone, anchorMs) : fixed;
  const steps = zone
    ? zoneSteps(zone, anchorMs, from, to)
    : { at: Float64Array.of(from), value: Float64Array.of(clientOffset) };
  for (let i = 0; i < steps.value.length; i++) steps.value[i] -= clientOffset;
  return {
    startDate: s.startDate,
    anchorMs,
    clientOffset,
    clientShift: steps,
    firstWeekday: weekdayOf(s.startDate),
  };
}

/** A site's offset from the client's clock (site local − clock, seconds) as steps over the clock. */
export function siteSteps(
  cal: Calendar,
  site: { timeZone?: string; utcOffsetHours?: number },
  from: number,
  to: number,
): Steps {
  const steps = site.timeZone
    ? zoneSteps(site.timeZone, cal.anchorMs, from, to)
    : { at: Float64Array.of(from), value: Float64Array.of((site.utcOffsetHours ?? 0) * 3600) };
  for (let i = 0; i < steps.value.length; i++) steps.value[i] -= cal.clientOffset;
  return steps;
}

/**
 * The clock second at which the client's day `days + 1` begins: days × 24 h, less the hours the
 * client's clocks moved forward since day 1 (a 23-hour day shortens the horizon, a 25-hour one
 * lengthens it).
 */
export function horizonEnd(cal: Calendar, days: number): number {
  // solve t + shift(t) = days · DAY; shift is piecewise constant, so two passes settle it
  let t = days * DAY;
  for (let i = 0; i < 3; i++) t = days * DAY - stepAt(cal.clientShift, t);
  return t;
}

/** An interval's label in client local time: its day (1 = startDate) and ISO start with the offset. */
export function localLabel(cal: Calendar, t: number): { day: number; start: string } {
  const shift = stepAt(cal.clientShift, t);
  const offset = cal.clientOffset + shift;
  const local = new Date(cal.anchorMs + (t + offset) * MS);
  const iso = local.toISOString();
  const day = Math.floor((t + shift) / DAY) + 1;
  return { day, start: `${iso.slice(0, 16)}${formatOffset(offset)}` };
}

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const m = Math.round(Math.abs(seconds) / 60);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
