/**
 * Whether the model reached a steady state (SPEC §1 v2: the warm-up brings day 1 to "steady
 * operation"). An overloaded scenario has none: its backlog grows every day, so its day 1 depends on
 * how many warm-up days ran before it — peak-day-surge's e-mail backlog grows by ~490 a day. The
 * engine measures each channel's backlog (waiting, in transit or held) at the midnight
 * STEADY_CHECK_DAYS before day 1 and at day 1's (Simulation.backlogGrowthPerDay); the result says the
 * state was not reached when a channel's mean growth per day, over the replications, is more than
 * growthLimit: GROWTH_TOLERANCE of its daily fresh volume V, and at least √V, the scale of a steady
 * backlog's day-to-day noise (which matters for small volumes). A fixed limit rather than a confidence
 * interval, so that two replications (a compare's least) can tell too.
 *
 * Measured on the bundled scenarios (6 replications each, issue 25): peak-day-surge's e-mail grows
 * 174–261 a day under v2 and 477–505 under v3 (3 seeds × 3 replications: its redials and call backs add
 * voice load, which its multi-skilled agents serve first) — 30 % of 1,600; the limit is 40; every other
 * channel stays within ±15 a day
 * (≤ 1.1 %), with means near 0.
 */
import { estimate } from './aggregate';
import type { ReplicationOutcome } from './result';
import type { ChannelKind, Scenario } from './scenario';

/**
 * Days at the end of the warm-up over which the engine measures whether backlogs still grow. The
 * warm-up needs more days than this: its first day only fills the empty model.
 */
export const STEADY_CHECK_DAYS = 2;

/** Growth of a channel's backlog per day, as a share of its daily fresh volume, above which it is not steady. */
export const GROWTH_TOLERANCE = 0.02;

/** Backlog growth per day above which a channel of `volumePerDay` fresh contacts is not steady. */
export function growthLimit(volumePerDay: number): number {
  return Math.max(GROWTH_TOLERANCE * volumePerDay, Math.sqrt(volumePerDay));
}

export interface SteadyState {
  /** false: a backlog still grows at the end of the warm-up; null: not measured (see reason) */
  reached: boolean | null;
  /** why it was not reached or not measured; null when reached */
  reason: string | null;
  /** per channel, the backlog's mean growth per day over the warm-up's last days (null: not measured) */
  backlogGrowthPerDay: Partial<Record<ChannelKind, number | null>>;
}

export function steadyStateOf(scenario: Scenario, outcomes: readonly ReplicationOutcome[]): SteadyState {
  // started from the pilot: its growth was measured at the end of the pilot's long warm-up
  const warmUp = outcomes[0]?.pilotWarmUpDays ?? outcomes[0]?.warmUpDays ?? 0;
  const growth: SteadyState['backlogGrowthPerDay'] = {};
  const growing: string[] = [];
  for (const kind of Object.keys(outcomes[0]?.channels ?? {}) as ChannelKind[]) {
    const e = estimate(outcomes.map((o) => o.backlogGrowthPerDay?.[kind] ?? null));
    growth[kind] = e.mean;
    const volume = scenario.channels[kind]?.volumePerDay ?? 0;
    if (e.mean === null || !(e.mean > growthLimit(volume))) continue;
    growing.push(
      `${kind} backlog grows by ${Math.round(e.mean).toLocaleString('en-US')} a day ` +
        `(${((100 * e.mean) / volume).toFixed(1)} % of its ${volume.toLocaleString('en-US')} a day)`,
    );
  }
  if (warmUp <= STEADY_CHECK_DAYS)
    return {
      reached: null,
      reason:
        warmUp === 0
          ? 'no warm-up: day 1 starts empty (a launch day)'
          : `a warm-up of ${warmUp} day${warmUp === 1 ? '' : 's'} is too short to tell whether backlogs ` +
            `hold steady (it takes ${STEADY_CHECK_DAYS + 1} or more)`,
      backlogGrowthPerDay: growth,
    };
  if (growing.length === 0) return { reached: true, reason: null, backlogGrowthPerDay: growth };
  return {
    reached: false,
    reason:
      `no steady state: the ${growing.join(', the ')} at the end of the ${warmUp}-day warm-up, so the ` +
      `model is overloaded and day 1's figures depend on how many days ran before it`,
    backlogGrowthPerDay: growth,
  };
}
