/**
 * The "anonymous-bank" format (../shared/data/README.md): the Technion SEE Center's per-call log of a
 * bank's call center, tab-separated, one call per row.
 *
 * What a call is to the agents' queue: a row with outcome AGENT was offered (it either queued or reached
 * an agent at once, q_time 0); a HANG row that queued (q_start set) abandoned after q_time seconds; a
 * HANG row that never queued hung up in the voice-response unit and was never offered to an agent.
 * The data's own rules drop PHANTOM rows and rows with a negative time; they are counted, not errors.
 */
import { tsvParseRows } from 'd3-dsv';
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

export const BANK_COLUMNS = [
  'vru+line',
  'call_id',
  'customer_id',
  'priority',
  'type',
  'date',
  'vru_entry',
  'vru_exit',
  'vru_time',
  'q_start',
  'q_exit',
  'q_time',
  'outcome',
  'ser_start',
  'ser_exit',
  'ser_time',
  'server',
] as const;
type BankColumn = (typeof BANK_COLUMNS)[number];

const CLOCK = /^(\d{1,2}):(\d{2}):(\d{2})$/;
const INTEGER = /^-?\d+$/;
const OUTCOMES = ['AGENT', 'HANG', 'PHANTOM'];

export function parseBankLog(text: string): ParsedLog {
  const { header, body } = numberedRows(tsvParseRows(text.replace(/^\uFEFF/, '')));
  const problems: string[] = [];
  const col = {} as Record<BankColumn, number>;
  for (const name of BANK_COLUMNS) {
    const i = header.indexOf(name);
    if (i < 0) problems.push(`line 1: missing column ${name}`);
    col[name] = i;
  }
  if (problems.length > 0) return { ok: false, problems };

  const dropped: DroppedRows = { phantom: 0, negativeTime: 0, notQueued: 0 };
  const records: CallRecord[] = [];
  for (const { line, cells } of body) {
    const rowProblems: string[] = [];
    const cell = (name: BankColumn) => (cells[col[name]] ?? '').trim();
    const missing = BANK_COLUMNS.filter((n) => col[n] >= cells.length);
    if (missing.length > 0) {
      problems.push(
        `line ${line}: ${cells.length} columns, ${header.length} in the header: missing ${missing.join(', ')}`,
      );
      continue;
    }
    const int = (name: BankColumn): number => {
      const v = cell(name);
      if (!INTEGER.test(v))
        rowProblems.push(cellProblem(line, col[name] + 1, name, `not a whole number ("${v}")`));
      return Number(v);
    };
    const clock = (name: BankColumn): number => {
      const m = CLOCK.exec(cell(name));
      if (!m || Number(m[2]) > 59 || Number(m[3]) > 59 || Number(m[1]) > 23) {
        rowProblems.push(cellProblem(line, col[name] + 1, name, `not a time H:MM:SS ("${cell(name)}")`));
        return 0;
      }
      return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    };
    const outcome = cell('outcome');
    if (!OUTCOMES.includes(outcome))
      rowProblems.push(
        cellProblem(line, col.outcome + 1, 'outcome', `must be AGENT, HANG or PHANTOM ("${outcome}")`),
      );
    const rawDate = cell('date');
    const date = /^\d{6}$/.test(rawDate)
      ? `${Number(rawDate.slice(0, 2)) >= 50 ? '19' : '20'}${rawDate.slice(0, 2)}-${rawDate.slice(2, 4)}-${rawDate.slice(4, 6)}`
      : '';
    if (!isCalendarDate(date))
      rowProblems.push(cellProblem(line, col.date + 1, 'date', `not a date YYMMDD ("${rawDate}")`));
    const priority = int('priority');
    const vruTime = int('vru_time');
    const qTime = int('q_time');
    const serTime = int('ser_time');
    const qStart = clock('q_start');
    const serStart = clock('ser_start');
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    if (outcome === 'PHANTOM') {
      dropped.phantom++;
      continue;
    }
    if (vruTime < 0 || qTime < 0 || serTime < 0) {
      dropped.negativeTime++;
      continue;
    }
    const queued = cell('q_start') !== '0:00:00' || qTime > 0;
    if (outcome === 'HANG' && !queued) {
      dropped.notQueued++;
      continue;
    }
    const answered = outcome === 'AGENT';
    const server = cell('server');
    records.push({
      line,
      date,
      weekday: weekdayOf(date),
      arrival: queued ? qStart : serStart,
      wait: qTime,
      answered,
      service: answered ? serTime : 0,
      agent: answered && server !== 'NO_SERVER' && server !== '' ? server : null,
      channel: 'voice',
      priority,
      type: cell('type') || null,
    });
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, records, dropped, rows: body.length };
}
