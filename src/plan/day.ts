/**
 * (v3) One day of a multi-day scenario as an undated day of its own: what the planner's Erlang figures
 * and each day's shifts are computed on (SPEC §8: `plan` plans every day of the horizon). A dated
 * forecast's day (`daily`: its volume, profile and handle times) or the channel's volume × the day's
 * normalised `weekly` weight.
 */
import { CHANNEL_KINDS, type Scenario } from '../sim/scenario';
import { weekdayOf } from '../sim/calendar';

/** Day 1's weekday, 0 = Monday (an undated scenario starts on a Monday). */
export function firstWeekday(s: Scenario): number {
  return s.horizon?.startDate ? weekdayOf(s.horizon.startDate) : 0;
}

/** Whether any channel's volume differs by day (`daily` or `weekly`). */
export function hasDays(s: Scenario): boolean {
  return CHANNEL_KINDS.some((k) => s.channels[k]?.daily !== undefined || s.channels[k]?.weekly !== undefined);
}

/** Whether `plan` plans every day (SPEC §8): with a roster pattern, or on a horizon of several days. */
export function plansEveryDay(s: Scenario, roster: boolean): boolean {
  return roster || (s.horizon?.days ?? 1) > 1;
}

/** Day 1 alone at its own volumes (its weekly weight or dated day): the one-day plan of a week. */
export function dayOne(s: Scenario): Scenario {
  const one = scenarioOnDay(s, 0);
  return { ...one, horizon: { ...one.horizon, days: 1 } };
}

/**
 * The scenario on day d of the horizon (0 = day 1) as one undated day: a dated forecast's own day
 * (`daily`; past its end, the last), else each channel's volume × its normalised weekly weight.
 * A scenario whose days are all alike is returned as it is.
 */
export function scenarioOnDay(s: Scenario, d: number): Scenario {
  if (!hasDays(s)) return s;
  const copy = structuredClone(s);
  const weekday = (firstWeekday(s) + d) % 7;
  for (const k of CHANNEL_KINDS) {
    const c = copy.channels[k];
    if (!c) continue;
    if (c.daily) {
      const day = c.daily[Math.min(d, c.daily.length - 1)];
      c.volumePerDay = day.volume;
      if (day.profile) c.profile = day.profile;
      if (day.handleTimeProfile) c.handleTimeProfile = day.handleTimeProfile;
      delete c.daily;
      delete c.weekly;
    } else if (c.weekly) {
      const sum = c.weekly.reduce((a, b) => a + b, 0);
      c.volumePerDay *= sum > 0 ? (7 * c.weekly[weekday]) / sum : 1;
      delete c.weekly;
    }
  }
  return copy;
}
