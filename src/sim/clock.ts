/**
 * Clock arithmetic: local "HH:MM" times, opening hours and shift windows, and their change points on
 * the client's clock (the simulation clock is seconds from 00:00 of day 1 in the client's zone).
 */
import type { OpeningHours, Shift } from './scenario';

export const DAY = 86_400;

/** "HH:MM" (00:00–24:00) → seconds after local midnight. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: "${hhmm}"`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Error(`not a time of day: "${hhmm}"`);
  return h * 3600 + min * 60;
}

export function formatClock(secondsOfDay: number): string {
  const s = ((Math.floor(secondsOfDay) % DAY) + DAY) % DAY;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A daily window [start, end) in local seconds; end < start crosses midnight; start = end is empty. */
export interface Window {
  start: number;
  end: number;
}

export function inWindow(w: Window, localSecondOfDay: number): boolean {
  if (w.start === w.end) return false;
  if (w.start < w.end) return localSecondOfDay >= w.start && localSecondOfDay < w.end;
  return localSecondOfDay >= w.start || localSecondOfDay < w.end;
}

/** null = open around the clock. */
export function openingWindow(hours: OpeningHours): Window | null {
  if (hours === '24/7') return null;
  const start = parseClock(hours.open);
  const end = parseClock(hours.close) % DAY;
  if (start === 0 && end === 0) return null;
  return { start, end };
}

export function shiftWindow(shift: Shift): Window {
  const start = parseClock(shift.start) % DAY;
  let end = parseClock(shift.end) % DAY;
  if (start === end) end = start; // a zero-length shift is empty; a 24 h shift is written 00:00–24:00
  if (parseClock(shift.start) === 0 && parseClock(shift.end) === DAY) return { start: 0, end: DAY };
  return { start, end };
}

/** Seconds of day on the site's local clock at client time t. offset = site − client, in seconds. */
export function localSecondOfDay(t: number, offsetSeconds: number): number {
  const x = (t + offsetSeconds) % DAY;
  return x < 0 ? x + DAY : x;
}
