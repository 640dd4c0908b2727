/**
 * Result files written as a stream, interval by interval: a 366-day run in 30-minute intervals has
 * 17,568 intervals (~29 MiB of JSON), which as objects and one string took ~4× the file's size in
 * memory. The files are byte for byte what `JSON.stringify(result, null, 2)` and the per-interval CSV
 * give (test/stream.test.ts checks it against those serialisers).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import {
  aggregateReplications,
  resultIntervals,
  type IntervalOutcome,
  type ReplicationOutcome,
  type Scenario,
  type SimulationResult,
} from '../sim';
import { classColumnNames, csvLine, intervalCsvHeader, intervalCsvRows } from './csv';
import { describeFsError } from './io';

/** Text written to a file in chunks of ~64 KiB. */
export class FileSink {
  private readonly fd: number;
  private buffer = '';

  constructor(private readonly path: string) {
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw cannotWrite(path, e);
    }
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 65_536) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    try {
      writeSync(this.fd, this.buffer);
    } catch (e) {
      throw cannotWrite(this.path, e);
    }
    this.buffer = '';
  }
}

function cannotWrite(path: string, e: unknown): Error {
  return new Error(`cannot write ${path} (${describeFsError(e)})`, { cause: e });
}

/** Writes `write(sink)` to the file at `path`, closing it whatever happens. */
export function writeFileStreaming(path: string, write: (sink: FileSink) => void): void {
  const sink = new FileSink(path);
  try {
    write(sink);
  } finally {
    sink.close();
  }
}

/**
 * `JSON.stringify(value, null, 2) + '\n'` for a plain object, written key by key: whatever top-level
 * keys it has, in its order. A key in `streamed` is an array whose elements come from the iterable
 * given there, written one at a time, and never held together.
 */
export function writeJson(
  sink: { write(text: string): void },
  value: Record<string, unknown>,
  streamed: Record<string, Iterable<unknown>> = {},
): void {
  sink.write('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const items = Object.hasOwn(streamed, key) ? streamed[key] : undefined;
    const text = items ? undefined : JSON.stringify(value[key], null, 2);
    if (!items && text === undefined) continue; // as JSON.stringify drops undefined and functions
    sink.write(`${first ? '' : ','}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (!items) {
      sink.write(indent(text!, '  '));
      continue;
    }
    let empty = true;
    for (const item of items) {
      sink.write(`${empty ? '[' : ','}\n    ${indent(JSON.stringify(item, null, 2) ?? 'null', '    ')}`);
      empty = false;
    }
    sink.write(empty ? '[]' : '\n  ]');
  }
  sink.write(first ? '}\n' : '\n}\n');
}

/** JSON's own line breaks are the only ones in its text (a string's are escaped as \n). */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replaceAll('\n', '\n' + by) : json;
}

/** The result file: the result with its intervals written one by one from `intervals`. */
export function writeResultJson(
  sink: { write(text: string): void },
  result: SimulationResult,
  intervals: Iterable<IntervalOutcome>,
): void {
  writeJson(sink, result as unknown as Record<string, unknown>, { intervals });
}

/** The per-interval CSV (src/cli/csv.ts), row by row; `classNames`: csv.ts, classColumnNames. */
export function writeIntervalCsv(
  sink: { write(text: string): void },
  replications: number,
  intervals: Iterable<IntervalOutcome>,
  classNames: readonly string[] = [],
): void {
  const withCi = replications >= 2;
  sink.write(csvLine(intervalCsvHeader(withCi, classNames)));
  for (const iv of intervals) sink.write(intervalCsvRows(iv, withCi, classNames));
}

/**
 * A result whose intervals are aggregated while they are written: `result` has every key of the
 * SimulationResult, its `intervals` empty; `intervals()` gives them one at a time.
 */
export interface StreamedResult {
  result: SimulationResult;
  intervals(): Iterable<IntervalOutcome>;
}

export function streamedResult(
  scenario: Scenario,
  seed: string,
  outcomes: readonly ReplicationOutcome[],
  wallSeconds: number,
  daysOverride?: number,
): StreamedResult {
  // everything but the intervals, from the same function as the whole result
  const summary = outcomes.map((o) => ({ ...o, intervals: [] }));
  return {
    result: aggregateReplications(scenario, seed, summary, wallSeconds, daysOverride),
    intervals: () => resultIntervals(scenario, outcomes),
  };
}

/** --json and --csv of a run (or a merged run), each written as a stream. */
export function writeResultFiles(r: StreamedResult, json?: string, csv?: string): void {
  if (json !== undefined) writeFileStreaming(json, (sink) => writeResultJson(sink, r.result, r.intervals()));
  if (csv !== undefined)
    writeFileStreaming(csv, (sink) =>
      writeIntervalCsv(sink, r.result.replications, r.intervals(), classColumnNames(r.result)),
    );
}
