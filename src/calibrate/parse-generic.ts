/**
 * The "generic" call-log format: a CSV or TSV (a tab in the header line makes it TSV) with a header
 * row; column names are matched without regard to case, in any order. The columns (README, "Calibrate
 * from your call log"):
 *
 *   arrival            when the call joined the agents' queue: YYYY-MM-DD HH:MM[:SS] (or with a T)
 *   answer_or_abandon  when it was answered or the caller hung up, same form — or instead:
 *   wait               seconds waited in the queue
 *   outcome            answered | abandoned
 *   service            seconds of service (empty or 0 for an abandoned call)
 *   agent              optional: the agent's name or id
 *   channel            optional: voice (default) | chat | email | social
 *   priority           optional: a number, larger = more important
 *   type               optional: a call type (any text)
 *
 * A row with a negative wait or service is dropped by the data's own rules and counted (as in the
 * anonymous-bank format); anything else that does not read is a problem on its line and column.
 */
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { CONTACT_LOG_COLUMNS } from '../sim/contact-log-csv';
import { CHANNEL_KINDS, type ChannelKind } from '../sim/scenario';
import {
  capProblems,
  cellProblem,
  isCalendarDate,
  numberedRows,
  weekdayOf,
  type CallRecord,
  type DroppedRows,
  type ParsedLog,
} from './log';

type LogColumn = Exclude<(typeof CONTACT_LOG_COLUMNS)[number], 'site'>;
type GenericColumn = LogColumn | 'answer_or_abandon';
/**
 * The columns read: those of the contact log Shoreline writes (src/sim/contact-log-csv.ts), so a log
 * written by `sim --contact-log` reads back as it is, less `site` (a call is not placed by it), plus
 * `answer_or_abandon` (when the call stopped waiting), which a log may give instead of `wait`.
 */
export const GENERIC_COLUMNS: readonly GenericColumn[] = [
  ...CONTACT_LOG_COLUMNS.filter((c): c is LogColumn => c !== 'site'),
  'answer_or_abandon',
];

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

export function parseGenericLog(text: string): ParsedLog {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.slice(0, clean.indexOf('\n') >= 0 ? clean.indexOf('\n') : clean.length);
  const rows = firstLine.includes('\t') ? tsvParseRows(clean) : csvParseRows(clean);
  const { header, body } = numberedRows(rows);
  const problems: string[] = [];
  const col: Partial<Record<GenericColumn, number>> = {};
  header.forEach((h, i) => {
    if (!(GENERIC_COLUMNS as readonly string[]).includes(h)) return;
    if (col[h as GenericColumn] !== undefined)
      problems.push(`line 1, column ${i + 1} (${h}): the column is given twice`);
    col[h as GenericColumn] = i;
  });
  for (const name of ['arrival', 'outcome', 'service'] as const)
    if (col[name] === undefined) problems.push(`line 1: missing column ${name}`);
  if (col.answer_or_abandon === undefined && col.wait === undefined)
    problems.push('line 1: missing column answer_or_abandon (or wait)');
  if (col.answer_or_abandon !== undefined && col.wait !== undefined)
    problems.push('line 1: give answer_or_abandon or wait, not both');
  if (problems.length > 0) return { ok: false, problems };

  const dropped: DroppedRows = { phantom: 0, negativeTime: 0, notQueued: 0 };
  const records: CallRecord[] = [];
  const used = GENERIC_COLUMNS.filter((n) => col[n] !== undefined);
  for (const { line, cells } of body) {
    const missing = used.filter((n) => col[n]! >= cells.length);
    if (missing.length > 0) {
      problems.push(
        `line ${line}: ${cells.length} columns, ${header.length} in the header: missing ${missing.join(', ')}`,
      );
      continue;
    }
    const rowProblems: string[] = [];
    const cell = (name: GenericColumn) => (col[name] === undefined ? '' : (cells[col[name]!] ?? '').trim());
    const bad = (name: GenericColumn, what: string) =>
      rowProblems.push(cellProblem(line, col[name]! + 1, name, what));
    const dateTime = (name: GenericColumn): { date: string; seconds: number } | null => {
      const m = DATE_TIME.exec(cell(name));
      if (!m || !isCalendarDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
        bad(name, `not a date-time YYYY-MM-DD HH:MM[:SS] ("${cell(name)}")`);
        return null;
      }
      const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0) + Number(m[5] ?? 0);
      return { date: m[1], seconds };
    };
    const number = (name: GenericColumn, emptyAs: number | null): number => {
      const v = cell(name);
      if (v === '' && emptyAs !== null) return emptyAs;
      if (!NUMBER.test(v)) {
        bad(name, `not a number ("${v}")`);
        return NaN;
      }
      return Number(v);
    };
    const arrival = dateTime('arrival');
    const outcome = cell('outcome').toLowerCase();
    if (outcome !== 'answered' && outcome !== 'abandoned')
      bad('outcome', `must be answered or abandoned ("${cell('outcome')}")`);
    const answered = outcome === 'answered';
    const service = number('service', answered ? null : 0);
    let wait = NaN;
    if (col.wait !== undefined) wait = number('wait', null);
    else {
      const left = dateTime('answer_or_abandon');
      if (left && arrival)
        wait =
          (Date.parse(`${left.date}T00:00:00Z`) - Date.parse(`${arrival.date}T00:00:00Z`)) / 1000 +
          left.seconds -
          arrival.seconds;
    }
    const channelText = cell('channel').toLowerCase();
    if (channelText !== '' && !(CHANNEL_KINDS as readonly string[]).includes(channelText))
      bad('channel', `must be one of ${CHANNEL_KINDS.join(', ')} ("${cell('channel')}")`);
    const priority = col.priority !== undefined && cell('priority') !== '' ? number('priority', null) : null;
    if (rowProblems.length > 0 || !arrival) {
      problems.push(...rowProblems);
      continue;
    }
    if (wait < 0 || service < 0) {
      dropped.negativeTime++;
      continue;
    }
    records.push({
      line,
      date: arrival.date,
      weekday: weekdayOf(arrival.date),
      arrival: arrival.seconds,
      wait,
      answered,
      service: answered ? service : 0,
      agent: answered && cell('agent') !== '' ? cell('agent') : null,
      channel: (channelText || 'voice') as ChannelKind,
      priority,
      type: cell('type') || null,
    });
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, records, dropped, rows: body.length };
}
