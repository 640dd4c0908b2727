/**
 * (v3) A dated scenario's client day as the engine runs it, for the planner: its intervals on the
 * simulation clock (46 on a 23-hour day, 50 on a 25-hour one), the client's interval of the day each
 * one takes its forecast from, its label, and every site's local time at its start.
 *
 * Nothing here computes a time zone: the day starts, labels and offsets are the compiled model's
 * (src/sim/calendar.ts through compileModel: horizonEnd, localLabel, the client's shift and each site's
 * offset steps), so a day is planned on the offsets the verifying simulation uses that day. Undated
 * scenarios have no frame: their days are 24 hours at fixed offsets, planned as before.
 */
import { horizonEnd, localLabel, stepAt } from '../sim/calendar';
import { DAY } from '../sim/clock';
import { compileModel, siteOffsetAt } from '../sim/model';
import type { Scenario } from '../sim/scenario';

export interface DayFrame {
  /** the engine's result interval index of the day's first interval (0 = day 1's first) */
  first: number;
  /** per interval of the day: the client's interval of the day (its profile entry), 0-based */
  clientInterval: number[];
  /** per interval of the day: the engine's label (ISO start with the client's UTC offset) */
  starts: string[];
  /** siteLocal[s][i]: site s's local minute of the day at the start of interval i */
  siteLocal: number[][];
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

/** The frames of days 0 … days − 1 (0 = day 1) of a dated scenario; null when it is undated. */
export function dayFrames(scenario: Scenario, days: number): DayFrame[] | null {
  if (scenario.horizon?.startDate === undefined) return null;
  const model = compileModel(scenario, { days, warmUpDays: 0 });
  const cal = model.calendar;
  if (cal === null) return null;
  const L = model.intervalSeconds;
  const perDay = model.intervalsPerDay;
  const frames: DayFrame[] = [];
  for (let d = 0; d < days; d++) {
    const first = Math.round(horizonEnd(cal, d) / L);
    const end = Math.round(horizonEnd(cal, d + 1) / L);
    const frame: DayFrame = { first, clientInterval: [], starts: [], siteLocal: model.sites.map(() => []) };
    for (let k = first; k < end; k++) {
      const t = k * L;
      // as the engine's clientInterval: the clock interval plus the client's shift in whole intervals
      frame.clientInterval.push(mod(k + Math.round(stepAt(cal.clientShift, t) / L), perDay));
      frame.starts.push(localLabel(cal, t).start);
      model.sites.forEach((site, s) => frame.siteLocal[s].push(mod(t + siteOffsetAt(site, t), DAY) / 60));
    }
    frames.push(frame);
  }
  return frames;
}

/** The frame of day `day` (0 = day 1) of a dated scenario, or undefined when it is undated. */
export function dayFrame(scenario: Scenario, day: number): DayFrame | undefined {
  return dayFrames(scenario, day + 1)?.[day];
}
