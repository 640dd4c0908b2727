/**
 * `calibrate`: from a parsed call log to a calibrated scenario, the estimates behind it, and its fit.
 * Pure: the simulation runs in-process through src/sim's simulate (a one-day model of ~1,500 calls
 * runs in milliseconds per replication, less than a worker pool's start-up).
 *
 * Per channel, over the regular days (src/calibrate/days.ts):
 *   volume and profile (calls counted in the interval they arrived in; intervals where the log shows no
 *   agent answering on most days are closed: profile 0, their calls counted as outside hours);
 *   handle time (a lognormal with the log's mean and cv; per interval in the report);
 *   patience (src/calibrate/patience.ts: the likelihood's choice);
 *   effective agents per interval (src/calibrate/staffing.ts), then the fit (src/calibrate/fit.ts).
 *   (v3) the day-to-day overdispersion of volume as volumeCv, and the handle time's mean per interval
 *   as handleTimeProfile (an interval with under 5 answered calls gets the channel's mean); the classes
 *   by the log's priority or by its call type, whichever the patience likelihood prefers (share,
 *   patience, queue order by their observed ASA: classes.ts, chooseClasses).
 * Reported only: the other grouping of classes, weekday volumes.
 */
import { simulate } from '../sim/simulate';
import { DEFAULTS, type ChannelKind, type Distribution, type Scenario } from '../sim/scenario';
import type { SimulationResult } from '../sim/result';
import { chooseClasses, type ClassChoice, type ClassEstimate } from './classes';
import { selectDays, type WeekdaySummary } from './days';
import { channelFit, type Fit } from './fit';
import { observeIntervals, type IntervalObservation } from './intervals';
import type { CallRecord, DroppedRows } from './log';
import { estimatePatience, patienceDistribution, type Interval95, type PatienceEstimate } from './patience';
import { buildScenario, type CalibratedChannel } from './scenario';
import {
  erlangAStaffing,
  refineBySimulation,
  type AgentsEstimate,
  type IntervalLoad,
  type SimulateMetric,
} from './staffing';
import { estimateHandleTime, estimateVolume, type HandleTimeEstimate, type VolumeEstimate } from './volume';

export interface CalibrateOptions {
  name?: string;
  intervalMinutes?: 15 | 30 | 60;
  into?: Scenario;
  seed?: string;
  /** replications per refinement round */
  refineReplications?: number;
  refineRounds?: number;
  /** replications of the fit */
  fitReplications?: number;
}

export interface ChannelCalibration {
  channel: ChannelKind;
  volume: VolumeEstimate;
  /** calls in closed intervals (no agent answering on most days), per day: not in the model */
  outsideHoursPerDay: number;
  handleTime: HandleTimeEstimate;
  handleTimeDistribution: Distribution;
  patience: PatienceEstimate;
  patienceDistribution: Distribution | null;
  /**
   * by priority and by type (small types merged into "other"), and which went into the scenario
   * (classes.ts, chooseClasses)
   */
  classes: {
    byPriority: ClassEstimate[];
    byType: ClassEstimate[];
    inScenario: ClassChoice['by'];
    aic: ClassChoice['aic'];
  };
  intervals: (IntervalObservation & {
    open: boolean;
    /** effective agents, Erlang A alone */
    agentsErlangA: AgentsEstimate;
    /** effective agents after the simulation's refinement: the scenario's */
    agents: AgentsEstimate;
    /** effective agents ÷ agents answering, null when none answered */
    availability: number | null;
  })[];
  /**
   * volume and profile (calls per day by interval of arrival) of each weekday the log covers on at
   * least WEEKDAY_MIN_DAYS dates, regular or not: for SPEC v3 `weekly` and per-weekday profiles
   */
  weekdayProfiles: { weekday: number; name: string; days: number; volumePerDay: number; profile: number[] }[];
  /** effective agent-hours ÷ agent-hours of agents answering, over the open intervals */
  availability: number | null;
}

export interface Calibration {
  records: number;
  dropped: DroppedRows;
  weekdays: WeekdaySummary[];
  regularDates: string[];
  intervalMinutes: number;
  channels: ChannelCalibration[];
  scenario: Scenario;
  fit: Fit;
  wallSeconds: number;
}

/** fewer dates of a weekday than this and its own profile is noise: it is not reported */
export const WEEKDAY_MIN_DAYS = 3;
const DEFAULT_REFINE_REPS = 24;
const DEFAULT_ROUNDS = 4;
const DEFAULT_FIT_REPS = 40;

interface ChannelWork {
  channel: ChannelKind;
  records: CallRecord[];
  obs: IntervalObservation[];
  open: boolean[];
  loads: IntervalLoad[];
  base: Omit<CalibratedChannel, 'agents'>;
  patience: PatienceEstimate;
  patienceMean: number;
  classes: ClassChoice;
  dayFigures: {
    abandonRate: { value: number | null; ci95: number | null };
    asa: { value: number | null; ci95: number | null };
  };
}

/** The log's time frame shared by every step: interval length, intervals per day, the regular days. */
interface Frame {
  intervalMinutes: 15 | 30 | 60;
  /** interval length, seconds */
  L: number;
  perDay: number;
  selection: ReturnType<typeof selectDays>;
  /** number of regular days */
  days: number;
}

export function calibrate(
  records: readonly CallRecord[],
  dropped: DroppedRows,
  options: CalibrateOptions = {},
  now: () => number = () => Date.now(),
): Calibration {
  const t0 = now();
  const intervalMinutes = options.intervalMinutes ?? options.into?.horizon?.intervalMinutes ?? 60;
  const L = intervalMinutes * 60;
  const seed = options.seed ?? '1';
  const selection = selectDays(records);
  const frame: Frame = { intervalMinutes, L, perDay: 86_400 / L, selection, days: selection.dates.length };
  const regular = new Set(selection.dates);
  const kinds = [...new Set(records.map((r) => r.channel))].sort() as ChannelKind[];
  const namesAgents = records.some((r) => r.agent !== null);

  const work = kinds.map((channel) =>
    estimateChannel(
      channel,
      records.filter((r) => r.channel === channel && regular.has(r.date)),
      frame,
      options,
      namesAgents,
    ),
  );
  const { start, refined, scenario, result, fitReps } = estimateAgents(work, frame, options, seed);

  let k = 0;
  const channels: ChannelCalibration[] = work.map((w) => {
    const offset = k;
    k += w.loads.length;
    return channelReport(w, records, frame, start.slice(offset, k), refined.slice(offset, k));
  });
  const fit: Fit = {
    seed,
    replications: fitReps,
    channels: work.map((w, ci) =>
      channelFit(
        w.channel,
        w.obs,
        w.open,
        channels[ci].intervals.map((x) => x.agents.value),
        result,
        w.dayFigures,
      ),
    ),
  };
  return {
    records: records.length,
    dropped,
    weekdays: selection.weekdays,
    regularDates: selection.dates,
    intervalMinutes,
    channels,
    scenario,
    fit,
    wallSeconds: (now() - t0) / 1000,
  };
}

/** The interval of the day a call arrived in (a call at the last second counts in the last interval). */
function intervalOf(r: CallRecord, { L, perDay }: Frame): number {
  return Math.min(perDay - 1, Math.floor(r.arrival / L));
}

/**
 * One channel's estimates from its calls on the regular days: which intervals are open, handle time,
 * patience, classes, day-to-day volume, and per interval the load the staffing estimate works from.
 */
function estimateChannel(
  channel: ChannelKind,
  recs: CallRecord[],
  frame: Frame,
  options: CalibrateOptions,
  namesAgents: boolean,
): ChannelWork {
  const { intervalMinutes, L, selection, days } = frame;
  const target = options.into?.channels[channel]?.target ?? DEFAULTS.target[channel];
  const obs = observeIntervals(recs, selection.dates, intervalMinutes, target.withinSeconds);
  const volumeAll = recs.length / days;
  // open: at least one call a day, and (when the log names agents) agents answering on most days
  const open = obs.map(
    (o) =>
      o.offeredPerDay >= Math.max(1, 0.002 * volumeAll) &&
      o.answered > 0 &&
      (!namesAgents || o.agentsAnswering >= 0.5),
  );
  const inOpen = recs.filter((r) => open[intervalOf(r, frame)]);
  const ht = estimateHandleTime(inOpen);
  if (!ht) throw new Error(`${channel}: no answered call with a service time on the regular days`);
  const patience = estimatePatience(inOpen.map((r) => ({ wait: r.wait, abandoned: !r.answered })));
  const patienceMean = patience.exponentialMean?.value ?? Infinity;
  const answered = inOpen.filter((r) => r.answered);
  const dayAb = (inOpen.length - answered.length) / Math.max(1, inOpen.length);
  const dayAsa = answered.length > 0 ? answered.reduce((a, r) => a + r.wait, 0) / answered.length : null;
  const handleOf = (o: IntervalObservation) =>
    o.handleTime.value && o.answered >= 5 ? o.handleTime.value : ht.mean.value;
  const { volumeCv } = estimateVolume(dailyOpenVolumes(inOpen, selection.dates));
  const classes = chooseClasses(inOpen);
  return {
    channel,
    records: recs,
    obs,
    open,
    loads: obs.map((o, i) => ({
      rate: open[i] ? o.offeredPerDay / L : 0,
      handle: handleOf(o),
      // no abandons in the log: the abandon rate cannot tell the agents apart, the ASA can
      metric: patience.abandons > 0 ? ('abandonRate' as const) : ('asa' as const),
      observed: patience.abandons > 0 ? o.abandonRate.value : o.asa.value,
      observedCi: patience.abandons > 0 ? o.abandonRate.ci95 : o.asa.ci95,
      calls: o.answered + o.abandoned,
      busy: o.busyAgents,
    })),
    base: {
      channel,
      volumePerDay: inOpen.length / days,
      profile: obs.map((o, i) => (open[i] ? o.offeredPerDay : 0)),
      handleTime: {
        dist: 'lognormal',
        mean: Math.round(ht.mean.value * 10) / 10,
        cv: Math.round(ht.cv * 1000) / 1000,
      },
      // a closed interval (no arrivals) gets the channel's mean
      handleTimeProfile: obs.map((o, i) => (open[i] ? handleOf(o) : ht.mean.value)),
      ...(volumeCv ? { volumeCv } : {}),
      ...(classes.specs ? { classes: classes.specs } : {}),
      patience: patience.best
        ? patienceDistribution(patience.best)
        : patience.abandons > 0
          ? { dist: 'exponential', mean: Math.round(patienceMean) }
          : null,
    },
    patience,
    patienceMean,
    classes,
    dayFigures: { abandonRate: { value: dayAb, ci95: null }, asa: { value: dayAsa, ci95: null } },
  };
}

/**
 * Effective agents: Erlang A per interval, then refined by simulation, all channels at once (they share
 * sites in the scenario, so one simulation scores them all); then the calibrated scenario and the fit's
 * run of it. Agents are flat over channels, each channel's intervals in turn.
 */
function estimateAgents(work: ChannelWork[], frame: Frame, options: CalibrateOptions, seed: string) {
  const loads = work.flatMap((w) => w.loads);
  const patienceOf = work.flatMap((w) => w.loads.map(() => w.patienceMean));
  const firstPass = work.map((w) => erlangAStaffing(w.loads, w.patienceMean));
  const start = firstPass.flatMap((p) => p.agents);
  const caches = firstPass.flatMap((p) => p.caches);
  // a center closed for part of the night starts each day empty, as the log's did: no warm-up
  const warmUpDays = work.every((w) => w.open.some((o) => !o)) ? 0 : null;
  const build = (flat: readonly number[]) => {
    let k = 0;
    const channels = work.map((w) => ({ ...w.base, agents: w.loads.map(() => flat[k++]) }));
    return buildScenario(channels, {
      name: options.name ?? 'calibrated',
      intervalMinutes: frame.intervalMinutes,
      warmUpDays,
      into: options.into,
    });
  };
  const runs = (scenario: Scenario, reps: number): SimulationResult =>
    simulate(scenario, { replications: reps, seed });
  const refineReps = options.refineReplications ?? DEFAULT_REFINE_REPS;
  const simulateMetric = (flat: readonly number[]) => {
    const result = runs(build(flat), refineReps);
    return work.flatMap((w) =>
      w.loads.map(
        (load, i) => result.intervals[i]?.channels[w.channel]?.[load.metric] ?? { mean: null, ci95: null },
      ),
    );
  };
  // one patience per channel in the slopes: refine channel by channel inside one flattened call
  const refined = refineFlat(
    start,
    loads,
    patienceOf,
    caches,
    simulateMetric,
    options.refineRounds ?? DEFAULT_ROUNDS,
  );
  const scenario = build(refined.map((a) => a.value));
  const fitReps = options.fitReplications ?? DEFAULT_FIT_REPS;
  const result = runs(scenario, fitReps);
  return { start, refined, scenario, result, fitReps };
}

/**
 * One channel's part of the report: volume, handle time, patience, classes, and per interval the
 * agents estimated (`start`: Erlang A; `refined`: the scenario's) with their availability.
 */
function channelReport(
  w: ChannelWork,
  records: readonly CallRecord[],
  frame: Frame,
  start: AgentsEstimate[],
  refined: AgentsEstimate[],
): ChannelCalibration {
  const { selection, days } = frame;
  const volume = estimateVolume(
    dailyOpenVolumes(
      w.records.filter((r) => w.open[intervalOf(r, frame)]),
      selection.dates,
    ),
  );
  let effHours = 0;
  let namedHours = 0;
  const intervals = w.obs.map((o, i) => {
    const agents = refined[i];
    if (w.open[i] && o.agentsAnswering > 0) {
      effHours += agents.value;
      namedHours += o.agentsAnswering;
    }
    return {
      ...o,
      open: w.open[i],
      agentsErlangA: start[i],
      agents,
      availability: o.agentsAnswering > 0 && w.open[i] ? agents.value / o.agentsAnswering : null,
    };
  });
  const inOpen = w.records.filter((r) => w.open[intervalOf(r, frame)]);
  return {
    channel: w.channel,
    volume,
    outsideHoursPerDay: (w.records.length - inOpen.length) / days,
    handleTime: estimateHandleTime(inOpen)!,
    handleTimeDistribution: w.base.handleTime,
    patience: w.patience,
    patienceDistribution: w.base.patience,
    classes: {
      byPriority: w.classes.byPriority,
      byType: w.classes.byType,
      inScenario: w.classes.by,
      aic: w.classes.aic,
    },
    intervals,
    weekdayProfiles: weekdayProfiles(w.channel, records, frame),
    availability: namedHours > 0 ? effHours / namedHours : null,
  };
}

/**
 * Volume and profile of each weekday seen on at least WEEKDAY_MIN_DAYS dates, from all the log's calls
 * (regular days or not: an irregular weekday is what this shows).
 */
function weekdayProfiles(
  channel: ChannelKind,
  records: readonly CallRecord[],
  frame: Frame,
): ChannelCalibration['weekdayProfiles'] {
  return frame.selection.weekdays
    .filter((wd) => wd.days >= WEEKDAY_MIN_DAYS)
    .map((wd) => {
      const profile = new Array<number>(frame.perDay).fill(0);
      let n = 0;
      for (const r of records)
        if (r.channel === channel && r.weekday === wd.weekday) {
          profile[intervalOf(r, frame)] += 1 / wd.days;
          n++;
        }
      return { weekday: wd.weekday, name: wd.name, days: wd.days, volumePerDay: n / wd.days, profile };
    });
}

/** Calls per regular date. */
function dailyOpenVolumes(records: readonly CallRecord[], dates: readonly string[]): number[] {
  const count = new Map<string, number>(dates.map((d) => [d, 0]));
  for (const r of records) if (count.has(r.date)) count.set(r.date, count.get(r.date)! + 1);
  return dates.map((d) => count.get(d)!);
}

/** refineBySimulation with a patience per interval (channels differ). */
function refineFlat(
  start: AgentsEstimate[],
  loads: IntervalLoad[],
  patience: number[],
  caches: Map<number, number>[],
  simulateMetric: SimulateMetric,
  rounds: number,
): AgentsEstimate[] {
  // the slopes need each interval's own patience: refine with a per-interval view of the loads
  const distinct = [...new Set(patience)];
  if (distinct.length === 1)
    return refineBySimulation(start, loads, distinct[0], caches, simulateMetric, rounds);
  let agents = start;
  for (const p of distinct) {
    const idx = patience.map((q, i) => (q === p ? i : -1)).filter((i) => i >= 0);
    const sub = refineBySimulation(
      idx.map((i) => agents[i]),
      idx.map((i) => loads[i]),
      p,
      idx.map((i) => caches[i]),
      (a) => {
        const full = agents.map((x) => x.value);
        idx.forEach((i, j) => (full[i] = a[j]));
        const sim = simulateMetric(full);
        return idx.map((i) => sim[i]);
      },
      rounds,
    );
    agents = agents.map((a, i) => (idx.includes(i) ? sub[idx.indexOf(i)] : a));
  }
  return agents;
}

export type { Interval95 };
