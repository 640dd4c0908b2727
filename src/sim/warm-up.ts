/**
 * The end of the warm-up (SPEC §1 v2): runs the warm-up days and starts day 1 by dropping every
 * statistic and cost so far, while queues, contacts in service and repeats pending carry over (see
 * Simulation.warmUp). Cold code, apart from the engine's hot path (src/sim/engine.ts).
 */
import { DAY } from './clock';
import { STEADY_CHECK_DAYS } from './steady-check';
import type { Simulation } from './engine';

/** The warm-up proper (see Simulation.warmUp): if it stops on the event budget, warmUp is not marked done. */
export function startDayOne(sim: Simulation): void {
  const nC = sim.model.channels.length;
  // The backlog at the midnight STEADY_CHECK_DAYS before day 1 and at day 1's: whether it still grows
  // (src/sim/steady-check.ts). Only once the warm-up has run a day before it, to skip the first fill.
  const check = -STEADY_CHECK_DAYS * DAY;
  if (sim.warmUpDays > STEADY_CHECK_DAYS && sim.now <= check) {
    sim.advanceTo(check);
    for (let c = 0; c < nC; c++) sim.backlogGrowthPerDay[c] = sim.channelBacklog(c);
  }
  sim.advanceTo(0);
  if (sim.warmUpDays > STEADY_CHECK_DAYS)
    for (let c = 0; c < nC; c++)
      sim.backlogGrowthPerDay[c] = (sim.channelBacklog(c) - sim.backlogGrowthPerDay[c]) / STEADY_CHECK_DAYS;
  for (const a of [
    sim.arrivals,
    sim.classStats,
    sim.intervalClassStats,
    sim.stats,
    sim.waitHist,
    sim.intervalStats,
    sim.intervalLabour,
    sim.intervalLogged,
    sim.routedCount,
    sim.abandonCount,
    sim.overflowCount,
    sim.repeatCount,
    sim.busyArea,
    sim.busyLast,
    sim.busyTotal,
    sim.loggedArea,
    sim.loggedLast,
    sim.loggedTotal,
    sim.issuesRaised,
    sim.issuesGivenUp,
    sim.closedAttempts,
    sim.callbacksOffered,
    sim.callbacksAccepted,
    sim.callbacksMade,
    sim.callbackDelaySum,
    sim.handledMinutes,
    sim.cohortContacts,
    sim.issuesOwned,
    sim.firstResolved,
    sim.ownerMinutes,
    sim.ownerVariable,
  ])
    a.fill(0);
  sim.carryWaitingIntoDayOne();
}
