/**
 * Where the live view opens: at the first moment of day 1 (client clock) when some agent is logged
 * in, on a whole interval, so a new user sees agents at work rather than a closed center at 00:00.
 * The onshore baseline opens at 08:00; a 24/7 or night-shift site opens at 00:00. A run with a
 * warm-up has already played it (the worker runs it before day 1), so the view opens at that first
 * working interval carrying the warm-up's state: yesterday's backlog and pending repeats. The page
 * says which (firstFrameText).
 *
 * Pure: unit-tested in Node.
 */
import { DAY, formatClock, localSecondOfDay } from '../../sim/clock';
import { compileModel, scheduledAgents } from '../../sim/model';
import type { Scenario } from '../../sim/scenario';

/** Simulated seconds to advance a fresh run by before showing it (0 = open at 00:00). */
export function firstWorkSecond(scenario: Scenario): number {
  const m = compileModel(scenario);
  for (let t = 0; t < DAY; t += m.intervalSeconds) {
    for (const g of m.groups) {
      const site = m.sites[g.site];
      if (scheduledAgents(g, site, localSecondOfDay(t, site.offset)) > 0) return t;
    }
  }
  return 0;
}

/** The page's line on where a run after a warm-up opened and what it carries (SimulationMeta.warmUpDays). */
export function firstFrameText(warmUpDays: number | undefined, opensAt: number): string {
  const at = `${formatClock(opensAt % DAY)} of day 1`;
  const where =
    opensAt > 0
      ? `The view opens at ${at}, the first interval with agents logged in`
      : `The view opens at ${at}, with agents logged in`;
  // without a warm-up the run starts empty, as the clock shows: nothing to say
  if (!warmUpDays || warmUpDays <= 0) return '';
  const days = warmUpDays === 1 ? '1 day' : `${warmUpDays} days`;
  return `${where}, after ${days} of warm-up: the backlog and pending repeats carry over from the day before.`;
}
