/**
 * Which days the model is of. A scenario describes one typical day; a log covers whole weeks in which
 * some weekdays are a different kind of day (the bank's Friday closes at 14:00 and its Saturday opens
 * at 20:00). The regular days are the weekdays whose mean volume is at least half the busiest
 * weekday's; the others are reported with their volume (SPEC v3 `weekly`), not averaged in.
 */
import type { CallRecord } from './log';

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** A weekday is regular when its mean volume is at least this share of the busiest weekday's. */
export const REGULAR_SHARE = 0.5;

export interface WeekdaySummary {
  weekday: number;
  name: string;
  days: number;
  meanVolume: number;
  regular: boolean;
}

export interface DaySelection {
  weekdays: WeekdaySummary[];
  /** the regular days' dates, in order */
  dates: string[];
  /** volume of every date in the log, in order */
  daily: { date: string; weekday: number; volume: number; regular: boolean }[];
}

export function selectDays(records: readonly CallRecord[]): DaySelection {
  const perDate = new Map<string, { weekday: number; volume: number }>();
  for (const r of records) {
    const d = perDate.get(r.date);
    if (d) d.volume++;
    else perDate.set(r.date, { weekday: r.weekday, volume: 1 });
  }
  const byWeekday = WEEKDAY_NAMES.map((name, weekday) => ({ weekday, name, days: 0, total: 0 }));
  for (const d of perDate.values()) {
    byWeekday[d.weekday].days++;
    byWeekday[d.weekday].total += d.volume;
  }
  const means = byWeekday.map((w) => (w.days > 0 ? w.total / w.days : 0));
  const busiest = Math.max(0, ...means);
  const weekdays = byWeekday
    .filter((w) => w.days > 0)
    .map((w) => ({
      weekday: w.weekday,
      name: w.name,
      days: w.days,
      meanVolume: means[w.weekday],
      regular: means[w.weekday] >= REGULAR_SHARE * busiest,
    }));
  const regular = new Set(weekdays.filter((w) => w.regular).map((w) => w.weekday));
  const daily = [...perDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => ({ date, weekday: d.weekday, volume: d.volume, regular: regular.has(d.weekday) }));
  return { weekdays, dates: daily.filter((d) => d.regular).map((d) => d.date), daily };
}
