/**
 * Where the live view opens: at the first moment of day 1 (client clock) when some agent is logged
 * in, on a whole interval, so a planner sees work rather than a closed center. The onshore baseline
 * opens at 08:00; a 24/7 or night-shift site opens at 00:00 as before. A run with a warm-up already
 * starts after it (the worker's meta says so), with yesterday's backlog waiting: no skip then.
 *
 * Pure: unit-tested in Node.
 */
import { DAY, localSecondOfDay } from '../../sim/clock';
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

/** The page text for a run that starts after a warm-up (SimulationMeta.warmUpDays, when present). */
export function warmUpText(warmUpDays: number | undefined): string {
  if (!warmUpDays || warmUpDays <= 0) return '';
  const days = warmUpDays === 1 ? '1 day' : `${warmUpDays} days`;
  return `The view starts after ${days} of warm-up: yesterday's backlog at 00:00 of day 1.`;
}
