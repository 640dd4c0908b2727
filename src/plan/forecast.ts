/**
 * Forecast import (SPEC §8): a CSV of interval volumes becomes the scenario's channel volumes and
 * intraday profiles. Pure (no Node or DOM APIs): the CLI and the app's drop target share it.
 *
 * The CSV has a header row and the columns `start` (`HH:MM`, or an ISO date-time `YYYY-MM-DDTHH:MM`
 * in the client's time zone, without an offset), `channel`, `volume` and, optionally, `handleTime`
 * (seconds). Column order is free; names are matched without regard to case.
 *
 * Every problem is reported, one per line, as `line L, column C (name): …`, and nothing is changed:
 * an unknown channel, a volume that is negative or not a number, a start that is not on the
 * scenario's interval grid (or rows spaced wider than its intervals), duplicate rows.
 *
 * Several days: each day's rows give that day's volume; the scenario gets the average day's volume
 * and the average profile (the sum of each interval's volume over the days, which is the
 * volume-weighted average of the daily profiles), or — with `day` — one day's volume and profile.
 * (v3) Unless `average` or `day` is asked for, it also keeps each date: horizon.startDate and days,
 * and each channel's `daily` volumes and profiles (the dates must be consecutive). The daily volumes
 * are returned in the summary so that a caller can show them.
 *
 * Handle times: a `handleTime` column sets the channel's handle-time mean to the volume-weighted mean
 * of the rows that give one (the distribution keeps its shape: it is scaled), and (v3) its
 * `handleTimeProfile` to each interval's volume-weighted mean; an interval no row gives a handle time
 * for (or only with volume 0) gets the channel's mean. The engine then draws each contact's handle
 * time with the mean of its arrival interval, and the plan's Erlang requirement uses it too. (v3) A
 * dated file keeps them per date as well: each `daily` day's `handleTimeProfile` (the engine and each
 * day's plan use the day's own).
 */
import { csvParseRows } from 'd3-dsv';
import { CHANNEL_KINDS, DEFAULTS, type ChannelKind, type Distribution, type Scenario } from '../sim/scenario';
import { addDays } from '../sim/calendar';
import { distributionMean } from '../sim/distribution';

export interface ForecastChannelSummary {
  channel: ChannelKind;
  /** volume per day, in date order ("" for an HH:MM file: one day) */
  days: { date: string; volume: number }[];
  volumePerDay: number;
  /** the mean handle time set from the file, seconds; null if the file gave none */
  handleTime: number | null;
}

export interface ForecastImport {
  scenario: Scenario;
  channels: ForecastChannelSummary[];
  /** dates in the file, in order ("" for an HH:MM file) */
  dates: string[];
  /** data rows read (those of the day picked, with --day) */
  rows: number;
}

export type ForecastResult = { ok: true; value: ForecastImport } | { ok: false; problems: string[] };

export interface ForecastOptions {
  /** use this date's rows only (YYYY-MM-DD) */
  day?: string;
  /** (v3) a multi-date file: the average day only, undated (default: each date kept, `daily`) */
  average?: boolean;
}

const COLUMNS = ['start', 'channel', 'volume', 'handletime'] as const;
const HHMM = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

interface Row {
  line: number;
  date: string;
  minute: number;
  channel: ChannelKind;
  volume: number;
  handleTime: number | null;
}

/** Parses the CSV against the scenario and returns the updated scenario, or every problem found. */
export function importForecast(
  text: string,
  scenario: Scenario,
  options: ForecastOptions = {},
): ForecastResult {
  const problems: string[] = [];
  const table = csvParseRows(text.replace(/^\uFEFF/, ''));
  // lines: d3-dsv keeps no line numbers; a row is one line unless a quoted field holds a newline,
  // which a forecast has no reason to contain (counted here so that the numbers stay right anyway)
  const lines = lineNumbers(text, table);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col: Partial<Record<(typeof COLUMNS)[number], number>> = {};
  header.forEach((h, i) => {
    if ((COLUMNS as readonly string[]).includes(h)) {
      if (col[h as (typeof COLUMNS)[number]] !== undefined)
        problems.push(`line 1, column ${i + 1} (${h}): the column is given twice`);
      else col[h as (typeof COLUMNS)[number]] = i;
    } else if (h !== '')
      problems.push(
        `line 1, column ${i + 1} (${h}): unknown column (expected start, channel, volume, optional handleTime)`,
      );
  });
  for (const need of ['start', 'channel', 'volume'] as const)
    if (col[need] === undefined) problems.push(`line 1: the header has no "${need}" column`);
  if (problems.length > 0) return { ok: false, problems };
  if (table.length < 2) return { ok: false, problems: ['line 2: no data rows after the header'] };

  const intervalMinutes = scenario.horizon?.intervalMinutes ?? DEFAULTS.horizon.intervalMinutes;
  const rows: Row[] = [];
  let kind: 'time' | 'date' | null = null;
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    const line = lines[r];
    if (cells.every((c) => c.trim() === '')) continue; // blank line
    const at = (name: (typeof COLUMNS)[number]) => ({
      where: `line ${line}, column ${col[name]! + 1} (${name === 'handletime' ? 'handleTime' : name})`,
      value: (cells[col[name]!] ?? '').trim(),
    });
    let ok = true;
    const fail = (where: string, why: string) => {
      problems.push(`${where}: ${why}`);
      ok = false;
    };

    const start = at('start');
    let date = '';
    let minute = 0;
    const t = HHMM.exec(start.value);
    const d = ISO.exec(start.value);
    if (t && Number(t[1]) < 24 && Number(t[2]) < 60) {
      minute = Number(t[1]) * 60 + Number(t[2]);
      if (kind === 'date')
        fail(start.where, `"${start.value}" is a time of day, but earlier rows give dates`);
      kind ??= 'time';
      if (t[3] !== undefined && Number(t[3]) !== 0) fail(start.where, `"${start.value}" is not on a minute`);
    } else if (d && validDate(d[1]) && Number(d[2]) < 24 && Number(d[3]) < 60) {
      date = d[1];
      minute = Number(d[2]) * 60 + Number(d[3]);
      if (kind === 'time')
        fail(start.where, `"${start.value}" gives a date, but earlier rows give times of day`);
      kind ??= 'date';
      if (d[4] !== undefined && Number(d[4]) !== 0) fail(start.where, `"${start.value}" is not on a minute`);
    } else if (ISO_WITH_OFFSET.test(start.value)) {
      fail(start.where, `"${start.value}" has a time-zone offset; give the client's local time without one`);
    } else {
      fail(start.where, `"${start.value}" is not a time (HH:MM) or a date-time (YYYY-MM-DDTHH:MM)`);
    }
    if (ok && minute % intervalMinutes !== 0)
      fail(
        start.where,
        `${start.value} does not start a ${intervalMinutes}-minute interval (the scenario's interval length)`,
      );

    const startOk = ok;
    const ch = at('channel');
    const channel = ch.value.toLowerCase() as ChannelKind;
    if (!(CHANNEL_KINDS as readonly string[]).includes(channel))
      fail(ch.where, `unknown channel "${ch.value}" (${CHANNEL_KINDS.join(', ')})`);
    else if (!scenario.channels[channel])
      fail(ch.where, `the scenario has no channel "${channel}" (add it to the scenario first)`);

    const vol = at('volume');
    const volume = Number(vol.value);
    if (vol.value === '' || !Number.isFinite(volume)) fail(vol.where, `"${vol.value}" is not a number`);
    else if (volume < 0) fail(vol.where, `${vol.value} is negative`);

    let handleTime: number | null = null;
    if (col.handletime !== undefined) {
      const h = at('handletime');
      if (h.value !== '') {
        handleTime = Number(h.value);
        if (!Number.isFinite(handleTime) || handleTime <= 0)
          fail(h.where, `"${h.value}" is not a number of seconds > 0`);
      }
    }
    // a duplicate is judged on start and channel alone, whatever else is wrong with either row
    const key = `${date} ${minute} ${channel}`;
    const first = startOk ? seen.get(key) : undefined;
    if (first !== undefined)
      fail(
        `line ${line}, column ${col.start! + 1} (start)`,
        `duplicate row: ${start.value} ${channel} is also on line ${first}`,
      );
    else if (startOk) seen.set(key, line);
    if (ok) rows.push({ line, date, minute, channel, volume, handleTime });
  }

  // rows spaced wider than the scenario's intervals (e.g. hourly rows for 30-minute intervals)
  // (judged on three or more distinct starts: two rows an hour apart may just leave a gap)
  const starts = [...new Set(rows.map((r) => r.minute))].sort((a, b) => a - b);
  const step = starts.slice(1).reduce((g, m, i) => gcd(g, m - starts[i]), 0);
  if (starts.length >= 3 && step > intervalMinutes)
    problems.push(
      `line ${rows[0].line}, column ${col.start! + 1} (start): the rows are ${step} minutes apart, ` +
        `but the scenario's intervals are ${intervalMinutes} minutes (set horizon.intervalMinutes to ${step} or give every interval)`,
    );
  if (problems.length > 0) return { ok: false, problems };

  let dates = [...new Set(rows.map((r) => r.date))].sort();
  let used = rows;
  if (options.day !== undefined) {
    if (!dates.includes(options.day))
      return {
        ok: false,
        problems: [
          `--day: the file has no rows for ${options.day} (it has ${dates.filter((x) => x).join(', ') || 'times of day only'})`,
        ],
      };
    used = rows.filter((r) => r.date === options.day);
    dates = [options.day];
  }
  const value = apply(scenario, used, dates, intervalMinutes);
  if (options.day !== undefined || options.average || dates.length < 2) return { ok: true, value };
  const gap = missingDate(dates);
  if (gap !== null)
    return {
      ok: false,
      problems: [
        `the file's dates are not consecutive (no rows for ${gap}): give every date, or use --average or --day`,
      ],
    };
  return { ok: true, value: dated(value, used, dates, intervalMinutes) };
}

/** The first date missing between the first and the last, or null. */
function missingDate(dates: string[]): string | null {
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  for (let i = 1; i < dates.length; i++)
    if (ms(dates[i]) - ms(dates[i - 1]) !== 86_400_000) return addDays(dates[i - 1], 1);
  return null;
}

/**
 * (v3) Keeps each date (SPEC §8): horizon.startDate is the first, horizon.days their number, and each
 * channel's `daily` holds every date's volume and profile; volumePerDay and profile stay the average
 * day (what plan's one-day requirement and the analytic views use), and `weekly` goes (the dates say it).
 */
function dated(v: ForecastImport, rows: Row[], dates: string[], intervalMinutes: number): ForecastImport {
  const out = v.scenario;
  const perDay = 1440 / intervalMinutes;
  out.horizon = { ...out.horizon, startDate: dates[0], days: dates.length };
  for (const c of v.channels) {
    const spec = out.channels[c.channel]!;
    delete spec.weekly;
    spec.daily = dates.map((date) => {
      const profile = new Array<number>(perDay).fill(0);
      for (const r of rows)
        if (r.channel === c.channel && r.date === date) profile[r.minute / intervalMinutes] += r.volume;
      const volume = round(
        profile.reduce((a, b) => a + b, 0),
        6,
      );
      const handle = c.handleTime === null ? null : dayHandleTimes(rows, c.channel, date, spec, perDay);
      return {
        volume,
        ...(volume > 0 ? { profile: profile.map((x) => round(x, 6)) } : {}),
        ...(handle ? { handleTimeProfile: handle } : {}),
      };
    });
  }
  return v;
}

/**
 * (v3) One date's mean handle time per interval, volume-weighted over its rows that give one; an
 * interval without gets the channel's mean (that of the whole file). null when the date gives none.
 */
function dayHandleTimes(
  rows: Row[],
  channel: ChannelKind,
  date: string,
  spec: { handleTime: Distribution },
  perDay: number,
): number[] | null {
  const hv = new Array<number>(perDay).fill(0);
  const hw = new Array<number>(perDay).fill(0);
  const intervalMinutes = 1440 / perDay;
  for (const r of rows)
    if (r.channel === channel && r.date === date && r.handleTime !== null && r.volume > 0) {
      hv[r.minute / intervalMinutes] += r.handleTime * r.volume;
      hw[r.minute / intervalMinutes] += r.volume;
    }
  if (hw.every((w) => w === 0)) return null;
  const mean = distributionMean(spec.handleTime);
  return hw.map((w, k) => (w > 0 ? round(hv[k] / w, 3) : mean));
}

function apply(scenario: Scenario, rows: Row[], dates: string[], intervalMinutes: number): ForecastImport {
  const out = structuredClone(scenario);
  const perDay = 1440 / intervalMinutes;
  const channels: ForecastChannelSummary[] = [];
  for (const channel of CHANNEL_KINDS) {
    const mine = rows.filter((r) => r.channel === channel);
    if (mine.length === 0) continue;
    const spec = out.channels[channel]!;
    const profile = new Array<number>(perDay).fill(0);
    const byDay = new Map<string, number>(dates.map((d) => [d, 0]));
    let hv = 0;
    let hw = 0;
    const ihv = new Array<number>(perDay).fill(0);
    const ihw = new Array<number>(perDay).fill(0);
    for (const r of mine) {
      const k = r.minute / intervalMinutes;
      profile[k] += r.volume;
      byDay.set(r.date, byDay.get(r.date)! + r.volume);
      if (r.handleTime !== null) {
        hv += r.handleTime * r.volume;
        hw += r.volume;
        ihv[k] += r.handleTime * r.volume;
        ihw[k] += r.volume;
      }
    }
    const total = profile.reduce((a, v) => a + v, 0);
    spec.volumePerDay = round(total / dates.length, 6);
    if (total > 0) spec.profile = profile.map((v) => round(v / dates.length, 6));
    else delete spec.profile;
    const handleTime = hw > 0 ? hv / hw : null;
    if (handleTime !== null) {
      spec.handleTime = scaledTo(spec.handleTime, handleTime);
      const mean = distributionMean(spec.handleTime);
      spec.handleTimeProfile = ihw.map((w, k) => (w > 0 ? round(ihv[k] / w, 3) : mean));
    }
    channels.push({
      channel,
      days: dates.map((date) => ({ date, volume: round(byDay.get(date)!, 6) })),
      volumePerDay: spec.volumePerDay,
      handleTime,
    });
  }
  return { scenario: out, channels, dates, rows: rows.length };
}

/** The distribution with the same shape and this mean. */
export function scaledTo(d: Distribution, mean: number): Distribution {
  const m = round(mean, 3);
  switch (d.dist) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return { ...d, mean: m };
    case 'fixed':
      return { dist: 'fixed', value: m };
    case 'uniform':
    case 'empirical': {
      const old = distributionMean(d);
      const f = old > 0 ? mean / old : 1;
      return d.dist === 'uniform'
        ? { dist: 'uniform', min: round(d.min * f, 3), max: round(d.max * f, 3) }
        : { dist: 'empirical', values: d.values.map((v) => round(v * f, 3)) };
    }
  }
}

function validDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The 1-based line on which each parsed row starts (a quoted field may span lines). */
function lineNumbers(text: string, table: string[][]): number[] {
  const out: number[] = [];
  let line = 1;
  for (const row of table) {
    out.push(line);
    line += 1;
    for (const cell of row) line += (cell.match(/\n/g) ?? []).length;
  }
  return out;
}
