/**
 * The discrete-event simulation of a contact center (SPEC §1–6).
 *
 * State lives in typed arrays: contacts in slots recycled through a free list (each slot has a
 * generation so late events and queue entries for a reused slot are recognised and ignored), agents
 * in an AgentPool, events in an EventQueue. The hot path — arrival, answer, end of handling, end of
 * wrap-up, abandonment — allocates nothing.
 *
 * Customers' attributes (handle time, patience, resolution and escalation draws, routing draw) are
 * drawn when they arrive, each from its own stream, so variants with the same seed see the same
 * customers even when they are answered in a different order (common random numbers). Each day's fresh
 * contacts draw from that day's own streams, so day d's customers do not depend on how many warm-up
 * days ran before it (SPEC §1 v3). Repeat and escalated contacts draw from separate "follow-up"
 * streams so they do not shift fresh arrivals.
 *
 * Counters are integrated exactly over time (busy capacity and logged-in agents per key, each with its
 * own last-update time), and flushed per reporting interval, so statistics need memory proportional to
 * the model and the number of intervals, never to the number of contacts.
 */
import { AgentPool, AgentState } from './agents';
import { DAY, localSecondOfDay } from './clock';
import { sample, DistKind, type CompiledDist } from './distribution';
import { calendarFor, EventQueue } from './event-queue';
import { HISTOGRAM_BINS, waitBin } from './histogram';
import {
  compileModel,
  normaliseWeights,
  scheduledAgents,
  shiftAgentsAt,
  siteOffsetAt,
  siteOpenAt,
  CALENDAR_BEFORE_DAYS,
  UNITS,
  type ChannelModel,
  type CompileOptions,
  type Model,
} from './model';
import { createStream, type Uniform } from './random';
import {
  acceptsCallback,
  afterHoursRetry,
  reachesCustomer,
  redialDelay,
  repeatDueAt,
  returnStreams,
  type ReturnStreams,
} from './returns';
import { RingQueue } from './ring-queue';
import { grown } from './typed-array';
import { exponential } from './ziggurat';
import type { ChannelKind, Scenario } from './scenario';
import type { ContactLog } from './contact-log';
import { followUpCohort, LateRepeats, FOLLOW_UP_DAYS, FOLLOW_UP_LOAD_DAYS } from './cohort';
import { startDayOne } from './warm-up';

export { FOLLOW_UP_DAYS, FOLLOW_UP_LOAD_DAYS };

// Event kinds. Fresh arrivals are not events in the queue: each channel's next arrival time is kept
// apart (see advanceTo), which saves a third of all queue operations.
/** a waiting contact's patience or overflow time, whichever comes first */
const EV_WAIT_TIMER = 1;
const EV_HANDOFF = 3;
const EV_END_HANDLE = 4;
const EV_END_WRAP = 5;
const EV_REPEAT = 6;
const EV_STAFF = 7;
const EV_INTERVAL = 8;
const EV_END_CONTACT = 9;
/** (v3) a waiting contact is offered a call back */
const EV_CALLBACK_OFFER = 10;

/** Contact slots and event nodes to start with (see the constructor). */
const INITIAL_SLOTS = 64;

/** cClass of a seeded return (src/sim/warm-up-pilot.ts) whose customer class is drawn when it comes back. */
const CLASS_UNDRAWN = 255;

/** Seconds: the earliest an unresolved customer comes back. */
export const MIN_REPEAT_DELAY = 1;

// Contact states.
export const enum ContactState {
  Free = 0,
  /** no site open for its channel: waits for one to open (or for overflow) */
  Hold = 1,
  /** deferred contact in transit to its site (hand-off delay) */
  Handoff = 2,
  /** in a site's queue */
  Waiting = 3,
  /** answered: connecting or being handled */
  Service = 4,
  Wrap = 5,
  /** an issue whose next contact (repeat, redial, after-hours retry: see cPend) has not come back yet */
  RepeatPending = 6,
  /** (v3) turned away after hours: waits for a site to open, then retries after its delay */
  AfterHours = 7,
}

/** (v3) What a pending slot will come back as (cPend). */
const enum Pend {
  Repeat = 0,
  Redial = 1,
  AfterHours = 2,
}

/** Pending-return kinds as the warm-up pilot sees them (forEachPendingReturn, seedReturn). */
export const PEND_REPEAT = Pend.Repeat;
export const PEND_REDIAL = Pend.Redial;
export const PEND_AFTER_HOURS = Pend.AfterHours;
/** turned away after hours, waiting for the next opening (not yet due at a known time) */
export const PEND_AFTER_HOURS_WAITING = 3;

/**
 * The warm-up pilot's probe (src/sim/warm-up-pilot.ts): told of every return as it is scheduled
 * (before the engine drops one due after the run) and of every return that comes back. Null in
 * every other run: one test per return, nothing allocated.
 */
export interface ReturnProbe {
  /** a return of channel c of kind PEND_REPEAT, PEND_REDIAL or PEND_AFTER_HOURS, scheduled now, due at `at` */
  scheduled(c: number, kind: number, at: number): void;
  /** a return of channel c came back now */
  cameBack(c: number): void;
  /**
   * a handled contact of channel c reached its resolution draw at the end of its talk (`talkEnd`): it
   * comes back as a repeat with probability `p` (1 − its site's FCR). The pilot counts these expected
   * repeats instead of the drawn ones (pilot-measure.ts).
   */
  resolving?(c: number, p: number, talkEnd: number): void;
}

/** Per (channel, site) counters; see Stats below. */
export const enum M {
  Offered = 0,
  Handled,
  Abandoned,
  HandledWithin,
  AbandonedAfter,
  WaitSum,
  Resolved,
  ResolutionSeconds,
  ResolutionContacts,
  TalkSeconds,
  Escalated,
  COUNT,
}

/** Per (interval, channel) counters. */
export const enum IM {
  Offered = 0,
  Handled,
  Abandoned,
  HandledWithin,
  AbandonedAfter,
  WaitSum,
  /** waiting at the interval's end */
  Queue,
  /** busy agent-seconds */
  Busy,
  /** logged-in agent-seconds of agents with this skill */
  Available,
  /** telecom + per-contact fees of contacts that arrived in the interval */
  VariableCost,
  /** (v3) live contacts turned away because no site was open (not in Offered) */
  Closed,
  COUNT,
}

/** (v3) Per-class counters, per channel × class (classStats). */
export const enum CS {
  Offered = 0,
  Handled,
  HandledWithin,
  Abandoned,
  AbandonedAfter,
  WaitSum,
  COUNT,
}

/** (v3) Classes per channel at most (LIMITS.maxClasses): the stride of classStats. */
export const MAX_CLASSES = 8;

/**
 * (v3) Queue keys of classes: arrival time + rank × CLASS_SPAN, so a higher class (lower rank) is
 * ahead of every lower one and each class stays first-come first-served. Times stay within ±2^26 s
 * (776 days), so the ranks never overlap, and 2^30 keeps a key's resolution under a microsecond.
 */
const CLASS_SPAN = 134_217_728; // 2^27

export class SimulationBudgetError extends Error {
  constructor(public readonly events: number) {
    super(
      `stopped after ${events.toLocaleString('en-US')} events: the run exceeded its event budget ` +
        `(shorten the horizon, lower the volume, or raise the budget)`,
    );
    this.name = 'SimulationBudgetError';
  }
}

export interface SimulationOptions extends CompileOptions {
  seed?: string;
  /** stop with SimulationBudgetError past this many events (guards a browser tab against freezing) */
  maxEvents?: number;
  /**
   * (v3) days of fresh load kept running during the follow-up (default FOLLOW_UP_LOAD_DAYS); for
   * measuring the bias the follow-up leaves
   */
  followUpLoadDays?: number;
  /**
   * Leave the warm-up to an explicit warmUp() call (the live view applies the planner's slider
   * settings first). Default: the constructor runs it, so a new Simulation stands at 00:00 of day 1.
   */
  deferWarmUp?: boolean;
  /**
   * Test hook: called as each fresh contact arrives, with its channel, arrival time and customer draws
   * (handle time, wrap-up, patience, and the routing, resolution and escalation uniforms).
   * test/common-random-numbers.test.ts checks with it that day d's customers do not depend on the warm-up.
   */
  onFreshArrival?: FreshArrivalHook;
  /**
   * (issue 30) Records each answered or abandoned contact (src/sim/contact-log.ts); off by default,
   * when it costs one null check per contact.
   */
  contactLog?: ContactLog;
}

export type FreshArrivalHook = (
  channel: number,
  time: number,
  handle: number,
  wrap: number,
  patience: number,
  uRoute: number,
  uFcr: number,
  uEsc: number,
) => void;

interface Streams {
  arrival: Uniform;
  route: Uniform;
  handle: Uniform;
  wrap: Uniform;
  patience: Uniform;
  fcr: Uniform;
  escalation: Uniform;
  repeatDelay: Uniform;
  /** (v3) the customer class (channels with `classes`) */
  klass: Uniform;
}

function channelStreams(seed: string, kind: ChannelKind, prefix: string): Streams {
  const s = (p: string) => createStream(seed, `${kind}/${prefix}${p}`);
  return {
    arrival: s('arrival'),
    route: s('route'),
    handle: s('handle'),
    wrap: s('wrap'),
    patience: s('patience'),
    fcr: s('fcr'),
    escalation: s('escalation'),
    repeatDelay: s('repeat-delay'),
    klass: s('class'),
  };
}

/**
 * The streams of day `day`'s fresh contacts on one channel (day 1 = 0, warm-up days negative): seeded
 * from the seed, the channel and the day alone, so no warm-up length shifts them (SPEC §1 v3).
 */
function freshStreams(seed: string, kind: ChannelKind, day: number): Streams {
  return channelStreams(seed, kind, `day${day}/`);
}

/**
 * (v3) Day `day`'s volume multiplier on one channel (volumeCv): one gamma draw with mean 1 from a stream
 * of its own, seeded like the day's fresh streams, so it does not depend on the warm-up length nor on
 * anything else a variant changes. Exactly 1 without volumeCv (no stream is made).
 */
function dayVolumeFactor(seed: string, ch: ChannelModel, day: number): number {
  if (ch.dayVolume === null) return 1;
  return sample(ch.dayVolume, createStream(seed, `${ch.kind}/day${day}/volume`));
}

export class Simulation {
  readonly model: Model;
  readonly seed: string;
  now = 0;
  events = 0;
  /** contacts created (arrivals, repeats, escalations) */
  contacts = 0;
  private readonly maxEvents: number;
  private readonly onFresh: FreshArrivalHook | undefined;
  private readonly contactLog: ContactLog | null;
  private readonly q: EventQueue;
  readonly agents: AgentPool;

  private readonly nC: number;
  private readonly nS: number;
  private readonly nG: number;

  // Contacts (slot arrays).
  private cap = 0;
  private cState = new Uint8Array(0);
  private cGen = new Int32Array(0);
  /** @internal */
  cChan = new Uint8Array(0);
  private cSite = new Int16Array(0);
  private cAgent = new Int32Array(0);
  private cFixed = new Uint8Array(0);
  /**
   * 1 once the contact's wait timer is set (the first time it waits), 2 once it has overflowed, 3 when
   * its overflow fell due during its hand-off delay (it overflows on arriving at the site)
   */
  /** @internal */
  cTimers = new Uint8Array(0);
  /** 1 once a deferred contact has been sent to a site: it pays one hand-off delay, however often rerouted */
  private cHandedOff = new Uint8Array(0);
  private cAbandonAt = new Float64Array(0);
  private cInterval = new Int32Array(0);
  /** @internal */
  cArrive = new Float64Array(0);
  /** queue order: the arrival time, (v3) plus its class rank × CLASS_SPAN */
  private cKey = new Float64Array(0);
  /** (v3) customer class (0 without classes) */
  private cClass = new Uint8Array(0);
  private cIssueStart = new Float64Array(0);
  private cIssueContacts = new Int32Array(0);
  private cHandle = new Float64Array(0);
  private cWrap = new Float64Array(0);
  /** end of talk (wrap-up follows) of a contact in service */
  private cTalkEnd = new Float64Array(0);
  private cURoute = new Float64Array(0);
  private cUFcr = new Float64Array(0);
  private cUEsc = new Float64Array(0);
  /** (v3) of a pending slot: what it comes back as (Pend) */
  private cPend = new Uint8Array(0);
  /** (v3) the site that handled the issue's first handled contact (−1: none yet) */
  private cOwner = new Int16Array(0);
  /** (v3) 1 if this contact was its issue's first handled one (for observedFcr) */
  private cFirst = new Uint8Array(0);
  /** (v3) 0, 1 = call back accepted (off the line, keeps its place), 2 = call back made, not reached */
  private cCallback = new Uint8Array(0);
  /** (v3) when the call back was accepted */
  private cCallbackAt = new Float64Array(0);
  private freeList = new Int32Array(0);
  private freeN = 0;
  /** @internal */
  used = 0;

  // Queues: per site × channel, plus per channel overflow and hold queues.
  private readonly siteQ: RingQueue[];
  private readonly overflowQ: RingQueue[];
  private readonly holdQ: RingQueue[];
  /** contacts in state Waiting per site × channel */
  readonly waitingAt: Int32Array;
  /** contacts in state Handoff per site × channel */
  readonly inTransit: Int32Array;
  /** contacts in state Hold per channel */
  readonly holding: Int32Array;
  /** (v3) per channel: contacts turned away after hours, waiting for a site to open */
  private readonly closedQ: RingQueue[];
  /** (v3) per channel: of those, how many will retry (for the live view) */
  readonly afterHoursWaiting: Int32Array;
  /** (v3) per site × channel: of waitingAt, those who accepted a call back (for the live view) */
  readonly callbackWaiting: Int32Array;

  // Routing state.
  /** scheduled × override staffing of groups with the skill, per site × channel */
  private readonly targetFor: Int32Array;
  /** 1 if the site is a primary destination for the channel now (staffed and split weight > 0) */
  readonly openFor: Uint8Array;
  /** where a contact that never reached a site is counted (the heaviest split weight) */
  private readonly fallbackSite: Int32Array;
  /** per channel, the split weights of the sites open for it, summed (kept up to date by updateOpenWeight) */
  private readonly openWeight: Float64Array;

  // Staffing.
  /** live override per group (−1 = none): a flat count, or for shift groups the new peak */
  readonly override: Int32Array;
  /** @internal */
  readonly nextChange: Int32Array;
  /** @internal */
  readonly nextChangeDay: Int32Array;
  private readonly scratch = { buf: new Int32Array(64) };
  private rerouteBuf = new Int32Array(64);

  // Time-integrated counters.
  private readonly busyUnits: Float64Array; // per site × channel, capacity units in use
  /** @internal */
  readonly busyLast: Float64Array;
  /** @internal */
  readonly busyArea: Float64Array; // unit-seconds since the last interval flush
  readonly busyTotal: Float64Array; // agent-seconds, whole run, per site × channel
  private readonly loggedIn: Float64Array; // per group
  /** @internal */
  readonly loggedLast: Float64Array;
  /** @internal */
  readonly loggedArea: Float64Array; // agent-seconds since the last flush
  readonly loggedTotal: Float64Array; // agent-seconds, whole run, per group
  private flushedInterval = 0;

  // Statistics.
  /** per channel: contacts that arrived (fresh, repeats, escalations) */
  readonly arrivals: Float64Array;
  /** (v3) per channel × class (MAX_CLASSES stride) × CS: offered, handled, within target, abandoned, waits */
  readonly classStats: Float64Array;
  /**
   * (v3) per interval × class slot × CS, the classes of every channel with `classes` side by side
   * (classSlot gives a channel's first slot, −1 without classes; empty when no channel has any)
   */
  readonly intervalClassStats: Float64Array;
  readonly classSlot: Int32Array;
  readonly nClassSlots: number;
  /** per (channel × site) × M */
  readonly stats: Float64Array;
  /** per (channel × site) × HISTOGRAM_BINS: waits of handled contacts */
  readonly waitHist: Uint32Array;
  /** per (interval × channel) × IM */
  readonly intervalStats: Float64Array;
  /** per interval: labour cost of logged-in time */
  readonly intervalLabour: Float64Array;
  /** per interval: logged-in agent-seconds */
  readonly intervalLogged: Float64Array;
  /** per site × channel: cumulative arrivals routed and abandonments, for the live view */
  readonly routedCount: Float64Array;
  readonly abandonCount: Float64Array;
  /** per site × site (from, to): contacts answered at another site than the one they waited at (map view) */
  readonly overflowCount: Float64Array;
  /** per channel: repeat contacts that came back (map view) */
  readonly repeatCount: Float64Array;
  /** (v3) per channel: live contacts turned away after hours (not offered) */
  readonly closedAttempts: Float64Array;
  /** (v3) per channel: call backs offered, accepted, made, and seconds from acceptance to the call */
  readonly callbacksOffered: Float64Array;
  readonly callbacksAccepted: Float64Array;
  readonly callbacksMade: Float64Array;
  readonly callbackDelaySum: Float64Array;
  /** (v3) per site: handled minutes (talk + wrap-up) in the horizon, the base of its cost per minute */
  readonly handledMinutes: Float64Array;
  /** (v3) per channel: contacts of cohort issues (followed up) */
  readonly cohortContacts: Float64Array;
  /** (v3) per site: cohort issues it owns (handled their first contact), and of those resolved then */
  readonly issuesOwned: Float64Array;
  readonly firstResolved: Float64Array;
  /** (v3) per owner site × handling site: handled minutes, and telecom + fees, of cohort contacts */
  readonly ownerMinutes: Float64Array;
  readonly ownerVariable: Float64Array;

  /**
   * Per channel, the streams of the day whose fresh contacts are being drawn (freshDay), replaced at
   * each midnight (see nextArrivalTime).
   */
  private readonly fresh: Streams[];
  /** per channel, the day index of `fresh` (day 1 = 0, warm-up days negative) */
  private readonly freshDay: Int32Array;
  /** (v3) per channel, the volume multiplier of day freshDay (volumeCv; 1 without it) */
  private readonly dayVolume: Float64Array;
  private readonly followup: Streams[];
  private readonly returnSt: ReturnStreams[];
  private readonly needFcr: boolean;
  private readonly needEscalation: boolean;
  /** per channel, time of its next fresh arrival (Infinity: none before the horizon) */
  private readonly nextArrival: Float64Array;
  /** fresh arrivals stop at this interval: the horizon's end, then the follow-up load's (followUp) */
  /** @internal */
  arrivalIntervals = 0;
  /** (v3) a pending return of an issue not in the cohort is kept only if due before this */
  private readonly loadEnd: number;
  /** @internal */
  readonly followUpLoadDays: number;
  /** the earliest of nextArrival, and its channel */
  private arrivalAt = Infinity;
  private arrivalChannel = 0;
  private finished = false;

  // Warm-up and issue cohorts (SPEC §1 v2). An issue belongs to the measured cohort iff it was raised
  // at or after 00:00 of day 1 (cIssueStart ≥ 0): warm-up issues start before 0.
  /** days run before day 1 and discarded; the clock starts at −warmUpDays · DAY */
  readonly warmUpDays: number;
  private warmedUp = false;
  /** intervals between the warm-up's first day and the clock's day 0, so rate indexes stay ≥ 0 */
  private readonly dayShift: number;
  /** (v3) weekday (0 = Monday) of the first warm-up day, for `weekly` */
  private readonly weekStart: number;
  /** staffing changes and wait deadlines are scheduled only before this: the horizon, then the follow-up's end */
  /** @internal */
  limit: number;
  private followedUp = false;
  /**
   * Per channel, how much its backlog (waiting, in transit or held) grew per day over the warm-up's last
   * STEADY_CHECK_DAYS days; NaN when the warm-up is too short to tell (src/sim/steady-check.ts).
   */
  readonly backlogGrowthPerDay: Float64Array;
  /** started from a warm-up pilot (warm-up-pilot.ts): the days of the pilot's own warm-up, else 0 */
  pilotWarmUpDays = 0;
  /** the warm-up pilot's probe (see ReturnProbe); null in every other run */
  returnProbe: ReturnProbe | null = null;
  /** per channel: issues raised (fresh contacts) since 00:00 of day 1 */
  readonly issuesRaised: Float64Array;
  /** per channel: cohort issues given up (one of their contacts abandoned) */
  readonly issuesGivenUp: Float64Array;
  /** cohort issues resolved or given up: the follow-up stops when every raised issue is closed */
  /** @internal */
  issuesClosed = 0;
  /**
   * Cohort repeats due after the horizon (slot, time), kept out of the event list until followUp:
   * a bigger far heap would slow every repeat of the horizon itself.
   */
  /** @internal */
  readonly late = new LateRepeats();

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.model = compileModel(scenario, options);
    this.seed = options.seed ?? '1';
    this.maxEvents = options.maxEvents ?? Infinity;
    this.onFresh = options.onFreshArrival;
    this.contactLog = options.contactLog ?? null;
    const m = this.model;
    const nC = (this.nC = m.channels.length);
    const nS = (this.nS = m.sites.length);
    const nG = (this.nG = m.groups.length);
    const start = -m.warmUpDays * DAY;
    this.now = start;
    this.warmUpDays = m.warmUpDays;
    this.dayShift = m.warmUpDays * m.intervalsPerDay;
    this.weekStart = (((m.firstWeekday - m.warmUpDays) % 7) + 7) % 7;
    this.limit = m.horizon;
    this.issuesRaised = new Float64Array(nC);
    this.backlogGrowthPerDay = new Float64Array(nC).fill(NaN);
    this.issuesGivenUp = new Float64Array(nC);
    this.followUpLoadDays = options.followUpLoadDays ?? FOLLOW_UP_LOAD_DAYS;
    this.loadEnd = m.horizon + this.followUpLoadDays * DAY;
    // Contacts and event nodes start small and double as needed (to ~16k on the benchmark day): a
    // few doublings cost nothing, and a short run — such as the worker threads' JIT primer — then
    // grows them too, so V8 has seen growth before it compiles the hot path.
    const span = (m.warmUpDays + m.days + FOLLOW_UP_DAYS) * DAY;
    this.q = new EventQueue(calendarFor(peakArrivalRate(m), span), INITIAL_SLOTS, start);

    this.agents = new AgentPool(m.groups.map((g) => g.peak));
    this.growContacts(INITIAL_SLOTS);

    this.siteQ = Array.from({ length: nS * nC }, () => new RingQueue());
    this.overflowQ = Array.from({ length: nC }, () => new RingQueue());
    this.holdQ = Array.from({ length: nC }, () => new RingQueue());
    this.waitingAt = new Int32Array(nS * nC);
    this.inTransit = new Int32Array(nS * nC);
    this.holding = new Int32Array(nC);
    this.closedQ = Array.from({ length: nC }, () => new RingQueue());
    this.afterHoursWaiting = new Int32Array(nC);
    this.callbackWaiting = new Int32Array(nS * nC);
    this.targetFor = new Int32Array(nS * nC);
    this.openFor = new Uint8Array(nS * nC);
    this.fallbackSite = new Int32Array(nC);
    this.openWeight = new Float64Array(nC);
    this.override = new Int32Array(nG).fill(-1);
    this.nextChange = new Int32Array(nG);
    this.nextChangeDay = new Int32Array(nG).fill(-m.warmUpDays);

    this.busyUnits = new Float64Array(nS * nC);
    this.busyLast = new Float64Array(nS * nC).fill(start);
    this.busyArea = new Float64Array(nS * nC);
    this.busyTotal = new Float64Array(nS * nC);
    this.loggedIn = new Float64Array(nG);
    this.loggedLast = new Float64Array(nG).fill(start);
    this.loggedArea = new Float64Array(nG);
    this.loggedTotal = new Float64Array(nG);

    this.arrivals = new Float64Array(nC);
    this.classStats = new Float64Array(nC * MAX_CLASSES * CS.COUNT);
    this.classSlot = new Int32Array(nC).fill(-1);
    let slots = 0;
    m.channels.forEach((ch, c) => {
      if (ch.classes === null) return;
      this.classSlot[c] = slots;
      slots += ch.classes.names.length;
    });
    this.nClassSlots = slots;
    this.intervalClassStats = new Float64Array(m.nIntervals * slots * CS.COUNT);
    this.stats = new Float64Array(nC * nS * M.COUNT);
    this.waitHist = new Uint32Array(nC * nS * HISTOGRAM_BINS);
    this.intervalStats = new Float64Array(m.nIntervals * nC * IM.COUNT);
    this.intervalLabour = new Float64Array(m.nIntervals);
    this.intervalLogged = new Float64Array(m.nIntervals);
    this.routedCount = new Float64Array(nS * nC);
    this.abandonCount = new Float64Array(nS * nC);
    this.overflowCount = new Float64Array(nS * nS);
    this.repeatCount = new Float64Array(nC);
    this.closedAttempts = new Float64Array(nC);
    this.callbacksOffered = new Float64Array(nC);
    this.callbacksAccepted = new Float64Array(nC);
    this.callbacksMade = new Float64Array(nC);
    this.callbackDelaySum = new Float64Array(nC);
    this.handledMinutes = new Float64Array(nS);
    this.cohortContacts = new Float64Array(nC);
    this.issuesOwned = new Float64Array(nS);
    this.firstResolved = new Float64Array(nS);
    this.ownerMinutes = new Float64Array(nS * nS);
    this.ownerVariable = new Float64Array(nS * nS);

    const firstDay = Math.floor(start / DAY);
    this.freshDay = new Int32Array(nC).fill(firstDay);
    this.fresh = m.channels.map((c) => freshStreams(this.seed, c.kind, firstDay));
    this.dayVolume = new Float64Array(nC).fill(1);
    for (let c = 0; c < nC; c++) this.dayVolume[c] = dayVolumeFactor(this.seed, m.channels[c], firstDay);
    this.followup = m.channels.map((c) => channelStreams(this.seed, c.kind, 'followup/'));
    this.returnSt = m.channels.map((c) => returnStreams(this.seed, c.kind));
    this.needFcr = m.sites.some((s) => s.fcr < 1);
    this.needEscalation = m.sites.some((s) => s.escalationRate > 0);
    for (let c = 0; c < nC; c++) this.updateFallback(c);

    // Staffing at time 0, then each group's next change point.
    for (let g = 0; g < nG; g++) {
      this.applyStaffing(g);
      this.scheduleNextChange(g);
    }
    // Fresh arrivals.
    this.nextArrival = new Float64Array(nC).fill(Infinity);
    this.arrivalIntervals = m.nIntervals;
    for (let c = 0; c < nC; c++) this.scheduleArrival(c, start);
    // Interval boundaries (the last one is closed by finish()).
    for (let k = 1; k < m.nIntervals; k++) this.q.push(k * m.intervalSeconds, EV_INTERVAL, k - 1, 0);
    if (!options.deferWarmUp) this.warmUp();
  }

  /**
   * Runs the warm-up days (SPEC §1 v2) and starts day 1: every statistic and cost so far is dropped,
   * while queues, contacts in service and repeats pending carry over. Contacts waiting at 00:00 of day 1
   * (in a queue, in transit or held) count as offered on day 1, in its first interval, so offered =
   * handled + abandoned + backlog still holds per channel, site and interval; contacts already answered
   * were handled before it (their busy time after 00:00 counts, their fees and telecom do not). Issues
   * raised before 00:00 are not in the measured cohort. `events` and `contacts` keep counting the
   * warm-up's work. Idempotent; the constructor calls it unless `deferWarmUp`.
   */
  warmUp(): void {
    if (this.warmedUp) return;
    if (this.warmUpDays > 0) startDayOne(this);
    this.warmedUp = true;
  }

  /**
   * @internal (warm-up.ts) Day 1 starts: contacts waiting at 00:00 (in a queue, in transit or held) count
   * as offered on day 1, in its first interval; no cohort issue is closed yet.
   */
  carryWaitingIntoDayOne(): void {
    this.issuesClosed = 0;
    for (let id = 0; id < this.used; id++) {
      this.cInterval[id] = 0;
      if (!isWaitingState(this.cState[id])) continue;
      const c = this.cChan[id];
      this.arrivals[c]++;
      this.intervalStats[c * IM.COUNT + IM.Offered]++;
      this.countClass(id, c, CS.Offered, 1);
    }
  }

  /**
   * (v2) Follows the issues raised in the horizon past its end (SPEC §1), after finish(): the model runs
   * on — staffing, queues, patience, repeats and escalations as before — only while a cohort issue is
   * open, for at most FOLLOW_UP_DAYS. (v3) Fresh contacts keep arriving for FOLLOW_UP_LOAD_DAYS, with
   * their repeats and those of issues raised before day 1 due by then, so the cohort's repeats meet the
   * load of a center in steady operation; none of them is in the cohort. After that the center empties:
   * the bias this leaves is measured in the README. Only the issue figures (resolution counters in `stats`, issuesGivenUp, openIssues)
   * mean anything afterwards: take the horizon's other figures before calling this.
   */
  followUp(): void {
    if (this.followedUp) return;
    this.finish();
    this.followedUp = true;
    followUpCohort(this);
  }

  /** @internal (cohort.ts) A staffing change of group g at t, cut off by the horizon. */
  queueStaffChange(g: number, t: number): void {
    this.q.push(t, EV_STAFF, g, 0);
  }

  /** @internal (cohort.ts) A held repeat's return (slot id) at `at`. */
  queueRepeat(id: number, at: number): void {
    this.q.push(at, EV_REPEAT, id, this.cGen[id]);
  }

  /** @internal (cohort.ts) Whether slot id is a contact waiting (queued, in transit or held). */
  isWaiting(id: number): boolean {
    return isWaitingState(this.cState[id]);
  }

  /**
   * (v3) Schedules a pending slot's return at `at`: as an event before `limit`, else kept for followUp
   * (see late). A return of an issue outside the cohort is dropped when due after the load's end.
   */
  private schedulePending(id: number, at: number): void {
    if (at < this.limit) this.q.push(at, EV_REPEAT, id, this.cGen[id]);
    else if (this.cIssueStart[id] >= 0 || at < this.loadEnd) this.late.hold(id, at);
    else this.free(id);
  }

  /** (v3) A new pending slot for an issue's next contact (repeat, redial), due at `at`. */
  private pend(
    c: number,
    start: number,
    contacts: number,
    owner: number,
    kind: Pend,
    at: number,
    klass: number,
  ): void {
    if (this.returnProbe !== null) this.returnProbe.scheduled(c, kind, at);
    if (!(start >= 0) && !(at < this.loadEnd)) return;
    const r = this.alloc();
    this.cClass[r] = klass;
    this.cState[r] = ContactState.RepeatPending;
    this.cPend[r] = kind;
    this.cChan[r] = c;
    this.cIssueStart[r] = start;
    this.cIssueContacts[r] = contacts;
    this.cOwner[r] = owner;
    this.schedulePending(r, at);
  }

  /**
   * Adds to out[channel] the cohort issues open now: those with a contact waiting, in service or due
   * back as a repeat. (A contact wrapping up after an escalation is not counted: its issue has moved on
   * to the escalated contact.)
   */
  openIssues(out: Float64Array): void {
    for (let id = 0; id < this.used; id++) {
      const st = this.cState[id];
      if (st === ContactState.Free || st === ContactState.Wrap || !(this.cIssueStart[id] >= 0)) continue;
      out[this.cChan[id]]++;
    }
  }

  get horizon(): number {
    return this.model.horizon;
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * Runs every event before time t (capped at the horizon); the clock then reads t. The next fresh
   * arrival competes with the queue's earliest event; on a tie the queued event goes first.
   */
  advanceTo(t: number): void {
    if (!this.warmedUp && t > 0) this.warmUp();
    const end = Math.min(t, this.model.horizon);
    this.runEvents(end, Infinity);
    if (end > this.now) this.now = end;
  }

  /**
   * @internal The event loop: runs every event before `end` while fewer than `raised` cohort issues are
   * closed (Infinity: no such stop; followUp gives the count raised). The next fresh arrival competes
   * with the queue's earliest event; on a tie the queued event goes first.
   */
  runEvents(end: number, raised: number): void {
    const q = this.q;
    while (this.issuesClosed < raised) {
      const next = q.peekTime();
      const arrival = this.arrivalAt;
      if (arrival < next) {
        if (!(arrival < end)) break;
        this.countEvent();
        this.now = arrival;
        this.onArrival(this.arrivalChannel);
      } else {
        if (!(next < end)) break;
        this.countEvent();
        q.pop();
        this.now = q.topTime;
        this.dispatch(q.topKind, q.topId, q.topGen);
      }
    }
  }

  private countEvent(): void {
    if (this.events >= this.maxEvents) throw new SimulationBudgetError(this.maxEvents);
    this.events++;
  }

  /** Runs to the horizon and closes the books: counts what is still waiting as backlog. */
  runToEnd(): this {
    this.advanceTo(this.model.horizon);
    this.finish();
    return this;
  }

  /** Closes the books at the horizon. What still waits then is the backlog (see backlogNow). */
  finish(): void {
    if (this.finished) return;
    this.warmUp();
    this.advanceTo(this.model.horizon);
    this.flushInterval(this.model.nIntervals - 1);
    this.finished = true;
  }

  /**
   * Contacts waiting now, per site × channel: in a site's queue, in transit to it, or — for those
   * held because no site was open — at the channel's fallback site.
   */
  backlogNow(out: Float64Array): void {
    const nC = this.nC;
    for (let i = 0; i < out.length; i++) out[i] = this.waitingAt[i] + this.inTransit[i];
    for (let c = 0; c < nC; c++) out[this.fallbackSite[c] * nC + c] += this.holding[c];
  }

  /** Contacts of channel c waiting now: in a site's queue, in transit, or held. */
  /** Contacts of channel c waiting now (queued, in transit or held): its backlog. */
  channelBacklog(c: number): number {
    let n = this.holding[c];
    for (let s = 0; s < this.nS; s++) n += this.waitingAt[s * this.nC + c] + this.inTransit[s * this.nC + c];
    return n;
  }

  /** Adds to out[agent] the number of contacts each agent is wrapping up now (for display). */
  countWrapping(out: Uint8Array): void {
    for (let id = 0; id < this.used; id++) {
      const st = this.cState[id];
      if (st === ContactState.Wrap || (st === ContactState.Service && this.now >= this.cTalkEnd[id])) {
        out[this.cAgent[id]]++;
      }
    }
  }

  /** Capacity units in use now at site × channel key (UNITS = one agent). */
  busyUnitsAt(key: number): number {
    return this.busyUnits[key];
  }

  /** Busy agent-seconds per site × channel and logged-in agent-seconds per group, from 0 to now. */
  integralsNow(busy: Float64Array, logged: Float64Array): void {
    const now = this.now;
    for (let key = 0; key < busy.length; key++) {
      busy[key] =
        this.busyTotal[key] + (this.busyArea[key] + this.busyUnits[key] * (now - this.busyLast[key])) / UNITS;
    }
    for (let g = 0; g < logged.length; g++) {
      logged[g] = this.loggedTotal[g] + this.loggedArea[g] + this.loggedIn[g] * (now - this.loggedLast[g]);
    }
  }

  // ---------------------------------------------------------------- live changes

  /**
   * Sets a group's agents from now on: a flat group gets exactly n while its site is open; a shift
   * group's shifts are scaled so that its busiest time has n.
   */
  setGroupAgents(g: number, n: number): void {
    this.override[g] = Math.max(0, Math.round(n));
    this.applyStaffing(g);
  }

  /**
   * Sets a group's staffing from now on to an edited scenario's, the same group compiled again: its
   * flat count, or its shifts' agents (the same windows). The run then staffs exactly as the edited
   * scenario says (src/worker/live-run.ts applyLive), with no scaling of its own.
   */
  setGroupStaffing(g: number, from: Pick<Model['groups'][number], 'flat' | 'shifts' | 'peak'>): void {
    const grp = this.model.groups[g];
    grp.flat = from.flat;
    grp.shifts.forEach((sh, i) => (sh.agents = from.shifts[i]?.agents ?? 0));
    grp.peak = from.peak;
    this.override[g] = -1;
    this.applyStaffing(g);
  }

  /** Sets a channel's routing weights per site (any non-negative numbers) from now on. */
  setSplit(c: number, weights: ArrayLike<number>): void {
    const split = this.model.channels[c].split;
    for (let s = 0; s < this.nS; s++) {
      const w = weights[s] ?? 0;
      split[s] = w > 0 && Number.isFinite(w) ? w : 0;
    }
    normaliseWeights(split);
    this.updateFallback(c);
    this.updateOpenWeight(c);
    for (let s = 0; s < this.nS; s++) this.refreshOpen(s, c);
  }

  /** The staffing level (agents staying logged in) a group is asked for now. */
  groupTarget(g: number): number {
    const grp = this.model.groups[g];
    const site = this.model.sites[grp.site];
    const offset = siteOffsetAt(site, this.now);
    const local = localSecondOfDay(this.now, offset);
    // (v3) the site's local day, for shifts of one day (ShiftModel; localDayAt)
    const day = Math.floor((this.now + offset) / DAY);
    const o = this.override[g];
    if (o < 0) return scheduledAgents(grp, site, local, day);
    if (!siteOpenAt(site, local)) return 0;
    if (grp.flat !== null || grp.peak === 0) return o;
    return Math.round((shiftAgentsAt(grp, local, day) * o) / grp.peak);
  }

  // ---------------------------------------------------------------- warm-up pilot (prototype)

  /**
   * Calls fn(channel, kind, due time) for every return pending now (src/sim/warm-up-pilot.ts): repeats,
   * redials and released after-hours retries (kind: PEND_REPEAT, PEND_REDIAL, PEND_AFTER_HOURS), and
   * the customers turned away after hours still waiting for an opening (kind PEND_AFTER_HOURS_WAITING,
   * due time NaN: it is the next opening plus their drawn delay).
   */
  forEachPendingReturn(fn: (channel: number, kind: number, at: number) => void): void {
    this.q.forEachOfKind(EV_REPEAT, (at, id, gen) => {
      if (this.cGen[id] === gen && this.cState[id] === ContactState.RepeatPending)
        fn(this.cChan[id], this.cPend[id], at);
    });
    for (let c = 0; c < this.nC; c++) {
      const q = this.closedQ[c];
      for (let i = 0; i < q.length; i++) {
        const id = q.idAt(i);
        if (this.cGen[id] === q.genAt(i) && this.cState[id] === ContactState.AfterHours)
          fn(c, PEND_AFTER_HOURS_WAITING, NaN);
      }
    }
  }

  /**
   * Starts the contacts at t (a run not started yet, t before 00:00 of day 1): fresh arrivals from t on;
   * the staffing changes before t run with no contact in the model. The warm-up pilot's replications
   * settle from t, not from the first warm-up midnight (src/sim/warm-up-pilot.ts).
   */
  startContactsAt(t: number): void {
    if (this.events > 0 || this.used > 0 || !(t < 0)) throw new Error('startContactsAt: run already started');
    for (let c = 0; c < this.nC; c++) this.scheduleArrival(c, t);
    this.advanceTo(t);
  }

  /**
   * A return (kind PEND_REPEAT, PEND_REDIAL or PEND_AFTER_HOURS) of an issue raised before the run, due
   * back at `at` (src/sim/warm-up-pilot.ts seeds a replication's pending returns with it before the
   * warm-up runs). Not in the measured cohort.
   */
  seedReturn(c: number, kind: number, at: number): void {
    if (!(at < this.model.horizon) || at < this.now) return;
    const r = this.seedSlot(c);
    this.cPend[r] = kind;
    this.cState[r] = ContactState.RepeatPending;
    this.q.push(at, EV_REPEAT, r, this.cGen[r]);
  }

  /**
   * A customer of an issue raised before the run, turned away after hours and waiting now for the next
   * opening of channel c, to retry `delay` after it (src/sim/warm-up-pilot.ts). Not in the cohort.
   */
  seedAfterHoursWaiting(c: number, delay: number): void {
    const r = this.seedSlot(c);
    this.cState[r] = ContactState.AfterHours;
    this.cPend[r] = Pend.AfterHours;
    this.cAbandonAt[r] = delay;
    this.closedQ[c].push(r, this.cGen[r], this.now);
    this.afterHoursWaiting[c]++;
  }

  private seedSlot(c: number): number {
    const r = this.alloc();
    this.cChan[r] = c;
    // the pilot does not know the issue's class: it is drawn by share when the customer comes back
    this.cClass[r] = CLASS_UNDRAWN;
    this.cIssueStart[r] = this.now - DAY; // before the run: never in the cohort
    this.cIssueContacts[r] = 1;
    this.cOwner[r] = -1;
    return r;
  }

  // ---------------------------------------------------------------- event dispatch

  /**
   * The two kinds that are most of the queue's events are handled here; the rest in dispatchRare.
   * Keeping this small leaves V8 room to inline the frequent handlers into the event loop.
   */
  private dispatch(kind: number, id: number, gen: number): void {
    if (kind === EV_END_CONTACT) {
      if (this.cGen[id] !== gen) return;
      this.closeIssue(id, this.cTalkEnd[id]);
      this.finishContact(id);
    } else if (kind === EV_WAIT_TIMER) {
      this.onWaitTimer(id, gen);
    } else {
      this.dispatchRare(kind, id, gen);
    }
  }

  private dispatchRare(kind: number, id: number, gen: number): void {
    switch (kind) {
      case EV_HANDOFF:
        return this.onHandoff(id, gen);
      case EV_END_HANDLE:
        return this.onEndHandle(id, gen);
      case EV_END_WRAP:
        if (this.cGen[id] === gen) this.finishContact(id);
        return;
      case EV_REPEAT:
        return this.onRepeat(id, gen);
      case EV_STAFF:
        this.applyStaffing(id);
        this.scheduleNextChange(id);
        return;
      case EV_INTERVAL:
        return this.flushInterval(id);
      case EV_CALLBACK_OFFER:
        return this.onCallbackOffer(id, gen);
    }
  }

  // ---------------------------------------------------------------- arrivals

  /**
   * Non-homogeneous Poisson arrivals by inversion of the cumulative rate: one Exp(1) draw is spent
   * across the piecewise-constant rate of each interval. Exact.
   *
   * Common random numbers across warm-ups (SPEC §1 v3): each day's arrivals, and the customer draws
   * made as they arrive, come from that day's own streams, started at its midnight. A draw left unspent
   * at midnight is dropped and the new day starts with a fresh Exp(1) from its stream: a Poisson process
   * is memoryless, so this is still exact, and day d's customers are the same whether 0 or 20 days ran
   * before it.
   */
  /** @internal */
  scheduleArrival(c: number, from: number): void {
    this.nextArrival[c] = this.nextArrivalTime(c, from);
    // The earliest channel (the lowest index on a tie).
    let at = Infinity;
    let ch = 0;
    for (let i = 0; i < this.nC; i++) {
      if (this.nextArrival[i] < at) {
        at = this.nextArrival[i];
        ch = i;
      }
    }
    this.arrivalAt = at;
    this.arrivalChannel = ch;
  }

  private nextArrivalTime(c: number, from: number): number {
    const m = this.model;
    const ch = m.channels[c];
    if (ch.volumePerDay <= 0) return Infinity;
    const perDay = m.intervalsPerDay;
    let t = from;
    let k = Math.floor(t / m.intervalSeconds);
    // first interval of the next day, in the clock's interval numbering (day 1 starts at k = 0)
    let midnight = (this.freshDay[c] + 1) * perDay;
    if (k >= midnight) midnight = this.startFreshDay(c, k);
    let e = exponential(this.fresh[c].arrival);
    while (k < this.arrivalIntervals) {
      const rate = this.rateAt(ch, c, k);
      const end = (k + 1) * m.intervalSeconds;
      const mass = rate * (end - t);
      if (mass > e) return t + e / rate;
      e -= mass;
      t = end;
      k++;
      if (k === midnight && k < this.arrivalIntervals) {
        midnight = this.startFreshDay(c, k);
        e = exponential(this.fresh[c].arrival);
      }
    }
    return Infinity;
  }

  /**
   * Fresh arrivals per second of channel c in clock interval k (k ≥ −warm-up intervals): the profile's
   * rate × the day's volume draw × (v3) the weekday's weight, Monday first, day 1 on firstWeekday.
   */
  private rateAt(ch: ChannelModel, c: number, k: number): number {
    // (v3) a dated forecast's own day
    if (ch.daily !== null) return ch.daily[this.dailyIndex(k, ch.daily.length)] * this.dayVolume[c];
    const perDay = this.model.intervalsPerDay;
    const kk = this.clientInterval(k);
    const rate = ch.rate[kk % perDay] * this.dayVolume[c];
    if (ch.weekly === null) return rate;
    return rate * ch.weekly[(this.weekStart + Math.floor(kk / perDay)) % 7];
  }

  /**
   * Interval k of the clock as an interval of the client's local days counted from the first warm-up
   * day (≥ 0): k itself plus the warm-up, and (v3) plus the hours a dated client's clocks moved.
   */
  private clientInterval(k: number): number {
    const kk = k + this.dayShift;
    const shift = this.model.clientShift;
    if (shift === null) return kk;
    const i = k + CALENDAR_BEFORE_DAYS * this.model.intervalsPerDay;
    const local = kk + shift[i < 0 ? 0 : i < shift.length ? i : shift.length - 1];
    return local < 0 ? local + 7 * this.model.intervalsPerDay : local;
  }

  /** Switches channel c's fresh streams to the day of interval k; returns the next day's first interval. */
  private startFreshDay(c: number, k: number): number {
    const perDay = this.model.intervalsPerDay;
    const day = Math.floor(k / perDay);
    this.freshDay[c] = day;
    this.fresh[c] = freshStreams(this.seed, this.model.channels[c].kind, day);
    this.dayVolume[c] = dayVolumeFactor(this.seed, this.model.channels[c], day);
    return (day + 1) * perDay;
  }

  private onArrival(c: number): void {
    // (v3) The follow-up's fresh load (after the horizon) raises issues outside the cohort.
    const cohort = this.now < this.model.horizon;
    const id = this.newContact(c, cohort ? this.now : -Infinity, 1, -1, this.fresh[c]);
    if (cohort) this.issuesRaised[c]++;
    if (this.onFresh !== undefined) this.reportFresh(this.onFresh, id);
    this.scheduleArrival(c, this.now);
    this.enter(id);
  }

  /**
   * (v3) A contact (fresh, repeat, redial, after-hours retry) reaches the center: offered and routed,
   * or — live, with no site open for its channel, and afterHours not "hold" — turned away.
   */
  private enter(id: number): void {
    const c = this.cChan[id];
    if (this.openWeight[c] <= 0 && this.model.channels[c].returns.afterHours !== null) {
      this.turnAway(id);
      return;
    }
    this.offer(id);
    this.route(id);
  }

  /** Counts a contact as offered (per channel and interval, and in its issue's contacts). */
  private offer(id: number): void {
    const c = this.cChan[id];
    this.arrivals[c]++;
    this.intervalStats[(this.cInterval[id] * this.nC + c) * IM.COUNT + IM.Offered]++;
    this.countClass(id, c, CS.Offered, 1);
    if (this.cIssueStart[id] >= 0) this.cohortContacts[c]++;
  }

  /**
   * (v3) After hours (SPEC §2): not queued and not offered; counted in closedAttempts. The customer
   * retries at the next opening plus a delay (the slot waits in closedQ, see releaseClosed), or gives up.
   */
  private turnAway(id: number): void {
    const c = this.cChan[id];
    this.closedAttempts[c]++;
    this.intervalStats[(this.cInterval[id] * this.nC + c) * IM.COUNT + IM.Closed]++;
    const delay = afterHoursRetry(this.model.channels[c].returns, this.returnSt[c]);
    if (delay < 0) {
      this.giveUp(id);
      this.free(id);
      return;
    }
    this.cState[id] = ContactState.AfterHours;
    this.cPend[id] = Pend.AfterHours;
    this.cAbandonAt[id] = delay; // the retry's delay after the opening
    this.closedQ[c].push(id, this.cGen[id], this.now);
    this.afterHoursWaiting[c]++;
  }

  /** (v3) A site opened for channel c: the customers turned away retry after their delays. */
  private releaseClosed(c: number): void {
    const q = this.closedQ[c];
    let n = q.length;
    while (n-- > 0) {
      const id = q.headId();
      const gen = q.headGen();
      q.shift();
      if (this.cGen[id] !== gen || this.cState[id] !== ContactState.AfterHours) continue;
      this.afterHoursWaiting[c]--;
      this.cState[id] = ContactState.RepeatPending;
      const at = this.now + this.cAbandonAt[id];
      if (this.returnProbe !== null) this.returnProbe.scheduled(c, Pend.AfterHours, at);
      this.schedulePending(id, at);
    }
  }

  /** The contact's customer stops trying: a cohort issue counts as given up. */
  private giveUp(id: number): void {
    if (this.cIssueStart[id] >= 0) {
      this.issuesGivenUp[this.cChan[id]]++;
      this.issuesClosed++;
    }
  }

  private reportFresh(hook: FreshArrivalHook, id: number): void {
    const t = this.cArrive[id];
    hook(
      this.cChan[id],
      t,
      this.cHandle[id],
      this.cWrap[id],
      this.cAbandonAt[id] - t,
      this.cURoute[id],
      this.cUFcr[id],
      this.cUEsc[id],
    );
  }

  /** A new contact slot with its customer's attributes drawn from `st` (not yet offered: see enter). */
  private newContact(
    c: number,
    issueStart: number,
    issueContacts: number,
    owner: number,
    st: Streams,
    klass = -1,
  ): number {
    const id = this.alloc();
    const ch = this.model.channels[c];
    const now = this.now;
    this.contacts++;
    this.cChan[id] = c;
    this.cSite[id] = -1;
    this.cFixed[id] = 0;
    this.cTimers[id] = 0;
    this.cArrive[id] = now;
    this.cIssueStart[id] = issueStart;
    this.cIssueContacts[id] = issueContacts;
    this.cOwner[id] = owner;
    this.cFirst[id] = 0;
    this.cCallback[id] = 0;
    this.cHandle[id] = sample(ch.handle, st.handle);
    // (v3) handleTimeProfile: the mean of the interval of the day the contact arrives in
    if (ch.handleByInterval !== null) this.cHandle[id] *= ch.handleByInterval[this.intervalOfDay(now)];
    else if (ch.dailyHandle !== null)
      this.cHandle[id] *=
        ch.dailyHandle[this.dailyIndex(Math.floor(now / this.model.intervalSeconds), ch.dailyHandle.length)];
    this.cWrap[id] = drawOrFixed(ch.wrap, st.wrap);
    this.cURoute[id] = st.route();
    this.cUFcr[id] = this.needFcr ? st.fcr() : 0;
    this.cUEsc[id] = this.needEscalation ? st.escalation() : 1;
    this.cInterval[id] = this.intervalOf(now);
    let patience = ch.patience;
    const cls = ch.classes;
    if (cls === null) {
      this.cClass[id] = 0;
      this.cKey[id] = now;
    } else {
      // (v3) a fresh contact draws its class; a repeat, redial or escalation keeps its issue's
      const k = klass >= 0 ? klass : drawClass(cls.cumShare, st.klass());
      this.cClass[id] = k;
      this.cKey[id] = now + cls.rank[k] * CLASS_SPAN;
      patience = cls.patience[k];
    }
    // Patience is drawn now (common random numbers) but its timer only starts if the contact waits.
    this.cAbandonAt[id] = patience ? now + sample(patience, st.patience) : Infinity;
    return id;
  }

  /**
   * Called whenever a contact enters a waiting state. Its wait timer is set once per contact, the first
   * time it waits: most contacts are answered at once and never need one, which keeps the event list
   * small. The one timer serves both the overflow and the abandonment, whichever is due first.
   */
  private startWaiting(id: number): void {
    if (this.cTimers[id] !== 0) return;
    this.cTimers[id] = 1;
    this.setWaitTimer(id);
    this.setCallbackOffer(id);
  }

  /** (v3) Schedules the call back offer of a waiting contact, if its channel offers them. */
  /** @internal */
  setCallbackOffer(id: number): void {
    const cb = this.model.channels[this.cChan[id]].returns.callback;
    if (cb === null || this.cFixed[id] !== 0 || this.cCallback[id] !== 0) return;
    // Offered only to a caller still on the line then: one who would have abandoned first is not.
    const at = this.cArrive[id] + cb.offerAfter;
    if (at < this.cAbandonAt[id] && at < this.limit)
      this.q.push(at > this.now ? at : this.now, EV_CALLBACK_OFFER, id, this.cGen[id]);
  }

  /**
   * (v3) Queued call back (SPEC §2): a caller who accepts leaves the line but keeps its place in the
   * queue (same queue entry, same arrival key) and no longer abandons.
   */
  private onCallbackOffer(id: number, gen: number): void {
    if (this.cGen[id] !== gen || !isWaitingState(this.cState[id]) || this.cCallback[id] !== 0) return;
    const c = this.cChan[id];
    this.callbacksOffered[c]++;
    if (!acceptsCallback(this.model.channels[c].returns, this.returnSt[c])) return;
    this.callbacksAccepted[c]++;
    this.cCallback[id] = 1;
    this.cCallbackAt[id] = this.now;
    this.cAbandonAt[id] = Infinity;
    if (this.cState[id] === ContactState.Waiting) this.callbackWaiting[this.cSite[id] * this.nC + c]++;
  }

  /** Schedules the contact's next wait deadline: its overflow (if still to come), else its patience. */
  /** @internal */
  setWaitTimer(id: number): void {
    let at = this.cAbandonAt[id];
    // Escalations are bound for their tier and never overflow.
    if (this.cTimers[id] === 1 && this.cFixed[id] === 0) {
      const overflowAt = this.cArrive[id] + this.model.channels[this.cChan[id]].overflowAfter;
      if (overflowAt < at) at = overflowAt;
    }
    if (at < this.limit) this.q.push(at > this.now ? at : this.now, EV_WAIT_TIMER, id, this.cGen[id]);
  }

  /** A waiting contact's deadline: it abandons if its patience has run out, else it overflows. */
  private onWaitTimer(id: number, gen: number): void {
    if (this.cGen[id] !== gen || !isWaitingState(this.cState[id])) return;
    if (this.cAbandonAt[id] <= this.now) {
      this.abandon(id);
      return;
    }
    if (this.cState[id] === ContactState.Handoff) {
      // Not answerable before its hand-off delay ends, not even by another site: it overflows on arrival.
      this.cTimers[id] = 3;
      this.setWaitTimer(id);
      return;
    }
    // (v3) A patience timer left over from before a call back was accepted: nothing is due now, but
    // an overflow still to come needs its own timer.
    if (this.cTimers[id] !== 1 || this.cFixed[id] !== 0) return;
    if (this.cArrive[id] + this.model.channels[this.cChan[id]].overflowAfter > this.now) {
      this.setWaitTimer(id);
      return;
    }
    this.cTimers[id] = 2;
    this.overflow(id);
    if (this.cGen[id] === gen && isWaitingState(this.cState[id])) this.setWaitTimer(id);
  }

  // ---------------------------------------------------------------- routing

  /** Primary site by split weight among the sites open for the channel; none open → hold. */
  private route(id: number): void {
    const c = this.cChan[id];
    const s = this.pickSite(c, this.cURoute[id]);
    if (s < 0) {
      this.cState[id] = ContactState.Hold;
      this.cSite[id] = -1;
      this.holding[c]++;
      this.holdQ[c].push(id, this.cGen[id], this.cKey[id]);
      this.startWaiting(id);
      return;
    }
    this.sendToSite(id, s);
  }

  private pickSite(c: number, u: number): number {
    const total = this.openWeight[c];
    if (total <= 0) return -1;
    const split = this.model.channels[c].split;
    const nC = this.nC;
    let x = u * total;
    let last = -1;
    for (let s = 0; s < this.nS; s++) {
      if (!this.openFor[s * nC + c] || split[s] <= 0) continue;
      last = s;
      x -= split[s];
      if (x < 0) return s;
    }
    return last;
  }

  private sendToSite(id: number, s: number): void {
    const c = this.cChan[id];
    const key = s * this.nC + c;
    this.cSite[id] = s;
    this.routedCount[key]++;
    const delay = this.model.sites[s].handoffDelay;
    // A deferred contact pays the hand-off delay of the first site it is sent to, and only once: one
    // rerouted later (its site closed while it waited or was in transit) goes straight into the queue.
    if (!this.model.channels[c].live && this.cHandedOff[id] === 0) {
      this.cHandedOff[id] = 1;
      if (delay > 0) {
        this.cState[id] = ContactState.Handoff;
        this.inTransit[key]++;
        // Held contacts may have overflowed already: they overflow again once they arrive.
        if (this.cTimers[id] === 2) this.cTimers[id] = 3;
        this.q.push(this.now + delay, EV_HANDOFF, id, this.cGen[id]);
        this.startWaiting(id);
        return;
      }
    }
    this.arriveAtSite(id, s);
  }

  private arriveAtSite(id: number, s: number): void {
    const c = this.cChan[id];
    const a = this.findAgent(s, c);
    if (a >= 0) {
      this.leaveWait(id);
      this.answer(id, a);
      return;
    }
    this.leaveWait(id);
    this.cState[id] = ContactState.Waiting;
    this.cSite[id] = s;
    this.waitingAt[s * this.nC + c]++;
    if (this.cCallback[id] === 1) this.callbackWaiting[s * this.nC + c]++;
    this.siteQ[s * this.nC + c].push(id, this.cGen[id], this.cKey[id]);
    this.startWaiting(id);
  }

  /** Takes a contact out of whatever waiting count it is in (no-op for other states). */
  private leaveWait(id: number): void {
    const st = this.cState[id];
    const c = this.cChan[id];
    if (st === ContactState.Waiting) {
      this.waitingAt[this.cSite[id] * this.nC + c]--;
      if (this.cCallback[id] === 1) this.callbackWaiting[this.cSite[id] * this.nC + c]--;
    } else if (st === ContactState.Handoff) this.inTransit[this.cSite[id] * this.nC + c]--;
    else if (st === ContactState.Hold) this.holding[c]--;
    this.cState[id] = ContactState.Free;
  }

  private findAgent(s: number, c: number): number {
    const groups = this.model.groupsFor[s * this.nC + c];
    const units = this.model.channels[c].units;
    for (let i = 0; i < groups.length; i++) {
      const a = this.agents.find(groups[i], units);
      if (a >= 0) return a;
    }
    return -1;
  }

  private onHandoff(id: number, gen: number): void {
    if (this.cGen[id] !== gen || this.cState[id] !== ContactState.Handoff) return;
    const s = this.cSite[id];
    const c = this.cChan[id];
    if (this.cFixed[id] === 0 && !this.openFor[s * this.nC + c]) {
      // The site stopped taking this channel while the contact was in transit: route it again.
      this.leaveWait(id);
      this.route(id);
    } else {
      this.arriveAtSite(id, s);
    }
    if (this.cTimers[id] === 3 && this.cGen[id] === gen && isWaitingState(this.cState[id])) {
      // Its overflow fell due in transit.
      this.cTimers[id] = 2;
      this.overflow(id);
    }
  }

  /** Overflow: an agent of another site answers now if one is free, else the contact joins the channel's overflow queue. */
  private overflow(id: number): void {
    const c = this.cChan[id];
    const own = this.cState[id] === ContactState.Waiting ? this.cSite[id] : -1;
    for (let s = 0; s < this.nS; s++) {
      if (s === own) continue;
      const a = this.findAgent(s, c);
      if (a >= 0) {
        this.leaveWait(id);
        this.answer(id, a);
        return;
      }
    }
    this.overflowQ[c].push(id, this.cGen[id], this.cKey[id]);
  }

  private abandon(id: number): void {
    const c = this.cChan[id];
    const s = this.cSite[id] >= 0 ? this.cSite[id] : this.fallbackSite[c];
    this.leaveWait(id);
    const wait = this.now - this.cArrive[id];
    const base = this.statIndex(c, s);
    this.stats[base + M.Offered]++;
    this.stats[base + M.Abandoned]++;
    const ib = (this.cInterval[id] * this.nC + c) * IM.COUNT;
    this.intervalStats[ib + IM.Abandoned]++;
    this.countClass(id, c, CS.Abandoned, 1);
    if (wait > this.model.channels[c].target.withinSeconds) {
      this.countClass(id, c, CS.AbandonedAfter, 1);
      this.stats[base + M.AbandonedAfter]++;
      this.intervalStats[ib + IM.AbandonedAfter]++;
    }
    this.abandonCount[s * this.nC + c]++;
    if (this.contactLog !== null)
      this.contactLog.record(this.cArrive[id], wait, false, 0, -1, c, this.cClass[id], s);
    // (v3) The customer redials as the same issue after a delay, or gives up.
    const delay = redialDelay(this.model.channels[c].returns, this.returnSt[c]);
    const start = this.cIssueStart[id];
    const contacts = this.cIssueContacts[id] + 1;
    const owner = this.cOwner[id];
    const klass = this.cClass[id];
    if (delay < 0) this.giveUp(id);
    this.free(id);
    if (delay >= 0) this.pend(c, start, contacts, owner, Pend.Redial, this.now + delay, klass);
  }

  // ---------------------------------------------------------------- service

  /** Agent a answers contact id (already out of any waiting count). */
  private answer(id: number, a: number): void {
    const c = this.cChan[id];
    const g = this.agents.group[a];
    const s = this.model.groups[g].site;
    const site = this.model.sites[s];
    const ch = this.model.channels[c];
    const now = this.now;
    this.agents.occupy(a, ch.units, c);
    this.changeBusy(s, c, ch.units);
    this.cState[id] = ContactState.Service;
    this.cAgent[id] = a;
    const from = this.cSite[id]; // the site it waited at (−1: held, no site open)
    if (from >= 0 && from !== s) this.overflowCount[from * this.nS + s]++;
    this.cSite[id] = s;

    // The connect delay is felt as waiting and holds the agent, who is reserved for the contact.
    let wait = now + site.connectDelay - this.cArrive[id];
    let talk = this.cHandle[id] * site.handleTimeFactor;
    if (this.cCallback[id] !== 0) {
      // (v3) A call back: the wait is the time on the line, up to acceptance. An unreached customer
      // takes no talk time and gives up (closeIssue).
      // An offer made when due is exactly offerAfter on the line: (arrival + offerAfter) − arrival can
      // round above it and fail the service level's `<=` by one ulp.
      const offeredAt = this.cCallbackAt[id];
      const offerAfter = ch.returns.callback?.offerAfter ?? 0;
      wait = offeredAt === this.cArrive[id] + offerAfter ? offerAfter : offeredAt - this.cArrive[id];
      this.callbacksMade[c]++;
      this.callbackDelaySum[c] += now - this.cCallbackAt[id];
      if (!reachesCustomer(ch.returns, this.returnSt[c])) {
        this.cCallback[id] = 2;
        talk = 0;
        this.cWrap[id] = 0;
        this.cUEsc[id] = 1;
      }
    }
    const base = this.statIndex(c, s);
    const stats = this.stats;
    stats[base + M.Offered]++;
    stats[base + M.Handled]++;
    stats[base + M.WaitSum] += wait;
    const within = wait <= ch.target.withinSeconds;
    if (within) stats[base + M.HandledWithin]++;
    this.waitHist[(c * this.nS + s) * HISTOGRAM_BINS + waitBin(wait)]++;
    const ib = (this.cInterval[id] * this.nC + c) * IM.COUNT;
    const is = this.intervalStats;
    is[ib + IM.Handled]++;
    is[ib + IM.WaitSum] += wait;
    if (within) is[ib + IM.HandledWithin]++;
    this.countClass(id, c, CS.Handled, 1);
    this.countClass(id, c, CS.WaitSum, wait);
    if (within) this.countClass(id, c, CS.HandledWithin, 1);
    if (this.contactLog !== null)
      this.contactLog.record(this.cArrive[id], wait, true, talk, a, c, this.cClass[id], s);
    let variable = site.perContactFee;
    if (ch.kind === 'voice') {
      stats[base + M.TalkSeconds] += talk;
      variable += (talk / 60) * site.telecomPerMinute;
    }
    is[ib + IM.VariableCost] += variable;
    // (v3) Who owns the issue (its first handled contact's site), and what its contacts cost.
    const minutes = (talk + this.cWrap[id]) / 60;
    this.handledMinutes[s] += minutes;
    if (this.cIssueStart[id] >= 0) {
      let o = this.cOwner[id];
      if (o < 0) {
        o = this.cOwner[id] = s;
        this.cFirst[id] = 1;
        this.issuesOwned[s]++;
      }
      this.ownerMinutes[o * this.nS + s] += minutes;
      this.ownerVariable[o * this.nS + s] += variable;
    }

    // The outcome draws were made on arrival, so whether this contact escalates is known now. Only an
    // escalation needs an event at the end of talk (the customer is transferred then); otherwise one
    // event at the end of wrap-up settles the issue as of the end of talk and frees the agent.
    const talkEnd = now + site.connectDelay + talk;
    this.cTalkEnd[id] = talkEnd;
    if (site.escalationMask & (1 << c) && this.cUEsc[id] < site.escalationRate) {
      this.q.push(talkEnd, EV_END_HANDLE, id, this.cGen[id]);
    } else {
      this.q.push(talkEnd + this.cWrap[id], EV_END_CONTACT, id, this.cGen[id]);
    }
  }

  /** End of talk of a contact that escalates: passed to the next tier as the same customer issue. */
  private onEndHandle(id: number, gen: number): void {
    if (this.cGen[id] !== gen) return;
    const c = this.cChan[id];
    const s = this.cSite[id];
    const site = this.model.sites[s];
    this.stats[this.statIndex(c, s) + M.Escalated]++;
    const e = this.newContact(
      c,
      this.cIssueStart[id],
      this.cIssueContacts[id] + 1,
      this.cOwner[id],
      this.followup[c],
      this.cClass[id],
    );
    this.cFixed[e] = 1;
    this.offer(e);
    // (v3) A hand-off to a tier that is closed waits for it to open; it never abandons.
    if (this.targetFor[site.escalationTo * this.nC + c] <= 0) this.cAbandonAt[e] = Infinity;
    this.sendToSite(e, site.escalationTo);
    const wrap = this.cWrap[id];
    if (wrap > 0) {
      this.cState[id] = ContactState.Wrap;
      this.q.push(this.now + wrap, EV_END_WRAP, id, gen);
    } else {
      this.finishContact(id);
    }
  }

  /** A handled contact that did not escalate, as of the end of its talk: resolved, or back later. */
  private closeIssue(id: number, talkEnd: number): void {
    const c = this.cChan[id];
    const s = this.cSite[id];
    const base = this.statIndex(c, s);
    const cohort = this.cIssueStart[id] >= 0;
    if (this.cCallback[id] === 2) {
      this.giveUp(id); // (v3) a call back that did not reach the customer
      return;
    }
    if (this.returnProbe !== null) this.returnProbe.resolving?.(c, 1 - this.model.sites[s].fcr, talkEnd);
    if (this.cUFcr[id] < this.model.sites[s].fcr) {
      // Resolution figures are the measured cohort's (SPEC §1 v2), followed past the horizon by followUp.
      if (!cohort) return;
      this.stats[base + M.Resolved]++;
      this.stats[base + M.ResolutionSeconds] += talkEnd - this.cIssueStart[id];
      this.stats[base + M.ResolutionContacts] += this.cIssueContacts[id];
      if (this.cFirst[id]) this.firstResolved[s]++;
      this.issuesClosed++;
    } else {
      // Unresolved: the customer comes back on the same channel after the repeat delay, which (v3)
      // elapses in customer hours unless the channel says "clock" (returns.ts). At least a second
      // later: a zero delay with zero handle time would otherwise loop at one instant.
      const ch = this.model.channels[c];
      const delay = Math.max(MIN_REPEAT_DELAY, sample(ch.repeatDelay, this.followup[c].repeatDelay));
      let at = repeatDueAt(ch.returns, talkEnd, delay);
      if (at < this.now) at = this.now;
      // A cohort issue's repeat is kept whenever it is due (followUp needs it, or counts it open);
      // one of an issue raised before day 1 only if it falls before the follow-up load's end.
      this.pend(
        c,
        this.cIssueStart[id],
        this.cIssueContacts[id] + 1,
        this.cOwner[id],
        Pend.Repeat,
        at,
        this.cClass[id],
      );
    }
  }

  private onRepeat(id: number, gen: number): void {
    if (this.cGen[id] !== gen || this.cState[id] !== ContactState.RepeatPending) return;
    const c = this.cChan[id];
    const issueStart = this.cIssueStart[id];
    const issueContacts = this.cIssueContacts[id];
    const owner = this.cOwner[id];
    const kind = this.cPend[id];
    const klass = this.cClass[id];
    if (this.returnProbe !== null) this.returnProbe.cameBack(c);
    this.free(id);
    if (kind === Pend.Repeat) this.repeatCount[c]++;
    const r = this.newContact(
      c,
      issueStart,
      issueContacts,
      owner,
      this.followup[c],
      klass === CLASS_UNDRAWN ? -1 : klass,
    );
    this.enter(r);
  }

  /** End of a contact's work: the agent's capacity comes back and the agent looks for more. */
  private finishContact(id: number): void {
    const a = this.cAgent[id];
    const c = this.cChan[id];
    const s = this.cSite[id];
    const units = this.model.channels[c].units;
    this.free(id);
    this.changeBusy(s, c, -units);
    const g = this.agents.group[a];
    if (this.agents.release(a, units)) {
      this.changeLoggedIn(g);
      return;
    }
    this.offerWork(a);
  }

  /**
   * A freed agent takes the longest-waiting contact of its highest-priority skill, from its own site's
   * queue or from the channel's overflow queue, for as long as it has room.
   */
  private offerWork(a: number): void {
    const pool = this.agents;
    if (pool.state[a] !== AgentState.Active) return;
    const g = pool.group[a];
    const grp = this.model.groups[g];
    const s = grp.site;
    for (let i = 0; i < grp.skills.length; i++) {
      const c = grp.skills[i];
      const units = this.model.channels[c].units;
      while (pool.used[a] + units <= UNITS) {
        const id = this.takeWaiting(s, c);
        if (id < 0) break;
        this.leaveWait(id);
        this.answer(id, a);
      }
    }
  }

  /** Removes and returns the longest-waiting contact of channel c that site s may answer, or −1. */
  private takeWaiting(s: number, c: number): number {
    const sq = this.siteQ[s * this.nC + c];
    while (sq.length > 0) {
      const id = sq.headId();
      if (this.cGen[id] === sq.headGen() && this.cState[id] === ContactState.Waiting && this.cSite[id] === s)
        break;
      sq.shift();
    }
    const oq = this.overflowQ[c];
    while (oq.length > 0) {
      const id = oq.headId();
      // A contact in transit is not answerable; it rejoins this queue when it arrives (cTimers 3).
      const st = this.cState[id];
      if (this.cGen[id] === oq.headGen() && (st === ContactState.Waiting || st === ContactState.Hold)) break;
      oq.shift();
    }
    const a = sq.length > 0 ? sq.headId() : -1;
    const b = oq.length > 0 ? oq.headId() : -1;
    if (a >= 0 && (b < 0 || this.cKey[a] <= this.cKey[b])) {
      sq.shift();
      return a;
    }
    if (b >= 0) {
      oq.shift();
      return b;
    }
    return -1;
  }

  // ---------------------------------------------------------------- staffing

  private applyStaffing(g: number): void {
    const grp = this.model.groups[g];
    const target = this.groupTarget(g);
    const before = this.agents.staffed(g);
    if (target === before && this.agents.loggedIn(g) === before) return;
    const added = this.agents.setTarget(g, target, this.scratch);
    this.changeLoggedIn(g);
    if (target !== before) {
      const delta = target - before;
      for (const c of grp.skills) {
        this.targetFor[grp.site * this.nC + c] += delta;
        this.refreshOpen(grp.site, c);
      }
    }
    const buf = this.scratch.buf;
    for (let i = 0; i < added; i++) this.offerWork(buf[i]);
  }

  private scheduleNextChange(g: number): void {
    const pts = this.model.groups[g].changePoints;
    let i = this.nextChange[g];
    let day = this.nextChangeDay[g];
    // Advance past the current time to the next change point.
    do {
      i++;
      if (i >= pts.length) {
        i = 0;
        day++;
      }
    } while (day * DAY + pts[i] <= this.now);
    this.nextChange[g] = i;
    this.nextChangeDay[g] = day;
    const t = day * DAY + pts[i];
    if (t < this.limit) this.q.push(t, EV_STAFF, g, 0);
  }

  /** Recomputes whether site s is a primary destination for channel c; acts on a change. */
  private refreshOpen(s: number, c: number): void {
    const key = s * this.nC + c;
    const open = this.targetFor[key] > 0 && this.model.channels[c].split[s] > 0 ? 1 : 0;
    if (open === this.openFor[key]) return;
    this.openFor[key] = open;
    this.updateOpenWeight(c);
    if (open) {
      this.releaseHeld(c);
      this.releaseClosed(c);
    } else this.rerouteQueue(s, c);
  }

  /** Contacts held because no site was open are routed now that one is. */
  private releaseHeld(c: number): void {
    const hq = this.holdQ[c];
    let n = hq.length;
    while (n-- > 0) {
      const id = hq.headId();
      const gen = hq.headGen();
      hq.shift();
      if (this.cGen[id] !== gen || this.cState[id] !== ContactState.Hold) continue;
      this.leaveWait(id);
      this.route(id);
    }
  }

  /**
   * A site stopped taking a channel: its waiting contacts go to the sites still open (or hold). They
   * keep their place by arrival time in the new queue (RingQueue inserts by key), and a deferred one
   * does not pay a second hand-off delay (see sendToSite).
   */
  private rerouteQueue(s: number, c: number): void {
    const sq = this.siteQ[s * this.nC + c];
    let n = 0;
    while (sq.length > 0) {
      const id = sq.headId();
      const gen = sq.headGen();
      sq.shift();
      if (this.cGen[id] !== gen || this.cState[id] !== ContactState.Waiting || this.cSite[id] !== s) continue;
      if (n === this.rerouteBuf.length) {
        const next = new Int32Array(n * 2);
        next.set(this.rerouteBuf);
        this.rerouteBuf = next;
      }
      this.rerouteBuf[n++] = id;
    }
    for (let i = 0; i < n; i++) {
      const id = this.rerouteBuf[i];
      if (this.cFixed[id]) {
        sq.push(id, this.cGen[id], this.cKey[id]); // escalations wait for their tier
        continue;
      }
      this.leaveWait(id);
      this.route(id);
    }
  }

  private updateOpenWeight(c: number): void {
    const split = this.model.channels[c].split;
    let total = 0;
    for (let s = 0; s < this.nS; s++) if (this.openFor[s * this.nC + c]) total += split[s];
    this.openWeight[c] = total;
  }

  private updateFallback(c: number): void {
    const split = this.model.channels[c].split;
    let best = 0;
    for (let s = 1; s < this.nS; s++) if (split[s] > split[best]) best = s;
    this.fallbackSite[c] = best;
  }

  // ---------------------------------------------------------------- time integrals and intervals

  private changeBusy(s: number, c: number, units: number): void {
    const key = s * this.nC + c;
    this.busyArea[key] += this.busyUnits[key] * (this.now - this.busyLast[key]);
    this.busyLast[key] = this.now;
    this.busyUnits[key] += units;
  }

  private changeLoggedIn(g: number): void {
    this.loggedArea[g] += this.loggedIn[g] * (this.now - this.loggedLast[g]);
    this.loggedLast[g] = this.now;
    this.loggedIn[g] = this.agents.loggedIn(g);
  }

  /** Closes interval k: integrals up to now go into it; the queue length is sampled. */
  private flushInterval(k: number): void {
    const m = this.model;
    const nC = this.nC;
    const now = this.now;
    const is = this.intervalStats;
    for (let s = 0; s < this.nS; s++) {
      for (let c = 0; c < nC; c++) {
        const key = s * nC + c;
        const area = (this.busyArea[key] + this.busyUnits[key] * (now - this.busyLast[key])) / UNITS;
        this.busyArea[key] = 0;
        this.busyLast[key] = now;
        this.busyTotal[key] += area;
        is[(k * nC + c) * IM.COUNT + IM.Busy] += area;
        is[(k * nC + c) * IM.COUNT + IM.Queue] += this.waitingAt[key] + this.inTransit[key];
      }
    }
    for (let c = 0; c < nC; c++) is[(k * nC + c) * IM.COUNT + IM.Queue] += this.holding[c];
    let labour = 0;
    for (let g = 0; g < this.nG; g++) {
      const area = this.loggedArea[g] + this.loggedIn[g] * (now - this.loggedLast[g]);
      this.loggedArea[g] = 0;
      this.loggedLast[g] = now;
      this.loggedTotal[g] += area;
      this.intervalLogged[k] += area;
      const grp = m.groups[g];
      const site = m.sites[grp.site];
      labour += (area / 3600 / (1 - site.shrinkage)) * site.hourlyRate * (1 + site.overheadRate);
      for (const c of grp.skills) is[(k * nC + c) * IM.COUNT + IM.Available] += area;
    }
    this.intervalLabour[k] += labour;
    this.flushedInterval = k + 1;
  }

  /**
   * (v3) Index of clock interval k in a dated forecast's days (day · intervalsPerDay + interval of the
   * day), for its volumes (rateAt) and handle times: warm-up days take the first day, days past the
   * forecast the last.
   */
  private dailyIndex(k: number, length: number): number {
    const perDay = this.model.intervalsPerDay;
    const kk = this.clientInterval(k);
    const n = length / perDay;
    const day = Math.min(n - 1, Math.max(0, Math.floor(kk / perDay) - this.warmUpDays));
    return day * perDay + (kk % perDay);
  }

  /** Interval of the day (client clock) of time t, warm-up and follow-up included. */
  private intervalOfDay(t: number): number {
    return this.clientInterval(Math.floor(t / this.model.intervalSeconds)) % this.model.intervalsPerDay;
  }

  /** (v3) Adds v to counter f of contact id's class: over the run, and in its interval (classStats). */
  private countClass(id: number, c: number, f: CS, v: number): void {
    const k = this.cClass[id];
    this.classStats[(c * MAX_CLASSES + k) * CS.COUNT + f] += v;
    const slot = this.classSlot[c];
    if (slot >= 0)
      this.intervalClassStats[(this.cInterval[id] * this.nClassSlots + slot + k) * CS.COUNT + f] += v;
  }

  private intervalOf(t: number): number {
    const k = Math.floor(t / this.model.intervalSeconds);
    // Warm-up contacts (t < 0) count in the first interval; those not closed by 00:00 stay there.
    if (k < 0) return 0;
    return k < this.model.nIntervals ? k : this.model.nIntervals - 1;
  }

  /** Index of the first counter of (channel, site) in `stats`. */
  statIndex(c: number, s: number): number {
    return (c * this.nS + s) * M.COUNT;
  }

  get intervalsClosed(): number {
    return this.flushedInterval;
  }

  // ---------------------------------------------------------------- contact slots

  private alloc(): number {
    if (this.freeN === 0) {
      if (this.used === this.cap) this.growContacts(this.cap * 2);
      return this.used++;
    }
    return this.freeList[--this.freeN];
  }

  private free(id: number): void {
    this.cState[id] = ContactState.Free;
    this.cHandedOff[id] = 0;
    this.cGen[id]++;
    this.freeList[this.freeN++] = id;
  }

  private growContacts(cap: number): void {
    this.cState = grown(this.cState, cap);
    this.cGen = grown(this.cGen, cap);
    this.cChan = grown(this.cChan, cap);
    this.cSite = grown(this.cSite, cap);
    this.cAgent = grown(this.cAgent, cap);
    this.cFixed = grown(this.cFixed, cap);
    this.cTimers = grown(this.cTimers, cap);
    this.cHandedOff = grown(this.cHandedOff, cap);
    this.cAbandonAt = grown(this.cAbandonAt, cap);
    this.cInterval = grown(this.cInterval, cap);
    this.cArrive = grown(this.cArrive, cap);
    this.cKey = grown(this.cKey, cap);
    this.cClass = grown(this.cClass, cap);
    this.cIssueStart = grown(this.cIssueStart, cap);
    this.cIssueContacts = grown(this.cIssueContacts, cap);
    this.cHandle = grown(this.cHandle, cap);
    this.cWrap = grown(this.cWrap, cap);
    this.cTalkEnd = grown(this.cTalkEnd, cap);
    this.cURoute = grown(this.cURoute, cap);
    this.cUFcr = grown(this.cUFcr, cap);
    this.cUEsc = grown(this.cUEsc, cap);
    this.cPend = grown(this.cPend, cap);
    this.cOwner = grown(this.cOwner, cap);
    this.cFirst = grown(this.cFirst, cap);
    this.cCallback = grown(this.cCallback, cap);
    this.cCallbackAt = grown(this.cCallbackAt, cap);
    this.freeList = grown(this.freeList, cap);
    this.cap = cap;
  }
}

/** (v3) The class whose cumulative share first exceeds u. */
function drawClass(cumShare: Float64Array, u: number): number {
  let k = 0;
  while (k < cumShare.length - 1 && u >= cumShare[k]) k++;
  return k;
}

/** Highest total rate of fresh arrivals over the day's intervals, contacts per second. */
function peakArrivalRate(m: Model): number {
  let peak = 0;
  for (let k = 0; k < m.intervalsPerDay; k++) {
    let sum = 0;
    for (const ch of m.channels) sum += ch.rate[k];
    if (sum > peak) peak = sum;
  }
  return peak;
}

function isWaitingState(st: number): boolean {
  return st === ContactState.Waiting || st === ContactState.Hold || st === ContactState.Handoff;
}

/** Skips the stream when the distribution is a constant (e.g. no wrap-up). */
function drawOrFixed(d: CompiledDist, u: Uniform): number {
  return d.kind === DistKind.Fixed ? d.a : sample(d, u);
}
