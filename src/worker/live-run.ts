/**
 * One live simulation run, driven by wall-clock time.
 *
 * A plain class with no worker APIs, so it can be tested in Node: the worker (sim.worker.ts) only
 * exposes it over Comlink. Time advances in a loop driven by an injected scheduler; each turn of the
 * loop spends at most SLICE_MS of real time simulating, then yields, so that messages from the page
 * (sliders, snapshot requests) are answered promptly even at "as fast as possible".
 */
import {
  encodeSnapshot,
  replicationOutcome,
  Simulation,
  type ReplicationOutcome,
  type Scenario,
  type Snapshot,
} from '../sim/index';
import { compileModel } from '../sim/model';
import { onlyLiveChanges, sameScenario } from '../scenario/live-changes';
import { liveMeta, type LiveMeta } from './live-calendar';

/** What the loop needs from its environment; the worker passes setTimeout, tests a fake. */
export interface Scheduler {
  /** milliseconds, monotonic */
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const timerScheduler: Scheduler = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Real time spent simulating per turn of the loop: about one display frame. */
export const SLICE_MS = 16;
/** Pause between turns at a finite speed (the page polls at display rate; finer is wasted). */
export const TICK_MS = 15;
/** Real time a turn may make up for at most; after a stall (tab hidden, debugger) the run does not leap. */
const MAX_CATCH_UP_MS = 250;
/** Simulated seconds per advanceTo call inside a turn, so a turn can stop close to SLICE_MS. */
const CHUNK_SECONDS = 60;
/** Guards the tab against a scenario that would never finish (SimulationBudgetError). */
export const MAX_EVENTS = 200_000_000;

export interface RunStatus {
  name: string;
  seed: string;
  playing: boolean;
  /** simulated seconds per real second; Infinity = as fast as possible */
  speed: number;
  now: number;
  horizon: number;
  done: boolean;
  events: number;
  /** set when the run stopped on an error (e.g. its event budget); cleared by load/reset */
  error: string | null;
}

export interface LiveOutcome {
  outcome: ReplicationOutcome;
  /** only the first `intervalsClosed` entries of outcome.intervals are complete */
  intervalsClosed: number;
  now: number;
}

export class LiveRun {
  private sim: Simulation | null = null;
  private scenario: Scenario | null = null;
  private seed = '1';
  private playing = false;
  private speed = 60;
  private handle: unknown = null;
  private lastWall = 0;
  private error: string | null = null;
  /** live changes made with setStaffing/setSplit (not in the scenario), replayed by reset() */
  private staffing = new Map<number, number>();
  private splits = new Map<number, number[]>();
  /** event budget of the next load/reset; lowered only by tests (see setMaxEvents) */
  private maxEvents = MAX_EVENTS;

  constructor(private readonly scheduler: Scheduler = timerScheduler) {}

  /**
   * Starts a new run of a scenario. The new Simulation is built before the old one is dropped, so a
   * scenario the engine rejects leaves the current run untouched (the error propagates to the caller).
   * The model's warm-up days (SPEC §1 v2) run first, so day 1 starts with yesterday's backlog and
   * pending repeats (meta().warmUpDays says how many days; the page then steps to the first interval
   * with agents logged in, src/ui/live/first-frame.ts). A warm-up that
   * runs over the event budget stops the run with that error, as the run itself would.
   */
  load(scenario: Scenario, seed: string): LiveMeta {
    const sim = new Simulation(scenario, { seed, maxEvents: this.maxEvents, deferWarmUp: true });
    this.scenario = scenario;
    this.staffing.clear();
    this.splits.clear();
    return this.install(sim, seed);
  }

  /**
   * Restarts the current scenario from time 0 with a (possibly new) seed, keeping live changes. They
   * apply from the start of the warm-up, so day 1 opens in the steady state of the changed center.
   */
  reset(seed: string = this.seed): LiveMeta {
    if (!this.scenario) throw new Error('no scenario loaded');
    const sim = new Simulation(this.scenario, { seed, maxEvents: this.maxEvents, deferWarmUp: true });
    for (const [g, n] of this.staffing) sim.setGroupAgents(g, n);
    for (const [c, w] of this.splits) sim.setSplit(c, w);
    return this.install(sim, seed);
  }

  private install(sim: Simulation, seed: string): LiveMeta {
    this.sim = sim;
    this.seed = seed;
    this.error = null;
    this.guard(() => sim.warmUp());
    this.lastWall = this.scheduler.now();
    if (this.playing) this.schedule(0);
    return liveMeta(sim);
  }

  /** Event budget for the next load()/reset() (tests use a small one to hit SimulationBudgetError). */
  setMaxEvents(n: number = MAX_EVENTS): void {
    if (!(n > 0)) throw new RangeError(`event budget must be > 0 (got ${n})`);
    this.maxEvents = n;
  }

  meta(): LiveMeta {
    return liveMeta(this.need());
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.lastWall = this.scheduler.now();
    this.schedule(0);
  }

  pause(): void {
    this.playing = false;
    if (this.handle !== null) this.scheduler.cancel(this.handle);
    this.handle = null;
  }

  /** Simulated seconds per real second; Infinity (or any non-finite value) = as fast as possible. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0 (got ${speed})`);
    this.speed = speed;
    this.lastWall = this.scheduler.now();
  }

  /** Advances the clock by `seconds` of simulated time, whether playing or not. */
  step(seconds: number): void {
    const sim = this.need();
    this.guard(() => this.advance(sim, sim.now + seconds));
  }

  /**
   * Moves the run to `next`, the edited scenario: when it differs from the running one only in agents
   * and split (onlyLiveChanges), the groups and channels that changed take their new staffing and
   * weights from now on and the run goes on; any other difference restarts it (load, the same seed).
   * The run then follows the scenario as written, so the page's scenario and the run cannot drift.
   * A scenario the engine refuses throws, and the current run goes on untouched.
   */
  applyLive(next: Scenario): { applied: 'none' | 'live' | 'restart'; meta: LiveMeta } {
    const sim = this.sim;
    const cur = this.scenario;
    if (sim && cur && sameScenario(cur, next)) return { applied: 'none', meta: liveMeta(sim) };
    if (!sim || !cur || !onlyLiveChanges(cur, next) || this.staffing.size + this.splits.size > 0)
      return { applied: 'restart', meta: this.load(next, this.seed) };
    const model = compileModel(next);
    model.groups.forEach((g, i) => {
      const was = sim.model.groups[i];
      if (was.flat !== g.flat || was.shifts.some((sh, j) => sh.agents !== g.shifts[j].agents))
        sim.setGroupStaffing(i, g);
    });
    model.channels.forEach((ch, c) => {
      const was = sim.model.channels[c].split;
      if (ch.split.some((w, s) => Math.abs(w - was[s]) > 1e-12)) sim.setSplit(c, ch.split);
    });
    this.scenario = next;
    return { applied: 'live', meta: liveMeta(sim) };
  }

  /** What the run staffs now, per group, and each channel's split: the test hook's view of the run. */
  liveStaffing(): { now: number; groups: number[]; splits: number[][] } {
    const sim = this.need();
    return {
      now: sim.now,
      groups: sim.model.groups.map((_, g) => sim.groupTarget(g)),
      splits: sim.model.channels.map((ch) => Array.from(ch.split)),
    };
  }

  setStaffing(group: number, agents: number): void {
    const n = Math.max(0, Math.round(agents));
    this.need().setGroupAgents(group, n);
    this.staffing.set(group, n);
  }

  setSplit(channel: number, weights: number[]): void {
    this.need().setSplit(channel, weights);
    this.splits.set(channel, weights.slice());
  }

  snapshot(): Snapshot {
    return encodeSnapshot(this.need());
  }

  outcome(): LiveOutcome {
    const sim = this.need();
    return { outcome: replicationOutcome(sim, false), intervalsClosed: sim.intervalsClosed, now: sim.now };
  }

  status(): RunStatus {
    const sim = this.need();
    return {
      name: sim.model.name,
      seed: this.seed,
      playing: this.playing,
      speed: this.speed,
      now: sim.now,
      horizon: sim.horizon,
      done: sim.done,
      events: sim.events,
      error: this.error,
    };
  }

  // ---------------------------------------------------------------- the loop

  private need(): Simulation {
    if (!this.sim) throw new Error('no scenario loaded');
    return this.sim;
  }

  private schedule(ms: number): void {
    if (this.handle !== null) this.scheduler.cancel(this.handle);
    this.handle = this.scheduler.later(this.tick, ms);
  }

  /** One turn: simulate what the elapsed wall time asks for, within SLICE_MS, then yield. */
  private readonly tick = (): void => {
    this.handle = null;
    const sim = this.sim;
    if (!this.playing || !sim) return;
    const start = this.scheduler.now();
    const elapsed = Math.min(start - this.lastWall, MAX_CATCH_UP_MS);
    this.lastWall = start;
    const fast = !Number.isFinite(this.speed);
    const goal = fast ? sim.horizon : sim.now + (elapsed / 1000) * this.speed;
    this.guard(() => {
      while (sim.now < goal && !sim.done) {
        this.advance(sim, Math.min(goal, sim.now + CHUNK_SECONDS));
        if (this.scheduler.now() - start >= SLICE_MS) break;
      }
    });
    // A finite speed that the machine cannot keep up with simply runs slower: lastWall was taken at
    // the start of the turn, so the next turn asks only for the time since then.
    if (sim.done || this.error) this.playing = false;
    else this.schedule(fast ? 0 : TICK_MS);
  };

  private advance(sim: Simulation, t: number): void {
    sim.advanceTo(t);
    if (sim.now >= sim.horizon) sim.finish();
  }

  /** Errors inside the loop have no caller to go to: keep them for status() and stop. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.pause();
    }
  }
}
