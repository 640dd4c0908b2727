/**
 * One-shot simulation: run replications of a scenario and report them in the result format
 * (SPEC §7, format 1). Replication r uses seed `${seed}#${r}` (r > 0), so the same seed always gives
 * the same result, and two scenarios run with the same seed share their random numbers.
 */
import { estimateRecord } from './aggregate';
import { formatClock } from './clock';
import { compileCalendar, localLabel } from './calendar';
import { clientOffsetHours } from './model';
import { Simulation, type SimulationOptions } from './engine';
import { replicationOutcome } from './outcomes';
import { replicationSeed } from './random';
import { pilotIntensity, pilotKey, simulationFromPilot, type PendingIntensity } from './warm-up-pilot';
import {
  INTERVAL_KEYS,
  CLASS_KEYS,
  OUTCOME_KEYS,
  type IntervalOutcome,
  type Outcomes,
  type ReplicationOutcome,
  type SimulationResult,
} from './result';
import type { ChannelKind, Scenario } from './scenario';
import { steadyStateOf } from './steady-check';

export interface SimulateOptions extends Omit<SimulationOptions, 'seed'> {
  seed?: string;
  replications?: number;
  /** first replication index to run (for sharding); default 0 */
  firstReplication?: number;
  /** called after each replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** a clock for performance figures (performance.now in ms); injected so the engine stays pure */
  now?: () => number;
}

/**
 * Runs one replication and returns its outcomes.
 *
 * The start (issue 25): unless a warm-up is asked for explicitly (options.warmUpDays, the CLI's
 * --warm-up, or the scenario's horizon.warmUpDays), a replication whose default warm-up is longer than
 * a day starts from the warm-up pilot (src/sim/warm-up-pilot.ts): one day of warm-up with the pending
 * returns of the pilot's steady state seeded. `pilot`: true or the pilot itself (computed once by the
 * caller, e.g. sent to a worker as plain data) forces it; false forces the full warm-up.
 */
export function runReplication(
  scenario: Scenario,
  options: SimulationOptions & {
    replication?: number;
    pilot?: boolean | PendingIntensity;
  },
) {
  const seed = replicationSeed(options.seed ?? '1', options.replication ?? 0);
  let sim: Simulation;
  if (options.pilot === false || (options.pilot === undefined && explicitWarmUp(scenario, options))) {
    sim = new Simulation(scenario, { ...options, seed });
  } else {
    const full =
      options.pilot === undefined ? new Simulation(scenario, { ...options, seed, deferWarmUp: true }) : null;
    if (full && full.warmUpDays <= 1) {
      full.warmUp(); // a day or less: the full warm-up costs no more than the pilot's
      sim = full;
    } else {
      const intensity =
        typeof options.pilot === 'object'
          ? options.pilot
          : pilotIntensity(scenario, options.seed ?? '1', options);
      sim = simulationFromPilot(scenario, intensity, { ...options, seed });
    }
  }
  sim.runToEnd();
  return replicationOutcome(sim);
}

/** Whether the run asks for a warm-up of its own (then it gets exactly that, never the pilot). */
export function explicitWarmUp(scenario: Scenario, options: SimulationOptions): boolean {
  return options.warmUpDays !== undefined || scenario.horizon?.warmUpDays !== undefined;
}

/**
 * The pilot a run of `scenario` starts from, or null when it runs its full warm-up (see
 * runReplication): computed once here and passed to workers as plain data.
 */
export function pilotFor(
  scenario: Scenario,
  options: SimulationOptions & { seed: string },
): PendingIntensity | null {
  if (explicitWarmUp(scenario, options)) return null;
  const key = pilotKey(scenario, options.seed, options);
  let short = shortWarmUp.get(key);
  if (short === undefined) {
    short = new Simulation(scenario, { ...options, deferWarmUp: true }).warmUpDays <= 1;
    if (shortWarmUp.size > 64) shortWarmUp.clear();
    shortWarmUp.set(key, short);
  }
  return short ? null : pilotIntensity(scenario, options.seed, options);
}

/** pilotFor's answer "a day or less of default warm-up: no pilot", by pilotKey */
const shortWarmUp = new Map<string, boolean>();

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const seed = options.seed ?? '1';
  const reps = options.replications ?? 1;
  const first = options.firstReplication ?? 0;
  const clock = options.now ?? (() => Date.now());
  const start = clock();
  const outcomes: ReplicationOutcome[] = [];
  for (let r = 0; r < reps; r++) {
    outcomes.push(runReplication(scenario, { ...options, seed, replication: first + r }));
    options.onProgress?.(r + 1, reps);
  }
  const wallSeconds = (clock() - start) / 1000;
  return aggregateReplications(scenario, seed, outcomes, wallSeconds, options.days);
}

/** Combines replication outcomes (possibly computed elsewhere, e.g. in workers) into a result. */
export function aggregateReplications(
  scenario: Scenario,
  seed: string,
  outcomes: readonly ReplicationOutcome[],
  wallSeconds: number,
  daysOverride?: number,
): SimulationResult {
  const days = daysOverride ?? scenario.horizon?.days ?? 1;
  const intervalMinutes = scenario.horizon?.intervalMinutes ?? 30;
  const channels: SimulationResult['channels'] = {};
  const kinds = Object.keys(outcomes[0]?.channels ?? {}) as ChannelKind[];
  for (const k of kinds) {
    channels[k] = estimateRecord(
      OUTCOME_KEYS,
      outcomes.map((o) => o.channels[k]!),
    );
    // (v3) per customer class, when the channel has classes
    const names = Object.keys(outcomes[0]?.classes?.[k] ?? {});
    if (names.length > 0)
      channels[k].classes = Object.fromEntries(
        names.map((n) => [
          n,
          estimateRecord(
            CLASS_KEYS,
            outcomes.map((o) => o.classes![k]![n]),
          ),
        ]),
      );
  }
  const sites: Record<string, Outcomes> = {};
  for (const id of Object.keys(outcomes[0]?.sites ?? {})) {
    sites[id] = estimateRecord(
      OUTCOME_KEYS,
      outcomes.map((o) => o.sites[id]),
    );
  }
  const intervals = [...resultIntervals(scenario, outcomes)];
  const events = outcomes.reduce((a, o) => a + o.events, 0);
  const contacts = outcomes.reduce((a, o) => a + o.contacts, 0);
  return {
    format: 1,
    scenario: scenario.name,
    seed,
    replications: outcomes.length,
    warmUpDays: outcomes[0]?.warmUpDays ?? 0,
    ...(outcomes[0]?.pilotWarmUpDays ? { pilotWarmUpDays: outcomes[0].pilotWarmUpDays } : {}),
    steadyState: steadyStateOf(scenario, outcomes),
    days,
    intervalMinutes,
    channels,
    sites,
    total: estimateRecord(
      OUTCOME_KEYS,
      outcomes.map((o) => o.total),
    ),
    intervals,
    performance: {
      events,
      contacts,
      wallSeconds,
      eventsPerSecond: wallSeconds > 0 ? events / wallSeconds : 0,
    },
  };
}

/**
 * The result's intervals, aggregated one at a time as they are asked for: a writer that streams them
 * (the CLI's --json and --csv) holds one interval's estimates at a time, not a long run's all.
 */
export function* resultIntervals(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
): Generator<IntervalOutcome, void, undefined> {
  const intervalMinutes = scenario.horizon?.intervalMinutes ?? 30;
  const kinds = Object.keys(outcomes[0]?.channels ?? {}) as ChannelKind[];
  const perDay = (24 * 60) / intervalMinutes;
  const n = outcomes[0]?.intervals.length ?? 0;
  const label = intervalLabeller(scenario, n);
  for (let i = 0; i < n; i++) {
    const ch: IntervalOutcome['channels'] = {};
    for (const k of kinds)
      ch[k] = estimateRecord(
        INTERVAL_KEYS,
        outcomes.map((o) => o.intervals[i].channels[k]!),
      );
    const classes = intervalClasses(outcomes, i);
    yield {
      index: i,
      ...(label
        ? label(i)
        : { day: Math.floor(i / perDay) + 1, start: formatClock((i % perDay) * intervalMinutes * 60) }),
      channels: ch,
      total: estimateRecord(
        INTERVAL_KEYS,
        outcomes.map((o) => o.intervals[i].total),
      ),
      ...(classes ? { classes } : {}),
    };
  }
}

/** (v3) Interval i's class figures over the replications; undefined when no channel has classes. */
function intervalClasses(outcomes: readonly ReplicationOutcome[], i: number): IntervalOutcome['classes'] {
  const first = outcomes[0]?.intervals[i]?.classes;
  // (shard files written before per-interval classes have none)
  if (!first || outcomes.some((o) => !o.intervals[i].classes)) return undefined;
  const out: NonNullable<IntervalOutcome['classes']> = {};
  for (const k of Object.keys(first) as ChannelKind[])
    out[k] = Object.fromEntries(
      Object.keys(first[k]!).map((n) => [
        n,
        estimateRecord(
          CLASS_KEYS,
          outcomes.map((o) => o.intervals[i].classes![k]![n]),
        ),
      ]),
    );
  return out;
}

/**
 * (v3) A dated file's interval labels: the client's local day (1 = startDate) and an ISO start with
 * its UTC offset ("2027-03-14T03:00-04:00"), unambiguous on the 25-hour day; null for an undated file.
 */
function intervalLabeller(
  scenario: Scenario,
  n: number,
): ((i: number) => { day: number; start: string }) | null {
  if (scenario.horizon?.startDate === undefined) return null;
  const seconds = (scenario.horizon.intervalMinutes ?? 30) * 60;
  const cal = compileCalendar(
    { ...scenario, startDate: scenario.horizon.startDate, clientUtcOffsetHours: clientOffsetHours(scenario) },
    0,
    n * seconds + 86_400,
  );
  return cal ? (i) => localLabel(cal, i * seconds) : null;
}
