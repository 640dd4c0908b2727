/**
 * The warm-up pilot as it was before the fixed point (src/sim/pilot-measure.ts): the pending returns
 * counted at the last midnights of a long warm-up (2× the default). Kept for the benchmark's and the
 * checks' comparisons only.
 */
import { DAY } from '../src/sim/clock';
import { PEND_AFTER_HOURS_WAITING, Simulation, type SimulationOptions } from '../src/sim/engine';
import { SEEDED_KINDS, type PendingIntensity } from '../src/sim/pending-seed';
import { STEADY_CHECK_DAYS } from '../src/sim/steady-check';
import type { Scenario } from '../src/sim/scenario';

const PILOT_WARM_UP_FACTOR = 2;
const PILOT_MIDNIGHTS = 3;

export function measureLongPilot(
  scenario: Scenario,
  seed: string,
  options: SimulationOptions,
  settleSeconds: number,
): PendingIntensity {
  const days = options.days ?? scenario.horizon?.days ?? 1;
  const warmUpDays = Math.max(
    PILOT_MIDNIGHTS,
    STEADY_CHECK_DAYS + 1,
    options.warmUpDays ?? Math.min(60, PILOT_WARM_UP_FACTOR * defaultWarmUp(scenario, options)),
  );
  const sim = new Simulation(scenario, {
    // a horizon past every due time counted: the engine drops returns of pre-day-1 issues due after it
    days: days + 2,
    seed: `${seed}|pilot`,
    deferWarmUp: true,
    warmUpDays,
  });
  const binSeconds = sim.model.intervalSeconds;
  // returns due after the replication's horizon (and its day of warm-up) never reach the measured days
  const nBins = Math.ceil((days + 1) * (DAY / binSeconds));
  const bins = sim.model.channels.map(() => SEEDED_KINDS.map(() => new Float64Array(nBins)));
  const waiting = new Float64Array(sim.model.channels.length);
  const growth = new Float64Array(sim.model.channels.length);
  const check = -STEADY_CHECK_DAYS * DAY;
  let checked = false;
  for (let k = PILOT_MIDNIGHTS - 1; k >= 0; k--) {
    const midnight = -k * DAY - (settleSeconds % DAY);
    if (!checked && midnight >= check) {
      sim.advanceTo(check);
      for (let c = 0; c < growth.length; c++) growth[c] = sim.channelBacklog(c);
      checked = true;
    }
    sim.advanceTo(midnight);
    sim.forEachPendingReturn((c, kind, at) => {
      if (kind === PEND_AFTER_HOURS_WAITING) {
        waiting[c] += 1 / PILOT_MIDNIGHTS;
        return;
      }
      const b = Math.floor((at - midnight) / binSeconds);
      if (b >= 0 && b < nBins) bins[c][SEEDED_KINDS.indexOf(kind as 0 | 1 | 2)][b] += 1 / PILOT_MIDNIGHTS;
    });
  }
  const atCheck = check;
  sim.advanceTo(0);
  for (let c = 0; c < growth.length; c++)
    growth[c] = (sim.channelBacklog(c) - growth[c]) / ((sim.now - atCheck) / DAY);
  return { binSeconds, bins, waiting, warmUpDays, settleSeconds, backlogGrowthPerDay: growth };
}

function defaultWarmUp(scenario: Scenario, options: SimulationOptions): number {
  return new Simulation(scenario, { ...options, deferWarmUp: true }).warmUpDays;
}
