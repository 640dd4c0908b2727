/**
 * The warm-up pilot's measurement (warm-up-pilot.ts): the intensity of the returns pending at the
 * moment a replication starts, in steady operation, from a few simulated days instead of a long
 * warm-up.
 *
 * The stationarity identity: in steady (periodic) operation the returns pending at a moment P are the
 * returns scheduled on each earlier day that are still pending at P. Every day is alike, so one steady
 * day [W, W + DAY) tells them all: a return scheduled there at τ, due at u, stands for one scheduled at
 * τ − k·DAY and due at u − k·DAY, pending at P whenever τ − k·DAY < P < u − k·DAY — for each such k it
 * adds one to the bin of u − k·DAY − P. Long delays count once for every day they span, so the
 * long tail (lognormal cv 2) is counted without simulating it.
 *
 * That day has to be steady itself, and its load includes the returns it is trying to measure. So a
 * fixed point, from no returns at all:
 * 1. each iteration starts like a replication (SETTLE before the day, with the current estimate
 *    seeded), records every return scheduled during one day and counts its fresh contacts and the
 *    returns that came back, and re-estimates;
 * 2. the level is extrapolated: a day's returns per contact ρ = returns / (fresh + came back) gives
 *    the steady level S = ρ·F / (1 − ρ) (returns scheduled a day equal those due a day: S = ρ(F + S)),
 *    F the channel's expected fresh volume; the estimate is scaled to it per channel. The first
 *    iteration (from nothing) is far off in level but right in ρ and shape; the second starts near
 *    the fixed point, and its day is the measurement;
 * 3. the last iteration measures more days (up to PILOT_MAX_DAYS) until it has recorded
 *    PILOT_RETURNS returns, so that a small scenario's pilot is not noisier than the replications it
 *    serves (its noise is a bias shared by every replication of the seed);
 * 4. an iteration seeds the next with every return pending, not only those due within the
 *    replication's horizon (SEED_SPAN_DAYS), so that the measured days are steady from their start.
 * Repeats are counted by expectation (a Rao–Blackwell estimate): every contact that reaches its
 * resolution draw records the repeat it would make, with weight 1 − its site's FCR and a delay drawn
 * from the pilot's own stream, instead of the repeats actually drawn. The level ρ then carries no
 * Bernoulli noise of the FCR draws, which was most of the pilot's noise: the pools of pending repeats
 * of 40 pilots (seeds) spread 0.5 % instead of 0.7 % on offshore-voice (bench/RESULTS.md). Redials and
 * after-hours retries are counted as drawn.
 * Customers turned away after hours and still waiting at P are counted as they are (they were turned
 * away within the day), and the backlog's growth over the measured days feeds the steady-state check.
 *
 * Checked against the 20-day warm-up by test/steady-equivalence.test.ts; cost in bench/RESULTS.md.
 */
import { DAY } from './clock';
import { sample } from './distribution';
import { MIN_REPEAT_DELAY, PEND_REPEAT, Simulation, type ReturnProbe } from './engine';
import { SEEDED_KINDS, seedPendingReturns, type PendingIntensity } from './pending-seed';
import { createStream } from './random';
import { repeatDueAt } from './returns';
import type { Scenario } from './scenario';

/** Iterations of the fixed point (the last one measures). */
export const PILOT_ITERATIONS = 2;
/** The last iteration measures days until it has recorded this many returns ... */
export const PILOT_RETURNS = 40_000;
/** ... or this many days. */
export const PILOT_MAX_DAYS = 8;
/**
 * An iteration that seeds the next counts the returns due up to this many days after the replication's
 * horizon: all those the next iteration's days see come back (seeding only the horizon's left the
 * long tail's later returns out of its first days, which biased the pool by +1 %: bench/RESULTS.md).
 */
const SEED_SPAN_DAYS = PILOT_MAX_DAYS + 1;
/** The shortest settling time a replication gets (live queues and agents settle within an hour). */
export const MIN_SETTLE_SECONDS = 6 * 3600;
/**
 * A replication may settle for less than a day only from a moment when every channel's steady backlog
 * would be cleared by this long's fresh arrivals at that time of day (Little: those waiting then came
 * within about this long), so that the settling time is many times the queues' memory.
 */
export const SETTLE_MAX_WAIT_SECONDS = 3600;

/** numbers per recorded return (Tally.entries) */
const ENTRY = 5;

/** What one iteration recorded over its measured days. */
interface Tally {
  /** the returns scheduled: channel, kind, time scheduled, time due, weight (ENTRY numbers each) */
  entries: Float64Array;
  n: number;
  /** per channel, the entries' total weight */
  recorded: Float64Array;
  /** per channel, the returns expected from the day's contacts (repeats by their probability) */
  expected: Float64Array;
  /** per channel: fresh contacts, and returns that came back */
  fresh: Float64Array;
  cameBack: Float64Array;
  /** [channel][interval of the day]: sum over the days of the backlog, and of those waiting after hours */
  backlog: Float64Array[];
  waiting: Float64Array[];
  days: number;
  /** the first measured day's start */
  first: number;
  intervalSeconds: number;
}

/**
 * The pilot of `scenario` and `seed`: the pending returns at a replication's start, and how long
 * before 00:00 of day 1 that start is (settleSeconds).
 */
export function measurePilot(scenario: Scenario, seed: string, days: number): PendingIntensity {
  // the first iteration starts from nothing, its settle hardly matters; the last one settles a
  // whole day, so that its days are steady whatever the scenario, and chooses the replications'
  let estimate: PendingIntensity | null = null;
  let simulated = 0;
  let events = 0;
  for (let k = 0; k < PILOT_ITERATIONS; k++) {
    const last = k === PILOT_ITERATIONS - 1;
    const settle = k === 0 ? MIN_SETTLE_SECONDS : DAY;
    const run = iterate(scenario, `${seed}|pilot/${k}`, days, settle, estimate, last ? PILOT_MAX_DAYS : 1);
    simulated += settle / DAY + run.tally.days;
    events += run.sim.events;
    const at = last ? chooseSettle(run.sim, run.tally) : DAY;
    // the next iteration is seeded with every return pending (its days see them all come back)
    estimate = intensityAt(run.sim, run.tally, at, last ? days : days + SEED_SPAN_DAYS);
    estimate.backlogGrowthPerDay = run.growth;
  }
  estimate!.warmUpDays = Math.ceil(simulated);
  estimate!.events = events;
  return estimate!;
}

/** One iteration: settle `settle` seconds from `estimate`, then record up to `maxDays` days. */
function iterate(
  scenario: Scenario,
  seed: string,
  days: number,
  settle: number,
  estimate: PendingIntensity | null,
  maxDays: number,
) {
  const nC = Object.keys(scenario.channels).length;
  let recording = false;
  const fresh = new Float64Array(nC);
  const sim = new Simulation(scenario, {
    days,
    seed,
    deferWarmUp: true,
    warmUpDays: maxDays + 1,
    onFreshArrival: (c) => {
      if (recording) fresh[c]++;
    },
  });
  const iv = sim.model.intervalSeconds;
  const perDay = Math.round(DAY / iv);
  const first = -maxDays * DAY;
  const t: Tally = {
    entries: new Float64Array(4096),
    n: 0,
    recorded: new Float64Array(nC),
    expected: new Float64Array(nC),
    fresh,
    cameBack: new Float64Array(nC),
    backlog: Array.from({ length: nC }, () => new Float64Array(perDay)),
    waiting: Array.from({ length: nC }, () => new Float64Array(perDay)),
    days: 0,
    first,
    intervalSeconds: iv,
  };
  const record = (c: number, kind: number, at: number, w: number) => {
    if (t.n + ENTRY > t.entries.length) {
      const grown = new Float64Array(t.entries.length * 2);
      grown.set(t.entries);
      t.entries = grown;
    }
    const e = t.entries;
    const n = t.n;
    e[n] = c;
    e[n + 1] = kind;
    e[n + 2] = sim.now;
    e[n + 3] = at;
    e[n + 4] = w;
    t.n += ENTRY;
    t.recorded[c] += w;
  };
  const draws = createStream(seed, 'pilot/repeat-delays');
  const probe: ReturnProbe = {
    scheduled(c, kind, at) {
      // repeats are counted by expectation (resolving, below)
      if (!recording || kind === PEND_REPEAT) return;
      t.expected[c]++;
      record(c, kind, at, 1);
    },
    cameBack(c) {
      if (recording) t.cameBack[c]++;
    },
    resolving(c, p, talkEnd) {
      if (!recording || !(p > 0)) return;
      t.expected[c] += p;
      // the repeat it would make, weighted by its probability: its delay drawn as the engine does
      const ch = sim.model.channels[c];
      const delay = Math.max(MIN_REPEAT_DELAY, sample(ch.repeatDelay, draws));
      record(c, PEND_REPEAT, Math.max(sim.now, repeatDueAt(ch.returns, talkEnd, delay)), p);
    },
  };
  sim.returnProbe = probe;
  if (first - settle > -(maxDays + 1) * DAY) sim.startContactsAt(first - settle);
  if (estimate) seedPendingReturns(sim, estimate, seed);
  sim.advanceTo(first);
  const growth = new Float64Array(nC);
  for (let c = 0; c < nC; c++) growth[c] = sim.channelBacklog(c);
  recording = true;
  for (let d = 0; d < maxDays; d++) {
    for (let j = 0; j < perDay; j++) {
      sim.advanceTo(first + d * DAY + j * iv);
      for (let c = 0; c < nC; c++) {
        t.backlog[c][j] += sim.channelBacklog(c);
        t.waiting[c][j] += sim.afterHoursWaiting[c];
      }
    }
    sim.advanceTo(first + (d + 1) * DAY);
    t.days++;
    if (t.expected.reduce((a, x) => a + x, 0) >= PILOT_RETURNS) break;
  }
  recording = false;
  for (let c = 0; c < nC; c++) growth[c] = (sim.channelBacklog(c) - growth[c]) / t.days;
  return { sim, tally: t, growth };
}

/**
 * The replications' settling time: the shortest, from MIN_SETTLE_SECONDS up in whole intervals, that
 * starts where every channel's mean backlog is within SETTLE_MAX_WAIT_SECONDS of the fresh arrivals of
 * the interval before; else a day.
 */
function chooseSettle(sim: Simulation, t: Tally): number {
  const perDay = t.backlog[0]?.length ?? 0;
  for (let h = MIN_SETTLE_SECONDS; h < DAY; h += t.intervalSeconds) {
    const j = Math.round((DAY - h) / t.intervalSeconds) % perDay;
    const calm = sim.model.channels.every(
      (ch, c) => t.backlog[c][j] / t.days <= ch.rate[(j + perDay - 1) % perDay] * SETTLE_MAX_WAIT_SECONDS,
    );
    if (calm) return h;
  }
  return DAY;
}

/**
 * The returns pending `settle` seconds before a midnight, per day, from the tally by the stationarity
 * identity, the level extrapolated to the steady one per channel (see the file's comment).
 */
function intensityAt(sim: Simulation, t: Tally, settle: number, days: number): PendingIntensity {
  const iv = t.intervalSeconds;
  const nBins = Math.ceil((days * DAY + settle) / iv);
  const bins = sim.model.channels.map(() => SEEDED_KINDS.map(() => new Float64Array(nBins)));
  for (let i = 0; i < t.n; i += ENTRY) {
    const c = t.entries[i];
    const kind = t.entries[i + 1];
    const tau = t.entries[i + 2];
    const at = t.entries[i + 3];
    const w = t.entries[i + 4];
    const b = bins[c][SEEDED_KINDS.indexOf(kind as 0 | 1 | 2)];
    // P: the moment of its day the returns are counted at (≡ −settle); the shifts k with
    // τ − k·DAY < P < u − k·DAY, each adding to the bin of u − k·DAY − P (if under nBins)
    const p = t.first + (Math.floor((tau - t.first) / DAY) + 1) * DAY - settle;
    let k = Math.max(Math.floor((tau - p) / DAY) + 1, Math.floor((at - p - nBins * iv) / DAY));
    for (; ; k++) {
      const lag = at - k * DAY - p;
      if (!(lag > 0)) break;
      const bin = Math.floor(lag / iv);
      if (bin < nBins) b[bin] += w;
    }
  }
  const j = Math.round((DAY - settle) / iv) % (t.backlog[0]?.length || 1);
  const waiting = new Float64Array(bins.length);
  bins.forEach((kinds, c) => {
    const scheduled = t.recorded[c];
    const offered = t.fresh[c] + t.cameBack[c];
    const rho = offered > 0 ? t.expected[c] / offered : 0;
    const expected = sim.model.channels[c].volumePerDay * t.days;
    const steady = rho < 0.95 ? (rho * expected) / (1 - rho) : scheduled;
    const scale = scheduled > 0 ? Math.min(4, Math.max(0.25, steady / scheduled)) : 1;
    // customers turned away after hours come with the load: fresh contacts plus returns
    const load = offered > 0 ? (expected + steady) / offered : 1;
    waiting[c] = ((t.waiting[c][j] ?? 0) * load) / t.days;
    for (const k of kinds) for (let i = 0; i < k.length; i++) k[i] = (k[i] * scale) / t.days;
  });
  return {
    binSeconds: iv,
    bins,
    waiting,
    warmUpDays: 0,
    settleSeconds: settle,
    backlogGrowthPerDay: new Float64Array(bins.length).fill(NaN),
  };
}
