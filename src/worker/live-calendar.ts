/**
 * (issue 29) The run's days as the page needs them: where each client day starts on the simulation
 * clock, its date, and the client's UTC offset over the clock. It travels once per run, with the
 * meta (LiveMeta), as a few plain numbers: snapshots stay what they are.
 *
 * The day starts are the model's own (calendar.ts's horizonEnd, the rule that ends the horizon at the
 * client's midnight), so a dated file's 23- or 25-hour day is as long on the page as in the run.
 * Undated files have 86,400-second days and a fixed offset.
 */
import { DAY } from '../sim/clock';
import { addDays, horizonEnd, stepAt } from '../sim/calendar';
import type { Model } from '../sim/model';
import type { Simulation } from '../sim/engine';
import { simulationMeta, type SimulationMeta } from '../sim/snapshot';

export interface LiveCalendar {
  /** clock seconds at which client day d + 1 begins, d = 0 … days; the last is the horizon's end */
  dayStarts: number[];
  /** each day's date ("2026-12-07"), or null for an undated file (day 1 is then a Monday) */
  dates: string[] | null;
  /** the client's UTC offset (seconds) as steps over the clock: offsets[i] from offsetAt[i] on */
  offsetAt: number[];
  offsets: number[];
}

/** The run's meta with its days (what the live page gets from load, reset and applyLive). */
export type LiveMeta = SimulationMeta & { calendar: LiveCalendar };

/** The UTC offset the client's clocks show at clock time t (seconds). */
export function clientOffsetAt(cal: LiveCalendar, t: number): number {
  let i = 0;
  while (i + 1 < cal.offsetAt.length && cal.offsetAt[i + 1] <= t) i++;
  return cal.offsets[i] ?? 0;
}

export function liveCalendar(m: Model): LiveCalendar {
  const cal = m.calendar;
  const dayStarts = Array.from({ length: m.days + 1 }, (_, d) => (cal ? horizonEnd(cal, d) : d * DAY));
  dayStarts[m.days] = m.horizon; // the run ends on a whole interval: the model's horizon
  if (!cal) return { dayStarts, dates: null, offsetAt: [0], offsets: [0] };
  const offsetAt: number[] = [0];
  const offsets: number[] = [cal.clientOffset + stepAt(cal.clientShift, 0)];
  const { at, value } = cal.clientShift;
  for (let i = 0; i < at.length; i++) {
    if (at[i] <= 0 || at[i] >= m.horizon) continue;
    offsetAt.push(at[i]);
    offsets.push(cal.clientOffset + value[i]);
  }
  const dates = Array.from({ length: m.days }, (_, d) => addDays(cal.startDate, d));
  return { dayStarts, dates, offsetAt, offsets };
}

/** The meta of a run, with its days. */
export function liveMeta(sim: Simulation): LiveMeta {
  return { ...simulationMeta(sim), calendar: liveCalendar(sim.model) };
}
