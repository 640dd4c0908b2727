/**
 * The result format (SPEC §6–7, format 1).
 *
 * Every figure is an Estimate over replications: the mean and the half-width of a 95 % Student-t
 * interval. A figure that is undefined for a run (e.g. ASA when nothing was handled) is null rather
 * than NaN, so results always serialise to valid JSON; the mean is taken over the replications where
 * it is defined. ci95 is null with fewer than two defined values.
 */
import type { ChannelKind } from './scenario';
import type { SteadyState } from './steady-check';

export interface Estimate {
  mean: number | null;
  ci95: number | null;
}

/**
 * SPEC §6 keys, plus `resolved` and `paidHours` which the derived figures are built from, and (v2)
 * `issuesGivenUp`: raised = resolved + open + given up (see outcomes.ts). (v3) The keys of customer
 * returns, of who pays for an issue, and a contract site's `invoice` and `slaCredit` (null elsewhere;
 * the total sums the contract sites') come last, so v2 columns keep their places.
 */
export const OUTCOME_KEYS = [
  'offered',
  'handled',
  'abandoned',
  'backlog',
  'serviceLevel',
  'asa',
  'waitP90',
  'abandonRate',
  'occupancy',
  'resolutionHours',
  'contactsPerResolution',
  'resolved',
  'paidHours',
  'cost',
  'costPerResolved',
  'issuesRaised',
  'issuesResolved',
  'issuesOpen',
  'issuesGivenUp',
  // (v3) per channel and total (null per site)
  'contactsPerIssue',
  'closedAttempts',
  'callbacksOffered',
  'callbacksAccepted',
  'callbackDelay',
  // (v3) per site and total (null per channel)
  'issuesOwned',
  'observedFcr',
  'issueCost',
  'costPerOwnedIssue',
  'invoice',
  'slaCredit',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** One replication's figures (null = undefined for this run). */
export type OutcomeValues = Record<OutcomeKey, number | null>;
export type Outcomes = Record<OutcomeKey, Estimate>;

export const INTERVAL_KEYS = [
  'offered',
  'handled',
  'abandoned',
  'serviceLevel',
  'asa',
  'abandonRate',
  'occupancy',
  'queue',
  'cost',
  /** (v3) live contacts turned away after hours (not in offered) */
  'closedAttempts',
] as const;
export type IntervalKey = (typeof INTERVAL_KEYS)[number];
export type IntervalValues = Record<IntervalKey, number | null>;
export type IntervalFigures = Record<IntervalKey, Estimate>;

/**
 * Per-interval outcomes. Contacts count in the interval they arrived in (the usual WFM convention);
 * `queue` is the number waiting at the interval's end; occupancy and cost are for time within it.
 */
export interface IntervalOutcome {
  index: number;
  day: number;
  /** "HH:MM" on the client's clock */
  start: string;
  channels: Partial<Record<ChannelKind, IntervalFigures>>;
  total: IntervalFigures;
  /** (v3) per channel with `classes`, each class's figures in the interval; absent without classes */
  classes?: Partial<Record<ChannelKind, Record<string, ClassFigures>>>;
}

/** One replication, before aggregation. */
export interface ReplicationOutcome {
  channels: Partial<Record<ChannelKind, OutcomeValues>>;
  sites: Record<string, OutcomeValues>;
  total: OutcomeValues;
  intervals: {
    channels: Partial<Record<ChannelKind, IntervalValues>>;
    total: IntervalValues;
    /** (v3) per channel with `classes`, per class name; absent when no channel has classes */
    classes?: Partial<Record<ChannelKind, Record<string, ClassValues>>>;
  }[];
  /** (v3) per channel with `classes`, per class name; absent when no channel has classes */
  classes?: Partial<Record<ChannelKind, Record<string, ClassValues>>>;
  events: number;
  contacts: number;
  /** (v2) days of warm-up run before day 1 */
  warmUpDays: number;
  /**
   * started from the warm-up pilot (src/sim/warm-up-pilot.ts): the days the pilot simulated
   * (src/sim/pilot-measure.ts), whose recorded days the steady-state check (backlogGrowthPerDay,
   * measured in the pilot) covers
   */
  pilotWarmUpDays?: number;
  /**
   * per channel, how much the backlog grew per day at the end of the warm-up (null: warm-up too short
   * to tell; absent in shard files written before it was measured) — see steady-check.ts
   */
  backlogGrowthPerDay?: Partial<Record<ChannelKind, number | null>>;
}

/** (v3) Per customer class of a channel (channels.<c>.classes). */
export const CLASS_KEYS = ['offered', 'handled', 'abandoned', 'serviceLevel', 'asa', 'abandonRate'] as const;
export type ClassKey = (typeof CLASS_KEYS)[number];
export type ClassValues = Record<ClassKey, number | null>;
export type ClassFigures = Record<ClassKey, Estimate>;

/** A channel's figures, and (v3) with `classes` its figures per class, by class name. */
export type ChannelOutcomes = Outcomes & { classes?: Record<string, ClassFigures> };

export interface SimulationResult {
  format: 1;
  scenario: string;
  seed: string;
  replications: number;
  /** (v2) days of warm-up each replication ran before day 1 (SPEC §1) */
  warmUpDays: number;
  /**
   * the replications started from the warm-up pilot (src/sim/warm-up-pilot.ts, the default where the
   * default warm-up is over a day): the days the pilot simulated; warmUpDays is then 1 (the contacts
   * start the pilot's settling time before day 1: 6 hours on the bundled scenarios)
   */
  pilotWarmUpDays?: number;
  /** whether the warm-up reached a steady state: not where a backlog still grows (steady-check.ts) */
  steadyState: SteadyState;
  days: number;
  intervalMinutes: number;
  channels: Partial<Record<ChannelKind, ChannelOutcomes>>;
  sites: Record<string, Outcomes>;
  total: Outcomes;
  intervals: IntervalOutcome[];
  performance: { events: number; contacts: number; wallSeconds: number; eventsPerSecond: number };
}
