/**
 * Days as the panels name them: "Tue 8 Dec" for a dated day, "Day 3 · Wed" for an undated one (an
 * undated day 1 is a Monday). One place for the live clock, the week strip and the plan's week.
 */
import { WEEKDAYS, weekdayOf } from '../sim/calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 8 Dec" for an ISO date. */
export function shortDate(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[weekdayOf(iso)]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}`;
}

/** Day `day` (1-based) of a run: its date when dated ("Tue 8 Dec"), else "Day 3 · Wed". */
export function dayLabel(day: number, date?: string): string {
  return date ? shortDate(date) : `Day ${day} · ${WEEKDAYS[(day - 1) % 7]}`;
}
