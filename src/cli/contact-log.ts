/**
 * `sim run … --contact-log FILE`: the first replication's contacts as a call log in the generic
 * format `sim calibrate` reads (columns: src/sim/contact-log-csv.ts, README "Calibrate from your call
 * log"). A run in this thread records while it runs; a run on worker threads runs that replication
 * once more here with the recorder (the same seed gives the same contacts).
 */
import { ContactLog } from '../sim/contact-log';
import { writeContactLogCsv } from '../sim/contact-log-csv';
import { compileModel } from '../sim/model';
import { runReplication, type Scenario } from '../sim';
import { writeFileStreaming } from './stream';

export interface ContactLogRun {
  scenario: Scenario;
  seed: string;
  days?: number;
  replication: number;
}

/** Writes `log` (recorded in replication `run.replication`), or records it first when null. */
export function writeContactLogFile(path: string, run: ContactLogRun, log: ContactLog | null): number {
  let recorded = log;
  if (recorded === null) {
    recorded = new ContactLog();
    runReplication(run.scenario, {
      seed: run.seed,
      days: run.days,
      replication: run.replication,
      contactLog: recorded,
    });
  }
  const model = compileModel(run.scenario, { days: run.days });
  let rows = 0;
  writeFileStreaming(path, (sink) => {
    rows = writeContactLogCsv(recorded, model, run.scenario, (t) => sink.write(t));
  });
  return rows;
}
