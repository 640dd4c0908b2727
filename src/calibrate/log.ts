/**
 * A per-call log as the estimators see it: one record per contact offered to the agents' queue, in
 * one shape whatever the file's format (src/calibrate/parse-bank.ts, parse-generic.ts).
 *
 * Pure data: no Node or DOM APIs, so the app can calibrate a dropped file with the same code.
 */
import type { ChannelKind } from '../sim/scenario';

export interface CallRecord {
  /** the file's line (1 = header), for reports */
  line: number;
  /** the call's date, YYYY-MM-DD, on the log's clock */
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** seconds from that date's midnight when the call joined the agents' queue (or reached an agent) */
  arrival: number;
  /** seconds waited in the queue until answered or until the caller hung up */
  wait: number;
  answered: boolean;
  /** seconds of service (0 for an abandoned call) */
  service: number;
  /** the agent's name, null when the log names none */
  agent: string | null;
  channel: ChannelKind;
  /** the log's priority, null when it has none */
  priority: number | null;
  /** the log's call type, null when it has none */
  type: string | null;
}

/** Rows that the data's own rules drop: counted and reported, never errors. */
export interface DroppedRows {
  /** calls that never were (anonymous-bank outcome PHANTOM) */
  phantom: number;
  /** a negative duration or an exit before the entry */
  negativeTime: number;
  /** hung up in the voice-response unit without ever joining the agents' queue: not offered to agents */
  notQueued: number;
}

export type LogFormat = 'anonymous-bank' | 'generic';
export const LOG_FORMATS: readonly LogFormat[] = ['anonymous-bank', 'generic'];

export type ParsedLog =
  { ok: true; records: CallRecord[]; dropped: DroppedRows; rows: number } | { ok: false; problems: string[] };

/** Day of week of a YYYY-MM-DD date (proleptic Gregorian), 0 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whether YYYY-MM-DD is a real calendar date. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    t.getUTCFullYear() === Number(m[1]) &&
    t.getUTCMonth() === Number(m[2]) - 1 &&
    t.getUTCDate() === Number(m[3])
  );
}

/** The table's header and rows with their line numbers; blank lines are skipped (a trailing newline). */
export function numberedRows(rows: string[][]): {
  header: string[];
  body: { line: number; cells: string[] }[];
} {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const body: { line: number; cells: string[] }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.length === 1 && cells[0].trim() === '') continue;
    body.push({ line: i + 1, cells });
  }
  return { header, body };
}

/** A problem at a cell, `line L, column C (name): …`, as every bad-input message in the project. */
export function cellProblem(line: number, column: number, name: string, what: string): string {
  return `line ${line}, column ${column} (${name}): ${what}`;
}

/** More problems than this and the rest are summarised: a wrong --format would list every row. */
export const MAX_PROBLEMS = 50;

export function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`];
}
