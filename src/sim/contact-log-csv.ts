/**
 * A run's contact log (src/sim/contact-log.ts) as a call log in the generic format `sim calibrate`
 * reads (src/calibrate/parse-generic.ts; README, "Calibrate from your call log"). One row per contact
 * that arrived on a measured day (day 1 to the horizon's last, warm-up and follow-up left out) and
 * was answered or abandoned, in order of arrival:
 *
 *   arrival   YYYY-MM-DD HH:MM:SS on the client's clock; day 1 is DAY_ONE (a Monday, as the engine's
 *             day 1 without a calendar)
 *   wait      seconds waited until answered (connect delay included) or until the customer hung up
 *   outcome   answered | abandoned
 *   service   seconds of talk (wrap-up not included); 0 when abandoned
 *   agent     the agent (engine index, `A12`); empty when abandoned
 *   channel   voice | chat | email | social
 *   priority  the customer class's priority (channels with classes; empty otherwise)
 *   type      the customer class's name (channels with classes; empty otherwise)
 *   site      the site answered at or waited at (not read by calibrate)
 *
 * Times are whole seconds, as an ACD logs them: the arrival's second is truncated, wait and service
 * are rounded.
 */
import type { ContactLog } from './contact-log';
import { addDays } from './calendar';
import { DAY } from './clock';
import type { Model } from './model';
import type { Scenario } from './scenario';

export const DAY_ONE = '2027-03-01';
export const CONTACT_LOG_COLUMNS = [
  'arrival',
  'wait',
  'outcome',
  'service',
  'agent',
  'channel',
  'priority',
  'type',
  'site',
] as const;

/** Record indexes of the measured days' arrivals, in order of arrival. */
export function measuredRecords(log: ContactLog, horizonSeconds: number): Int32Array {
  const keep: number[] = [];
  for (let i = 0; i < log.n; i++) if (log.arrival[i] >= 0 && log.arrival[i] < horizonSeconds) keep.push(i);
  keep.sort((a, b) => log.arrival[a] - log.arrival[b] || a - b);
  return Int32Array.from(keep);
}

function dateOf(day: number): string {
  return addDays(DAY_ONE, day);
}

function clock(seconds: number): string {
  const two = (x: number) => String(x).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/** The log's rows as CSV text, one line each (header first), through `write` in chunks. */
export function writeContactLogCsv(
  log: ContactLog,
  model: Model,
  scenario: Scenario,
  write: (text: string) => void,
): number {
  const rows = measuredRecords(log, model.horizon);
  const classPriority = model.channels.map(
    (ch) => scenario.channels[ch.kind]?.classes?.map((k) => String(k.priority ?? 0)) ?? null,
  );
  let chunk = CONTACT_LOG_COLUMNS.join(',') + '\n';
  for (const i of rows) {
    const t = log.arrival[i];
    const day = Math.floor(t / DAY);
    const c = log.channel[i];
    const ch = model.channels[c];
    const answered = log.answered[i] === 1;
    const cls = ch.classes;
    const site = log.site[i] >= 0 ? model.sites[log.site[i]].id : '';
    chunk +=
      `${dateOf(day)} ${clock(Math.floor(t - day * DAY))},${Math.round(log.wait[i])},` +
      `${answered ? 'answered' : 'abandoned'},${answered ? Math.round(log.service[i]) : 0},` +
      `${answered ? `A${log.agent[i]}` : ''},${ch.kind},` +
      `${cls ? classPriority[c]![log.klass[i]] : ''},${cls ? csvText(cls.names[log.klass[i]]) : ''},` +
      `${csvText(site)}\n`;
    if (chunk.length >= 65_536) {
      write(chunk);
      chunk = '';
    }
  }
  write(chunk);
  return rows.length;
}

/** RFC 4180 quoting for a name that holds a comma, a quote or a line break. */
function csvText(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
